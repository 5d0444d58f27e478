"""Hostile text through every model path, and crash safety of checkpoint saves (SIGKILL mid-save)."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model_fixtures import make_checkpoints
from rnnviz.checkpoints import load_checkpoint
from rnnviz.explain import explain
from rnnviz.gradients import saliency
from rnnviz.lessons import probe_review
from rnnviz.tokenizer import TextTooLongError
from rnnviz.word_order import bag_word_scores, read_in_order, shuffle_words

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("<>/&;#\"' \n\t\x00\u202e\u200f\u0301\u05d0\u0627😀★é")), max_size=300),
    st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "&lt;b&gt;", "😀" * 500, "not bad " * 400]),
)
FEW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reliability")
    return [load_checkpoint(path) for path in make_checkpoints(folder, vocab_size=300, hidden_size=8)]


@FEW
@given(text=HOSTILE)
def test_every_model_path_takes_any_text(checkpoints, text):
    for checkpoint in checkpoints:
        probability = checkpoint.predict([text])
        assert probability.shape == (1,) and 0.0 <= probability[0] <= 1.0
        explanation = explain(checkpoint, text)
        assert len(explanation.words) == len(explanation.contributions)
        assert np.isfinite(explanation.contributions).all()
        reading = read_in_order(checkpoint, text, shuffle_words(text, seed=1))
        assert np.isfinite(reading.prob_by_step).all() and 0.0 <= reading.shuffled_prob <= 1.0
        if checkpoint.config.recurrent:
            probe = probe_review(checkpoint, text)
            assert np.isfinite(probe.reading.states).all()
        else:
            scores = bag_word_scores(checkpoint, text)
            assert np.isfinite(scores.scores).all() and abs(scores.prob - reading.prob) < 1e-4
            continue
        ids = checkpoint.tokenizer.encode(text)[-checkpoint.config.max_len:]
        tokens = checkpoint.tokenizer.encode_detailed(text).tokens[-len(ids):]
        result = saliency(checkpoint.model, ids, tokens, checkpoint.name)
        assert np.isfinite(result.contribution).all() and np.isfinite(result.magnitude).all()


def test_text_past_the_limit_is_refused_clearly(checkpoints):
    with pytest.raises(TextTooLongError, match="limit"):
        checkpoints[0].predict(["x" * 1_000_001])


SAVER = textwrap.dedent("""
    import sys, torch
    sys.path[:0] = [{root!r}, {tests!r}]
    from rnnviz.checkpoints import load_checkpoint, save_checkpoint
    source = load_checkpoint({source!r})
    print("ready", flush=True)
    step = 0
    while True:  # save over the same path again and again until killed
        step += 1
        torch.nn.init.normal_(source.model.head.bias)
        save_checkpoint(source.model, {target!r}, tokenizer=source.tokenizer, name=f"save-{{step}}")
""")


def test_sigkill_during_saves_never_leaves_a_broken_checkpoint(tmp_path):
    """Kill a process that keeps saving over one path at random moments: the path always loads."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    # A bigger model than the fixtures so that a save takes long enough to be interrupted mid-write.
    source = make_checkpoints(tmp_path / "source", vocab_size=20_000, hidden_size=64)[1]
    target = tmp_path / "saved" / "model.safetensors"
    script = SAVER.format(root=str(root), tests=str(root / "tests"), source=str(source), target=str(target))
    rng = np.random.default_rng(0)
    kills = 0
    for _ in range(6):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(float(rng.uniform(0.05, 0.6)))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        kills += 1
        if target.exists():
            checkpoint = load_checkpoint(target)  # never a half-written file at the real path
            assert checkpoint.name.startswith("save-")
        leftovers = [p for p in target.parent.glob("*") if p.name != target.name] if target.parent.exists() else []
        for leftover in leftovers:  # a killed save's temporary file: hidden, so never listed as a model
            assert leftover.name.startswith("."), leftover.name
            leftover.unlink()
    assert kills == 6 and target.exists()
