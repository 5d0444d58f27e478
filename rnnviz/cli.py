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


def _count(text: str) -> int:
    value = _int(text)
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"expected 0 to 1,000,000, got {value}")
    return value


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
        if field.name in CHOSEN_AT_RUN_TIME:
            default, shown, optional = None, CHOSEN_AT_RUN_TIME[field.name], False
        group.add_argument(flag, dest=dest, type=_optional(parse) if optional else parse, default=default,
                           choices=choices, metavar=metavar, help=f"{help_text} (default: {shown})")


# Settings whose default depends on the machine (None on the command line: decided by cmd_train).
CHOSEN_AT_RUN_TIME = {"workers": "one per core, up to 2"}


def _config_from_args(config_class: type, args: argparse.Namespace, prefix: str) -> Any:
    values = {f.name: getattr(args, prefix + f.name) for f in dataclasses.fields(config_class)}
    values = {name: value for name, value in values.items() if not (name in CHOSEN_AT_RUN_TIME and value is None)}
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
    run.add_argument("--data", metavar="DATA",
                     help="what to train on: imdb (reviews), sst (Sentiment Treebank phrases), both, or a folder "
                          "(SST trees or IMDB files); default: imdb")
    run.add_argument("--imdb-dir", metavar="DIR", help="IMDB folder (parquet, CSV or aclImdb)")
    run.add_argument("--sst-dir", metavar="DIR", help="folder of the SST trees (train.txt, dev.txt)")
    run.add_argument("--composed", type=_count, default=0, metavar="N",
                     help="with sst or both: add N sentences composed by grammar rules (negation, contrast, "
                          "double negation, hedges, order; rnnviz.compose); default 0")
    run.add_argument("--review-sentences", type=_count, default=0, metavar="N",
                     help="with sst or both: add N sentences cut from the IMDB training reviews, each labelled "
                          "0.7 / 0.3 by its review's verdict; default 0")
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
    evaluate.add_argument("--sst-dir", metavar="DIR", help="folder of the SST trees (for --split dev and --pairs)")
    evaluate.add_argument("--split", default="test", choices=("train", "test", "dev"),
                          help="IMDB train or test reviews, or dev: the SST-2 dev sentences (default: test)")
    evaluate.add_argument("--pairs", action="store_true",
                          help="the order test instead: minimal pairs per category, beside a bag of words and "
                               "TF-IDF + logistic regression trained on the checkpoint's data")
    evaluate.add_argument("--pairs-file", type=Path, metavar="FILE", help="another pairs file (same format)")
    evaluate.add_argument("--no-tfidf", action="store_true", help="with --pairs: skip the TF-IDF foil (no data needed)")
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
    from rnnviz.checkpoints import human_bytes as human

    return human(n)


class ProgressBar:
    """Training progress on stderr: a tqdm bar per epoch on a terminal, one line per finished epoch always."""

    def __init__(self, epochs: int, stream=None, enabled: bool = True):
        self.epochs, self.enabled = epochs, enabled
        self.stream = stream or sys.stderr
        self.live = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.bar = None

    def __call__(self, progress) -> None:
        if not self.enabled:
            return
        if progress.kind == "epoch":
            self.clear()
            val = "" if progress.val_accuracy is None else (
                f"  val loss {progress.val_loss:.4f}  val acc {_percent(progress.val_accuracy)}")
            self.stream.write(f"epoch {progress.epoch}/{self.epochs}  loss {progress.loss:.4f}  "
                              f"acc {_percent(progress.accuracy)}{val}  {progress.samples_per_second:,.0f} texts/s"
                              f"  {progress.elapsed:.1f}s\n")
            self.stream.flush()
            return
        if not self.live or progress.kind != "batch":
            return
        first = self.bar is None
        if first:
            from tqdm import tqdm

            self.bar = tqdm(total=progress.batches_per_epoch, desc=f"epoch {progress.epoch}/{self.epochs}",
                            file=self.stream, unit="batch", leave=False, ascii=True, mininterval=0.1)
        self.bar.set_postfix_str(f"loss {progress.loss:.4f}  acc {_percent(progress.accuracy)}  "
                                 f"{progress.samples_per_second:,.0f} texts/s", refresh=False)
        self.bar.update(progress.batch - self.bar.n)  # tqdm redraws at most every 0.1 s
        if first:
            self.bar.refresh()

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


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


def resolve_out(out: Path | None, name: str, default_folder: Path) -> Path:
    """Where ``train`` saves: ``--out`` as a file, or a free ``<name>.safetensors`` in a folder.

    No ``--out``: the user checkpoint folder; an existing file there is never overwritten (``-2``,
    ``-3``... are appended). An explicit ``--out FILE`` is replaced (atomically).
    """
    from rnnviz.checkpoints import unique_path

    if out is None:
        return unique_path(default_folder, name)
    out = out.expanduser()
    if out.is_dir():
        return unique_path(out, name)
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


