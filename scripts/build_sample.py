"""Rebuild the bundled IMDB sample (rnnviz/sample_data/) from the full dataset.

    python scripts/build_sample.py ../shared/data/imdb

Balanced and deterministic: for each split, 1,000 negative and 1,000 positive reviews drawn with a
fixed seed from the rows sorted by (label, id). Stored as zstd parquet with text, label, rating, id.
"""

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

PER_CLASS = 1_000
SEED = 20_111  # fixed so the sample never changes unless this script does


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder with train.parquet and test.parquet")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "rnnviz" / "sample_data")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
