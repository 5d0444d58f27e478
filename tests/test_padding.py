import numpy as np
import pytest
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

from rnnviz.padding import pack, pad_batch, pad_sequences, pad_tokens

SEED_EXAMPLE = [[1, 2, 3], [4, 5, 6, 7, 8], [9]]


def test_seed_example_keras_defaults():
    # keras.utils.pad_sequences(SEED_EXAMPLE) -> padding="pre"
    assert pad_sequences(SEED_EXAMPLE).tolist() == [[0, 0, 1, 2, 3], [4, 5, 6, 7, 8], [0, 0, 0, 0, 9]]


@pytest.mark.parametrize("padding, truncating, expected", [
    ("pre", "pre", [[1, 2, 3], [6, 7, 8], [0, 0, 9]]),
    ("post", "pre", [[1, 2, 3], [6, 7, 8], [9, 0, 0]]),
    ("pre", "post", [[1, 2, 3], [4, 5, 6], [0, 0, 9]]),
    ("post", "post", [[1, 2, 3], [4, 5, 6], [9, 0, 0]]),
])
def test_seed_example_maxlen_3(padding, truncating, expected):
    assert pad_sequences(SEED_EXAMPLE, maxlen=3, padding=padding, truncating=truncating).tolist() == expected


def test_keras_hand_worked_cases():
    # From Keras' docs: pad_sequences([[1], [2, 3], [4, 5, 6]]) and its variants.
    seqs = [[1], [2, 3], [4, 5, 6]]
    assert pad_sequences(seqs).tolist() == [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    assert pad_sequences(seqs, value=-1).tolist() == [[-1, -1, 1], [-1, 2, 3], [4, 5, 6]]
    assert pad_sequences(seqs, padding="post").tolist() == [[1, 0, 0], [2, 3, 0], [4, 5, 6]]
    assert pad_sequences(seqs, maxlen=2).tolist() == [[0, 1], [2, 3], [5, 6]]
    assert pad_sequences(seqs, maxlen=2, truncating="post").tolist() == [[0, 1], [2, 3], [4, 5]]
    # Empty sequences become rows of padding; an empty batch is (0, 0) or (0, maxlen).
    assert pad_sequences([[], [7]]).tolist() == [[0], [7]]
    assert pad_sequences([]).shape == (0, 0)
    assert pad_sequences([], maxlen=4).shape == (0, 4)
    # The course's lesson: [3, 6, 11] -> [0, 3, 6, 11]; [34, 56] -> [0, 0, 34, 56]
    assert pad_sequences([[3, 6, 11], [34, 56]], maxlen=4).tolist() == [[0, 3, 6, 11], [0, 0, 34, 56]]


@pytest.mark.parametrize("bad", [dict(padding="middle"), dict(truncating="both"), dict(maxlen=0),
                                 dict(maxlen=-3), dict(maxlen=2.5), dict(maxlen=True)])
def test_bad_settings(bad):
    with pytest.raises(ValueError):
        pad_sequences(SEED_EXAMPLE, **bad)


def _random_batch(rng):
    return [rng.integers(1, 50, size=rng.integers(1, 12)).tolist() for _ in range(rng.integers(1, 9))]


def test_equals_torch_pad_sequence_on_random_batches():
    rng = np.random.default_rng(0)
    for _ in range(200):
        seqs = _random_batch(rng)
        ours = pad_sequences(seqs, padding="post")
        theirs = pad_sequence([torch.tensor(s) for s in seqs], batch_first=True, padding_value=0)
        assert torch.equal(torch.from_numpy(ours), theirs)


def test_mask_and_lengths_on_random_batches():
    rng = np.random.default_rng(1)
    for _ in range(200):
        seqs = _random_batch(rng)
        maxlen = int(rng.integers(1, 12))
        for padding in ("pre", "post"):
            batch = pad_batch(seqs, maxlen=maxlen, padding=padding, truncating="pre")
            assert np.array_equal(batch.mask, (batch.ids != 0).astype(np.int64))  # ids are never 0 here
            assert np.array_equal(batch.lengths, np.minimum([len(s) for s in seqs], maxlen))
            assert np.array_equal(batch.mask.sum(1), batch.lengths)
            assert np.array_equal(batch.truncated, np.array([len(s) > maxlen for s in seqs]))


def test_pack_equals_torch_on_random_batches():
    rng = np.random.default_rng(2)
    for _ in range(200):
        seqs = _random_batch(rng)
        batch = pad_batch(seqs, padding="post")
        view = pack(batch)
        theirs = pack_padded_sequence(torch.from_numpy(batch.ids), torch.from_numpy(batch.lengths),
                                      batch_first=True, enforce_sorted=False)
        assert np.array_equal(view.data, theirs.data.numpy())
        assert np.array_equal(view.batch_sizes, theirs.batch_sizes.numpy())
        assert np.array_equal(view.sorted_indices, theirs.sorted_indices.numpy())
        assert np.array_equal(view.unsorted_indices, theirs.unsorted_indices.numpy())
        # Every element traces back to its row and time step.
        for value, row, step in zip(view.data, view.row_of, view.step_of):
            assert seqs[row][step] == value
        # Pre padding packs the same real tokens (the rows are left-aligned first).
        assert np.array_equal(pack(pad_batch(seqs, padding="pre")).data, view.data)


def test_pack_seed_example_and_empty_rows():
    view = pack(pad_batch(SEED_EXAMPLE))
    assert view.data.tolist() == [4, 1, 9, 5, 2, 6, 3, 7, 8]
    assert view.batch_sizes.tolist() == [3, 2, 2, 1, 1]
    assert view.sorted_indices.tolist() == [1, 0, 2]
    assert view.padding_saved == 15 - 9
    with_empty = pack(pad_batch([[5, 6], [], [7]]))
    assert with_empty.skipped_rows == (1,)
    assert with_empty.data.tolist() == [5, 7, 6]
    assert with_empty.sorted_indices.tolist() == [0, 2]
    with pytest.raises(ValueError, match="empty"):
        pack(pad_batch([[], []]))


def test_pad_tokens_matches_ids():
    tokens = [["a", "b", "c"], ["d"], []]
    words = pad_tokens(tokens, maxlen=2, padding="pre", truncating="post")
    assert words.tolist() == [["a", "b"], ["", "d"], ["", ""]]
    left = pad_batch([[1, 2, 3], [4]], maxlen=2, padding="pre").left_aligned()
    assert left.tolist() == [[2, 3], [4, 0]]
