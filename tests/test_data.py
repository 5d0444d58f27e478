import time

import pandas as pd
import pytest

from rnnviz import data
from rnnviz.data import DataError, load_imdb, load_local, load_sample

FULL = data.Path(__file__).resolve().parents[2] / "shared" / "data" / "imdb"


def test_sample_is_balanced_small_and_deterministic():
    sample = load_sample()
    assert sample.sizes() == {"train": 2000, "test": 2000}
    for split in ("train", "test"):
        assert sample[split].column_names == ["text", "label"]
        assert sum(sample[split]["label"]) == 1000
    size = sum(p.stat().st_size for p in data.SAMPLE_DIR.glob("*.parquet"))
    assert size < 5 * 1024 * 1024
    assert load_sample()["train"][17] == sample["train"][17]
    assert sample.source.kind == "sample"


def test_offline_fallback_is_fast(monkeypatch):
    monkeypatch.delenv("RNNVIZ_DATA_DIR", raising=False)
    monkeypatch.delenv("RNNVIZ_OFFLINE", raising=False)
    # No network: resolving the hub host fails, as on a machine without internet.
    monkeypatch.setattr(data, "HUB_HOST", "hub.invalid")
    start = time.perf_counter()
    imdb = load_imdb()
    assert time.perf_counter() - start <= 5
    assert imdb.source.kind == "sample"
    assert "unreachable" in imdb.source.note


def test_hub_failure_falls_back_to_sample(monkeypatch):
    monkeypatch.delenv("RNNVIZ_DATA_DIR", raising=False)
    monkeypatch.setattr(data, "hub_reachable", lambda timeout=1.0: True)

    def broken():
        raise ConnectionError("Couldn't reach 'stanfordnlp/imdb' on the Hub")
    monkeypatch.setattr(data, "load_hub", broken)
    imdb = load_imdb()
    assert imdb.source.kind == "sample" and "failed" in imdb.source.note


def test_hub_used_when_reachable(monkeypatch):
    monkeypatch.delenv("RNNVIZ_DATA_DIR", raising=False)
    monkeypatch.setattr(data, "hub_reachable", lambda timeout=1.0: True)
    fake = load_sample()
    fake.source = data.DataSource("hub", data.HUB_DATASET)
    monkeypatch.setattr(data, "load_hub", lambda: fake)
    assert load_imdb().source.kind == "hub"


def test_env_var_and_formats(tmp_path, monkeypatch):
    rows = {"text": ["good film", "bad film", "fine"], "label": [1, 0, 1], "rating": [9, 2, 7]}
    parquet_dir = tmp_path / "parquet"
    parquet_dir.mkdir()
    for split in ("train", "test"):
        pd.DataFrame(rows).to_parquet(parquet_dir / f"{split}.parquet")
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(parquet_dir))
    imdb = load_imdb()
    assert imdb.source.kind == "local" and imdb.sizes() == {"train": 3, "test": 3}
    assert imdb["train"]["label"] == [1, 0, 1] and imdb["train"].column_names == ["text", "label"]

    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    for split in ("train", "test"):
        pd.DataFrame({"review": ["great", "awful"], "sentiment": ["positive", "negative"]}).to_csv(
            csv_dir / f"{split}.csv", index=False)
    assert load_local(csv_dir)["test"]["label"] == [1, 0]

    acl = tmp_path / "aclImdb"
    for split in ("train", "test"):
        for name, text in (("pos", "loved it"), ("neg", "hated it")):
            (acl / split / name).mkdir(parents=True)
            (acl / split / name / "0_9.txt").write_text(text + "<br />", encoding="utf-8")
    imdb = load_local(tmp_path / "aclImdb")
    assert imdb["train"]["label"] == [0, 1] and imdb["train"]["text"][1] == "loved it<br />"
    assert load_local(tmp_path)["test"].num_rows == 2  # the folder that holds aclImdb works too


def test_bad_folders(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        load_local(tmp_path / "missing")
    with pytest.raises(DataError, match="no 'train' data"):
        load_local(tmp_path)
    (tmp_path / "train.csv").write_text("foo,bar\n1,2\n")
    with pytest.raises(DataError, match="'text' and a 'label'"):
        load_local(tmp_path)
    (tmp_path / "train.csv").write_text("text,label\nok,maybe\n")
    with pytest.raises(DataError, match="labels must be"):
        load_local(tmp_path)


@pytest.mark.skipif(not FULL.is_dir(), reason="the full IMDB copy is only on the developers' machines")
def test_full_dataset_loads():
    imdb = load_imdb(FULL)
    assert imdb.sizes() == {"train": 25_000, "test": 25_000}
    assert sum(imdb["test"]["label"]) == 12_500


def test_review_sentences_carry_their_reviews_label_softened():
    from rnnviz.data import review_sentences

    texts = ["A wonderful film. The cast is superb!<br /><br />I loved it.", "Dull. The plot never moves at all."]
    picked = review_sentences(texts, [1, 0], count=10, seed=0, shortest=3)
    assert dict(picked) == {"A wonderful film.": 0.7, "The cast is superb!": 0.7, "I loved it.": 0.7,
                            "The plot never moves at all.": 0.3}
    assert review_sentences(texts, [1, 0], count=1, seed=0, shortest=3) == picked[:1]  # seeded, prefix-stable
    assert review_sentences(texts, [1, 0], count=10, seed=0, shortest=3) == picked
