"""``python -m rnnviz``: train, evaluate, predict and benchmark from a terminal.

    python -m rnnviz train --cell gru --hidden-size 64 --epochs 5 --out gru64.safetensors
    python -m rnnviz evaluate gru64.safetensors --split test --limit 2000
    python -m rnnviz predict gru64.safetensors "A wonderful film." "Dull and far too long."
    python -m rnnviz list
    python -m rnnviz bench --reviews 2000 --cells rnn,lstm,gru

Every hyper-parameter of :class:`rnnviz.models.ModelConfig` and :class:`rnnviz.train_config.TrainConfig`
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
from typing import Sequence



from rnnviz.cli_support import (
    DEBUG_ENV, PROG, Failure, ProgressBar, UsageError, config_from_args, file_size, say, percent,
    build_parser as _build_parser,
)
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
    from rnnviz.reviews import encode_reviews, evaluate

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
    from rnnviz.pipeline import DATA_NAMES, Plan, early_ranks, load_corpus, train_and_save
    from rnnviz.train_config import TrainConfig

    from rnnviz import distributed

    model_config = config_from_args(ModelConfig, args, "model__")
    train_config = config_from_args(TrainConfig, args, "train__")
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
    # The training processes start now and import torch while this one loads and tokenizes the data.
    ranks = early_ranks(train_config)
    try:
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
                print({"word_vectors": "word vectors ...", "testing": "measuring ..."}[name], file=sys.stderr,
                      flush=True)

        plan = Plan(name, model_config, train_config, word_vectors=args.word_vectors, test_limit=args.test_limit,
                    composed=args.composed if short_text else 0,
                    review_sentences=args.review_sentences if short_text else 0)
        with _stop_on_ctrl_c(stop):
            try:
                result = train_and_save(plan, corpus, path=out, on_progress=bar, stop_event=stop, phase=phase,
                                        ranks=ranks)
            except RuntimeError as error:
                raise Failure(str(error)) from None
    finally:
        if ranks is not None:
            ranks.close(wait=False)
    bar.clear()
    if result is not None:  # None on the other ranks of a torchrun group
        _print_summary(name, result)
    return 0


def _print_summary(name: str, result) -> None:
    metrics, config, path = result.metrics, result.model.config, result.path
    stopped = " (stopped by you)" if metrics["stopped_by_user"] else " (early stop)" if metrics["stopped_early"] else ""
    say(f"model      {name}: {config.cell}, {config.num_layers} layer(s), hidden "
         f"{config.hidden_size}{', bidirectional' if config.bidirectional else ''}, "
         f"{result.model.parameter_count():,} parameters")
    say(f"trained    {metrics['epochs_run']} epoch(s){stopped} on {metrics['train_reviews']:,} texts in "
         f"{metrics['train_seconds']:.1f}s, {metrics['reviews_per_second']:,.0f} texts/s")
    if metrics["val_accuracy"] is None:  # --validation-fraction 0: the last epoch is kept
        say(f"kept       the last epoch ({metrics['best_epoch']}): nothing was held out for validation")
    else:
        say(f"best epoch {metrics['best_epoch']}: validation accuracy {percent(metrics['val_accuracy'])}")
    if metrics.get("test_accuracy") is not None:
        (tn, fp), (fn, tp) = metrics["confusion"]
        say(f"test       accuracy {percent(metrics['test_accuracy'], 2)} on {metrics['test_reviews']:,} IMDB "
             f"test reviews (TN {tn} FP {fp} FN {fn} TP {tp})")
    if metrics.get("sst_dev_accuracy") is not None:
        say(f"short text accuracy {percent(metrics['sst_dev_accuracy'], 2)} on {metrics['sst_dev_sentences']:,} "
             f"SST-2 dev sentences")
    say(f"word order {percent(metrics['order_pairs_accuracy'])} of {metrics['order_pairs']} minimal pairs "
         f"with both sides right")
    say(f"saved      {path} ({file_size(path.stat().st_size)})")


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
        say(json.dumps(summary))
        return 0
    say(f"{checkpoint.name} on {len(split):,} {what}")
    # Two decimals: on 25,000 reviews one review is 0.004 points, and 90.46 % is not 90.54 %.
    say(f"accuracy   {percent(result.accuracy, 2)}   loss {result.loss:.4f}")
    say(f"confusion  TN {result.true_negatives}  FP {result.false_positives}  "
         f"FN {result.false_negatives}  TP {result.true_positives}")
    say(f"speed      {speed:,.0f} reviews/s (tokenising included)")
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
        say(json.dumps({"pairs": len(suite), "models": [
            {"name": s.name, "accuracy": s.accuracy,
             "by_category": {c: {"right": r, "pairs": n} for c, (r, n) in s.by_category().items()}}
            for s in scores]}))
        return 0
    say(f"order test: {len(suite)} minimal pairs; a pair counts when both of its sides are judged right")
    for number, score in enumerate(scores, start=1):
        say(f"  [{number}] {score.name}")
    header = f"{'category':<22}{'pairs':>6}" + "".join(f"{f'[{n}]':>9}" for n in range(1, len(scores) + 1))
    say(header)
    for category, (_, total) in scores[0].by_category().items():
        cells = "".join(f"{percent(s.by_category()[category][0] / total):>9}" for s in scores)
        say(f"{category:<22}{total:>6}{cells}")
    say(f"{'all':<22}{len(suite):>6}" + "".join(f"{percent(s.accuracy):>9}" for s in scores))
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    checkpoint = _load(args.checkpoint)
    texts: list[str] = []
    for text in args.texts:
        if text == "-":
            texts.extend(line.rstrip("\n") for line in sys.stdin if line.strip())
        else:
            texts.append(text)
    from rnnviz.reviews import torch_threads

    with torch_threads(args.threads):
        probabilities = checkpoint.predict(texts)
    rows = [{"text": t, "p_positive": float(p), "label": "positive" if p > 0.5 else "negative"}
            for t, p in zip(texts, probabilities)]
    if args.json:
        say(json.dumps(rows, ensure_ascii=False))
        return 0
    for row in rows:
        shown = " ".join(row["text"].split())
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        say(f"{row['p_positive']:.4f}  {row['label']:<8}  {shown}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from rnnviz.checkpoints import list_checkpoints, shipped_checkpoint_dir, user_checkpoint_dir

    folders = args.folders or [shipped_checkpoint_dir(), user_checkpoint_dir()]
    for folder in folders:
        if args.folders and not folder.is_dir():
            raise Failure(f"{folder}: no such folder")
    infos = list_checkpoints(*folders, include_invalid=args.all)
    if not infos:
        say("no checkpoints in " + ", ".join(str(f) for f in folders))
        return 0
    for info in infos:
        if info.error:
            say(f"{info.path}  INVALID: {info.error}")
            continue
        config = info.config
        shape = (f"{'bi' if config.get('bidirectional') else ''}{config.get('cell')} "
                 f"h{config.get('hidden_size')} x{config.get('num_layers')}")
        accuracy = info.metrics.get("test_accuracy")
        say(f"{info.name:<24} {shape:<16} test {percent(accuracy):>6}  "
             f"{file_size(info.size_bytes):>8}  {info.path}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from rnnviz.bench import run_bench
    from rnnviz.models import CELLS

    cells = tuple(c.strip().lower() for c in args.cells.split(",") if c.strip()) if args.cells else None
    if cells is not None:
        unknown = [c for c in cells if c not in CELLS]
        if unknown or not cells:
            raise UsageError(f"--cells: unknown cell(s) {', '.join(unknown) or '(none given)'}; "
                             f"choose among {', '.join(CELLS)}")
    given = {"data_dir": args.data, "reviews": args.reviews, "cells": cells, "test_reviews": args.test_reviews,
             "epochs": args.epochs, "seed": args.seed}
    # Both cores by default: one thread per process is what these small RNNs use well (see rnnviz.training).
    run_bench(**{key: value for key, value in given.items() if value is not None},
              workers=args.workers or min(2, os.cpu_count() or 1))  # it prints its own table
    return 0


# --------------------------------------------------------------------------------------- main
def _error(message: str) -> None:
    message = " ".join(str(message).split())  # one line, whatever the exception said
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def build_parser():
    """The parser of every command (see :func:`rnnviz.cli_support.build_parser`)."""
    return _build_parser({"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict, "list": cmd_list,
                          "bench": cmd_bench})


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
