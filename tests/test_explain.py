"""Word contributions (rnnviz.explain): exact occlusion, its gradient estimate, edge cases, speed."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch

from model_fixtures import make_checkpoints
from rnnviz.checkpoints import load_checkpoint
from rnnviz.explain import EXACT_MAX_WORDS, explain
from rnnviz.tokenizer import OOV_ID

REVIEW = "A wonderful film, not bad at all: the actors are great but the ending is boring and far too long."


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explain")
    return [load_checkpoint(path) for path in make_checkpoints(folder)]


def _score(checkpoint, ids):
    ids = torch.tensor([ids])
    with torch.no_grad():
        return float(checkpoint.model(ids, torch.tensor([ids.shape[1]]), padding="post"))


def test_occlusion_is_exact(checkpoints):
    for checkpoint in checkpoints:
        e = explain(checkpoint, REVIEW, method="occlusion")
        assert e.probability == pytest.approx(float(checkpoint.predict(REVIEW)[0]), abs=1e-6)
        assert e.words[0] == "<start>" and e.contributions[0] == 0
        i = e.words.index("wonderful")
        hidden = list(e.ids)
        hidden[i] = OOV_ID
        expected = _score(checkpoint, list(e.ids)) - _score(checkpoint, hidden)
        assert e.contributions[i] == pytest.approx(expected, abs=1e-5)


def test_gradient_estimates_occlusion(checkpoints):
    for checkpoint in checkpoints:
        exact = explain(checkpoint, REVIEW, method="occlusion")
        estimate = explain(checkpoint, REVIEW, method="gradient")
        assert estimate.method == "gradient" and exact.method == "occlusion"
        assert estimate.probability == pytest.approx(exact.probability, abs=1e-6), checkpoint.name
        assert estimate.words == exact.words
        assert np.corrcoef(exact.contributions, estimate.contributions)[0, 1] > 0.3, checkpoint.name


def test_unknown_words_and_auto_method(checkpoints):
    checkpoint = checkpoints[0]
    e = explain(checkpoint, "zzzqqq wonderful xxyyzz")
    assert e.method == "occlusion" and e.is_oov == (False, True, False, True) and e.n_oov == 2
    assert e.contributions[1] == 0 and e.contributions[3] == 0
    long = explain(checkpoint, "good " * (EXACT_MAX_WORDS + 5))
    assert long.method == "gradient"


def test_long_review_keeps_its_end(checkpoints):
    checkpoint = checkpoints[1]
    words = [f"w{i}" for i in range(250)]
    e = explain(checkpoint, " ".join(words))
    assert e.truncated and len(e.words) == checkpoint.config.max_len == 200
    assert e.words[-1] == "w249" and e.cut_words[0] == "<start>" and len(e.cut_words) == 51


@pytest.mark.parametrize("text", ["", "   ", "!!! ...", "<script>alert(1)</script>", "😀 🎬"])
def test_odd_texts(checkpoints, text):
    e = explain(checkpoints[3], text)
    assert 0 <= e.probability <= 1 and len(e.words) == len(e.contributions) >= 1
    assert np.isfinite(e.contributions).all()


def test_model_left_untouched_and_fast(checkpoints):
    review = " ".join(["great", "boring", "acting", "plot", "not", "bad"] * 34)[:2000]
    for checkpoint in checkpoints:
        before = {k: v.clone() for k, v in checkpoint.model.state_dict().items()}
        explain(checkpoint, review)
        start = time.thread_time()  # CPU time: a busy shared machine stretches the wall clock, not this
        e = explain(checkpoint, review)
        assert time.thread_time() - start < 1.0, checkpoint.name  # ~2-60 ms measured
        assert len(e.words) == 200
        assert not checkpoint.model.training
        assert all(not p.requires_grad for p in checkpoint.model.parameters())
        assert all(torch.equal(before[k], v) for k, v in checkpoint.model.state_dict().items())


def test_rejects_bad_method(checkpoints):
    with pytest.raises(ValueError):
        explain(checkpoints[0], "good", method="magic")
