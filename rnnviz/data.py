"""IMDB reviews as a ``datasets.DatasetDict`` with splits ``train`` and ``test``.

Sources, in order (:func:`load_imdb`):
1. ``data_dir`` or the ``RNNVIZ_DATA_DIR`` environment variable: a folder holding ``train``/``test``
   parquet or CSV files, or the original ``aclImdb`` tree (``train/pos/*.txt`` ...);
2. the Hugging Face hub dataset ``stanfordnlp/imdb``, only when the hub answers within a second;
3. the small balanced sample shipped inside this package (2,000 + 2,000 reviews).

The result carries a :class:`DataSource` (``imdb.source``) so a caller can say which one is in use.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from datasets import Dataset, DatasetDict

SPLITS = ("train", "test")
HUB_DATASET = "stanfordnlp/imdb"
HUB_HOST = "huggingface.co"
SAMPLE_DIR = Path(__file__).resolve().parent / "sample_data"
DATA_DIR_ENV = "RNNVIZ_DATA_DIR"
OFFLINE_ENV = "RNNVIZ_OFFLINE"


class DataError(ValueError):
    """A data folder that rnnviz cannot read, with the reason."""


@dataclass(frozen=True)
class DataSource:
    """Where the reviews came from.

    kind: "local" (a folder), "hub" (stanfordnlp/imdb) or "sample" (shipped with rnnviz)
    location: the folder, the hub id, or the sample's folder
    note: why this source was chosen (e.g. "the hub is unreachable")
    """

    kind: str
    location: str
    note: str = ""

    @property
    def label(self) -> str:
        names = {"local": "local folder", "hub": "Hugging Face hub", "sample": "bundled sample"}
        return f"{names.get(self.kind, self.kind)} ({self.location})"


class ImdbData(DatasetDict):
    """A ``DatasetDict`` (``train``, ``test``; columns ``text``, ``label``) that knows its source."""

    source: DataSource

    def sizes(self) -> dict[str, int]:
        return {name: len(split) for name, split in self.items()}


def _with_source(splits: dict[str, Dataset], source: DataSource) -> ImdbData:
    data = ImdbData(splits)
    data.source = source
    return data


def _normalise(table: pa.Table, origin: str) -> Dataset:
    """Keep ``text`` and ``label`` (0/1); accept a ``review``/``sentiment`` CSV layout too."""
    names = {n.lower(): n for n in table.column_names}
    text_col = names.get("text") or names.get("review")
    label_col = names.get("label") or names.get("sentiment")
    if text_col is None or label_col is None:
        raise DataError(f"{origin}: needs a 'text' and a 'label' column, found {table.column_names}")
    labels = table.column(label_col).to_pylist()
    mapping = {"pos": 1, "positive": 1, "1": 1, 1: 1, "neg": 0, "negative": 0, "0": 0, 0: 0}
    try:
        labels = [mapping[v.strip().lower() if isinstance(v, str) else v] for v in labels]
    except KeyError as bad:
        raise DataError(f"{origin}: labels must be 0/1 or negative/positive, found {bad.args[0]!r}") from None
    texts = [t if isinstance(t, str) else "" for t in table.column(text_col).to_pylist()]
    return Dataset.from_dict({"text": texts, "label": labels})


def _read_split_files(folder: Path, split: str) -> Dataset | None:
    for suffix, reader in (("parquet", pq.read_table), ("csv", pa_csv.read_csv)):
        files = sorted(folder.glob(f"{split}.{suffix}")) or sorted(folder.glob(f"{split}/*.{suffix}")) \
            or sorted(folder.glob(f"{split}-*.{suffix}"))
        if files:
            tables = [reader(f) for f in files]
            # Only the wanted columns, so shards with extra columns still concatenate.
            tables = [t.select([c for c in t.column_names if c.lower() in _WANTED]) for t in tables]
            return _normalise(pa.concat_tables(tables), str(files[0]))
    return None


_WANTED = {"text", "review", "label", "sentiment"}


def _read_aclimdb(folder: Path, split: str) -> Dataset | None:
    root = folder / "aclImdb" if (folder / "aclImdb").is_dir() else folder
    if not (root / split / "pos").is_dir():
        return None
    texts, labels = [], []
    for label, name in ((0, "neg"), (1, "pos")):
        # Files are named <id>_<rating>.txt; sort by id so the order is the same everywhere.
        files = sorted((root / split / name).glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
        for path in files:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
            labels.append(label)
    return Dataset.from_dict({"text": texts, "label": labels})


def load_local(data_dir: str | os.PathLike) -> ImdbData:
    """Read ``train`` and ``test`` from a folder (parquet, CSV or the aclImdb tree)."""
    folder = Path(data_dir).expanduser()
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder")
    splits = {}
    for split in SPLITS:
        dataset = _read_split_files(folder, split) or _read_aclimdb(folder, split)
        if dataset is None:
            raise DataError(
                f"{folder}: no '{split}' data found (expected {split}.parquet, {split}.csv, "
                f"{split}/*.parquet or an aclImdb tree with {split}/pos and {split}/neg)"
            )
        splits[split] = dataset
    return _with_source(splits, DataSource("local", str(folder.resolve())))


def load_sample() -> ImdbData:
    """The balanced 2,000 + 2,000 review sample shipped with rnnviz (see scripts/build_sample.py)."""
    splits = {s: _normalise(pq.read_table(SAMPLE_DIR / f"{s}.parquet"), f"sample {s}") for s in SPLITS}
    return _with_source(splits, DataSource("sample", str(SAMPLE_DIR)))


def hub_reachable(timeout: float = 1.0) -> bool:
    """True when the hub host answers a TCP connection within ``timeout`` seconds.

    ``load_dataset`` alone retries for ~20 s without a network; this check answers in at most
    ``timeout`` (DNS failure is immediate on a machine with no network).
    """
    if os.environ.get(OFFLINE_ENV) or os.environ.get("HF_DATASETS_OFFLINE") == "1" \
            or os.environ.get("HF_HUB_OFFLINE") == "1":
        return False
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((HUB_HOST, 443), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    import threading

    # getaddrinfo ignores socket timeouts, so the probe runs in a thread we stop waiting for.
    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout + 0.5)
    return bool(result and result[0])


def load_hub() -> ImdbData:
    from datasets import load_dataset

    splits = {s: load_dataset(HUB_DATASET, split=s).select_columns(["text", "label"]) for s in SPLITS}
    return _with_source(splits, DataSource("hub", HUB_DATASET))


def load_imdb(data_dir: str | os.PathLike | None = None) -> ImdbData:
    """IMDB reviews from the first source that works (see the module docstring).

    A folder that is given but unreadable raises :class:`DataError` rather than silently
    falling back: the user asked for that data.
    """
    data_dir = data_dir or os.environ.get(DATA_DIR_ENV) or None
    if data_dir:
        return load_local(data_dir)
    if hub_reachable():
        try:
            return load_hub()
        except Exception as error:  # noqa: BLE001 - any hub failure means "use the sample"
            sample = load_sample()
            sample.source = DataSource("sample", str(SAMPLE_DIR), f"the hub failed: {error}")
            return sample
    sample = load_sample()
    sample.source = DataSource("sample", str(SAMPLE_DIR), "the Hugging Face hub is unreachable")
    return sample


def review_sentences(texts, labels, count: int, seed: int = 0, confidence: float = 0.7,
                     shortest: int = 4, longest: int = 30) -> list[tuple[str, float]]:
    """``count`` sentences cut from labelled reviews, each with its review's label softened.

    A sentence of a positive review is only *probably* positive ("The first hour drags." can sit in a
    glowing review), so its target is ``confidence`` (1 - ``confidence`` for a negative review).
    Sentences of ``shortest`` to ``longest`` words, drawn at random with ``seed``.
    returns: [(sentence, target)], at most ``count``
    """
    import random
    import re

    from rnnviz.tokenizer import clean_text

    pool = []
    positive, negative = round(confidence, 6), round(1.0 - confidence, 6)
    for text, label in zip(texts, labels):
        for sentence in re.split(r"(?<=[.!?])\s+", clean_text(text)):
            if shortest <= len(sentence.split()) <= longest:
                pool.append((sentence.strip(), positive if label else negative))
    random.Random(seed).shuffle(pool)
    return pool[:count]
