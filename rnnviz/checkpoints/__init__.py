"""Safe, single-file checkpoints: weights in safetensors, everything else in its header.

One ``.safetensors`` file holds a trained classifier completely:

- the weights (float32 tensors, named like ``model.state_dict()``);
- under the header's ``__metadata__`` key ``"rnnviz"``, one JSON document with the format version,
  the model configuration, the tokenizer (settings and vocabulary), the metrics, the per-epoch
  history, the training configuration, the data source, the creation date and the name.

Loading never unpickles anything (no ``torch.load``): :func:`load_checkpoint` reads the header
itself and checks it before any tensor is built - header size against the file size, tensor
offsets, dtypes, the metadata, the configuration (absurd sizes are refused before anything is
allocated), and that the tensor names and shapes are exactly those of a model built from that
configuration. Every problem raises :class:`CheckpointError` (a ``ValueError``) whose message says
what is wrong. Saving is atomic: a temporary file in the same folder, ``fsync``, ``os.replace``.

    ckpt = load_checkpoint("checkpoints/lstm.safetensors")
    ckpt.predict(["A wonderful film.", "Dull and far too long."])   # -> array([0.93, 0.08])

The package in three parts: :mod:`.format` (the file format and its checks), :mod:`.checkpoint` (the
loaded :class:`Checkpoint`, writing and reading the bytes) and :mod:`.store` (folders, names, atomic
writes, listing). Everything public is importable from ``rnnviz.checkpoints``.
"""

from rnnviz.checkpoints.checkpoint import (
    Checkpoint, CheckpointInfo, build_metadata, checkpoint_bytes, load_checkpoint, load_checkpoint_bytes,
    read_metadata,
)
from rnnviz.checkpoints.format import (
    DEFAULT_MAX_UPLOAD_BYTES, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES, MAX_PARAMETERS, METADATA_KEY, SUFFIX,
    USER_DIR_ENV, CheckpointError, TensorEntry, human_bytes,
)
from rnnviz.checkpoints.names import MAX_NAME_LENGTH, display_name, sanitize_name
from rnnviz.checkpoints.store import (
    import_checkpoint_bytes, list_checkpoints, save_checkpoint, shipped_checkpoint_dir, unique_path,
    user_checkpoint_dir,
)

__all__ = [
    "FORMAT", "FORMAT_VERSION", "Checkpoint", "CheckpointError", "CheckpointInfo", "build_metadata",
    "checkpoint_bytes", "display_name", "import_checkpoint_bytes", "list_checkpoints", "load_checkpoint",
    "load_checkpoint_bytes", "read_metadata", "sanitize_name", "save_checkpoint",
    "shipped_checkpoint_dir", "user_checkpoint_dir", "unique_path", "DEFAULT_MAX_UPLOAD_BYTES", "MAX_FILE_BYTES",
    "MAX_NAME_LENGTH", "MAX_PARAMETERS", "SUFFIX", "USER_DIR_ENV", "TensorEntry",
    "METADATA_KEY", "human_bytes",
]
