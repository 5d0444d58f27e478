"""Write checkpoints/README.md, the model card, from the shipped checkpoints' own metadata.

    .venv/bin/python scripts/model_card.py

Every figure in the card is read from the checkpoint files (headers only), so the card cannot drift
from the models it describes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz.checkpoints import list_checkpoints, shipped_checkpoint_dir  # noqa: E402

HEADER = """# Shipped checkpoints — model card

Sentiment classifiers (P(positive) of an English movie review) trained on the full IMDB training split
(25,000 reviews, 10 % of them held out to pick the best epoch) and evaluated once on the full 25,000-review
test split. Each file is one `.safetensors` holding the weights and, as JSON metadata, the model config, the
vocabulary, the metrics and the per-epoch history: `python -m rnnviz list` shows them, and
`python -m rnnviz evaluate checkpoints/<name>.safetensors --data DIR` re-measures the test accuracy.

All use the course's architecture (embedding -> recurrent layer -> linear -> sigmoid), with two changes the
card's figures justify: a 20,000-word vocabulary and, instead of the last hidden state alone, the mean and the
max of the states over the review (`pooling="mean_max"`), which reads the whole review rather than its end.
Training time is wall-clock on the 2-core development machine, which was shared with other work at the time
(CPU seconds, where recorded, are the fairer figure).

"""

FOOTER = """
Baselines on the same test split: the course's LSTM trained as written reaches about 83 % (and swings between
74 % and 83 % from epoch to epoch), the course's RNN about 80 %, the Keras bidirectional-LSTM example 87.8 %,
and TF-IDF word+bigram logistic regression 90.48 %.

**Not reached yet:** the targets are >= 90.5 % for the LSTM and the GRU (the table says where they are; their
validation accuracy reaches ~90.5 %, the test split stays ~2 points lower) and >= 87 % for the vanilla RNN.
Each row's command reproduces it from `scripts/train_checkpoints.py`'s recipe (`--list` prints them; one CPU
thread per run, so two can train side by side; every recipe needs at most 11 CPU minutes).
"""


def main() -> None:
    rows = ["| name | cell | bidirectional | embedding | hidden | vocabulary | max_len | parameters | size | epochs "
            "(best) | training time | test accuracy | command |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for info in list_checkpoints(shipped_checkpoint_dir()):
        config, metrics = info.config, info.metrics
        cpu = metrics.get("train_cpu_seconds")
        seconds = f"{metrics.get('train_seconds', 0) / 60:.0f} min" + (f" ({cpu / 60:.0f} CPU min)" if cpu else "")
        rows.append(
            f"| {info.name} | {config['cell']} | {'yes' if config.get('bidirectional') else 'no'} | "
            f"{config['embedding_dim']} | {config['hidden_size']} | {config['vocab_size']:,} | {config['max_len']} | "
            f"{metrics.get('n_params', 0):,} | {info.size_bytes / 1e6:.1f} MB | "
            f"{metrics.get('epochs_run', info.n_epochs)} ({metrics.get('best_epoch', '?')}) | {seconds} | "
            f"**{metrics.get('test_accuracy', 0):.2%}** | "
            f"`python scripts/train_checkpoints.py {info.name} --data DIR` |")
    card = HEADER + "\n".join(rows) + "\n" + FOOTER
    (shipped_checkpoint_dir() / "README.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main()
