"""Property-based tests: arbitrary unicode into the tokenizer and the padding core.

Each call gives a result or rnnviz's own clear error (TextTooLongError), never anything else.
"""

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch.nn.utils.rnn import pack_padded_sequence

from rnnviz.padding import pack, pad_batch, pad_sequences
from rnnviz.tokenizer import MAX_TEXT_CHARS, START_ID, Tokenizer, split_words

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKENIZER = Tokenizer.build(["the movie was not bad at all", "awful boring film", "café 😀 ★"], vocab_size=50)

hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2_000),
    st.text(alphabet=st.sampled_from(list("<>/&;#x\"' \n\x00\u202e\u200f\u0301scriptbr")), max_size=500),
    st.builds(lambda a, b: f"<script>{a}</script>{b}", st.text(max_size=50), st.text(max_size=50)),
    st.builds(lambda n: "😀" * n, st.integers(0, 5_000)),
)


@FAST
@given(hostile_text)
def test_tokenizer_never_crashes(text):
    words = split_words(text)
    assert all(isinstance(w, str) and w and not w.isspace() for w in words)
    assert all("<" not in w and ">" not in w for w in words), "no tag fragment survives as a word"
    ids = TOKENIZER.encode(text)
    assert ids[0] == START_ID and all(0 <= i < TOKENIZER.vocab_size for i in ids)
    detailed = TOKENIZER.encode_detailed(text)
    assert len(detailed.tokens) == len(detailed.ids) == len(detailed.is_oov)
    TOKENIZER.decode(ids)


def test_text_over_the_limit_is_a_clear_error():
    from rnnviz.tokenizer import TextTooLongError

    with pytest.raises(TextTooLongError, match="characters; the limit is"):
        TOKENIZER.encode("a" * (MAX_TEXT_CHARS + 1))


@FAST
@given(st.lists(st.lists(st.integers(1, 10_000), max_size=30), max_size=12),
       st.one_of(st.none(), st.integers(1, 40)), st.sampled_from(["pre", "post"]), st.sampled_from(["pre", "post"]))
def test_padding_properties(sequences, maxlen, padding, truncating):
    batch = pad_batch(sequences, maxlen, padding, truncating)
    width = maxlen if maxlen is not None else max((len(s) for s in sequences), default=0)
    assert batch.ids.shape == (len(sequences), width)
    assert np.array_equal(batch.mask.sum(1), batch.lengths) if sequences else True
    assert np.array_equal(batch.ids != 0, batch.mask.astype(bool))
    assert np.array_equal(pad_sequences(sequences, maxlen, padding, truncating), batch.ids)
    if batch.lengths.any():
        view = pack(batch)
        assert len(view.data) == int(batch.lengths.sum())
        keep = [i for i, n in enumerate(batch.lengths) if n]
        theirs = pack_padded_sequence(torch.from_numpy(batch.left_aligned()[keep]),
                                      torch.from_numpy(batch.lengths[keep]), batch_first=True,
                                      enforce_sorted=False)
        assert np.array_equal(view.data, theirs.data.numpy())
        assert np.array_equal(view.batch_sizes, theirs.batch_sizes.numpy())
