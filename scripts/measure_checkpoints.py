"""Re-measure shipped checkpoints on short text and word order, and record the figures in their metadata.

    .venv/bin/python scripts/measure_checkpoints.py lstm gru rnn bigru --sst /path/to/sst

For checkpoints trained before the Sentiment Treebank came in: adds ``sst_dev_accuracy`` (the 872 SST-2
dev sentences), the order-pair figures and ``trained_on`` ("imdb" when absent) to the metadata. The
weights, the vocabulary, the history and every other metric are kept as they are; ``--imdb DIR`` also
re-measures the IMDB test accuracy (25,000 reviews).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz.checkpoints import load_checkpoint, save_checkpoint, shipped_checkpoint_dir  # noqa: E402
from rnnviz.pipeline import measure  # noqa: E402
from rnnviz.sst import load_sst  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="+")
    parser.add_argument("--sst", default=os.environ.get("RNNVIZ_SST_DIR") or "/work/shared/data/sst")
    parser.add_argument("--imdb", help="also re-measure the IMDB test split from this folder")
    args = parser.parse_args(argv)
    dev = load_sst(args.sst).sentences("dev")
    tests = {"sst_dev": (tuple(dev["text"]), tuple(dev["label"]))}
    if args.imdb:
        from rnnviz.data import load_imdb

        test = load_imdb(args.imdb)["test"]
        tests["imdb_test"] = (tuple(test["text"]), tuple(test["label"]))
    for name in args.names:
        path = shipped_checkpoint_dir() / f"{name}.safetensors"
        checkpoint = load_checkpoint(path)
        metrics = {**checkpoint.metrics, **measure(checkpoint.model, checkpoint.tokenizer, tests)}
        source = {"trained_on": "imdb", **(checkpoint.data_source or {})}
        save_checkpoint(checkpoint.model, path, tokenizer=checkpoint.tokenizer, metrics=metrics,
                        history=checkpoint.history, data_source=source, train_config=checkpoint.train_config,
                        name=checkpoint.name)
        print(f"{name}: SST-2 dev {metrics['sst_dev_accuracy']:.4f}, order pairs {metrics['order_pairs_accuracy']:.4f}"
              f", IMDB test {metrics.get('test_accuracy', float('nan')):.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
