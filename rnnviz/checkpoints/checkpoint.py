"""A loaded checkpoint (:class:`Checkpoint`), what a header says (:class:`CheckpointInfo`), and the
file's content: :func:`checkpoint_bytes` writes it, :func:`load_checkpoint` / :func:`load_checkpoint_bytes`
read it back after :mod:`rnnviz.checkpoints.format` has checked everything."""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import torch
from safetensors.torch import load as tensors_from_bytes, save as tensors_to_bytes

from rnnviz.checkpoints.format import (
    DEFAULT_MAX_UPLOAD_BYTES, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, METADATA_KEY, SUFFIX,
    CheckpointError, build_model, check_size_plausible, check_tensors_match, check_tokenizer,
    config_from_dict, Header, human_bytes, jsonable, read_header_from_bytes, read_header_from_file,
)
from rnnviz.checkpoints.names import DEFAULT_NAME, display_name
from rnnviz.snapshots import TENSOR_PREFIX, Timeline
from rnnviz.tokenizer import Tokenizer


# -------------------------------------------------------------------------------- public types
@dataclass(frozen=True)
class CheckpointInfo:
    """What the header says about a checkpoint (for a models table); no tensor is read.

    ``error`` is set (and the other fields may be empty) for a file that is not a valid checkpoint
    when :func:`list_checkpoints` is asked to include those.
    """

    path: Path
    name: str
    created: str | None
    config: dict  # the model configuration, as stored
    metrics: dict
    data_source: dict | None
    train_config: dict | None
    n_epochs: int
    size_bytes: int
    shipped: bool
    error: str | None = None
    snapshots: int = 0  # training snapshots kept in the file (rnnviz.snapshots), 0 when none

    @property
    def cell(self) -> str | None:
        return self.config.get("cell")

    @property
    def recurrent(self) -> bool:
        """False for a bag of words (no recurrent layer)."""
        return self.cell != "bag"

    @property
    def trained_on(self) -> str:
        """"imdb", "sst" or "both": what the model learned from (older checkpoints: IMDB)."""
        return (self.data_source or {}).get("trained_on") or "imdb"

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_row(self, columns: Sequence[str] | None = None) -> dict:
        """A flat dict for a table (name, cell, sizes, accuracies, ...); only ``columns`` when given
        (None for a column the checkpoint lacks)."""
        # metrics first, so that a metric cannot pose as the name, the path or "shipped"
        row = {key: value for key, value in self.metrics.items()
               if isinstance(value, (int, float, str, bool)) or value is None}
        row.update(name=self.name, shipped=self.shipped, created=self.created)
        for key in ("cell", "bidirectional", "num_layers", "hidden_size", "embedding_dim", "vocab_size",
                    "max_len", "pooling"):
            row[key] = self.config.get(key)
        row["epochs"] = self.n_epochs
        row["size_bytes"] = self.size_bytes
        row["path"] = str(self.path)
        if self.error:
            row["error"] = self.error
        return row if columns is None else {column: row.get(column) for column in columns}


