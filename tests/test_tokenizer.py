import json
import time
from pathlib import Path

import pytest

from rnnviz.tokenizer import (
    MAX_TEXT_CHARS, OOV_ID, PAD_ID, START_ID, TextTooLongError, Tokenizer, clean_text, split_words,
)

TEXTS = [
    "The movie was great. The actors were great!",
    "The plot was bad<br /><br />and the music was bad too.",
    "Great fun &amp; a great cast",
]


@pytest.fixture(scope="module")
def tokenizer():
    return Tokenizer.build(TEXTS, vocab_size=8)


def test_keras_conventions(tokenizer):
    # 0 pad, 1 start, 2 OOV, then by frequency: "the" (4), "great" (4)... ties broken alphabetically.
    assert tokenizer.words[:3] == ("<pad>", "<start>", "<oov>")
    assert tokenizer.words[3:5] == ("great", "the")
    assert tokenizer.id_of("great") == 3
    assert len(tokenizer) == 8
    ids = tokenizer.encode("The great unknownword")
    assert ids == [START_ID, 4, 3, OOV_ID]
    assert all(0 <= i < tokenizer.vocab_size for i in tokenizer.encode(" ".join(TEXTS)))
    assert PAD_ID not in ids


def test_cleaning_and_splitting():
    assert split_words("Bad<br /><br />Good") == ["bad", "good"]
    assert split_words("Tom &amp; Jerry") == ["tom", "jerry"]
    assert split_words("I didn’t like it, didn't I?") == ["i", "didn't", "like", "it", "didn't", "i"]
    assert split_words("Café, l'été!") == ["café", "l'été"]
    assert split_words("10/10 😍 ★★") == ["10", "10", "😍", "★", "★"]
    assert split_words("!!! ... ???") == []
    assert split_words("") == []
    assert split_words("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    # Tags never survive, even encoded ones.
    assert "script" not in split_words("<script>alert(1)</script>")
    assert "<" not in "".join(split_words("&lt;script&gt;alert(1)&lt;/script&gt;"))
    assert clean_text("a\x00b") == "a b"


def test_round_trip():
    tokenizer = Tokenizer.build(TEXTS, vocab_size=100)
    text = "the great movie was bad"
    ids = tokenizer.encode(text)
    assert tokenizer.decode(ids) == "<start> " + text
    assert tokenizer.decode([0, 0] + ids) == tokenizer.decode(ids)
    detailed = tokenizer.encode_detailed("great zzz")
    assert detailed.tokens == ("<start>", "great", "zzz")
    assert detailed.is_oov == (False, False, True)


def test_save_load(tokenizer, tmp_path):
    path = tmp_path / "tokenizer.json"
    tokenizer.save(path)
    loaded = Tokenizer.load(path)
    assert loaded.words == tokenizer.words
    assert loaded.vocab_size == tokenizer.vocab_size
    assert loaded.encode(TEXTS[1]) == tokenizer.encode(TEXTS[1])
    data = json.loads(path.read_text())
    for bad in ({}, {"kind": "other"}, dict(data, version=9), dict(data, words="abc"),
                dict(data, words=["a", "a"]), dict(data, vocab_size=4)):
        with pytest.raises(ValueError):
            Tokenizer.from_dict(bad)


@pytest.mark.parametrize("text", [
    "", " ", "\n\t", "!!!???...", "😀" * 1000, "\u202eevil right-to-left\u202c", "שלום עולם", "a\u0301\u0302\u0303",
    "<script>alert('x')</script>", "\x00\x01\x02", "\ud800" if False else "e\u0301", "x" * 10_000,
])
def test_any_text_gives_ids(tokenizer, text):
    ids = tokenizer.encode(text)
    assert ids[0] == START_ID
    assert all(isinstance(i, int) and 0 <= i < tokenizer.vocab_size for i in ids)


def test_huge_text():
    text = "word " * (MAX_TEXT_CHARS // 5)
    start = time.perf_counter()
    assert len(split_words(text)) == MAX_TEXT_CHARS // 5
    assert time.perf_counter() - start < 5
    with pytest.raises(TextTooLongError, match="limit"):
        split_words("x" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(TypeError):
        split_words(None)


def test_vocab_size_limit():
    with pytest.raises(ValueError):
        Tokenizer.build(TEXTS, vocab_size=3)
    small = Tokenizer.build(TEXTS, vocab_size=4)
    assert small.words == ("<pad>", "<start>", "<oov>", "great")
    assert max(small.encode(" ".join(TEXTS))) == 3


def test_builds_on_the_bundled_sample_quickly():
    from rnnviz.data import load_sample

    texts = load_sample()["train"]["text"]
    start = time.perf_counter()
    tokenizer = Tokenizer.build(texts, vocab_size=10_000)
    assert time.perf_counter() - start < 5
    assert tokenizer.words[3:6] == ("the", "and", "a")
    assert len(tokenizer) == 10_000


def _reference_split(text: str) -> list[str]:
    """The rule as written once, without the ASCII shortcut."""
    import unicodedata

    from rnnviz import tokenizer

    tokens = tokenizer.TOKEN_PATTERN.findall(tokenizer.clean_text(text).lower())
    return [t for t in tokens if len(t) > 1 or t.isalnum() or unicodedata.category(t) in tokenizer._SYMBOL_CATEGORIES]


def test_the_ascii_shortcut_splits_exactly_like_the_rule():
    from rnnviz.data import load_sample

    texts = list(load_sample()["train"]["text"][:500])
    texts += [f"a{c}b {c} x {c}{c}" for c in map(chr, range(32, 127))]
    texts += ["Cost: $5 + tax = 100% <3 :) ^_^ `quoted` ~ok~ | pipe", "don't 'quote' it's", "l'été ★ 5€ 😀"]
    for text in texts:
        assert split_words(text) == _reference_split(text), text
    tokenizer = Tokenizer.build(texts, vocab_size=300)
    assert all(tokenizer.encode(text) == list(tokenizer.encode_detailed(text).ids) for text in texts)


# ---------------------------------------------------------------------------- many texts at once
TRICKY_PIECES = ["a", "B", "z", "'", "''", "$", " ", "_", "é", "É", "★", "€", "<br />", "<i>", "&amp;", "&eacute;",
                 "&lt;br&gt;", "1", "-", "’", "\x00", "\u0301", "ʼ", "²", "\t", "\v", "\n", "ß", "İ", "ﬁ", "日本",
                 "🙂", ".", "<", ">", "&", "e\u0301", "\u200b", "\xa0", "½", "Ⅻ", "don't", "DON'T"]


def _tricky_texts(count: int, seed: int = 0) -> list[str]:
    import random

    rng = random.Random(seed)
    texts = ["".join(rng.choice(TRICKY_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]
    return texts + ["", " ", "'", "$", "a'$", "$'a", "'a'", "a''b", "x' 'y", "<br>", "&amp;amp;", "l'été ★ 5€ 😀"]


def _words_per_text(split) -> list[list[str]]:
    words, counts = split.words.to_pylist(), split.counts.tolist()
    out, start = [], 0
    for count in counts:
        out.append(words[start:start + count])
        start += count
    return out


def test_many_texts_split_exactly_like_one_at_a_time():
    from rnnviz.data import load_sample
    from rnnviz.tokenizer import split_many

    texts = _tricky_texts(3_000) + list(load_sample()["train"]["text"][:300])
    assert _words_per_text(split_many(texts)) == [split_words(text) for text in texts]
    assert _words_per_text(split_many([])) == []


@pytest.mark.parametrize("max_len", [1, 2, 7, 200])
@pytest.mark.parametrize("add_start", [True, False])
def test_encode_many_keeps_the_last_ids_like_encode(max_len, add_start):
    texts = _tricky_texts(500, seed=max_len)
    tokenizer = Tokenizer(Tokenizer.build(texts, vocab_size=40).words[3:], 40, add_start=add_start)
    ids, lengths = tokenizer.encode_many(texts, max_len)
    assert ids.shape == (len(texts), lengths.max()) and ids.dtype == lengths.dtype
    for row, text in enumerate(texts):
        expected = tokenizer.encode(text)[-max_len:] or [PAD_ID]
        assert lengths[row] == len(expected), text
        assert ids[row, :lengths[row]].tolist() == expected, text
        assert not ids[row, lengths[row]:].any()


def test_encode_many_of_no_text(tokenizer):
    ids, lengths = tokenizer.encode_many([], 5)
    assert ids.shape == (0, 0) and lengths.shape == (0,)


def test_kept_is_the_rule_for_one_text(tokenizer):
    encoding = tokenizer.encode_detailed("great fun with a great cast")
    assert encoding.kept(3).ids == encoding.ids[-3:] and encoding.kept(3).tokens == encoding.tokens[-3:]
    assert encoding.kept(100) == encoding
    empty = Tokenizer(["great"], 10, add_start=False).encode_detailed("")
    assert empty.kept(5).ids == (PAD_ID,) and empty.kept(5).tokens == ("<pad>",)
    with pytest.raises(ValueError):
        encoding.kept(0)


def test_encode_many_refuses_what_encode_refuses(tokenizer):
    with pytest.raises(TextTooLongError):
        tokenizer.encode_many(["fine", "x" * (MAX_TEXT_CHARS + 1)], 10)
    with pytest.raises(TypeError):
        tokenizer.encode_many(["fine", None], 10)
    with pytest.raises(ValueError):
        tokenizer.encode_many(["fine"], 0)


def test_building_from_split_texts_gives_the_same_vocabulary():
    from rnnviz.tokenizer import split_many

    texts = _tricky_texts(1_000, seed=3)
    counts: dict[str, int] = {}
    for text in texts:
        for word in split_words(text):
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:47]
    for source in (texts, split_many(texts)):
        built = Tokenizer.build(source, vocab_size=50)
        assert built.words[3:] == tuple(word for word, _ in ranked)
        assert built.counts == tuple(count for _, count in ranked)


FULL_IMDB = Path(__file__).resolve().parents[2] / "shared" / "data" / "imdb"


@pytest.mark.skipif(not (FULL_IMDB / "train.parquet").exists(), reason="the full IMDB data is not here")
def test_every_imdb_training_review_gets_the_ids_of_the_one_text_rule():
    from rnnviz.data import load_imdb

    texts = load_imdb(FULL_IMDB)["train"]["text"][:]
    tokenizer = Tokenizer.build(texts, vocab_size=10_000)
    ids, lengths = tokenizer.encode_many(texts, 200)
    for row, text in enumerate(texts):
        expected = tokenizer.encode(text)[-200:]
        assert ids[row, :lengths[row]].tolist() == expected, row
