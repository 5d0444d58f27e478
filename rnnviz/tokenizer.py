"""Text -> index sequences, with the Keras IMDB conventions the course uses.

Ids: 0 = padding, 1 = start of review, 2 = out-of-vocabulary (OOV), then the words of the
training text from the most frequent (3) down. ``vocab_size`` counts every id, the reserved ones
included, exactly like Keras' ``num_words``: ids are always ``< vocab_size``.

Why a regular expression and not HF ``tokenizers``: the whole rule fits in one line that a class can
read on the Padding page and it handles any unicode without a native dependency (HF ``tokenizers``
with the same rule measured slower here; the figures are in the README).

Many texts at once (:func:`split_many`, :meth:`Tokenizer.build`, :meth:`Tokenizer.encode_many`) are
cleaned in Python (cheap), then split by Arrow's compiled string kernels: a byte table and RE2 rewrites
for the ASCII texts (about 90 % of IMDB), and for the others the same rewrites with classes of the characters
Python itself sorted into letters, symbols and separators. The words and ids are the same as one text
at a time (``tests/test_tokenizer.py`` checks every IMDB training review and random odd text), several
times faster (the README gives the measured times).
"""

from __future__ import annotations

import html
import json
import os
import re
import string
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

PAD_ID, START_ID, OOV_ID = 0, 1, 2
PAD_TOKEN, START_TOKEN, OOV_TOKEN = "<pad>", "<start>", "<oov>"
SPECIAL_TOKENS = (PAD_TOKEN, START_TOKEN, OOV_TOKEN)
FIRST_WORD_ID = len(SPECIAL_TOKENS)
DEFAULT_VOCAB_SIZE = 10_000
# 1 MB of text is ~200k words: more than any review, small enough to tokenize in well under a second.
MAX_TEXT_CHARS = 1_000_000

_BREAK_TAGS = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_OTHER_TAGS = re.compile(r"<[^>]{0,200}>")
# A word is a run of letters/digits (any script), possibly with inner apostrophes ("don't", "l'été").
# Any other single visible character that is a *symbol* (emoji, ★, €) becomes its own token;
# punctuation is dropped, as Keras' Tokenizer does.
TOKEN_PATTERN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s]")
_SYMBOL_CATEGORIES = {"So", "Sc"}  # emoji, ★, €; not math signs such as < = +
# The same rule for ASCII text, where "$" is the only symbol of those categories (the other ASCII signs
# are punctuation or math): one regular expression and no filter, twice as fast on the IMDB reviews.
_ASCII_PATTERN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|\$")
# The same ASCII rule again, for many cleaned, lower-cased texts at once: one byte table turns
# everything but letters, digits, "'" and "$" into a space, then Arrow (RE2) rewrites keep an
# apostrophe only between two letters or digits and stand "$" alone, and the text splits on spaces.
_ASCII_WORD_BYTES = (string.ascii_lowercase + string.digits + "'$").encode()
_ASCII_TABLE = bytes(byte if byte in _ASCII_WORD_BYTES else ord(" ") for byte in range(256))
_APOSTROPHE_REWRITES = (r"''+", r"(?:^| )'", r"'(?: |$)")
# From this many texts on, split_many works on two threads (below, starting them costs more than it saves).
_THREADED_TEXTS = 2_000
# Arrow's own allocator (jemalloc) made a fresh process's vocabulary + encoding of the 50,000 IMDB
# reviews take 3.9-4.3 s here, the system allocator 2.3-2.6 s (the ids are the same; measured
# 2026-12-02, three runs each). ARROW_DEFAULT_MEMORY_POOL, when set, still decides.
if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
    pa.set_memory_pool(pa.system_memory_pool())


class TextTooLongError(ValueError):
    """Raised when a text is longer than the tokenizer accepts (see ``MAX_TEXT_CHARS``)."""


def clean_text(text: str) -> str:
    """Undo the IMDB dump's HTML: ``<br />`` -> space, other tags removed, entities decoded."""
    if not isinstance(text, str):
        raise TypeError(f"expected text (str), got {type(text).__name__}")
    text = _BREAK_TAGS.sub(" ", text)
    text = html.unescape(text)
    # Tags are removed after unescaping too, so "&lt;script&gt;" cannot smuggle a tag through.
    text = _OTHER_TAGS.sub(" ", text)
    # One apostrophe, so "didn’t" (typographic) and "didn't" are the same word.
    text = text.replace("\x00", " ").replace("’", "'")
    return unicodedata.normalize("NFC", text)