@dataclass(frozen=True, eq=False)
class Checkpoint:
    """A loaded checkpoint: the model (eval mode, frozen), its tokenizer and its metadata.

    Nothing here changes after loading, so one ``Checkpoint`` can serve predictions from several
    threads at once. Treat ``metadata`` (and the dicts derived from it) as read-only.
    """

    config: Any  # rnnviz.models.ModelConfig
    model: torch.nn.Module  # rnnviz.models.RNNClassifier
    tokenizer: Tokenizer
    metadata: dict = field(repr=False)
    path: Path | None = None
    timeline: Any = field(default=None, repr=False)  # rnnviz.snapshots.Timeline: training snapshots, if saved

    @property
    def name(self) -> str:
        return display_name(self.metadata.get("name")) or (self.path.stem if self.path else DEFAULT_NAME)

    @property
    def metrics(self) -> dict:
        return self.metadata.get("metrics") or {}

    @property
    def history(self) -> list:
        return self.metadata.get("history") or []

    @property
    def train_config(self) -> dict | None:
        return self.metadata.get("train_config")

    @property
    def data_source(self) -> dict | None:
        return self.metadata.get("data_source")

    @property
    def created(self) -> str | None:
        return self.metadata.get("created")

    @property
    def n_params(self) -> int:
        return sum(p.numel() for p in self.model.parameters())

    @property
    def max_len(self) -> int | None:
        return getattr(self.config, "max_len", None)

    def encode(self, texts: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """Texts -> ``(ids (B, T) int64 post-padded, lengths (B,) int64)``, exactly as in training.

        Each review keeps its last ``config.max_len`` ids (:meth:`Tokenizer.encode_many`).
        """
        ids, lengths = self.tokenizer.encode_many(list(texts), self.config.max_len)
        return torch.from_numpy(ids), torch.from_numpy(lengths)

    @torch.no_grad()
    def predict(self, texts: Sequence[str] | str, batch_size: int = 256) -> np.ndarray:
        """P(positive) for each text: ``(len(texts),)`` float64 (a single string gives shape ``(1,)``).

        Never changes the model or any global setting (thread count, grad mode outside this call),
        so several threads may call it at once on the same checkpoint.
        """
        if isinstance(texts, str):
            texts = [texts]
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        ids, lengths = self.encode(texts)
        out = np.empty(len(lengths), dtype=np.float64)
        # Similar lengths together: less padding per batch; results go back in the input order.
        order = torch.argsort(lengths, stable=True)
        for rows in torch.split(order, batch_size) if len(order) else ():
            width = int(lengths[rows].max())
            logits = self.model(ids[rows, :width], lengths[rows], padding="post")
            out[rows.numpy()] = torch.sigmoid(logits.reshape(-1).double()).numpy()
        return out

    def info(self) -> CheckpointInfo:
        from rnnviz.checkpoints.store import shipped_checkpoint_dir  # here: store imports this module

        size = self.path.stat().st_size if self.path and self.path.exists() else 0
        shipped = self.path is not None and self.path.parent == shipped_checkpoint_dir().resolve()
        return info_from_metadata(self.path or Path(self.name + SUFFIX), self.metadata, size, shipped)

    def __repr__(self) -> str:
        return f"Checkpoint(name={self.name!r}, config={self.config!r}, path={str(self.path) if self.path else None!r})"


def info_from_metadata(path: Path, metadata: dict, size: int, shipped: bool = False) -> CheckpointInfo:
    history = metadata.get("history") or []
    return CheckpointInfo(
        path=path,
        name=display_name(metadata.get("name")) or path.stem,
        created=metadata.get("created"),
        config=dict(metadata.get("model_config") or {}),
        metrics=dict(metadata.get("metrics") or {}),
        data_source=metadata.get("data_source"),
        train_config=metadata.get("train_config"),
        n_epochs=len(history),
        size_bytes=size,
        shipped=shipped,
        snapshots=len((metadata.get("snapshots") or {}).get("epochs") or []) if isinstance(metadata.get("snapshots"), dict) else 0,
    )


# ---------------------------------------------------------------------------------- saving
def _state_tensors(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    tensors = {}
    for name, tensor in model.state_dict().items():
        if not tensor.is_floating_point():
            raise CheckpointError(f"cannot save tensor {name!r} of dtype {tensor.dtype}")
        # a private contiguous float32 copy: safetensors refuses shared storage, and the caller's
        # model may keep training in another thread
        tensors[name] = tensor.detach().to("cpu", torch.float32).contiguous().clone()
    return tensors


def build_metadata(model: torch.nn.Module, *, tokenizer: Tokenizer, metrics: Mapping | None = None,
                   history: Iterable | None = None, data_source: Any = None, train_config: Any = None,
                   name: str | None = None, config: Any = None) -> dict:
    """The JSON document stored in the header (also handy to show before saving)."""
    config = config if config is not None else getattr(model, "config", None)
    if config is None:
        raise CheckpointError("the model has no .config; pass config=")
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"tokenizer must be an rnnviz Tokenizer, got {type(tokenizer).__name__}")
    metrics = dict(jsonable(dict(metrics or {})))
    metrics.setdefault("n_params", sum(p.numel() for p in model.parameters()))
    metrics.setdefault("n_trainable_params", sum(p.numel() for p in model.parameters() if p.requires_grad))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": display_name(name),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "torch_version": torch.__version__,
        "model_config": jsonable(config),
        "tokenizer": tokenizer.to_dict(),
        "metrics": metrics,
        "history": jsonable(list(history or [])),
        "train_config": jsonable(train_config),
        "data_source": jsonable(data_source),
    }


