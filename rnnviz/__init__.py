"""rnnviz: see, live and on real reviews, what a recurrent network does.

The core (this package, minus :mod:`rnnviz.ui`) never imports streamlit or plotly, so it works
from a notebook or a script::

    from rnnviz import load_imdb, load_sst, Tokenizer, pad_batch
    imdb = load_imdb()                       # local folder, hub, or the bundled sample
    sst = load_sst()                         # every labelled phrase of the Sentiment Treebank
    tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size=10_000)
    batch = pad_batch([tokenizer.encode(t) for t in ["Not bad at all!", "Dull."]], maxlen=8)

The names below are imported on first use (PEP 562): a process that needs one module, such as a
training rank, does not pay for the others (``datasets`` alone takes about a second to import).
"""

from __future__ import annotations

import importlib

# public name -> the module that defines it
_EXPORTS = {
    **dict.fromkeys(("Checkpoint", "CheckpointError", "CheckpointInfo", "list_checkpoints", "load_checkpoint",
                     "load_checkpoint_bytes", "read_metadata", "sanitize_name", "save_checkpoint"),
                    "rnnviz.checkpoints"),
    **dict.fromkeys(("DataError", "DataSource", "ImdbData", "load_imdb"), "rnnviz.data"),
    **dict.fromkeys(("SstData", "SstFormatError", "load_sst"), "rnnviz.sst"),
    **dict.fromkeys(("PackedView", "PaddedBatch", "pack", "pad_batch", "pad_sequences", "pad_tokens"),
                    "rnnviz.padding"),
    **dict.fromkeys(("Encoding", "TextTooLongError", "Tokenizer", "split_words"), "rnnviz.tokenizer"),
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rnnviz' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found once; later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
