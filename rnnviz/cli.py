"""``python -m rnnviz``: train, evaluate, predict and benchmark from a terminal.

    python -m rnnviz train --cell gru --hidden-size 64 --epochs 5 --out gru64.safetensors
    python -m rnnviz evaluate gru64.safetensors --split test --limit 2000
    python -m rnnviz predict gru64.safetensors "A wonderful film." "Dull and far too long."
    python -m rnnviz list
    python -m rnnviz bench --reviews 2000 --cells rnn,lstm,gru

Every hyper-parameter of :class:`rnnviz.models.ModelConfig` and :class:`rnnviz.training.TrainConfig`
is a ``train`` flag named after its field (``hidden_size`` -> ``--hidden-size``). Errors are one line
on stderr (``rnnviz: error: ...``), exit status 2 for bad arguments and 1 for failures.
Never imports streamlit or plotly.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Sequence

PROG = "rnnviz"
DEBUG_ENV = "RNNVIZ_DEBUG"


class UsageError(Exception):
    """A bad argument or value: exit status 2."""


class Failure(Exception):
    """An expected failure (missing file, invalid checkpoint, unreadable data): exit status 1."""


# ------------------------------------------------------------------------------ argument parsing
class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (``rnnviz: error: ...``) instead of usage + message."""

    def error(self, message: str):  # noqa: D401 - argparse's API
        hint = f" (see '{self.prog} --help')"
        raise UsageError(message + hint)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def _float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _window(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= 50:
        raise argparse.ArgumentTypeError(f"expected a window of 0 to 50 words, got {value}")
    return value


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse_optional(text: str) -> Any:
        return None if text.strip().lower() in ("none", "all", "") else parse(text)

    parse_optional.__name__ = getattr(parse, "__name__", "value")
    return parse_optional


_HELP = {
    # ModelConfig
    "cell": "recurrent cell",
    "vocab_size": "vocabulary size, the 3 reserved ids (padding, start, unknown) included, like Keras' num_words",
    "embedding_dim": "size of each word vector",
    "hidden_size": "size of the recurrent state (per direction)",
    "num_layers": "stacked recurrent layers",
    "bidirectional": "also read each review backwards",
    "dropout": "dropout on the embeddings, between layers and before the output layer",
    "freeze_embedding": "do not train the embedding",
    "max_len": "keep the last MAX_LEN tokens of each review",
    "pooling": "how the hidden states become one vector (last = the course's final state)",
    # TrainConfig
    "optimizer": "optimizer",
    "lr": "learning rate",
    "batch_size": "reviews per batch",
    "epochs": "maximum number of epochs",
    "grad_clip": "clip the gradient norm to this (0 = no clipping)",
    "validation_fraction": "share of the training reviews held out to pick the best epoch (0 = none)",
    "patience": "stop after this many epochs without a better validation accuracy (0 = never)",
    "seed": "random seed (split, initial weights, batch order, dropout)",
    "train_size": "train on this many reviews drawn from the training split ('all' = every review)",
    "weight_decay": "weight decay",
    "schedule": "learning-rate schedule",
    "bucket": "batch reviews of similar lengths together",
    "num_threads": "torch threads while training",
    "workers": "CPU processes training together, one thread each (2 = both cores of a 2-core machine)",
    "word_dropout": "share of training words replaced by <oov> at each step (0 = none)",
    "average_weights": "keep a moving average of the weights with this decay, e.g. 0.998 (0 = off)",
}


def _choices(field_name: str) -> tuple[str, ...] | None:
    from rnnviz import models, training

    return {
        "cell": getattr(models, "CELLS", None),
        "pooling": getattr(models, "POOLINGS", None),
        "optimizer": getattr(training, "OPTIMIZERS", None),
        "schedule": getattr(training, "SCHEDULES", None),
    }.get(field_name)


def _add_config_flags(group: argparse._ArgumentGroup, config_class: type, prefix: str) -> None:
    """One flag per dataclass field: ``hidden_size`` -> ``--hidden-size``, typed from the annotation."""
    for field in dataclasses.fields(config_class):
        annotation = str(field.type)
        default = field.default if field.default is not dataclasses.MISSING else None
        flag = "--" + field.name.replace("_", "-")
        dest = f"{prefix}{field.name}"
        help_text = _HELP.get(field.name, f"{config_class.__name__}.{field.name}")
        if "bool" in annotation or isinstance(default, bool):
            group.add_argument(flag, dest=dest, action=argparse.BooleanOptionalAction, default=default,
                               help=f"{help_text} (default: {'yes' if default else 'no'})")
            continue
        optional = "None" in annotation or default is None
        if "float" in annotation or isinstance(default, float):
            parse = _float
        elif "int" in annotation or isinstance(default, int):
            parse = _int
        else:
            parse = str
        choices = _choices(field.name)
        metavar = None if choices else field.name.upper()
        shown = "all" if default is None and field.name == "train_size" else default
        group.add_argument(flag, dest=dest, type=_optional(parse) if optional else parse, default=default,
                           choices=choices, metavar=metavar, help=f"{help_text} (default: {shown})")


def _config_from_args(config_class: type, args: argparse.Namespace, prefix: str) -> Any:
    values = {f.name: getattr(args, prefix + f.name) for f in dataclasses.fields(config_class)}
    try:
        return config_class(**values)
    except (ValueError, TypeError) as error:
        message = str(error)
        first = message.split(" ", 1)[0]
        if first in values:  # name the flag, not the field: "--hidden-size must be ..."
            message = "--" + first.replace("_", "-") + message[len(first):]
        raise UsageError(message) from None


def build_parser() -> argparse.ArgumentParser:
    from rnnviz.models import ModelConfig
    from rnnviz.training import TrainConfig

    parser = _Parser(
        prog=PROG, description="rnnviz: recurrent networks on IMDB sentiment, from a terminal.",
        epilog="Data: --data DIR, else $RNNVIZ_DATA_DIR, else the Hugging Face hub when reachable, "
               "else the bundled 2,000 + 2,000 review sample. "
               f"Set {DEBUG_ENV}=1 to see tracebacks of unexpected errors.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    # train ------------------------------------------------------------------------------------
    train = commands.add_parser(
        "train", help="train a classifier and save it as a checkpoint",
        description="Build the vocabulary from the training split, train, evaluate on the test "
                    "split, and save one .safetensors checkpoint with the metrics.")
    _add_config_flags(train.add_argument_group("model"), ModelConfig, "model__")
    _add_config_flags(train.add_argument_group("training"), TrainConfig, "train__")
    run = train.add_argument_group("data and output")
    run.add_argument("--data", metavar="DIR", help="IMDB folder (parquet, CSV or aclImdb)")
    run.add_argument("--out", metavar="PATH", type=Path,
                     help="checkpoint file or folder (default: the user checkpoint folder, "
                          "$RNNVIZ_USER_CHECKPOINTS or ~/.rnnviz/checkpoints)")
    run.add_argument("--name", help="model name shown in the app (default: from the settings)")
    run.add_argument("--test-limit", type=_optional(_positive_int), default=None, metavar="N",
                     help="evaluate on N test reviews drawn at random (default: all)")
    run.add_argument("--word-vectors", type=_window, default=0, metavar="WINDOW",
                     help="start the embedding from word vectors learned, without labels, from the training "
                          "reviews (co-occurrence within WINDOW words, PPMI + SVD); 0 = random start (default)")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    train.set_defaults(handler=cmd_train)

    # evaluate ---------------------------------------------------------------------------------
    evaluate = commands.add_parser(
        "evaluate", help="accuracy of a checkpoint on a split",
        description="Accuracy, confusion counts (TN FP FN TP) and reviews/s of a checkpoint.")
    evaluate.add_argument("checkpoint", type=Path, help=".safetensors checkpoint")
    evaluate.add_argument("--data", metavar="DIR", help="IMDB folder (parquet, CSV or aclImdb)")
    evaluate.add_argument("--split", default="test", choices=("train", "test"), help="split (default: test)")
    evaluate.add_argument("--limit", type=_positive_int, metavar="N",
                          help="use N reviews drawn at random (seed 0) instead of the whole split")
    evaluate.add_argument("--batch-size", type=_positive_int, default=256, help="reviews per batch (default: 256)")
    evaluate.add_argument("--json", action="store_true", help="print the result as JSON")
    evaluate.set_defaults(handler=cmd_evaluate)

    # predict ----------------------------------------------------------------------------------
    predict = commands.add_parser(
        "predict", help="P(positive) of texts",
        description="P(positive) and the label of each text ('-' reads one text per line from stdin).")
    predict.add_argument("checkpoint", type=Path, help=".safetensors checkpoint")
    predict.add_argument("texts", nargs="+", metavar="TEXT", help="review text(s), or '-' for stdin")
    predict.add_argument("--json", action="store_true", help="print the result as JSON")
    predict.add_argument("--threads", type=_positive_int, default=1,
                         help="torch threads (default: 1, the fastest for these small RNNs on a busy CPU)")
    predict.set_defaults(handler=cmd_predict)

    # list -------------------------------------------------------------------------------------
    listing = commands.add_parser(
        "list", help="list checkpoints", description="Checkpoints in the shipped and user folders "
                                                     "(or the folders given), read from their headers.")
    listing.add_argument("folders", nargs="*", type=Path, metavar="DIR", help="folders (default: shipped + user)")
    listing.add_argument("--all", action="store_true", help="also list invalid files, with the reason")
    listing.set_defaults(handler=cmd_list)

    # bench ------------------------------------------------------------------------------------
    bench = commands.add_parser(
        "bench", help="time rnnviz's training against the course's loop",
        description="Benchmark (rnnviz.bench.run_bench): the course notebooks' training loop versus "
                    "rnnviz's, per cell.")
    bench.add_argument("--data", metavar="DIR", help="IMDB folder (parquet, CSV or aclImdb)")
    bench.add_argument("--reviews", type=_positive_int, metavar="N", help="number of training reviews")
    bench.add_argument("--cells", metavar="LIST", help="comma-separated cells, e.g. rnn,lstm,gru")
    bench.add_argument("--test-reviews", type=_positive_int, metavar="N", help="number of test reviews")
    bench.add_argument("--epochs", type=_positive_int, metavar="N", help="epochs per run")
    bench.add_argument("--seed", type=_int, help="random seed")
    bench.add_argument("--workers", type=_positive_int, metavar="N",
                       help="processes of one thread each for rnnviz's trainer (default: 2 when the machine has "
                            "2 cores or more; measured on an idle 2-core machine: 2,228 reviews/s vs 742 with 1)")
    bench.set_defaults(handler=cmd_bench)
    return parser


# ------------------------------------------------------------------------------------- output
def _out(text: str = "") -> None:
    print(text, flush=True)


def _percent(value: Any, digits: int = 1) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return "n/a"
    return f"{100 * value:.{digits}f}%"


def _human_bytes(n: int) -> str:
    from rnnviz.checkpoints import _human_bytes as human

    return human(n)


class ProgressBar:
    """A one-line ``\\r`` progress bar on stderr (epoch lines only when stderr is not a terminal)."""

    def __init__(self, epochs: int, stream=None, enabled: bool = True, width: int = 24):
        self.epochs, self.width, self.enabled = epochs, width, enabled
        self.stream = stream or sys.stderr
        self.live = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0

    def __call__(self, progress) -> None:
        if not self.enabled:
            return
        if progress.kind == "epoch":
            val = "" if progress.val_accuracy is None else (
                f"  val loss {progress.val_loss:.4f}  val acc {_percent(progress.val_accuracy)}")
            line = (f"epoch {progress.epoch}/{self.epochs}  loss {progress.loss:.4f}  "
                    f"acc {_percent(progress.accuracy)}{val}  {progress.samples_per_second:,.0f} reviews/s"
                    f"  {progress.elapsed:.1f}s")
            self.stream.write(("\r\x1b[2K" if self.live else "") + line + "\n")
            self.stream.flush()
            return
        now = time.monotonic()
        if not self.live or (now - self._last < 0.1 and progress.batch < progress.batches_per_epoch):
            return
        self._last = now
        done = progress.batch / max(progress.batches_per_epoch, 1)
        filled = int(round(done * self.width))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r\x1b[2Kepoch {progress.epoch}/{self.epochs} [{bar}] "
                          f"{progress.batch}/{progress.batches_per_epoch}  loss {progress.loss:.4f}  "
                          f"acc {_percent(progress.accuracy)}  {progress.samples_per_second:,.0f} reviews/s")
        self.stream.flush()

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


# ------------------------------------------------------------------------------------ commands
def _load_data(data_dir: str | None):
    from rnnviz.data import load_imdb

    imdb = load_imdb(data_dir)
    source = getattr(imdb, "source", None)
    if source is not None:
        note = f" - {source.note}" if source.note else ""
        print(f"data: {source.label}{note}", file=sys.stderr, flush=True)
    return imdb


def _subset(split, limit: int | None, seed: int = 0):
    """``limit`` reviews drawn at random (seeded), or the whole split."""
    if limit is None or limit >= len(split):
        return split
    import numpy as np

    index = np.sort(np.random.default_rng(seed).choice(len(split), size=limit, replace=False))
    return split.select(index.tolist())


def _evaluate_texts(checkpoint_or_model, tokenizer, texts, labels, batch_size: int = 256):
    """(Evaluation, reviews per second including tokenisation)."""
    from rnnviz.training import encode_reviews, evaluate

    model = checkpoint_or_model
    start = time.perf_counter()
    reviews = encode_reviews(texts, tokenizer, model.config.max_len)
    result = evaluate(model, reviews, labels=labels, batch_size=batch_size)
    seconds = time.perf_counter() - start
    return result, len(texts) / max(seconds, 1e-9)


def _default_name(model_config) -> str:
    bi = "bi" if model_config.bidirectional else ""
    layers = f"-{model_config.num_layers}l" if model_config.num_layers > 1 else ""
    return f"{bi}{model_config.cell}-{model_config.hidden_size}{layers}"


def _free_path(folder: Path, name: str) -> Path:
    from rnnviz.checkpoints import SUFFIX, sanitize_name

    base = sanitize_name(name)
    path, counter = folder / (base + SUFFIX), 2
    while path.exists():
        path, counter = folder / f"{base}-{counter}{SUFFIX}", counter + 1
    return path


def resolve_out(out: Path | None, name: str, default_folder: Path) -> Path:
    """Where ``train`` saves: ``--out`` as a file, or a free ``<name>.safetensors`` in a folder.

    No ``--out``: the user checkpoint folder; an existing file there is never overwritten (``-2``,
    ``-3``... are appended). An explicit ``--out FILE`` is replaced (atomically).
    """
    if out is None:
        return _free_path(default_folder, name)
    out = out.expanduser()
    if out.is_dir():
        return _free_path(out, name)
    if out.parent.exists() and not out.parent.is_dir():
        raise UsageError(f"--out: {out.parent} is not a folder")
    return out


def _check_writable(folder: Path) -> None:
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise Failure(f"cannot write a checkpoint into {folder}: {error.strerror or error}") from None


def cmd_train(args: argparse.Namespace) -> int:
    from rnnviz.checkpoints import save_checkpoint, user_checkpoint_dir
    from rnnviz.models import ModelConfig
    from rnnviz.tokenizer import Tokenizer
    from rnnviz.training import TrainConfig, encode_reviews, train
    from rnnviz.word_vectors import describe as describe_start, pretrained_embedding

    model_config = _config_from_args(ModelConfig, args, "model__")
    train_config = _config_from_args(TrainConfig, args, "train__")
    name = args.name or _default_name(model_config)
    out = resolve_out(args.out, name, user_checkpoint_dir())
    _check_writable(out.parent)  # fail now, not after the training

    imdb = _load_data(args.data)
    # The training reviews are drawn here (not inside train()) so that the vocabulary comes from
    # exactly the reviews the model learns from.
    train_split = _subset(imdb["train"], train_config.train_size, train_config.seed)
    texts, labels = train_split["text"], train_split["label"]
    started = time.perf_counter()
    tokenizer = Tokenizer.build(texts, vocab_size=model_config.vocab_size)
    reviews = encode_reviews(texts, tokenizer, model_config.max_len)
    print(f"vocabulary: {len(tokenizer) - 3:,} words from {len(texts):,} reviews "
          f"({time.perf_counter() - started:.1f}s)", file=sys.stderr, flush=True)
    pretrained = None
    if args.word_vectors:
        started = time.perf_counter()
        pretrained = pretrained_embedding(reviews.ids, reviews.lengths, model_config.vocab_size,
                                          model_config.embedding_dim, window=args.word_vectors)
        print(f"word vectors: {model_config.vocab_size:,} x {model_config.embedding_dim} "
              f"({time.perf_counter() - started:.1f}s)", file=sys.stderr, flush=True)

    bar = ProgressBar(train_config.epochs, enabled=not args.quiet)
    stop = threading.Event()
    with _stop_on_ctrl_c(stop):
        result = train(model_config, train_config, reviews, labels=labels, on_progress=bar, stop_event=stop,
                       pretrained_embedding=pretrained)
    bar.clear()
    if not result.history:
        raise Failure("training stopped before the first epoch ended; nothing was saved")

    test_split = _subset(imdb["test"], args.test_limit, train_config.seed)
    test, test_speed = _evaluate_texts(result.model, tokenizer, test_split["text"], test_split["label"])
    best = result.history[result.best_epoch - 1] if result.best_epoch else result.history[-1]
    metrics = {
        "val_accuracy": best.get("val_accuracy"),
        "val_loss": best.get("val_loss"),
        "test_accuracy": test.accuracy,
        "test_loss": test.loss,
        "test_reviews": len(test_split),
        "confusion": test.confusion.tolist(),  # [[TN, FP], [FN, TP]]
        "train_reviews": len(texts),
        "train_seconds": result.seconds,
        "reviews_per_second": result.samples_per_second,
        "predict_reviews_per_second": test_speed,
        "best_epoch": result.best_epoch,
        "epochs_run": len(result.history),
        "stopped_early": result.stopped_early,
        "stopped_by_user": result.stopped_by_user,
        "pretrained_embedding": describe_start(args.word_vectors),
    }
    path = save_checkpoint(result.model, out, tokenizer=tokenizer, metrics=metrics, history=result.history,
                           data_source=getattr(imdb, "source", None), train_config=train_config, name=name)

    n_params = sum(p.numel() for p in result.model.parameters())
    stopped = " (stopped by you)" if result.stopped_by_user else " (early stop)" if result.stopped_early else ""
    _out(f"model      {name}: {model_config.cell}, {model_config.num_layers} layer(s), hidden "
         f"{model_config.hidden_size}{', bidirectional' if model_config.bidirectional else ''}, "
         f"{n_params:,} parameters")
    _out(f"trained    {len(result.history)} epoch(s){stopped} in {result.seconds:.1f}s, "
         f"{result.samples_per_second:,.0f} reviews/s")
    if metrics["val_accuracy"] is None:  # --validation-fraction 0: the last epoch is kept
        _out(f"kept       the last epoch ({result.best_epoch}): nothing was held out for validation")
    else:
        _out(f"best epoch {result.best_epoch}: validation accuracy {_percent(metrics['val_accuracy'])}")
    _out(f"test       accuracy {_percent(test.accuracy, 2)} on {len(test_split):,} reviews "
         f"(TN {test.true_negatives} FP {test.false_positives} FN {test.false_negatives} TP {test.true_positives})")
    _out(f"saved      {path} ({_human_bytes(path.stat().st_size)})")
    return 0


class _stop_on_ctrl_c:
    """First Ctrl-C: finish the batch, keep the best epoch so far. Second: stop at once."""

    def __init__(self, stop: threading.Event):
        self.stop, self.previous = stop, None

    def __enter__(self):
        if threading.current_thread() is not threading.main_thread():
            return self

        def handler(signum, frame):
            if self.stop.is_set():
                raise KeyboardInterrupt
            self.stop.set()
            print("\nstopping after this batch (Ctrl-C again to abort)", file=sys.stderr, flush=True)

        self.previous = signal.signal(signal.SIGINT, handler)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        return False


def _load(path: Path):
    from rnnviz.checkpoints import load_checkpoint

    return load_checkpoint(path)


def cmd_evaluate(args: argparse.Namespace) -> int:
    checkpoint = _load(args.checkpoint)
    imdb = _load_data(args.data)
    split = _subset(imdb[args.split], args.limit)
    result, speed = _evaluate_texts(checkpoint.model, checkpoint.tokenizer, split["text"], split["label"],
                                    args.batch_size)
    summary = {
        "checkpoint": str(args.checkpoint), "name": checkpoint.name, "split": args.split, "reviews": len(split),
        "accuracy": result.accuracy, "loss": result.loss,
        "tn": result.true_negatives, "fp": result.false_positives,
        "fn": result.false_negatives, "tp": result.true_positives, "reviews_per_second": speed,
    }
    if args.json:
        _out(json.dumps(summary))
        return 0
    _out(f"{checkpoint.name} on {len(split):,} {args.split} reviews")
    # Two decimals: on 25,000 reviews one review is 0.004 points, and 90.46 % is not 90.54 %.
    _out(f"accuracy   {_percent(result.accuracy, 2)}   loss {result.loss:.4f}")
    _out(f"confusion  TN {result.true_negatives}  FP {result.false_positives}  "
         f"FN {result.false_negatives}  TP {result.true_positives}")
    _out(f"speed      {speed:,.0f} reviews/s (tokenising included)")
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    checkpoint = _load(args.checkpoint)
    texts: list[str] = []
    for text in args.texts:
        if text == "-":
            texts.extend(line.rstrip("\n") for line in sys.stdin if line.strip())
        else:
            texts.append(text)
    from rnnviz.training import torch_threads

    with torch_threads(args.threads):
        probabilities = checkpoint.predict(texts)
    rows = [{"text": t, "p_positive": float(p), "label": "positive" if p > 0.5 else "negative"}
            for t, p in zip(texts, probabilities)]
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False))
        return 0
    for row in rows:
        shown = " ".join(row["text"].split())
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        _out(f"{row['p_positive']:.4f}  {row['label']:<8}  {shown}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from rnnviz.checkpoints import list_checkpoints, shipped_checkpoint_dir, user_checkpoint_dir

    folders = args.folders or [shipped_checkpoint_dir(), user_checkpoint_dir()]
    for folder in folders:
        if args.folders and not folder.is_dir():
            raise Failure(f"{folder}: no such folder")
    infos = list_checkpoints(*folders, include_invalid=args.all)
    if not infos:
        _out("no checkpoints in " + ", ".join(str(f) for f in folders))
        return 0
    for info in infos:
        if info.error:
            _out(f"{info.path}  INVALID: {info.error}")
            continue
        config = info.config
        shape = (f"{'bi' if config.get('bidirectional') else ''}{config.get('cell')} "
                 f"h{config.get('hidden_size')} x{config.get('num_layers')}")
        accuracy = info.metrics.get("test_accuracy")
        _out(f"{info.name:<24} {shape:<16} test {_percent(accuracy):>6}  "
             f"{_human_bytes(info.size_bytes):>8}  {info.path}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    import inspect

    try:
        from rnnviz.bench import run_bench
    except ImportError as error:
        raise Failure(f"the benchmark is not available ({error})") from None
    cells = tuple(c.strip().lower() for c in args.cells.split(",") if c.strip()) if args.cells else None
    if cells is not None:
        from rnnviz.models import CELLS

        unknown = [c for c in cells if c not in CELLS]
        if unknown or not cells:
            raise UsageError(f"--cells: unknown cell(s) {', '.join(unknown) or '(none given)'}; "
                             f"choose among {', '.join(CELLS)}")
    wanted = {"data_dir": args.data, "reviews": args.reviews, "cells": cells,
              "test_reviews": args.test_reviews, "epochs": args.epochs, "seed": args.seed, "workers": args.workers}
    parameters = inspect.signature(run_bench).parameters
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
    kwargs = {}
    for key, value in wanted.items():
        if value is None:
            continue
        if key not in parameters and not accepts_any:
            raise UsageError(f"this benchmark does not take --{key.replace('_', '-')}")
        kwargs[key] = value
    if args.workers is None and "workers" in parameters:
        # Both cores: one thread per process is what these small RNNs use well (see rnnviz.training).
        kwargs["workers"] = min(2, os.cpu_count() or 1)
    result = run_bench(**kwargs)  # prints its own table
    if isinstance(result, str):
        _out(result)
    return 0


# --------------------------------------------------------------------------------------- main
def _error(message: str) -> None:
    message = " ".join(str(message).split())  # one line, whatever the exception said
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 failure, 2 bad arguments, 130 interrupted)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
        return int(args.handler(args) or 0)
    except SystemExit as exit_:  # --help, or argparse exiting on its own
        return exit_.code if isinstance(exit_.code, int) else 0
    except UsageError as error:
        _error(str(error))
        return 2
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr, flush=True)
        return 130
    except BrokenPipeError:  # e.g. `python -m rnnviz predict ... | head -1`
        with_devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(with_devnull, sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - turn every failure into one line
        from rnnviz.checkpoints import CheckpointError
        from rnnviz.data import DataError

        if os.environ.get(DEBUG_ENV):
            raise
        if isinstance(error, (Failure, CheckpointError, DataError)):
            _error(str(error))
        elif isinstance(error, FileNotFoundError):
            _error(f"{error.filename or error}: no such file or folder")
        elif isinstance(error, PermissionError):
            _error(f"{error.filename or error}: permission denied")
        elif isinstance(error, OSError):
            _error(f"{error.filename + ': ' if error.filename else ''}{error.strerror or error}")
        elif isinstance(error, (ValueError, TypeError)):
            _error(str(error))
        else:
            _error(f"unexpected {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for the traceback)")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
