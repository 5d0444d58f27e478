"""The few lines of torch (or Keras-style) code behind each picture, filled with the page's settings."""

from __future__ import annotations


def _rows(id_rows: list[list[int]], limit: int = 6) -> str:
    shown = [str(list(r[:12]))[:-1] + (", ...]" if len(r) > 12 else "]") for r in id_rows[:limit]]
    more = ",\n    # ..." if len(id_rows) > limit else ""
    return "[\n    " + ",\n    ".join(shown) + more + "\n]"


def tokenize_code(vocab_size: int) -> str:
    return f"""from rnnviz import Tokenizer, load_imdb

imdb = load_imdb()
tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size={vocab_size})
ids = [tokenizer.encode(sentence) for sentence in sentences]
# 0 = padding, 1 = start, 2 = unknown word, 3 = most frequent word ("{'the'}")"""


def padding_code(id_rows: list[list[int]], maxlen: int | None, padding: str, truncating: str) -> str:
    torch_way = ""
    if padding == "post" and maxlen is None:
        torch_way = """

# torch does the same (post padding, no truncation):
from torch.nn.utils.rnn import pad_sequence
padded = pad_sequence([torch.LongTensor(s) for s in ids], batch_first=True, padding_value=0)"""
    return f"""import torch
from rnnviz import pad_sequences   # the same rules as keras.utils.pad_sequences

ids = {_rows(id_rows)}
padded = torch.LongTensor(
    pad_sequences(ids, maxlen={maxlen}, padding="{padding}", truncating="{truncating}")
)
print(padded.shape)   # (batch, time){torch_way}"""


def mask_code() -> str:
    return """attention_mask = (padded != 0).long()     # 1 = real word, 0 = padding
lengths = attention_mask.sum(dim=1)        # real words per row"""


def pack_code(padding: str) -> str:
    realign = ""
    if padding == "pre":
        realign = """
# pack_padded_sequence expects the padding at the END: move pre-padded rows left first
padded = torch.stack([torch.cat([row[row != 0], row[row == 0]]) for row in padded])"""
    return f"""from torch.nn.utils.rnn import pack_padded_sequence
{realign}
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed.data            # the real ids, time step by time step
packed.batch_sizes     # how many rows still run at each step
packed.sorted_indices  # rows from longest to shortest"""
