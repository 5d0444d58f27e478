"""Where checkpoints live: the shipped and the user's folders, free file names, atomic writes, listing."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import torch

from rnnviz.checkpoints.checkpoint import (
    Checkpoint, CheckpointInfo, info_from_metadata, checkpoint_bytes, load_checkpoint_bytes,
)
from rnnviz.checkpoints.format import (
    DEFAULT_MAX_UPLOAD_BYTES, SUFFIX, USER_DIR_ENV, CheckpointError, config_from_dict, read_header_from_file,
)
from rnnviz.checkpoints.names import MAX_NAME_LENGTH, sanitize_name
from rnnviz.tokenizer import Tokenizer


# ------------------------------------------------------------------------------------ folders
def shipped_checkpoint_dir() -> Path:
    """``checkpoints/`` at the repository root: the models shipped with the app."""
    return Path(__file__).resolve().parents[2] / "checkpoints"


def user_checkpoint_dir(create: bool = False) -> Path:
    """Where the app saves the user's models: ``$RNNVIZ_USER_CHECKPOINTS`` or ``~/.rnnviz/checkpoints``."""
    configured = os.environ.get(USER_DIR_ENV, "").strip()
    path = Path(configured).expanduser() if configured else Path.home() / ".rnnviz" / "checkpoints"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def _paths_for(folder: Path, name: str) -> Iterator[Path]:
    """``folder/<sanitized name>.safetensors``, then the same with ``-2``, ``-3``... (10,000 at most)."""
    base = sanitize_name(name)
    for counter in range(1, 10_000):
        yield folder / ((base if counter == 1 else f"{base[: MAX_NAME_LENGTH - 6]}-{counter}") + SUFFIX)


def unique_path(folder: str | os.PathLike, name: str) -> Path:
    """``folder/<sanitized name>.safetensors``, or with ``-2``, ``-3``... when that file exists."""
    free = next((path for path in _paths_for(Path(folder), name) if not path.exists()), None)
    if free is None:
        raise CheckpointError(f"{folder}: no free file name for {sanitize_name(name)!r}")
    return free


# ------------------------------------------------------------------------------------ writing
def _write_chunks(handle: io.BufferedWriter, data: bytes, chunk: int = 1 << 20) -> None:
    """Write ``data`` to ``handle`` (its own function so tests can simulate a crash mid-write)."""
    view = memoryview(data)
    for start in range(0, len(view), chunk):
        handle.write(view[start: start + chunk])


def _atomic_write(path: Path, data: bytes, overwrite: bool = True) -> bool:
    """Write ``data`` to ``path`` so that ``path`` is always either the old file or the new one.

    A temporary file in the same folder is written and fsynced, then renamed over ``path``. With
    ``overwrite=False`` it is hard-linked instead, which fails if ``path`` exists (even if another
    process created it a microsecond ago); returns False then, and nothing is changed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_chunks(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # make the rename itself durable (POSIX; not possible on Windows)
    with contextlib.suppress(OSError, AttributeError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return True


def save_checkpoint(model: torch.nn.Module, path: str | os.PathLike, *, tokenizer: Tokenizer,
                    metrics: Mapping | None = None, history: Iterable | None = None,
                    data_source: Any = None, train_config: Any = None, name: str | None = None,
                    timeline: Any = None) -> Path:
    """Save ``model`` and everything needed to use it again into ONE ``.safetensors`` file.

    path: the file (``.safetensors`` is appended when it has another suffix), or an existing folder,
        in which case the file is ``<folder>/<sanitize_name(name)>.safetensors``.
    metrics: e.g. ``val_accuracy``, ``test_accuracy``, ``train_seconds``, ``reviews_per_second``
        (``n_params`` is added); history: one dict (or dataclass) per epoch; train_config: a
        dataclass or dict; data_source: a :class:`rnnviz.data.DataSource` or dict.
    Returns the path written. The write is atomic (temporary file, fsync, rename).
    """
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / (sanitize_name(name) + SUFFIX)
    elif path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    if name is None:
        name = path.stem
    data = checkpoint_bytes(model, tokenizer=tokenizer, metrics=metrics, history=history,
                            data_source=data_source, train_config=train_config, name=name, timeline=timeline)
    _atomic_write(path, data)
    return path


def import_checkpoint_bytes(data: bytes | bytearray | memoryview, directory: str | os.PathLike | None = None, *,
                            name: str | None = None, max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
                            overwrite: bool = False) -> Checkpoint:
    """Validate an uploaded checkpoint, then store it in ``directory`` (default: the user folder).

    The file name comes from :func:`sanitize_name` (``name``, e.g. the uploaded file's name, or
    else the checkpoint's own name), so it can never leave ``directory``; an existing file is never
    replaced (``-2``, ``-3``... are appended) unless ``overwrite``. The bytes are written, unchanged,
    only after the full validation passed.
    """
    checkpoint = load_checkpoint_bytes(data, max_bytes=max_bytes)
    folder = Path(directory).expanduser() if directory is not None else user_checkpoint_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for target in _paths_for(folder, name or checkpoint.name):
        if target.parent.resolve() != folder.resolve():  # belt and braces: sanitize_name ensures it
            raise CheckpointError(f"refusing to write outside {folder}")
        if overwrite or not target.exists():
            if _atomic_write(target, bytes(data), overwrite=overwrite):
                return dataclasses.replace(checkpoint, path=target.resolve())
    raise CheckpointError(f"{folder}: no free file name for {sanitize_name(name or checkpoint.name)!r}")


# ------------------------------------------------------------------------------------ listing
def list_checkpoints(*dirs: str | os.PathLike, include_invalid: bool = False) -> list[CheckpointInfo]:
    """Checkpoints (``*.safetensors``) in ``dirs`` (default: shipped then user folder), headers only.

    Invalid files are skipped, or listed with ``error`` set when ``include_invalid``. Sorted by
    folder order, then name.
    """
    shipped_dir = shipped_checkpoint_dir().resolve()
    folders = [Path(d).expanduser() for d in dirs] if dirs else [shipped_checkpoint_dir(), user_checkpoint_dir()]
    infos: list[CheckpointInfo] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        shipped = folder.resolve() == shipped_dir
        found = []
        for path in sorted(folder.glob("*" + SUFFIX)):
            if path.name.startswith(".") or not path.is_file() or path.resolve() in seen:
                continue  # hidden: our own temporary files
            seen.add(path.resolve())
            try:
                header, size, _ = read_header_from_file(path)
                config_from_dict(header.metadata["model_config"])
                found.append(info_from_metadata(path, header.metadata, size, shipped))
            except CheckpointError as error:
                if include_invalid:
                    size = path.stat().st_size if path.exists() else 0
                    found.append(CheckpointInfo(path, path.stem, None, {}, {}, None, None, 0, size,
                                                shipped, error=str(error)))
        infos.extend(sorted(found, key=lambda info: (info.name.lower(), info.path.name)))
    return infos
