"""The checkpoint file format: one ``.safetensors`` file, read and checked before anything is built.

The header is parsed here, by rnnviz's own reader, and every check runs on it before a tensor is
read: header size against the file size, tensor offsets, dtypes, the metadata, a configuration of
plausible size, tensor names and shapes exactly those of a model built from that configuration.
Every problem raises :class:`CheckpointError` (a ``ValueError``) whose message says what is wrong.
The names a file carries go through :mod:`rnnviz.checkpoints.names` before use.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import torch

from rnnviz import models
from rnnviz.snapshots import Timeline
from rnnviz.tokenizer import Tokenizer

# --------------------------------------------------------------------------------------- constants
FORMAT = "rnnviz.checkpoint"
FORMAT_VERSION = 1
METADATA_KEY = "rnnviz"
SUFFIX = ".safetensors"
USER_DIR_ENV = "RNNVIZ_USER_CHECKPOINTS"

# The header of a checkpoint with a 100,000-word vocabulary is ~2 MB; 64 MiB leaves room and
# still refuses a length field that would make us read gigabytes of "JSON".
MAX_HEADER_BYTES = 64 * 2**20
MAX_FILE_BYTES = 2 * 2**30  # load_checkpoint refuses bigger files
DEFAULT_MAX_UPLOAD_BYTES = 200 * 2**20  # load_checkpoint_bytes default
MAX_TENSORS = 1_000
MAX_PARAMETERS = 250_000_000  # ~1 GB of float32: far beyond anything this course trains

# safetensors dtype -> (bytes per element, torch dtype). Weights are saved as float32; half
# precision files (someone converting a checkpoint) are accepted and cast on load.
_DTYPES: dict[str, tuple[int, torch.dtype]] = {
    "F32": (4, torch.float32),
    "F16": (2, torch.float16),
    "BF16": (2, torch.bfloat16),
}
_REQUIRED_KEYS = ("format", "format_version", "model_config", "tokenizer")
NUMERIC_METRICS = frozenset({
    "val_accuracy", "val_loss", "test_accuracy", "test_loss", "train_seconds", "reviews_per_second",
    "n_params", "n_trainable_params", "best_epoch", "epochs_run", "test_reviews", "train_reviews",
    "predict_reviews_per_second",
})


class CheckpointError(ValueError):
    """A file that is not a valid rnnviz checkpoint; the message says why."""




# -------------------------------------------------------------------------------------- helpers
def human_bytes(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15)):
        if n < scale * 1000 or unit == "PB":
            value = n / scale
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{n} bytes"  # pragma: no cover


def jsonable(value: Any) -> Any:
    """Plain JSON types from dataclasses, numpy / torch scalars, paths; NaN and inf become None."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else None
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return jsonable(value.item())
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, (Path, os.PathLike)):
        return os.fspath(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise CheckpointError(f"the header repeats the key {key!r}")
        seen[key] = value
    return seen


def config_from_dict(data: Any):
    if not isinstance(data, dict):
        raise CheckpointError("the metadata's 'model_config' is not an object")
    try:
        return models.ModelConfig.from_dict(data)
    except CheckpointError:
        raise
    except (ValueError, TypeError, KeyError) as error:
        raise CheckpointError(f"invalid model configuration: {error}") from None


# ------------------------------------------------------------------------------ header parsing
@dataclass(frozen=True)
class TensorEntry:
    """One tensor as the header describes it (nothing read yet)."""

    name: str
    dtype: str
    shape: tuple[int, ...]
    begin: int  # offsets inside the data section
    end: int

    @property
    def numel(self) -> int:
        return math.prod(self.shape)


@dataclass(frozen=True)
class Header:
    tensors: dict[str, TensorEntry]
    metadata: dict  # the rnnviz JSON document
    data_start: int  # 8 + header length
    data_size: int


def _describe_foreign(prefix: bytes) -> str | None:
    """A friendly name for common files that are not safetensors (judged from their first bytes)."""
    if prefix[:1] == b"\x80" and len(prefix) > 1 and 2 <= prefix[1] <= 5:
        return "not a safetensors file (it looks like a Python pickle, which rnnviz never loads)"
    if prefix[:4] == b"PK\x03\x04":
        return ("not a safetensors file (it looks like a zip archive, e.g. a torch.save .pt file, "
                "which would need unpickling; rnnviz never loads those)")
    if prefix[:1] in (b"(", b"]", b"}", b"c") and b"\n" in prefix:
        # protocol 0 pickles start with an opcode such as "(dp0\n" or "c__main__\n"
        return "not a safetensors file (it looks like a Python pickle, which rnnviz never loads)"
    if prefix[:2] == b"\x1f\x8b":
        return "not a safetensors file (it looks like a gzip archive)"
    if len(prefix) >= 8 and all(32 <= b < 127 or b in (9, 10, 13) for b in prefix[:8]):
        return f"not a safetensors file (it starts with text: {prefix[:8].decode('ascii')!r})"
    return None


def _parse_header(prefix: bytes, file_size: int, read_header) -> Header:
    """Validate the safetensors header; ``read_header(n)`` returns the ``n`` header bytes.

    ``prefix`` is the first bytes of the file (at least 8 when the file has them).
    """
    if file_size == 0:
        raise CheckpointError("the file is empty")
    foreign = _describe_foreign(prefix[:16])
    if file_size < 8:
        raise CheckpointError(foreign or f"not a safetensors file (only {file_size} bytes)")
    header_len = int.from_bytes(prefix[:8], "little")
    available = file_size - 8
    if header_len > available:
        raise CheckpointError(foreign or (
            f"not a safetensors file, or a truncated one: its header length field says "
            f"{human_bytes(header_len)} but the file has only {human_bytes(file_size)}"))
    if header_len > MAX_HEADER_BYTES:
        raise CheckpointError(foreign or (
            f"the header claims {human_bytes(header_len)}; the limit is {human_bytes(MAX_HEADER_BYTES)}"))
    if header_len < 2:
        raise CheckpointError(foreign or "not a safetensors file (its header is empty)")
    raw = read_header(header_len)
    if len(raw) != header_len:
        raise CheckpointError("the file is truncated inside its header")
    if raw[:1] != b"{":
        raise CheckpointError(foreign or "not a safetensors file (its header is not a JSON object)")
    try:
        header = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except CheckpointError:
        raise
    except (ValueError, RecursionError) as error:  # JSONDecodeError, UnicodeDecodeError, 5,000-digit ints
        raise CheckpointError(foreign or f"not a safetensors file (its header is not valid JSON: {error})") from None
    if not isinstance(header, dict):
        raise CheckpointError("not a safetensors file (its header is not a JSON object)")

    st_metadata = header.pop("__metadata__", None)
    if len(header) > MAX_TENSORS:
        raise CheckpointError(f"the header lists {len(header):,} tensors; the limit is {MAX_TENSORS:,}")
    data_size = available - header_len
    tensors: dict[str, TensorEntry] = {}
    for name, spec in header.items():
        tensors[name] = _parse_entry(name, spec)

    # The tensors must tile the data section exactly: no gap, no overlap, nothing past the end.
    ordered = sorted(tensors.values(), key=lambda t: (t.begin, t.end))
    claimed = max((t.end for t in ordered), default=0)
    if claimed > data_size:
        raise CheckpointError(
            f"the file is truncated: its header says {human_bytes(claimed)} of tensors, "
            f"the file has {human_bytes(data_size)}")
    position = 0
    for entry in ordered:
        if entry.begin != position:
            kind = "overlaps another tensor" if entry.begin < position else "leaves a gap before it"
            raise CheckpointError(f"tensor {entry.name!r} {kind} (offsets {entry.begin}-{entry.end})")
        position = entry.end
    if position != data_size:
        raise CheckpointError(
            f"the file has {human_bytes(data_size - position)} after its tensors "
            "(corrupted, or not written by a safetensors library)")

    if st_metadata is None:
        raise CheckpointError("a safetensors file without rnnviz metadata (not an rnnviz checkpoint)")
    if not isinstance(st_metadata, dict) or not all(isinstance(v, str) for v in st_metadata.values()):
        raise CheckpointError("the header's __metadata__ must map names to strings")
    document = st_metadata.get(METADATA_KEY)
    if document is None:
        raise CheckpointError(
            f"a safetensors file without rnnviz metadata (no {METADATA_KEY!r} key): not an rnnviz checkpoint")
    try:
        metadata = json.loads(document, object_pairs_hook=_no_duplicate_keys)
    except CheckpointError:
        raise
    except (ValueError, RecursionError) as error:
        raise CheckpointError(f"the rnnviz metadata is not valid JSON ({error})") from None
    _check_metadata(metadata)
    return Header(tensors, metadata, 8 + header_len, data_size)


def _parse_entry(name: str, spec: Any) -> TensorEntry:
    if not name or len(name) > 256:
        raise CheckpointError(f"invalid tensor name {name[:40]!r}")
    if not isinstance(spec, dict) or set(spec) != {"dtype", "shape", "data_offsets"}:
        raise CheckpointError(f"tensor {name!r}: the header entry must have exactly dtype, shape and data_offsets")
    dtype, shape, offsets = spec["dtype"], spec["shape"], spec["data_offsets"]
    if dtype not in _DTYPES:
        allowed = ", ".join(_DTYPES)
        raise CheckpointError(f"tensor {name!r} has dtype {dtype!r}; rnnviz only loads {allowed}")
    if (not isinstance(shape, list) or len(shape) > 8
            or not all(type(d) is int and 0 <= d for d in shape)):
        raise CheckpointError(f"tensor {name!r} has an invalid shape {str(shape)[:80]}")
    if (not isinstance(offsets, list) or len(offsets) != 2
            or not all(type(o) is int and o >= 0 for o in offsets) or offsets[0] > offsets[1]):
        raise CheckpointError(f"tensor {name!r} has invalid data offsets {str(offsets)[:80]}")
    itemsize = _DTYPES[dtype][0]
    needed = math.prod(shape) * itemsize
    if offsets[1] - offsets[0] != needed:
        raise CheckpointError(
            f"tensor {name!r}: shape {tuple(shape)} needs {human_bytes(needed)} but its offsets "
            f"cover {human_bytes(offsets[1] - offsets[0])}")
    return TensorEntry(name, dtype, tuple(shape), offsets[0], offsets[1])


def _check_metadata(metadata: Any) -> None:
    if not isinstance(metadata, dict):
        raise CheckpointError("the rnnviz metadata is not a JSON object")
    if metadata.get("format") != FORMAT:
        raise CheckpointError(f"the metadata is not an rnnviz checkpoint (format {metadata.get('format')!r})")
    version = metadata.get("format_version")
    if type(version) is not int:
        raise CheckpointError(f"the metadata has no valid format_version ({version!r})")
    if version > FORMAT_VERSION:
        raise CheckpointError(
            f"this checkpoint was written by a newer rnnviz (format version {version}); "
            f"this version reads format version {FORMAT_VERSION}")
    if version < 1:
        raise CheckpointError(f"unknown checkpoint format version {version}")
    missing = [k for k in _REQUIRED_KEYS if k not in metadata]
    if missing:
        raise CheckpointError(f"the metadata lacks {', '.join(missing)}")
    if not isinstance(metadata["model_config"], dict):
        raise CheckpointError("the metadata's 'model_config' is not an object")
    if not isinstance(metadata["tokenizer"], dict):
        raise CheckpointError("the metadata's 'tokenizer' is not an object")
    for key, kind, label in (("metrics", dict, "an object"), ("history", list, "a list"),
                             ("train_config", dict, "an object"), ("data_source", dict, "an object"),
                             ("name", str, "a string"), ("created", str, "a string")):
        if metadata.get(key) is not None and not isinstance(metadata[key], kind):
            raise CheckpointError(f"the metadata's {key!r} is not {label}")
    # Numbers the app formats (e.g. as percentages) must be numbers, whoever wrote the file.
    for key, value in (metadata.get("metrics") or {}).items():
        if key in NUMERIC_METRICS and value is not None and (
                isinstance(value, bool) or not isinstance(value, (int, float))):
            raise CheckpointError(f"the metric {key!r} is not a number ({str(value)[:40]!r})")
    if not all(isinstance(record, dict) for record in metadata.get("history") or []):
        raise CheckpointError("the metadata's 'history' must be a list of objects (one per epoch)")


def read_header_from_file(path: Path, check: Callable[[Header, int], None] | None = None
                           ) -> tuple[Header, int, bytes | None]:
    """(header, file size, the file's bytes or None): the header is parsed once; when ``check(header,
    size)`` is given and passes, the whole file is read through the same open handle, so the bytes are
    those of the file whose header was checked (a checkpoint is replaced by a rename, never in place)."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise CheckpointError(f"{path}: is a folder, not a checkpoint file")
        if not path.is_file():
            raise CheckpointError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            prefix = handle.read(16)
            handle.seek(8)
            header = _parse_header(prefix, size, lambda n: handle.read(n))
            if check is None:
                return header, size, None
            check(header, size)
            handle.seek(0)
            data = handle.read(size + 1)
    except FileNotFoundError:
        raise CheckpointError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CheckpointError(f"{path}: is a folder, not a checkpoint file") from None
    except PermissionError:
        raise CheckpointError(f"{path}: permission denied") from None
    except OSError as error:
        raise CheckpointError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) != size:
        raise CheckpointError(f"{path}: the file changed while it was read")
    return header, size, data


def read_header_from_bytes(data: bytes) -> Header:
    view = memoryview(data)
    return _parse_header(bytes(view[:16]), len(data), lambda n: bytes(view[8: 8 + n]))


# ------------------------------------------------------------------------------ model checks
def _estimate_parameters(config: Any) -> int | None:
    """A rough upper-bound parameter count from the config alone (no model built)."""
    try:
        vocab, emb, hidden = int(config.vocab_size), int(config.embedding_dim), int(config.hidden_size)
        layers = int(config.num_layers)
        dirs = 2 if config.bidirectional else 1
    except (AttributeError, TypeError, ValueError):
        return None
    gates = {"rnn": 1, "gru": 3, "lstm": 4}.get(str(getattr(config, "cell", "lstm")), 4)
    width = max(emb, hidden * dirs)
    return vocab * emb + layers * dirs * gates * hidden * (width + hidden + 2) + hidden * dirs * 4 + 1


def check_size_plausible(config: Any, header: Header) -> None:
    """Refuse, before anything is allocated, a config far bigger than the tensors in the file.

    The model is only built when the config's size is plausible: the file's tensors (bounded by
    the file size) must hold all its weights, so a config that claims a hidden size of 10**9
    while the file holds a few kB is refused here, in microseconds.
    """
    estimate = _estimate_parameters(config)
    if estimate is None:
        return
    in_file = sum(entry.numel for entry in header.tensors.values())
    if estimate > MAX_PARAMETERS:
        raise CheckpointError(
            f"the configuration describes a model of about {estimate:,} parameters; "
            f"the limit is {MAX_PARAMETERS:,}")
    if estimate > 2 * in_file + 1_000_000:
        raise CheckpointError(
            f"the configuration describes a model of about {estimate:,} parameters but the file "
            f"holds only {in_file:,} weights")


def build_model(config: Any) -> torch.nn.Module:
    """A fresh ``RNNClassifier(config)`` (called only after :func:`check_size_plausible`)."""
    try:
        model = models.RNNClassifier(config)
    except CheckpointError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure to build means an unusable config
        raise CheckpointError(f"cannot build a model from the configuration: {error}") from None
    total = sum(t.numel() for t in model.state_dict().values())
    if total > MAX_PARAMETERS:
        raise CheckpointError(
            f"the configuration describes a model of {total:,} parameters; the limit is {MAX_PARAMETERS:,}")
    return model


def _fmt_shape(shape: Sequence[int]) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def check_tensors_match(header: Header, model: torch.nn.Module) -> None:
    """The file's tensor names and shapes must be exactly those of ``model.state_dict()``, plus the
    training snapshots its metadata announces (:mod:`rnnviz.snapshots`), if any."""
    expected = {name: (tuple(t.shape), t.dtype) for name, t in model.state_dict().items()}
    if "snapshots" in header.metadata:
        try:
            shapes = Timeline.expected_shapes(header.metadata["snapshots"], model.config.embedding_dim)
        except ValueError as error:
            raise CheckpointError(f"invalid training snapshots in the metadata: {error}") from None
        expected |= {name: (shape, torch.float32) for name, shape in shapes.items()}
    found = header.tensors
    missing = [n for n in expected if n not in found]
    extra = [n for n in found if n not in expected]
    if missing:
        more = f" (and {len(missing) - 3} more)" if len(missing) > 3 else ""
        raise CheckpointError(f"the file lacks tensor(s) {', '.join(map(repr, missing[:3]))}{more} that the config needs")
    if extra:
        more = f" (and {len(extra) - 3} more)" if len(extra) > 3 else ""
        raise CheckpointError(f"the file has tensor(s) {', '.join(map(repr, extra[:3]))}{more} that the config does not use")
    for name, (shape, dtype) in expected.items():
        entry = found[name]
        if entry.shape != shape:
            raise CheckpointError(
                f"tensor {name!r} has shape {_fmt_shape(entry.shape)} but the config needs {_fmt_shape(shape)}")
        if not dtype.is_floating_point:
            raise CheckpointError(f"the model's tensor {name!r} is {dtype}, which checkpoints cannot hold")


def check_tokenizer(tokenizer_dict: Any, config: Any) -> Tokenizer:
    try:
        tokenizer = Tokenizer.from_dict(tokenizer_dict)
    except (ValueError, TypeError) as error:
        raise CheckpointError(f"invalid tokenizer in the metadata: {error}") from None
    vocab = getattr(config, "vocab_size", None)
    if isinstance(vocab, int) and tokenizer.vocab_size > vocab:
        raise CheckpointError(
            f"the tokenizer produces ids up to {tokenizer.vocab_size - 1} but the model's embedding "
            f"has only {vocab} rows")
    return tokenizer