def split_words(text: str) -> list[str]:
    """Clean, lower-case and split ``text`` into word tokens (the "séquençage" step, before ids)."""
    return _split_cleaned(_cleaned_lower(text))


def _cleaned_lower(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f"the text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    return clean_text(text).lower()


def _split_cleaned(text: str) -> list[str]:
    if text.isascii():
        return _ASCII_PATTERN.findall(text)
    tokens = TOKEN_PATTERN.findall(text)
    return [t for t in tokens if len(t) > 1 or t.isalnum() or unicodedata.category(t) in _SYMBOL_CATEGORIES]


def _spaced_ascii(texts: list[str]) -> pa.Array:
    """Cleaned, lower-cased ASCII texts -> (N,) Arrow strings of their words, by the ASCII rule,
    with nothing but spaces between them."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    data = "".join(texts).encode("ascii").translate(_ASCII_TABLE)
    spaced = pa.LargeStringArray.from_buffers(len(texts), pa.py_buffer(offsets), pa.py_buffer(data))
    return _apostrophes_between_letters(spaced)


def _apostrophes_between_letters(spaced: pa.Array) -> pa.Array:
    spaced = pc.replace_substring(spaced, "$", " $ ")
    for pattern in _APOSTROPHE_REWRITES:
        spaced = pc.replace_substring_regex(spaced, pattern, " ")
    return spaced


def _spaced_unicode(texts: list[str]) -> pa.Array:
    """:func:`_spaced_ascii` for texts with other characters: Python itself sorts each of them
    (a letter or digit of a word, a symbol that stands alone, or a separator), Arrow rewrites."""
    others = {char for char in set().union(*texts) if not char.isascii()}
    word_chars = "".join(f"\\x{{{ord(c):x}}}" for c in sorted(others) if c.isalnum())
    symbols = "".join(f"\\x{{{ord(c):x}}}" for c in sorted(others)
                      if not c.isalnum() and unicodedata.category(c) in _SYMBOL_CATEGORIES)
    spaced = pa.array(texts, type=pa.large_string())
    if symbols:
        spaced = pc.replace_substring_regex(spaced, f"([{symbols}])", " \\1 ")
    spaced = pc.replace_substring_regex(spaced, f"[^a-z0-9'$ {word_chars}{symbols}]+", " ")
    return _apostrophes_between_letters(spaced)


@dataclass(frozen=True)
class SplitTexts:
    """The words of many texts (from :func:`split_many`), to count and encode without splitting twice.

    words: (W,) Arrow strings, every word of every text in order; counts: (N,) int64 words per text
    """

    words: pa.Array
    counts: np.ndarray

    def __len__(self) -> int:
        return len(self.counts)


def split_many(texts: Iterable[str] | SplitTexts) -> SplitTexts:
    """:func:`split_words` of many texts at once: the same words, split in Arrow's compiled kernels.

    Cleaning stays in Python (it is cheap); the ASCII texts (about 90 % of IMDB) are split by one byte table
    and Arrow's rewrites, the others by the same rewrites with the character classes Python gives
    their letters and symbols (see the module docstring). Many texts are split in two halves on two
    threads: Arrow's kernels release the GIL, so both cores work.
    Raises what :func:`split_words` raises (a text too long, or not text) at the first such text.
    """
    if isinstance(texts, SplitTexts):
        return texts
    cleaned = [_cleaned_lower(text) for text in texts]
    if len(cleaned) < _THREADED_TEXTS:
        return _split_cleaned_many(cleaned)
    middle = len(cleaned) // 2
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(_split_cleaned_many, (cleaned[:middle], cleaned[middle:]))
    return SplitTexts(pa.concat_arrays([first.words, second.words]), np.concatenate([first.counts, second.counts]))


def _split_cleaned_many(cleaned: list[str]) -> SplitTexts:
    ascii_mask = np.fromiter((text.isascii() for text in cleaned), dtype=bool, count=len(cleaned))
    spaced = _spaced_ascii([text if plain else "" for text, plain in zip(cleaned, ascii_mask)])
    if not ascii_mask.all():
        others = [text for text, plain in zip(cleaned, ascii_mask) if not plain]
        spaced = pc.replace_with_mask(spaced, pa.array(~ascii_mask), _spaced_unicode(others))
    words = pc.ascii_split_whitespace(spaced)
    counts = pc.list_value_length(words).to_numpy(zero_copy_only=False).astype(np.int64)
    flat = words.flatten()
    # Arrow reads an empty text as one empty word.
    real = pc.not_equal(flat, "").to_numpy(zero_copy_only=False)
    rows = np.repeat(np.arange(len(cleaned)), counts)
    return SplitTexts(flat.filter(real), np.bincount(rows[real], minlength=len(cleaned)).astype(np.int64))


@dataclass(frozen=True)
class Encoding:
    """One text seen by the tokenizer.

    tokens: (n,) the words, in order (with ``<start>`` first when ``add_start``)
    ids: (n,) their ids
    is_oov: (n,) True where the word is not in the vocabulary (id 2)
    """

    tokens: tuple[str, ...]
    ids: tuple[int, ...]
    is_oov: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def kept(self, max_len: int) -> "Encoding":
        """What a model reads of this text: its last ``max_len`` tokens (Keras ``truncating="pre"``: a
        review's verdict is usually at its end), or one padding token when there is none. The one
        truncation rule, for one text; :meth:`Tokenizer.encode_many` applies it to many at once."""
        if max_len < 1:
            raise ValueError(f"max_len must be at least 1, got {max_len}")
        if not self.ids:
            return Encoding((PAD_TOKEN,), (PAD_ID,), (False,))
        return Encoding(self.tokens[-max_len:], self.ids[-max_len:], self.is_oov[-max_len:])


class Tokenizer:
    """A word-level vocabulary built from training text (most frequent words first).

    ``Tokenizer.build(texts, vocab_size=10_000)`` counts words; ``encode`` maps text to ids;
    ``decode`` maps ids back to words. Immutable once built, so it is safe to share between threads.
    """

    def __init__(self, words: Sequence[str], vocab_size: int, add_start: bool = True,
                 counts: Sequence[int] | None = None):
        if vocab_size < FIRST_WORD_ID + 1:
            raise ValueError(f"vocab_size must be at least {FIRST_WORD_ID + 1}, got {vocab_size}")
        words = list(words)[: vocab_size - FIRST_WORD_ID]
        if len(set(words)) != len(words):
            raise ValueError("the vocabulary lists a word twice")
        self._words: tuple[str, ...] = tuple(SPECIAL_TOKENS) + tuple(words)
        self._index = {word: i for i, word in enumerate(self._words)}
        self.vocab_size = int(vocab_size)
        self.add_start = bool(add_start)
        self._counts = tuple(int(c) for c in counts[: len(words)]) if counts is not None else None

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, texts: Iterable[str] | SplitTexts, vocab_size: int = DEFAULT_VOCAB_SIZE,
              add_start: bool = True) -> "Tokenizer":
        """Count the words of ``texts`` and keep the ``vocab_size - 3`` most frequent.

        Ties are broken alphabetically so that the same texts always give the same ids.
        """
        counted = pc.value_counts(split_many(texts).words)
        ranked = sorted(zip(counted.field("values").to_pylist(), counted.field("counts").to_pylist()),
                        key=lambda item: (-item[1], item[0]))
        kept = ranked[: max(vocab_size - FIRST_WORD_ID, 0)]
        return cls([w for w, _ in kept], vocab_size, add_start, counts=[c for _, c in kept])

    # ------------------------------------------------------------------ lookup
    @property
    def words(self) -> tuple[str, ...]:
        """All tokens by id: ``words[i]`` is the token of id ``i`` (specials first)."""
        return self._words

    @property
    def counts(self) -> tuple[int, ...] | None:
        """Training-text frequency of each word id >= 3, when known."""
        return self._counts

    def __len__(self) -> int:
        """Number of ids actually used (<= ``vocab_size`` when the text had fewer words)."""
        return len(self._words)

    def id_of(self, word: str) -> int:
        return self._index.get(word, OOV_ID)

    def encode(self, text: str) -> list[int]:
        """Text -> ids: ``[1, id(word1), id(word2), ...]`` (ids >= vocab_size never occur)."""
        index = self._index
        ids = [index.get(word, OOV_ID) for word in split_words(text)]
        return [START_ID, *ids] if self.add_start else ids

    def encode_detailed(self, text: str) -> Encoding:
        words = split_words(text)
        ids = [self._index.get(w, OOV_ID) for w in words]
        is_oov = [i == OOV_ID for i in ids]
        if self.add_start:
            words, ids, is_oov = [START_TOKEN] + words, [START_ID] + ids, [False] + is_oov
        return Encoding(tuple(words), tuple(ids), tuple(is_oov))

    def encode_batch(self, texts: Iterable[str]) -> list[list[int]]:
        return [self.encode(t) for t in texts]

    def encode_many(self, texts: Sequence[str] | SplitTexts, max_len: int) -> tuple[np.ndarray, np.ndarray]:
        """Many texts at once, each cut to its last ``max_len`` ids, as a model reads them
        (:meth:`Encoding.kept`'s rule: the last ``max_len`` ids; a text with no id reads as one pad).
        returns: ids (N, T) int64, real ids first then zeros, T = the longest kept; lengths (N,) int64 >= 1
        """
        if max_len < 1:
            raise ValueError(f"max_len must be at least 1, got {max_len}")
        split = split_many(texts)
        words, counts = split.words, split.counts
        known = pc.index_in(words, value_set=pa.array(self._words[FIRST_WORD_ID:], type=words.type))
        found = known.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        word_ids = np.where(found < 0, OOV_ID, found + FIRST_WORD_ID)
        # A text keeps its start id only when all of it fits; then come its last words that fit.
        with_start = self.add_start & (counts + 1 <= max_len)
        kept_words = np.minimum(counts, max_len - with_start)
        lengths = np.maximum(kept_words + with_start, 1)
        position_in_text = np.arange(len(word_ids)) - np.repeat(np.cumsum(counts) - counts, counts)
        kept = position_in_text >= np.repeat(counts - kept_words, counts)
        columns = np.arange(int(lengths.max()) if len(counts) else 0)[None, :]
        ids = np.zeros((len(counts), columns.shape[1]), dtype=np.int64)
        ids[(columns >= with_start[:, None]) & (columns < (with_start + kept_words)[:, None])] = word_ids[kept]
        if len(counts):
            ids[with_start, 0] = START_ID
        return ids, lengths

    def decode(self, ids: Iterable[int], skip_padding: bool = True) -> str:
        """Ids -> space-separated words; unknown ids show as ``<oov>``; padding is skipped."""
        out = []
        for i in ids:
            i = int(i)
            if skip_padding and i == PAD_ID:
                continue
            out.append(self._words[i] if 0 <= i < len(self._words) else OOV_TOKEN)
        return " ".join(out)

    # ------------------------------------------------------------------ persistence
    def to_dict(self) -> dict:
        return {
            "kind": "rnnviz.word-tokenizer",
            "version": 1,
            "pattern": TOKEN_PATTERN.pattern,
            "vocab_size": self.vocab_size,
            "add_start": self.add_start,
            "specials": list(SPECIAL_TOKENS),
            "words": list(self._words[FIRST_WORD_ID:]),
            "counts": list(self._counts) if self._counts is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Tokenizer":
        if not isinstance(data, dict) or data.get("kind") != "rnnviz.word-tokenizer":
            raise ValueError("not an rnnviz tokenizer description")
        if data.get("version") != 1:
            raise ValueError(f"unsupported tokenizer version {data.get('version')!r}")
        words = data.get("words")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError("tokenizer 'words' must be a list of strings")
        vocab_size = data.get("vocab_size")
        if not isinstance(vocab_size, int) or len(words) > vocab_size - FIRST_WORD_ID:
            raise ValueError("tokenizer 'vocab_size' is missing or smaller than its word list")
        counts = data.get("counts")
        if counts is not None and (not isinstance(counts, list) or len(counts) != len(words)):
            raise ValueError("tokenizer 'counts' must match 'words'")
        return cls(words, vocab_size, bool(data.get("add_start", True)), counts=counts)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Tokenizer":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def __repr__(self) -> str:
        return f"Tokenizer(vocab_size={self.vocab_size}, words={len(self._words) - FIRST_WORD_ID})"