def _training_data(args: argparse.Namespace) -> tuple[str, str | None, str | None]:
    """(what to train on, IMDB folder, SST folder) from --data and the folder flags.

    ``--data`` is imdb, sst, both, or a folder: a folder of SST trees means sst, any other IMDB.
    """
    from rnnviz.pipeline import TRAINING_DATA

    data, imdb_dir, sst_dir = args.data, args.imdb_dir, args.sst_dir
    if data is None:
        return "imdb", imdb_dir, sst_dir
    if data in TRAINING_DATA and not Path(data).is_dir():
        return data, imdb_dir, sst_dir
    folder = Path(data).expanduser()
    if (folder / "train.txt").is_file() or (folder / "trees" / "train.txt").is_file():
        return "sst", imdb_dir, str(folder)
    return "imdb", str(folder), sst_dir


def cmd_train(args: argparse.Namespace) -> int:
    from rnnviz.checkpoints import user_checkpoint_dir
    from rnnviz.models import ModelConfig
    from rnnviz.pipeline import DATA_NAMES, Plan, load_corpus, train_and_save
    from rnnviz.training import TrainConfig

    from rnnviz import distributed

    model_config = _config_from_args(ModelConfig, args, "model__")
    train_config = _config_from_args(TrainConfig, args, "train__")
    rank = 0
    if distributed.launched_by_torchrun():  # every process of the group runs this command
        rank, world = distributed.init_from_environment()
        train_config = dataclasses.replace(train_config, workers=world)
        args.quiet = args.quiet or rank != 0
    elif args.train__workers is None:
        # Both cores by default: one thread per process is what these small RNNs use well.
        train_config = dataclasses.replace(train_config, workers=min(2, os.cpu_count() or 1))
    name = args.name or _default_name(model_config)
    out = resolve_out(args.out, name, user_checkpoint_dir())
    _check_writable(out.parent)  # fail now, not after the training

    data, imdb_dir, sst_dir = _training_data(args)
    started = time.perf_counter()
    short_text = data != "imdb"  # composed and review sentences join the treebank's phrases
    corpus = load_corpus(data, imdb_dir=imdb_dir, sst_dir=sst_dir, composed=args.composed if short_text else 0,
                         review_sentences=args.review_sentences if short_text else 0, seed=train_config.seed)
    for dataset, source in corpus.sources.items():
        note = f" - {source['note']}" if source.get("note") else ""
        print(f"{dataset} data: {source['kind']} ({source['location']}){note}", file=sys.stderr, flush=True)
    print(f"training on {DATA_NAMES[data]}: {len(corpus):,} texts ({time.perf_counter() - started:.1f}s)",
          file=sys.stderr, flush=True)

    bar = ProgressBar(train_config.epochs, enabled=not args.quiet)
    stop = threading.Event()

    def phase(name: str) -> None:
        if name in ("word_vectors", "testing"):
            bar.clear()
            print({"word_vectors": "word vectors ...", "testing": "measuring ..."}[name], file=sys.stderr, flush=True)

    plan = Plan(name, model_config, train_config, word_vectors=args.word_vectors, test_limit=args.test_limit,
                composed=args.composed if short_text else 0,
                review_sentences=args.review_sentences if short_text else 0)
    with _stop_on_ctrl_c(stop):
        try:
            result = train_and_save(plan, corpus, path=out, on_progress=bar, stop_event=stop, phase=phase)
        except RuntimeError as error:
            raise Failure(str(error)) from None
    bar.clear()
    if result is not None:  # None on the other ranks of a torchrun group
        _print_summary(name, result)
    return 0