def checkpoint_bytes(model: torch.nn.Module, *, tokenizer: Tokenizer, metrics: Mapping | None = None,
                     history: Iterable | None = None, data_source: Any = None, train_config: Any = None,
                     name: str | None = None, timeline: Any = None) -> bytes:
    """The checkpoint file's content, in memory (for a download button).

    timeline: the run's training snapshots (:class:`rnnviz.snapshots.Timeline`), or None
    """
    metadata = build_metadata(model, tokenizer=tokenizer, metrics=metrics, history=history,
                              data_source=data_source, train_config=train_config, name=name)
    tensors = _state_tensors(model)
    if timeline is not None:
        metadata["snapshots"] = timeline.metadata()
        tensors |= {name: tensor.contiguous() for name, tensor in timeline.tensors().items()}
    document = json.dumps(metadata, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    data = tensors_to_bytes(tensors, metadata={METADATA_KEY: document})
    # Never write a file that load_checkpoint would refuse (e.g. a metric that is not a number).
    header = read_header_from_bytes(data)
    check_tokenizer(header.metadata["tokenizer"], config_from_dict(header.metadata["model_config"]))
    return data


# ---------------------------------------------------------------------------------- loading
def read_metadata(path: str | os.PathLike) -> dict:
    """The rnnviz metadata of a checkpoint, reading only its header (fast; no tensor, no model).

    Checks the header's structure and the metadata (format, version, config); raises
    :class:`CheckpointError` otherwise. Tensor shapes are checked by :func:`load_checkpoint`.
    """
    header, _, _ = read_header_from_file(Path(path).expanduser())
    config_from_dict(header.metadata["model_config"])
    return header.metadata


def _header_checks(header: Header) -> tuple[Any, Tokenizer]:
    """(model config, tokenizer) of a parsed header, checked against each other and the tensor sizes."""
    config = config_from_dict(header.metadata["model_config"])
    tokenizer = check_tokenizer(header.metadata["tokenizer"], config)
    check_size_plausible(config, header)
    return config, tokenizer


def _build(header: Header, data: bytes, path: Path | None,
           checked: tuple[Any, Tokenizer] | None = None) -> Checkpoint:
    """Every check, then the model: ``header`` must be the parse of ``data``; ``checked``: what
    :func:`_header_checks` already returned for it."""
    metadata = header.metadata
    config, tokenizer = checked or _header_checks(header)
    model = build_model(config)
    check_tensors_match(header, model)

    try:
        tensors = tensors_from_bytes(data)
    except Exception as error:  # noqa: BLE001 - the header passed our checks; report what safetensors says
        raise CheckpointError(f"safetensors could not read the tensors: {error}") from None
    for name, tensor in tensors.items():
        if not bool(torch.isfinite(tensor).all()):
            raise CheckpointError(f"tensor {name!r} contains NaN or infinite values")
    snapshot_tensors = {name: tensors.pop(name) for name in list(tensors) if name.startswith(TENSOR_PREFIX)}
    timeline = Timeline.from_tensors(metadata["snapshots"], snapshot_tensors, tokenizer) if snapshot_tensors else None
    try:
        model.load_state_dict(tensors, strict=True)
    except Exception as error:  # noqa: BLE001
        raise CheckpointError(f"cannot load the weights into the model: {error}") from None
    model.eval()
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return Checkpoint(config=config, model=model, tokenizer=tokenizer, metadata=metadata, path=path,
                      timeline=timeline)


def load_checkpoint(path: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES) -> Checkpoint:
    """Load and fully validate a checkpoint written by :func:`save_checkpoint` (never unpickles)."""
    path = Path(path).expanduser()

    checked = []

    def cheap_checks_first(header: Header, size: int) -> None:  # on the header alone, before the tensors
        if size > max_bytes:
            raise CheckpointError(f"{path}: the file has {human_bytes(size)}; the limit is {human_bytes(max_bytes)}")
        checked.append(_header_checks(header))

    header, _, data = read_header_from_file(path, cheap_checks_first)
    return _build(header, data, path.resolve(), checked[0])


def load_checkpoint_bytes(data: bytes | bytearray | memoryview, max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
                          name: str | None = None) -> Checkpoint:
    """Validate and load a checkpoint from memory (an upload); nothing is written to disk."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if len(data) > max_bytes:
        raise CheckpointError(f"the upload has {human_bytes(len(data))}; the limit is {human_bytes(max_bytes)}")
    header = read_header_from_bytes(data)
    if name is not None:
        header.metadata["name"] = display_name(name) or DEFAULT_NAME
    return _build(header, data, None)
