"""Rebuild the bundled samples (rnnviz/sample_data/) from the full datasets.

    python scripts/build_sample.py ../shared/data/imdb --sst ../shared/data/sst

IMDB, balanced and deterministic: for each split, 1,000 negative and 1,000 positive reviews drawn with
a fixed seed from the rows sorted by (label, id). Stored as zstd parquet with text, label, rating, id.
SST: 600 training and 300 dev trees drawn with a fixed seed, kept in the original PTB format
(sample_data/sst/train.txt, dev.txt) so the same parser reads the sample and the full treebank.
"""

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

PER_CLASS = 1_000
SEED = 20_111  # fixed so the sample never changes unless this script does
SST_TREES = {"train": 600, "dev": 300}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder with train.parquet and test.parquet")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "rnnviz" / "sample_data")
    parser.add_argument("--sst", type=Path, help="folder with the SST trees (train.txt, dev.txt)")
    args = parser.parse_args()
    if args.sst:
        build_sst_sample(args.sst, args.out / "sst")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    for split in ("train", "test"):
        frame = pd.read_parquet(args.source / f"{split}.parquet").sort_values(["label", "id"])
        parts = []
        for label in (0, 1):
            rows = frame[frame.label == label]
            parts.append(rows.iloc[np.sort(rng.choice(len(rows), PER_CLASS, replace=False))])
        sample = pd.concat(parts).reset_index(drop=True)[["text", "label", "rating", "id"]]
        sample.to_parquet(args.out / f"{split}.parquet", compression="zstd", index=False)
        print(f"{split}: {len(sample)} reviews, {sample.label.sum()} positive -> {args.out / f'{split}.parquet'}")


def build_sst_sample(source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    for split, count in SST_TREES.items():
        lines = [line for line in (source / f"{split}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
        picked = [lines[i] for i in np.sort(rng.choice(len(lines), count, replace=False))]
        (out / f"{split}.txt").write_text("\n".join(picked) + "\n", encoding="utf-8")
        print(f"sst {split}: {len(picked)} trees -> {out / f'{split}.txt'}")


if __name__ == "__main__":
    main()
