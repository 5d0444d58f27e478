"""Write checkpoints/README.md, the model card, from the shipped checkpoints' own metadata.

    .venv/bin/python scripts/model_card.py [--sst DIR] [--imdb DIR]

Every figure of the first table is read from the checkpoint files (headers only), so the card cannot
drift from the models it describes. The order-test table scores the shipped models on the minimal pairs
(a second each) beside TF-IDF + logistic regression fitted on the SST phrases (--sst) and on the IMDB
training reviews (--imdb); the text around the tables lives in checkpoints/card_notes.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz.checkpoints import list_checkpoints, load_checkpoint, shipped_checkpoint_dir  # noqa: E402
from rnnviz.order_pairs import load_pairs, score_pairs  # noqa: E402
from rnnviz.word_vectors import describe  # noqa: E402

NOTES = ROOT / "checkpoints" / "card_notes.md"
START = {describe(window): f"word vectors, window {window}" for window in range(1, 51)}
DATA = {"imdb": "IMDB reviews", "sst": "SST phrases", "both": "IMDB + SST"}


def _percent(value) -> str:
    return "–" if value is None else f"{value:.2%}"


def models_table(infos) -> str:
    rows = ["| name | trained on | cell | bidirectional | embedding | hidden | pooling | vocabulary | max_len | "
            "parameters | size | epochs | embedding start | training time | IMDB test | SST-2 dev | order pairs | "
            "command |",
            "| --- " * 18 + "|"]
    for info in infos:
        config, metrics = info.config, info.metrics
        cpu = metrics.get("train_cpu_seconds")
        seconds = f"{metrics.get('train_seconds', 0) / 60:.0f} min" + (f" ({cpu / 60:.0f} CPU min)" if cpu else "")
        extra = []
        if metrics.get("composed_sentences"):
            extra.append(f"+{metrics['composed_sentences']:,} composed")
        if metrics.get("review_sentences"):
            extra.append(f"+{metrics['review_sentences']:,} review sentences")
        data = DATA.get(info.trained_on, info.trained_on) + (f" ({', '.join(extra)})" if extra else "")
        rows.append(
            f"| {info.name} | {data} | {config['cell']} | {'yes' if config.get('bidirectional') else 'no'} | "
            f"{config['embedding_dim']} | {config['hidden_size']} | {config.get('pooling')} | {config['vocab_size']:,} | "
            f"{config['max_len']} | {metrics.get('n_params', 0):,} | {info.size_bytes / 1e6:.1f} MB | "
            f"{metrics.get('epochs_run', info.n_epochs)} | "
            f"{START.get(metrics.get('pretrained_embedding', ''), 'random')} | {seconds} | "
            f"{_percent(metrics.get('test_accuracy'))} | {_percent(metrics.get('sst_dev_accuracy'))} | "
            f"{_percent(metrics.get('order_pairs_accuracy'))} | `python scripts/train_checkpoints.py {info.name}` |")
    return "\n".join(rows)


def order_table(infos, sst_dir: str | None, imdb_dir: str | None) -> str:
    """Share of minimal pairs with both sides right, per category, for each model and the TF-IDF foils."""
    suite = load_pairs()
    scores = [score_pairs(load_checkpoint(info.path).predict, suite, info.name) for info in infos]
    from rnnviz.foils import fit_tfidf_logistic
    from rnnviz.pipeline import load_corpus

    for data, label in (("sst", "TF-IDF + LR (SST phrases)"), ("imdb", "TF-IDF + LR (IMDB reviews)")):
        corpus = load_corpus(data, imdb_dir=imdb_dir, sst_dir=sst_dir)
        foil = fit_tfidf_logistic(corpus.train_texts, [int(label > 0.5) for label in corpus.train_labels])
        scores.append(score_pairs(foil.predict, suite, label))
    categories = list(scores[0].by_category())
    rows = ["| model | " + " | ".join(f"{c} ({scores[0].by_category()[c][1]})" for c in categories)
            + f" | all ({len(suite)}) |", "| --- " * (len(categories) + 2) + "|"]
    for score in scores:
        cells = [f"{right / total:.0%}" for right, total in score.by_category().values()]
        rows.append(f"| {score.name} | " + " | ".join(cells) + f" | **{score.accuracy:.1%}** |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sst", default=os.environ.get("RNNVIZ_SST_DIR") or "/work/shared/data/sst")
    parser.add_argument("--imdb", default=os.environ.get("RNNVIZ_DATA_DIR") or "/work/shared/data/imdb")
    args = parser.parse_args(argv)
    infos = sorted(list_checkpoints(shipped_checkpoint_dir()),
                   key=lambda info: (["sst", "both", "imdb"].index(info.trained_on), info.cell == "bag", info.name))
    notes = NOTES.read_text(encoding="utf-8")
    card = notes.replace("{{MODELS}}", models_table(infos)).replace(
        "{{ORDER}}", order_table(infos, args.sst, args.imdb))
    (shipped_checkpoint_dir() / "README.md").write_text(card, encoding="utf-8")
    print(card)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
