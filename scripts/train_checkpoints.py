"""Train the checkpoints shipped in checkpoints/ (one command per model, each <= 20 min on 2 CPU cores).

    .venv/bin/python scripts/train_checkpoints.py lstm            # -> checkpoints/lstm.safetensors
    .venv/bin/python scripts/train_checkpoints.py --list
    .venv/bin/python scripts/train_checkpoints.py gru --data /path/to/imdb --out checkpoints

Data: the full IMDB (``--data``, default ``$RNNVIZ_DATA_DIR`` or /work/shared/data/imdb): the
vocabulary and the model come from the 25,000 training reviews (10% held out to pick the best
epoch); the reported accuracy is on the 25,000 test reviews, never seen during training.
Each run uses one CPU thread (see rnnviz.training), so two can train side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz.data import load_imdb  # noqa: E402
from rnnviz.models import ModelConfig  # noqa: E402
from rnnviz.tokenizer import Tokenizer  # noqa: E402
from rnnviz.word_vectors import describe, pretrained_embedding  # noqa: E402
from rnnviz.training import Progress, TrainConfig, encode_reviews, evaluate, predict_texts, train  # noqa: E402

DEFAULT_DATA = "/work/shared/data/imdb"
SANITY = {"This movie was great!": 1, "Terrible, boring film.": 0}

# name -> (model settings, training settings). ``word_vectors``: the co-occurrence window of the word
# vectors the embedding starts from (rnnviz.word_vectors; absent = random start). Measured figures: see
# each checkpoint's metrics and checkpoints/README.md.
RECIPES: dict[str, tuple[dict, dict]] = {
    "lstm": (dict(cell="lstm", vocab_size=20_000, embedding_dim=64, hidden_size=128, max_len=800,
                  pooling="mean_max", dropout=0.4, word_vectors=10),
             dict(optimizer="adam", lr=3e-3, batch_size=64, epochs=6, schedule="cosine",
                  weight_decay=0.01, grad_clip=1.0, patience=0, word_dropout=0.1)),
    # The GRU trains on all 25,000 training reviews (nothing held out) for a fixed 5 epochs: the runs
    # with 10% held out peaked at epoch 4-5 of 6, and picking an epoch on 2,500 reviews was noisier
    # (about +-0.6 points) than the differences between epochs.
    "gru": (dict(cell="gru", vocab_size=20_000, embedding_dim=64, hidden_size=128, max_len=800,
                 pooling="mean_max", dropout=0.4, word_vectors=10),
            dict(optimizer="adam", lr=3e-3, batch_size=64, epochs=5, schedule="cosine",
                 weight_decay=0.01, grad_clip=1.0, patience=0, word_dropout=0.1, validation_fraction=0.0)),
    "rnn": (dict(cell="rnn", vocab_size=20_000, embedding_dim=64, hidden_size=96, max_len=500,
                 pooling="mean_max", dropout=0.4, word_vectors=10),
            dict(optimizer="adam", lr=3e-3, batch_size=64, epochs=8, schedule="cosine",
                 weight_decay=0.05, grad_clip=1.0, patience=0, word_dropout=0.2, validation_fraction=0.0)),
    "bigru": (dict(cell="gru", vocab_size=20_000, embedding_dim=64, hidden_size=64, max_len=600,
                   bidirectional=True, pooling="mean_max", dropout=0.3, word_vectors=10),
              dict(optimizer="adam", lr=2e-3, batch_size=64, epochs=4, schedule="cosine",
                   weight_decay=1e-4, grad_clip=1.0, patience=0, word_dropout=0.1, validation_fraction=0.0)),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", choices=sorted(RECIPES))
    parser.add_argument("--list", action="store_true", help="print the recipes and exit")
    parser.add_argument("--data", default=os.environ.get("RNNVIZ_DATA_DIR") or DEFAULT_DATA)
    parser.add_argument("--out", default=str(ROOT / "checkpoints"))
    parser.add_argument("--epochs", type=int, help="override the recipe's epochs")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="override a model or train setting (JSON value), e.g. --set hidden_size=128")
    args = parser.parse_args(argv)
    if args.list or not args.name:
        for name, (model, training) in RECIPES.items():
            print(f"{name}: {json.dumps(model)} {json.dumps(training)}")
        return 0

    model_settings, train_settings = (dict(d) for d in RECIPES[args.name])
    if args.epochs:
        train_settings["epochs"] = args.epochs
    model_keys = set(ModelConfig().to_dict())
    for item in args.set:
        key, _, value = item.partition("=")
        (model_settings if key in model_keys | {"word_vectors"} else train_settings)[key] = json.loads(value)
    word_vectors = model_settings.pop("word_vectors", None)
    model_config = ModelConfig(**model_settings)
    train_config = TrainConfig(**train_settings)
    print(f"[{args.name}] {model_config}\n[{args.name}] {train_config}", flush=True)

    imdb = load_imdb(args.data)
    started = time.perf_counter()
    tokenizer = Tokenizer.build(imdb["train"]["text"], vocab_size=model_config.vocab_size)
    train_reviews = encode_reviews(imdb["train"]["text"], tokenizer, model_config.max_len)
    test_reviews = encode_reviews(imdb["test"]["text"], tokenizer, model_config.max_len)
    pretrained = None
    if word_vectors:
        # Unlabelled pretraining on the training reviews only (the test reviews stay unseen).
        pretrained = pretrained_embedding(train_reviews.ids, train_reviews.lengths, model_config.vocab_size,
                                          model_config.embedding_dim, window=word_vectors)
    prepare_seconds = time.perf_counter() - started
    print(f"[{args.name}] tokenised in {prepare_seconds:.0f}s", flush=True)

    def report(progress: Progress) -> None:
        if progress.kind == "epoch":
            val = "" if progress.val_accuracy is None else (  # validation_fraction=0: nothing held out
                f"val_loss {progress.val_loss:.4f} val_acc {progress.val_accuracy:.4f} ")
            print(f"[{args.name}] epoch {progress.epoch}: loss {progress.loss:.4f} acc {progress.accuracy:.4f} "
                  f"{val}{progress.samples_per_second:.0f} reviews/s, {progress.elapsed:.0f}s", flush=True)
        elif progress.batch % 50 == 0:
            print(f"[{args.name}]   {progress.epoch}.{progress.batch}/{progress.batches_per_epoch} "
                  f"loss {progress.loss:.4f} {progress.samples_per_second:.0f} reviews/s", flush=True)

    cpu_start = time.process_time()
    result = train(model_config, train_config, train_reviews, labels=imdb["train"]["label"],
                   pretrained_embedding=pretrained, on_progress=report)
    # CPU seconds of this process: what the run costs on an idle core, whatever else shares the machine.
    cpu_seconds = time.process_time() - cpu_start
    test = evaluate(result.model, test_reviews, labels=imdb["test"]["label"])
    sanity = dict(zip(SANITY, predict_texts(result.model, tokenizer, list(SANITY)).tolist()))
    best = result.history[result.best_epoch - 1]
    metrics = {
        "test_accuracy": test.accuracy, "test_loss": test.loss,
        "val_accuracy": best["val_accuracy"], "best_epoch": result.best_epoch,
        "epochs_run": len(result.history), "train_seconds": result.seconds, "train_cpu_seconds": cpu_seconds,
        "prepare_seconds": prepare_seconds, "reviews_per_second": result.samples_per_second,
        "n_params": result.model.parameter_count(), "confusion": test.confusion.tolist(),
        "sanity": sanity, "torch_threads": train_config.num_threads,
        "pretrained_embedding": describe(word_vectors or 0),
    }
    print(f"[{args.name}] test accuracy {test.accuracy:.4f} in {result.seconds:.0f}s ({cpu_seconds:.0f} CPU s) "
          f"(best epoch {result.best_epoch}); sanity {sanity}", flush=True)

    out = Path(args.out)
    (out / "_raw").mkdir(parents=True, exist_ok=True)
    summary = {"name": args.name, "model_config": model_config.to_dict(), "train_config": train_config.to_dict(),
               "metrics": metrics, "history": list(result.history)}
    (out / "_raw" / f"{args.name}.json").write_text(json.dumps(summary, indent=1))
    try:
        from rnnviz.checkpoints import save_checkpoint

        path = save_checkpoint(result.model, out / f"{args.name}.safetensors", tokenizer=tokenizer,
                               metrics=metrics, history=result.history, train_config=train_config,
                               data_source={"kind": imdb.source.kind, "location": "IMDB (stanfordnlp/imdb), "
                                            "25,000 train / 25,000 test reviews"}, name=args.name)
        print(f"[{args.name}] saved {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
    except Exception as error:  # noqa: BLE001 - keep the weights whatever the checkpoint module says
        torch.save(result.model.state_dict(), out / "_raw" / f"{args.name}.pt")
        summary["tokenizer"] = tokenizer.to_dict()
        (out / "_raw" / f"{args.name}.json").write_text(json.dumps(summary))
        print(f"[{args.name}] save_checkpoint failed ({error}); kept checkpoints/_raw/{args.name}.pt", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
