"""rnnviz: see, live and on real reviews, what a recurrent network does.

The core (this package, minus :mod:`rnnviz.ui`) never imports streamlit or plotly, so it works
from a notebook or a script::

    from rnnviz import load_imdb, Tokenizer, pad_batch
    imdb = load_imdb()                       # local folder, hub, or the bundled sample
    tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size=10_000)
    batch = pad_batch([tokenizer.encode(t) for t in ["Not bad at all!", "Dull."]], maxlen=8)
"""

from rnnviz.checkpoints import (
    Checkpoint, CheckpointError, CheckpointInfo, list_checkpoints, load_checkpoint, load_checkpoint_bytes,
    read_metadata, sanitize_name, save_checkpoint,
)
from rnnviz.data import DataError, DataSource, ImdbData, load_imdb
from rnnviz.padding import PackedView, PaddedBatch, pack, pad_batch, pad_sequences, pad_tokens
from rnnviz.tokenizer import Encoding, TextTooLongError, Tokenizer, split_words

__all__ = [
    "Checkpoint", "CheckpointError", "CheckpointInfo", "list_checkpoints", "load_checkpoint",
    "load_checkpoint_bytes", "read_metadata", "sanitize_name", "save_checkpoint",
    "DataError", "DataSource", "ImdbData", "load_imdb",
    "PackedView", "PaddedBatch", "pack", "pad_batch", "pad_sequences", "pad_tokens",
    "Encoding", "TextTooLongError", "Tokenizer", "split_words",
]
