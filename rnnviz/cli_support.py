"""The command line's vocabulary: its errors, its flags (one per config field) and its terminal output.

:mod:`rnnviz.cli` holds the commands; this module knows nothing of what they do.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any, Callable

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
    from rnnviz import models, train_config

    return {
        "cell": getattr(models, "CELLS", None),
        "pooling": getattr(models, "POOLINGS", None),
        "optimizer": getattr(train_config, "OPTIMIZERS", None),
        "schedule": getattr(train_config, "SCHEDULES", None),
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


def config_from_args(config_class: type, args: argparse.Namespace, prefix: str) -> Any:
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


def build_parser(handlers: dict[str, Callable[[argparse.Namespace], int]]) -> argparse.ArgumentParser:
    """The parser of every command; ``handlers``: command name -> function of the parsed arguments."""
    from rnnviz.models import ModelConfig
    from rnnviz.train_config import TrainConfig

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
    train.set_defaults(handler=handlers["train"])

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
    evaluate.set_defaults(handler=handlers["evaluate"])

    # predict ----------------------------------------------------------------------------------
    predict = commands.add_parser(
        "predict", help="P(positive) of texts",
        description="P(positive) and the label of each text ('-' reads one text per line from stdin).")
    predict.add_argument("checkpoint", type=Path, help=".safetensors checkpoint")
    predict.add_argument("texts", nargs="+", metavar="TEXT", help="review text(s), or '-' for stdin")
    predict.add_argument("--json", action="store_true", help="print the result as JSON")
    predict.add_argument("--threads", type=_positive_int, default=1,
                         help="torch threads (default: 1, the fastest for these small RNNs on a busy CPU)")
    predict.set_defaults(handler=handlers["predict"])

    # list -------------------------------------------------------------------------------------
    listing = commands.add_parser(
        "list", help="list checkpoints", description="Checkpoints in the shipped and user folders "
                                                     "(or the folders given), read from their headers.")
    listing.add_argument("folders", nargs="*", type=Path, metavar="DIR", help="folders (default: shipped + user)")
    listing.add_argument("--all", action="store_true", help="also list invalid files, with the reason")
    listing.set_defaults(handler=handlers["list"])

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
                            "2 cores or more)")
    bench.set_defaults(handler=handlers["bench"])
    return parser



# ------------------------------------------------------------------------------------- output
def say(text: str = "") -> None:
    print(text, flush=True)


def percent(value: Any, digits: int = 1) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return "n/a"
    return f"{100 * value:.{digits}f}%"


def file_size(n: int) -> str:
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
                f"  val loss {progress.val_loss:.4f}  val acc {percent(progress.val_accuracy)}")
            self.stream.write(f"epoch {progress.epoch}/{self.epochs}  loss {progress.loss:.4f}  "
                              f"acc {percent(progress.accuracy)}{val}  {progress.samples_per_second:,.0f} texts/s"
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
        self.bar.set_postfix_str(f"loss {progress.loss:.4f}  acc {percent(progress.accuracy)}  "
                                 f"{progress.samples_per_second:,.0f} texts/s", refresh=False)
        self.bar.update(progress.batch - self.bar.n)  # tqdm redraws at most every 0.1 s
        if first:
            self.bar.refresh()

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