def _print_summary(name: str, result) -> None:
    metrics, config, path = result.metrics, result.model.config, result.path
    stopped = " (stopped by you)" if metrics["stopped_by_user"] else " (early stop)" if metrics["stopped_early"] else ""
    _out(f"model      {name}: {config.cell}, {config.num_layers} layer(s), hidden "
         f"{config.hidden_size}{', bidirectional' if config.bidirectional else ''}, "
         f"{result.model.parameter_count():,} parameters")
    _out(f"trained    {metrics['epochs_run']} epoch(s){stopped} on {metrics['train_reviews']:,} texts in "
         f"{metrics['train_seconds']:.1f}s, {metrics['reviews_per_second']:,.0f} texts/s")
    if metrics["val_accuracy"] is None:  # --validation-fraction 0: the last epoch is kept
        _out(f"kept       the last epoch ({metrics['best_epoch']}): nothing was held out for validation")
    else:
        _out(f"best epoch {metrics['best_epoch']}: validation accuracy {_percent(metrics['val_accuracy'])}")
    if metrics.get("test_accuracy") is not None:
        (tn, fp), (fn, tp) = metrics["confusion"]
        _out(f"test       accuracy {_percent(metrics['test_accuracy'], 2)} on {metrics['test_reviews']:,} IMDB "
             f"test reviews (TN {tn} FP {fp} FN {fn} TP {tp})")
    if metrics.get("sst_dev_accuracy") is not None:
        _out(f"short text accuracy {_percent(metrics['sst_dev_accuracy'], 2)} on {metrics['sst_dev_sentences']:,} "
             f"SST-2 dev sentences")
    _out(f"word order {_percent(metrics['order_pairs_accuracy'])} of {metrics['order_pairs']} minimal pairs "
         f"with both sides right")
    _out(f"saved      {path} ({_human_bytes(path.stat().st_size)})")


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
    if args.pairs:
        return _evaluate_pairs(checkpoint, args)
    if args.split == "dev":
        from rnnviz.sst import load_sst

        treebank = load_sst(args.sst_dir)
        note = f" - {treebank.source.note}" if treebank.source.note else ""
        print(f"data: {treebank.source.label}{note}", file=sys.stderr, flush=True)
        split, what = _subset(treebank.sentences("dev"), args.limit), "SST-2 dev sentences"
    else:
        split, what = _subset(_load_data(args.data)[args.split], args.limit), f"IMDB {args.split} reviews"
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
    _out(f"{checkpoint.name} on {len(split):,} {what}")
    # Two decimals: on 25,000 reviews one review is 0.004 points, and 90.46 % is not 90.54 %.
    _out(f"accuracy   {_percent(result.accuracy, 2)}   loss {result.loss:.4f}")
    _out(f"confusion  TN {result.true_negatives}  FP {result.false_positives}  "
         f"FN {result.false_negatives}  TP {result.true_positives}")
    _out(f"speed      {speed:,.0f} reviews/s (tokenising included)")
    return 0


def _evaluate_pairs(checkpoint, args: argparse.Namespace) -> int:
    """The order test: the checkpoint, a shipped bag of words and TF-IDF + logistic regression, per category."""
    from rnnviz.checkpoints import list_checkpoints, load_checkpoint, shipped_checkpoint_dir
    from rnnviz.foils import fit_tfidf_logistic
    from rnnviz.order_pairs import load_pairs, score_pairs
    from rnnviz.pipeline import load_corpus

    suite = load_pairs(args.pairs_file)
    trained_on = (checkpoint.data_source or {}).get("trained_on", "imdb")
    scores = [score_pairs(checkpoint.predict, suite, checkpoint.name)]
    bags = [info for info in list_checkpoints(shipped_checkpoint_dir()) if info.cell == "bag"]
    bags.sort(key=lambda info: (info.data_source or {}).get("trained_on") != trained_on)
    if bags and Path(bags[0].path).resolve() != Path(args.checkpoint).resolve():
        bag = load_checkpoint(bags[0].path)
        scores.append(score_pairs(bag.predict, suite, f"{bag.name} (bag of words)"))
    if not args.no_tfidf:
        corpus = load_corpus(trained_on, imdb_dir=args.data, sst_dir=args.sst_dir)
        labels = [int(label > 0.5) for label in corpus.train_labels]
        foil = fit_tfidf_logistic(corpus.train_texts, labels)
        scores.append(score_pairs(foil.predict, suite, f"TF-IDF + logistic regression ({trained_on})"))
    if args.json:
        _out(json.dumps({"pairs": len(suite), "models": [
            {"name": s.name, "accuracy": s.accuracy,
             "by_category": {c: {"right": r, "pairs": n} for c, (r, n) in s.by_category().items()}}
            for s in scores]}))
        return 0
    _out(f"order test: {len(suite)} minimal pairs; a pair counts when both of its sides are judged right")
    for number, score in enumerate(scores, start=1):
        _out(f"  [{number}] {score.name}")
    header = f"{'category':<22}{'pairs':>6}" + "".join(f"{f'[{n}]':>9}" for n in range(1, len(scores) + 1))
    _out(header)
    for category, (_, total) in scores[0].by_category().items():
        cells = "".join(f"{_percent(s.by_category()[category][0] / total):>9}" for s in scores)
        _out(f"{category:<22}{total:>6}{cells}")
    _out(f"{'all':<22}{len(suite):>6}" + "".join(f"{_percent(s.accuracy):>9}" for s in scores))
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
