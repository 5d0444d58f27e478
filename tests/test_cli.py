"""``python -m rnnviz``: help, a tiny real train -> evaluate -> predict, and one-line errors."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import pickle
import re
import subprocess
import os
import sys
import types
from pathlib import Path

import pytest

from rnnviz import cli
from rnnviz.checkpoints import load_checkpoint
from rnnviz.data import SAMPLE_DIR
from rnnviz.models import ModelConfig
from rnnviz.training import Progress, TrainConfig

ROOT = Path(__file__).resolve().parents[1]
TINY = ["--cell", "gru", "--embedding-dim", "8", "--hidden-size", "8", "--vocab-size", "400", "--max-len", "40",
        "--epochs", "2", "--train-size", "200", "--batch-size", "32", "--test-limit", "100", "--quiet",
        "--data", str(SAMPLE_DIR), "--workers", "1"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def training_run(tmp_path_factory) -> tuple[Path, str]:
    """One tiny real training run (bundled sample), shared by the tests: (checkpoint, stdout)."""
    out = tmp_path_factory.mktemp("cli") / "tiny.safetensors"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = cli.main(["train", *TINY, "--word-vectors", "3", "--out", str(out), "--name", "tiny gru"])
    assert code == 0, stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    return out, stdout.getvalue()


@pytest.fixture(scope="module")
def trained(training_run) -> Path:
    return training_run[0]


# ----------------------------------------------------------------------------------- help
@pytest.mark.parametrize("command", [None, "train", "evaluate", "predict", "list", "bench"])
def test_help(capsys, command):
    code, out, err = run(capsys, *([command] if command else []), "--help")
    assert code == 0 and err == ""
    assert out.startswith("usage: rnnviz")
    if command is None:
        for name in ("train", "evaluate", "predict", "bench"):
            assert name in out


def test_train_help_has_a_flag_for_every_config_field(capsys):
    _, out, _ = run(capsys, "train", "--help")
    for config in (ModelConfig, TrainConfig):
        for field in dataclasses.fields(config):
            assert "--" + field.name.replace("_", "-") in out, field.name
    for flag in ("--data", "--out", "--no-bidirectional", "--cell {rnn,lstm,gru}"):
        assert flag in out


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "usage: rnnviz" in out


def test_python_dash_m_without_the_ui():
    """The real entry point, in one fresh interpreter: help works, bad input is one line, no UI import."""
    code = ("import sys, runpy\n"
            "for argv in (['predict', '--help'], ['train', '--hidden-size', 'abc']):\n"
            "    sys.argv = ['rnnviz', *argv]\n"
            "    try:\n        runpy.run_module('rnnviz', run_name='__main__')\n"
            "    except SystemExit as e:\n        print('exit', e.code)\n"
            "print('ui', sorted(n for n in ('streamlit', 'plotly') if n in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "usage: rnnviz predict" in result.stdout
    assert "exit 0" in result.stdout and "exit 2" in result.stdout and "ui []" in result.stdout
    assert result.stderr.strip().splitlines() == [
        "rnnviz: error: argument --hidden-size: expected a whole number, got 'abc' (see 'rnnviz train --help')"]


# --------------------------------------------------------------------------- train -> use
def test_train_saves_a_complete_checkpoint(trained):
    checkpoint = load_checkpoint(trained)
    assert checkpoint.name == "tiny gru"
    assert checkpoint.config.cell == "gru" and checkpoint.config.hidden_size == 8
    assert checkpoint.config.max_len == 40 and checkpoint.tokenizer.vocab_size == 400
    metrics = checkpoint.metrics
    for key in ("val_accuracy", "test_accuracy", "n_params", "train_seconds", "reviews_per_second"):
        assert metrics[key] is not None, key
    assert metrics["test_reviews"] == 100 and metrics["train_reviews"] == 200
    assert sum(map(sum, metrics["confusion"])) == 100
    assert 1 <= len(checkpoint.history) <= 2 and "val_accuracy" in checkpoint.history[0]
    assert checkpoint.train_config["train_size"] == 200 and checkpoint.train_config["epochs"] == 2
    assert checkpoint.data_source["kind"] == "local"
    assert metrics["pretrained_embedding"].endswith("window 3)")


def test_train_prints_a_summary(training_run):
    path, out = training_run
    for word in ("model", "tiny gru", "trained", "best epoch", "validation accuracy", "test", "TN", str(path)):
        assert word in out


def test_where_train_saves(tmp_path):
    (tmp_path / "lstm-64.safetensors").write_bytes(b"")
    assert cli.resolve_out(None, "lstm-64", tmp_path) == tmp_path / "lstm-64-2.safetensors"
    assert cli.resolve_out(tmp_path, "gru-8", tmp_path / "other") == tmp_path / "gru-8.safetensors"
    assert cli.resolve_out(tmp_path / "lstm-64.safetensors", "x", tmp_path) == tmp_path / "lstm-64.safetensors"
    assert cli.resolve_out(tmp_path, "../../x", tmp_path).parent == tmp_path
    (tmp_path / "file").write_text("")
    with pytest.raises(cli.UsageError):
        cli.resolve_out(tmp_path / "file" / "x.safetensors", "x", tmp_path)


def test_evaluate(capsys, trained):
    code, out, err = run(capsys, "evaluate", str(trained), "--data", str(SAMPLE_DIR), "--limit", "60", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["reviews"] == 60 and result["split"] == "test"
    assert result["tn"] + result["fp"] + result["fn"] + result["tp"] == 60
    assert 0 <= result["accuracy"] <= 1 and result["reviews_per_second"] > 0

    code, out, _ = run(capsys, "evaluate", str(trained), "--data", str(SAMPLE_DIR), "--limit", "30",
                       "--split", "train")
    assert code == 0
    assert "accuracy" in out and "TN" in out and "TP" in out and "reviews/s" in out


def test_predict(capsys, trained, monkeypatch):
    code, out, err = run(capsys, "predict", str(trained), "A wonderful film.", "", "Dull and far too long.")
    assert code == 0, err
    lines = out.strip("\n").splitlines()
    assert len(lines) == 3
    for line in lines:
        probability, label = line.split()[:2]
        assert 0 <= float(probability) <= 1 and label in ("positive", "negative")

    monkeypatch.setattr(sys, "stdin", io.StringIO("first review\n\nsecond review\n"))
    code, out, _ = run(capsys, "predict", str(trained), "-", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["text"] for r in rows] == ["first review", "second review"]
    assert checkpoint_probabilities(trained, ["first review"])[0] == pytest.approx(rows[0]["p_positive"])


def checkpoint_probabilities(path, texts):
    return load_checkpoint(path).predict(texts)


def test_list(capsys, trained):
    (trained.parent / "junk.safetensors").write_bytes(b"junk" * 10)
    code, out, _ = run(capsys, "list", str(trained.parent))
    assert code == 0 and "tiny gru" in out and "junk" not in out
    code, out, _ = run(capsys, "list", str(trained.parent), "--all")
    assert "INVALID" in out and "junk" in out


# -------------------------------------------------------------------------------------- bench
def test_bench_passes_its_arguments_through(capsys, monkeypatch):
    calls = []

    def run_bench(data_dir=None, reviews=100, cells=("rnn",), test_reviews=10, epochs=1, seed=0, workers=1):
        calls.append(dict(data_dir=data_dir, reviews=reviews, cells=cells, epochs=epochs, workers=workers))
        print("bench table")
        return [object()]

    monkeypatch.setitem(sys.modules, "rnnviz.bench", types.SimpleNamespace(run_bench=run_bench))
    code, out, err = run(capsys, "bench", "--data", "somewhere", "--reviews", "50", "--cells", "rnn, gru",
                         "--epochs", "2")
    assert code == 0, err
    assert calls == [dict(data_dir="somewhere", reviews=50, cells=("rnn", "gru"), epochs=2,
                          workers=min(2, os.cpu_count() or 1))]
    assert out == "bench table\n"
    code, _, err = run(capsys, "bench", "--cells", "rnn,tree")
    assert code == 2 and "unknown cell" in err


def test_real_bench_signature_matches_the_flags():
    import inspect

    from rnnviz.bench import run_bench

    parameters = inspect.signature(run_bench).parameters
    for name in ("data_dir", "reviews", "cells", "test_reviews", "epochs", "seed"):
        assert name in parameters, name


# ------------------------------------------------------------------------------------ errors
@pytest.mark.parametrize("argv,fragment", [
    (["train", "--hidden-size", "abc"], "--hidden-size"),
    (["train", "--hidden-size", "0"], "--hidden-size must be between"),
    (["train", "--hidden-size", "100000"], "--hidden-size"),
    (["train", "--cell", "transformer"], "invalid choice"),
    (["train", "--dropout", "1.5"], "--dropout"),
    (["train", "--lr", "nan"], "finite"),
    (["train", "--epochs", "0"], "--epochs"),
    (["train", "--train-size", "1"], "--train-size"),
    (["train", "--unknown-flag"], "unrecognized arguments"),
    (["train", "--word-vectors", "-1"], "--word-vectors: expected a window of 0 to 50 words"),
    (["frobnicate"], "invalid choice"),
    (["evaluate"], "required"),
    (["evaluate", "x.safetensors", "--limit", "-3"], "--limit"),
    (["evaluate", "x.safetensors", "--split", "validation"], "invalid choice"),
    (["predict", "x.safetensors"], "required"),
    (["bench", "--reviews", "many"], "--reviews"),
    (["bench", "--cells", "rnn,transformer"], "--cells: unknown cell(s) transformer"),
])
def test_bad_arguments_are_one_line_exit_2(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    lines = err.strip("\n").splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("rnnviz: error: ") and fragment in lines[0]
    assert "Traceback" not in err


def test_expected_failures_are_one_line_exit_1(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tmp_path / "user"))  # train without --out
    pickled = tmp_path / "model.safetensors"
    pickled.write_bytes(pickle.dumps({"weights": [1, 2, 3]}))
    cases = [
        (["evaluate", str(tmp_path / "missing.safetensors")], "no such file"),
        (["predict", str(tmp_path / "missing.safetensors"), "hello"], "no such file"),
        (["predict", str(pickled), "hello"], "pickle"),
        (["evaluate", str(tmp_path)], "folder"),
        (["train", "--data", str(tmp_path / "no-data"), "--quiet"], "no such folder"),
        (["train", "--data", str(tmp_path), "--quiet"], "no 'train' data found"),
        (["list", str(tmp_path / "nowhere")], "no such folder"),
        (["train", "--out", str(pickled / "sub" / "x.safetensors"), "--quiet"], "cannot write a checkpoint"),
    ]
    for argv, fragment in cases:
        code, out, err = run(capsys, *argv)
        lines = err.strip("\n").splitlines()
        assert code == 1, (argv, err)
        assert lines[-1].startswith("rnnviz: error: ") and fragment in lines[-1], (argv, err)
        assert all(line.startswith(("rnnviz: error: ", "data: ")) for line in lines), err
        assert "Traceback" not in err


def test_unexpected_errors_are_one_line_too(capsys, monkeypatch, trained):
    def boom(path):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(cli, "_load", boom)
    code, _, err = run(capsys, "predict", str(trained), "x")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("rnnviz: error: unexpected RuntimeError: something broke")


# ------------------------------------------------------------------------------ progress bar
class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar():
    stream = _Tty()
    bar = cli.ProgressBar(epochs=3, stream=stream)
    bar(Progress("batch", 1, 5, 10, 0.69, 0.5, 1000.0, 1.0))
    bar(Progress("epoch", 1, 10, 10, 0.6, 0.7, 1200.0, 2.0, 0.65, 0.68))
    text = stream.getvalue()
    assert "epoch 1/3" in text and "5/10" in text and "#" in text and "loss 0.6900" in text  # tqdm's bar
    assert "val acc 68.0%" in text and text.endswith("\n")

    quiet = io.StringIO()  # not a terminal: epoch lines only, no carriage returns
    bar = cli.ProgressBar(epochs=3, stream=quiet)
    bar(Progress("batch", 1, 5, 10, 0.69, 0.5, 1000.0, 1.0))
    bar(Progress("epoch", 1, 10, 10, 0.6, 0.7, 1200.0, 2.0, None, None))
    assert quiet.getvalue().count("\n") == 1 and "\r" not in quiet.getvalue()


def test_train_on_every_review_keeps_the_last_epoch(capsys, tmp_path):
    """--validation-fraction 0 (the shipped GRU's recipe): nothing held out, the last epoch kept, said plainly."""
    out_path = tmp_path / "all.safetensors"
    code, out, err = run(capsys, "train", *TINY, "--validation-fraction", "0", "--out", str(out_path))
    assert code == 0, err
    assert "kept       the last epoch (2): nothing was held out" in out and "n/a" not in out
    checkpoint = load_checkpoint(out_path)
    assert checkpoint.metrics["val_accuracy"] is None and checkpoint.metrics["best_epoch"] == 2
    assert re.search(r"test       accuracy \d+\.\d\d%", out)


def test_train_on_treebank_phrases_and_measure_short_text_and_order(capsys, tmp_path, monkeypatch):
    """--data sst: the shipped treebank sample, composed sentences added; every figure lands in the checkpoint."""
    monkeypatch.setenv("RNNVIZ_OFFLINE", "1")
    out_path = tmp_path / "sst.safetensors"
    args = [a for a in TINY if a not in ("--data", str(SAMPLE_DIR))]
    code, out, err = run(capsys, "train", *args, "--data", "sst", "--imdb-dir", str(SAMPLE_DIR), "--composed", "300",
                         "--review-sentences", "200", "--out", str(out_path))
    assert code == 0, err
    assert "training on SST phrases" in err and "short text accuracy" in out and "minimal pairs" in out
    checkpoint = load_checkpoint(out_path)
    metrics = checkpoint.metrics
    assert checkpoint.data_source["trained_on"] == "sst" and metrics["composed_sentences"] == 300
    assert metrics["review_sentences"] == 200
    assert 0 <= metrics["sst_dev_accuracy"] <= 1 and metrics["order_pairs"] >= 150
    assert set(metrics["order_pairs_by_category"]) >= {"negation", "contrast"}

    code, out, err = run(capsys, "evaluate", str(out_path), "--split", "dev", "--json")
    assert code == 0, err
    assert json.loads(out)["reviews"] == metrics["sst_dev_sentences"]

    code, out, err = run(capsys, "evaluate", str(out_path), "--pairs")
    assert code == 0, err
    lines = out.splitlines()
    assert "TF-IDF + logistic regression (sst)" in out and any(l.startswith("negation") for l in lines)
    assert lines[-1].startswith("all") and lines[-1].split()[1] == str(metrics["order_pairs"])


def test_a_folder_of_trees_means_sst(tmp_path):
    (tmp_path / "train.txt").write_text("(3 (2 a) (3 good))\n", encoding="utf-8")
    args = cli.build_parser().parse_args(["train", "--data", str(tmp_path)])
    assert cli._training_data(args) == ("sst", None, str(tmp_path))
    args = cli.build_parser().parse_args(["train", "--data", str(SAMPLE_DIR)])
    assert cli._training_data(args) == ("imdb", str(SAMPLE_DIR), None)
    args = cli.build_parser().parse_args(["train", "--data", "both"])
    assert cli._training_data(args)[0] == "both"
    assert args.train__workers is None  # decided at run time: one process per core, up to 2
