"""The order suite: minimal pairs written for rnnviz, scored so that a pair counts only when both sides are right."""

import numpy as np
import pytest
import torch

from rnnviz.foils import fit_tfidf_logistic
from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.order_pairs import CATEGORY_ORDER, PAIRS_FILE, load_pairs, score_pairs
from rnnviz.tokenizer import split_words

SUITE = load_pairs()


def test_the_suite_is_large_categorised_and_distinct():
    assert len(SUITE) >= 150
    counts = {c: sum(p.category == c for p in SUITE.pairs) for c in SUITE.categories}
    assert set(counts) <= set(CATEGORY_ORDER) and len(counts) >= 5
    assert all(count >= 10 for count in counts.values()), counts
    texts = [t for p in SUITE.pairs for t in (p.positive, p.negative)]
    assert len(set(texts)) == len(texts)  # no side twice
    assert all(SUITE.descriptions.get(c) for c in SUITE.categories)


def test_tests_data_holds_the_suite_the_app_ships():
    from pathlib import Path

    copy = Path(__file__).resolve().parent / "data" / "order_pairs.json"
    assert copy.resolve() == PAIRS_FILE.resolve() or copy.read_bytes() == PAIRS_FILE.read_bytes()


def test_the_two_sides_of_a_pair_share_most_of_their_words():
    shares = []
    for pair in SUITE.pairs:
        positive, negative = set(split_words(pair.positive)), set(split_words(pair.negative))
        shares.append(len(positive & negative) / min(len(positive), len(negative)))
        assert shares[-1] >= 0.35, pair
    assert np.median(shares) >= 0.7


def test_some_pairs_differ_only_by_word_order():
    """For these, a bag of words sees the same words on both sides: it cannot get both right."""
    same_words = [p for p in SUITE.pairs if sorted(split_words(p.positive)) == sorted(split_words(p.negative))]
    assert len(same_words) >= 10


def test_a_pair_counts_only_when_both_sides_are_right():
    always_positive = score_pairs(lambda texts: np.full(len(texts), 0.9), SUITE, "yes-man")
    assert always_positive.accuracy == 0.0
    perfect = {p.positive: 1.0 for p in SUITE.pairs} | {p.negative: 0.0 for p in SUITE.pairs}
    oracle = score_pairs(lambda texts: np.array([perfect[t] for t in texts]), SUITE, "oracle")
    assert oracle.accuracy == 1.0
    assert all(right == total for right, total in oracle.by_category().values())
    assert sum(total for _, total in oracle.by_category().values()) == len(SUITE)
    assert list(oracle.by_category())[:2] == ["negation", "contrast"]


def test_score_checks_what_predict_returns():
    with pytest.raises(ValueError, match="probabilities"):
        score_pairs(lambda texts: np.zeros(3), SUITE)


def test_a_malformed_pairs_file_says_which_pair(tmp_path):
    path = tmp_path / "pairs.json"
    path.write_text('{"pairs": [{"category": "negation", "positive": "Good.", "negative": "Not good."},'
                    ' {"category": "negation", "positive": ""}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="pair 2"):
        load_pairs(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="pairs"):
        load_pairs(path)


def test_a_bag_of_words_gives_the_same_answer_for_any_word_order():
    torch.manual_seed(0)
    model = RNNClassifier(ModelConfig(cell="bag", vocab_size=50, embedding_dim=16)).eval()
    ids = torch.randint(3, 50, (1, 30))
    lengths = torch.tensor([30])
    reference = model(ids, lengths)
    for seed in range(20):
        shuffled = ids[:, torch.randperm(30, generator=torch.Generator().manual_seed(seed))]
        assert torch.equal(model(shuffled, lengths), reference)  # bit for bit, not just close
        padded = torch.cat([torch.zeros(1, 5, dtype=torch.long), shuffled], 1)  # pre-padded
        assert torch.equal(model(padded, lengths), reference)


def test_tfidf_foil_reads_the_same_words_and_predicts():
    texts = ["a great film", "a wonderful film", "great fun", "a dull film", "an awful film", "dull and awful"] * 3
    labels = [1, 1, 1, 0, 0, 0] * 3
    foil = fit_tfidf_logistic(texts, labels)
    probabilities = foil.predict(["great", "awful", "GREAT!"])
    assert probabilities[0] > 0.5 > probabilities[1] and probabilities[2] == pytest.approx(probabilities[0])
    with pytest.raises(ValueError, match="both labels"):
        fit_tfidf_logistic(["good"], [1])
