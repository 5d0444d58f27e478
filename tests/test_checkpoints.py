"""Checkpoints: one safetensors file, atomic saves, and loading that refuses anything suspicious."""

from __future__ import annotations

import dataclasses
import json
import pickle
import random
import struct
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.torch import save as st_save

from rnnviz import checkpoints as ck
from rnnviz import models
from rnnviz.checkpoints import CheckpointError
from rnnviz.data import DataSource
from rnnviz.tokenizer import Tokenizer

TEXTS = [
    "A wonderful film, the best acting I have seen this year.",
    "Dull, far too long and badly acted. A waste of time.",
    "not bad at all",
    "",
    "zzzz qqqq xxxx",
    "great great great <br /> terrible",
]


def make_config(**overrides) -> "models.ModelConfig":
    values = dict(cell="lstm", vocab_size=60, embedding_dim=8, hidden_size=6, num_layers=1,
                  bidirectional=False, dropout=0.0, freeze_embedding=False, max_len=20)
    values.update(overrides)
    names = {f.name for f in dataclasses.fields(models.ModelConfig)}
    return models.ModelConfig(**{k: v for k, v in values.items() if k in names})


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer.build(TEXTS * 2 + ["good bad fine film movie plot actor"], vocab_size=60)


def make_model(config=None, seed: int = 0):
    torch.manual_seed(seed)
    return models.RNNClassifier(config or make_config())


@pytest.fixture()
def saved(tmp_path, tokenizer):
    model = make_model()
    path = ck.save_checkpoint(
        model, tmp_path / "lstm.safetensors", tokenizer=tokenizer,
        metrics={"val_accuracy": 0.75, "test_accuracy": 0.7, "train_seconds": 1.5, "reviews_per_second": 1234.0},
        history=[{"epoch": 1, "train_loss": 0.69, "val_accuracy": 0.6},
                 {"epoch": 2, "train_loss": 0.5, "val_accuracy": 0.75}],
        data_source=DataSource("sample", "/somewhere", "offline"),
        train_config={"epochs": 2, "lr": 0.001}, name="My LSTM")
    return model, path


def raw_file(tensors: dict, metadata: dict | None = None, document: str | None = None) -> bytes:
    """A safetensors file with exactly these tensors and this rnnviz metadata."""
    extra = None
    if metadata is not None:
        extra = {ck.METADATA_KEY: json.dumps(metadata)}
    if document is not None:
        extra = {ck.METADATA_KEY: document}
    return st_save(tensors, metadata=extra)


def split_file(data: bytes) -> tuple[dict, bytes]:
    n = struct.unpack("<Q", data[:8])[0]
    return json.loads(data[8: 8 + n]), data[8 + n:]


def join_file(header: dict, body: bytes) -> bytes:
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + body


def metadata_of(path: Path) -> dict:
    header, _ = split_file(path.read_bytes())
    return json.loads(header["__metadata__"][ck.METADATA_KEY])


def state(model) -> dict:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def refuse(tmp_path, data: bytes, *fragments: str) -> str:
    """Both loaders refuse ``data`` with a CheckpointError whose message holds every fragment."""
    path = tmp_path / "bad.safetensors"
    path.write_bytes(data)
    messages = []
    for load in (lambda: ck.load_checkpoint(path), lambda: ck.load_checkpoint_bytes(data)):
        with pytest.raises(CheckpointError) as info:
            load()
        messages.append(str(info.value))
        for fragment in fragments:
            assert fragment in str(info.value), str(info.value)
    return messages[0]


# ------------------------------------------------------------------------------------ round trip
def test_round_trip_same_predictions_and_metadata(saved, tokenizer):
    model, path = saved
    assert path.suffix == ".safetensors" and path.exists()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # one file, no temporary left
    ckpt = ck.load_checkpoint(path)
    assert ckpt.config == model.config
    assert ckpt.config.cell == "lstm" and ckpt.config.bidirectional is False
    assert ckpt.tokenizer.words == tokenizer.words and ckpt.tokenizer.vocab_size == tokenizer.vocab_size
    assert ckpt.name == "My LSTM"
    assert ckpt.path == path.resolve()
    assert ckpt.metrics["val_accuracy"] == 0.75 and ckpt.metrics["test_accuracy"] == 0.7
    assert ckpt.metrics["n_params"] == sum(p.numel() for p in model.parameters())
    assert [h["epoch"] for h in ckpt.history] == [1, 2]
    assert ckpt.data_source == {"kind": "sample", "location": "/somewhere", "note": "offline"}
    assert ckpt.train_config == {"epochs": 2, "lr": 0.001}
    assert ckpt.metadata["format_version"] == ck.FORMAT_VERSION and ckpt.created
    assert not ckpt.model.training
    assert not any(p.requires_grad for p in ckpt.model.parameters())
    for name, tensor in model.state_dict().items():
        assert torch.equal(ckpt.model.state_dict()[name], tensor)

    model.eval()
    with torch.no_grad():
        ids, lengths = ckpt.encode(TEXTS)
        expected = torch.sigmoid(model(ids, lengths)).double().numpy()
        # the padding-proof forward: each review scored alone gives the same probability
        alone = [torch.sigmoid(model(*ckpt.encode([t]))).item() for t in TEXTS]
    np.testing.assert_allclose(alone, expected, atol=1e-5)
    got = ckpt.predict(TEXTS)
    assert got.shape == (len(TEXTS),) and got.dtype == np.float64
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ckpt.predict(TEXTS, batch_size=2), got, atol=1e-6)
    assert ckpt.predict(TEXTS[0]).shape == (1,)
    assert ckpt.predict([]).shape == (0,)


@pytest.mark.parametrize("cell,bidirectional,layers", [("rnn", False, 1), ("gru", True, 2), ("lstm", True, 1)])
def test_round_trip_every_cell(tmp_path, tokenizer, cell, bidirectional, layers):
    model = make_model(make_config(cell=cell, bidirectional=bidirectional, num_layers=layers))
    path = ck.save_checkpoint(model, tmp_path / cell, tokenizer=tokenizer)
    assert path.name == f"{cell}.safetensors"
    ckpt = ck.load_checkpoint(path)
    assert ckpt.config.cell == cell and ckpt.config.bidirectional is bidirectional
    model.eval()
    with torch.no_grad():
        ids, lengths = ckpt.encode(TEXTS)
        np.testing.assert_allclose(ckpt.predict(TEXTS), torch.sigmoid(model(ids, lengths)).numpy(), atol=1e-6)


def test_predict_truncates_to_max_len_and_survives_empty_texts(saved):
    _, path = saved
    ckpt = ck.load_checkpoint(path)
    long_text = "good " * 500
    ids, lengths = ckpt.encode([long_text, "", "   "])
    assert ids.shape[1] <= ckpt.config.max_len and int(lengths.max()) <= ckpt.config.max_len
    assert int(lengths.min()) >= 1
    probabilities = ckpt.predict([long_text, "", "   ", "<br />"])
    assert np.all(np.isfinite(probabilities)) and np.all((probabilities >= 0) & (probabilities <= 1))


def test_bytes_round_trip_and_import_stays_in_its_folder(saved, tmp_path):
    model, path = saved
    data = path.read_bytes()
    ckpt = ck.load_checkpoint_bytes(data)
    assert ckpt.path is None and ckpt.name == "My LSTM"
    np.testing.assert_allclose(ckpt.predict(TEXTS), ck.load_checkpoint(path).predict(TEXTS), atol=1e-7)

    folder = tmp_path / "uploads"
    imported = ck.import_checkpoint_bytes(data, folder, name="../../etc/passwd")
    assert imported.path.parent == folder.resolve()
    assert imported.path.name == "etc-passwd.safetensors"
    again = ck.import_checkpoint_bytes(data, folder, name="../../etc/passwd")
    assert again.path.name == "etc-passwd-2.safetensors"
    assert sorted(p.name for p in folder.iterdir()) == ["etc-passwd-2.safetensors", "etc-passwd.safetensors"]
    assert not (tmp_path / "etc").exists()

    with pytest.raises(CheckpointError, match="limit"):
        ck.load_checkpoint_bytes(data, max_bytes=100)
    # an invalid upload is never written
    with pytest.raises(CheckpointError):
        ck.import_checkpoint_bytes(b"\x80\x04junk", folder)
    assert len(list(folder.iterdir())) == 2


def test_concurrent_imports_never_overwrite_each_other(saved, tmp_path):
    _, path = saved
    data = path.read_bytes()
    folder = tmp_path / "uploads"
    with ThreadPoolExecutor(6) as pool:
        saved_paths = list(pool.map(lambda _: ck.import_checkpoint_bytes(data, folder, name="same").path, range(6)))
    assert len(set(saved_paths)) == 6
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in saved_paths)  # no temporaries
    target = folder / "same.safetensors"
    assert ck.store._atomic_write(target, b"other", overwrite=False) is False
    assert target.read_bytes() == data and len(list(folder.iterdir())) == 6
    replaced = ck.import_checkpoint_bytes(data, folder, name="same", overwrite=True)
    assert replaced.path == target.resolve() and len(list(folder.iterdir())) == 6


def test_checkpoint_bytes_equals_a_saved_file_in_content(saved, tokenizer):
    model, path = saved
    data = ck.checkpoint_bytes(model, tokenizer=tokenizer, name="x")
    assert ck.load_checkpoint_bytes(data).name == "x"


def test_save_refuses_what_load_would_refuse(tmp_path, tokenizer):
    with pytest.raises(CheckpointError, match="test_accuracy"):
        ck.save_checkpoint(make_model(), tmp_path / "x", tokenizer=tokenizer, metrics={"test_accuracy": "high"})
    big = Tokenizer(tokenizer.words[3:], vocab_size=500)
    with pytest.raises(CheckpointError, match="embedding"):
        ck.save_checkpoint(make_model(), tmp_path / "x", tokenizer=big)
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_folder_uses_the_sanitized_name(tmp_path, tokenizer):
    path = ck.save_checkpoint(make_model(), tmp_path, tokenizer=tokenizer, name="../a/b:c")
    assert path.parent == tmp_path and path.name == "a-b-c.safetensors"


# ---------------------------------------------------------------------------------- atomicity
def test_a_crash_mid_save_leaves_the_old_checkpoint_intact(saved, tokenizer, monkeypatch):
    _, path = saved
    before = path.read_bytes()
    real = ck.store._write_chunks

    def crash_half_way(handle, data, chunk=1 << 20):
        real(handle, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ck.store, "_write_chunks", crash_half_way)
    with pytest.raises(OSError, match="No space"):
        ck.save_checkpoint(make_model(seed=1), path, tokenizer=tokenizer)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left

    monkeypatch.setattr(ck.store, "_write_chunks", real)
    monkeypatch.setattr(ck.store.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError, match="I/O error"):
        ck.save_checkpoint(make_model(seed=1), path, tokenizer=tokenizer)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    ck.load_checkpoint(path)


def test_a_new_save_replaces_the_old_one(saved, tokenizer):
    model, path = saved
    other = make_model(seed=7)
    ck.save_checkpoint(other, path, tokenizer=tokenizer, metrics={"val_accuracy": 0.9})
    ckpt = ck.load_checkpoint(path)
    assert ckpt.metrics["val_accuracy"] == 0.9
    assert torch.equal(ckpt.model.state_dict()["embedding.weight"], other.state_dict()["embedding.weight"])


# ------------------------------------------------------------------------------------ refusals
def test_refuses_torch_save_output(tmp_path):
    path = tmp_path / "model.pt"
    torch.save(make_model().state_dict(), path)
    refuse(tmp_path, path.read_bytes(), "not a safetensors file", "unpickling")


class _Exploit:
    """Unpickling this creates a marker file: proof that a loader executed pickle code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
def test_refuses_a_malicious_pickle_without_running_it(tmp_path, protocol):
    marker = tmp_path / f"pwned-{protocol}"
    payload = pickle.dumps(_Exploit(marker), protocol=protocol)
    # the payload is real: unpickling it does create a marker
    control = tmp_path / f"control-{protocol}"
    pickle.loads(pickle.dumps(_Exploit(control), protocol=protocol))
    assert control.exists()

    message = refuse(tmp_path, payload, "not a safetensors file")
    assert "pickle" in message
    with pytest.raises(CheckpointError):
        ck.read_metadata(tmp_path / "bad.safetensors")
    assert not marker.exists()


def test_refuses_empty_tiny_random_and_missing_files(tmp_path):
    refuse(tmp_path, b"", "empty")
    refuse(tmp_path, b"\x01\x02\x03", "not a safetensors file")
    rng = random.Random(1234)
    for _ in range(20):
        refuse(tmp_path, rng.randbytes(rng.randrange(8, 5000)))
    with pytest.raises(CheckpointError, match="no such file"):
        ck.load_checkpoint(tmp_path / "missing.safetensors")
    with pytest.raises(CheckpointError, match="folder"):
        ck.load_checkpoint(tmp_path)


def test_refuses_truncated_files(saved, tmp_path):
    _, path = saved
    data = path.read_bytes()
    message = refuse(tmp_path, data[:-100], "truncated")
    assert "header says" in message
    refuse(tmp_path, data[:40], "truncated")
    refuse(tmp_path, data[:8], "truncated")


def test_refuses_headers_claiming_huge_sizes(saved, tmp_path):
    _, path = saved
    data = path.read_bytes()
    refuse(tmp_path, struct.pack("<Q", 2**62) + data[8:], "header")
    refuse(tmp_path, struct.pack("<Q", 2**64 - 1) + data[8:])
    # a tensor whose shape claims a terabyte
    header, body = split_file(data)
    header["embedding.weight"]["shape"] = [10**6, 10**6]
    header["embedding.weight"]["data_offsets"][1] = header["embedding.weight"]["data_offsets"][0] + 4 * 10**12
    refuse(tmp_path, join_file(header, body))
    # offsets beyond the end of the file
    header, body = split_file(data)
    last = max(header.values(), key=lambda e: e.get("data_offsets", [0, 0])[1] if isinstance(e, dict) and "data_offsets" in e else 0)
    last["data_offsets"] = [last["data_offsets"][0] + 10**9, last["data_offsets"][1] + 10**9]
    refuse(tmp_path, join_file(header, body))


def test_refuses_overlapping_tensors_and_duplicate_keys(saved, tmp_path):
    _, path = saved
    header, body = split_file(path.read_bytes())
    tensors = [k for k in header if k != "__metadata__"]
    first = sorted(tensors, key=lambda k: header[k]["data_offsets"][0])
    a, b = header[first[0]], header[first[1]]
    # b keeps its size but starts where a starts: the two tensors share bytes
    start, size = a["data_offsets"][0], b["data_offsets"][1] - b["data_offsets"][0]
    b["data_offsets"] = [start, start + size]
    refuse(tmp_path, join_file(header, body), "overlaps another tensor")
    raw = json.dumps(split_file(path.read_bytes())[0])
    duplicated = raw.replace('{"', '{"__metadata__": {}, "', 1).encode()
    refuse(tmp_path, struct.pack("<Q", len(duplicated)) + duplicated + body, "repeats the key")


def test_refuses_other_dtypes(saved, tmp_path):
    model, path = saved
    metadata = metadata_of(path)
    for dtype in (torch.float64, torch.int64, torch.int8):
        tensors = {k: v.to(dtype) for k, v in model.state_dict().items()}
        refuse(tmp_path, raw_file(tensors, metadata), "dtype")


def test_half_precision_files_load(saved, tmp_path):
    model, path = saved
    tensors = {k: v.to(torch.float16) for k, v in model.state_dict().items()}
    ckpt = ck.load_checkpoint_bytes(raw_file(tensors, metadata_of(path)))
    assert ckpt.model.embedding.weight.dtype == torch.float32
    np.testing.assert_allclose(ckpt.predict(TEXTS), ck.load_checkpoint(path).predict(TEXTS), atol=0.02)


def test_refuses_wrong_shapes_missing_and_extra_tensors(saved, tmp_path):
    model, path = saved
    metadata = metadata_of(path)
    tensors = {k: v.clone() for k, v in model.state_dict().items()}
    name = "rnn.weight_hh_l0"
    rows, cols = tensors[name].shape
    tensors[name] = torch.zeros(rows, cols + 2)
    refuse(tmp_path, raw_file(tensors, metadata),
           f"tensor '{name}' has shape ({rows}, {cols + 2}) but the config needs ({rows}, {cols})")

    tensors = {k: v.clone() for k, v in model.state_dict().items()}
    del tensors[name]
    refuse(tmp_path, raw_file(tensors, metadata), "lacks", name)
    tensors = {k: v.clone() for k, v in model.state_dict().items()}
    tensors["evil.extra"] = torch.zeros(3)
    refuse(tmp_path, raw_file(tensors, metadata), "evil.extra")


def test_refuses_headers_with_huge_numbers(saved, tmp_path):
    _, path = saved
    header, body = split_file(path.read_bytes())
    raw = json.dumps(header).replace('"shape": [', '"shape": [' + "9" * 5000 + ", ", 1).encode()
    refuse(tmp_path, struct.pack("<Q", len(raw)) + raw + body, "not valid JSON")
    nested = b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    refuse(tmp_path, struct.pack("<Q", len(nested)) + nested)


def test_refuses_metadata_that_is_missing_or_not_json(saved, tmp_path):
    model, path = saved
    tensors = state(model)
    refuse(tmp_path, raw_file(tensors), "without rnnviz metadata")
    refuse(tmp_path, raw_file(tensors, document="{not json"), "not valid JSON")
    refuse(tmp_path, raw_file(tensors, document="[1, 2]"), "not a JSON object")
    metadata = metadata_of(path)
    for key in ("model_config", "tokenizer", "format_version"):
        broken = dict(metadata)
        del broken[key]
        refuse(tmp_path, raw_file(tensors, broken), key)
    refuse(tmp_path, raw_file(tensors, {**metadata, "format": "something.else"}), "not an rnnviz checkpoint")
    refuse(tmp_path, raw_file(tensors, {**metadata, "format_version": 99}), "newer rnnviz")
    refuse(tmp_path, raw_file(tensors, {**metadata, "metrics": [1]}), "metrics")
    refuse(tmp_path, raw_file(tensors, {**metadata, "metrics": {"test_accuracy": "99%"}}), "test_accuracy")
    refuse(tmp_path, raw_file(tensors, {**metadata, "history": [1, 2]}), "history")
    refuse(tmp_path, raw_file(tensors, {**metadata, "model_config": {**metadata["model_config"], "cell": "transformer"}}),
           "invalid model configuration")
    refuse(tmp_path, raw_file(tensors, {**metadata, "tokenizer": {"kind": "other"}}), "tokenizer")
    # a tokenizer producing ids the embedding does not have
    bigger = dict(metadata["tokenizer"], vocab_size=metadata["model_config"]["vocab_size"] + 50)
    refuse(tmp_path, raw_file(tensors, {**metadata, "tokenizer": bigger}), "embedding")


def test_refuses_a_config_that_lies_about_sizes(saved, tmp_path):
    model, path = saved
    metadata = metadata_of(path)
    hidden = metadata["model_config"]["hidden_size"]
    lying = {**metadata, "model_config": {**metadata["model_config"], "hidden_size": hidden * 2}}
    refuse(tmp_path, raw_file(state(model), lying), "has shape", "but the config needs")


def test_absurd_sizes_fail_fast_without_building_a_model(saved, tmp_path, monkeypatch):
    model, path = saved
    metadata = metadata_of(path)
    built = []

    class Spy(models.RNNClassifier):
        def __init__(self, *args, **kwargs):
            built.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(models, "RNNClassifier", Spy)
    cases = [{"hidden_size": 10**9}, {"vocab_size": 10**12}, {"embedding_dim": 10**8},
             # within ModelConfig's limits, but far more weights than the file holds
             {"hidden_size": models.MAX_HIDDEN_SIZE, "num_layers": models.MAX_NUM_LAYERS, "bidirectional": True},
             {"vocab_size": models.MAX_VOCAB_SIZE, "embedding_dim": models.MAX_EMBEDDING_DIM},
             {"hidden_size": 512}]
    for case in cases:
        lying = {**metadata, "model_config": {**metadata["model_config"], **case}}
        start = time.perf_counter()
        data = raw_file(state(model), lying)
        path.write_bytes(data)
        for load in (lambda: ck.load_checkpoint(path), lambda: ck.load_checkpoint_bytes(data)):
            with pytest.raises(CheckpointError):
                load()
        assert time.perf_counter() - start < 2.0
    assert built == []


def test_refuses_non_finite_weights(saved, tmp_path):
    model, path = saved
    tensors = state(model)
    tensors["head.weight" if "head.weight" in tensors else next(iter(tensors))].view(-1)[0] = float("nan")
    refuse(tmp_path, raw_file(tensors, metadata_of(path)), "NaN")


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_fuzzed_checkpoints_fail_only_with_checkpoint_error(saved, data):
    _, path = saved
    original = path.read_bytes()
    header_len = struct.unpack("<Q", original[:8])[0]
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, 8 + header_len + 16))
        mutated[min(position, len(mutated) - 1)] = data.draw(st.integers(0, 255))
    cut = data.draw(st.one_of(st.none(), st.integers(0, len(mutated))))
    blob = bytes(mutated if cut is None else mutated[:cut])
    try:
        ckpt = ck.load_checkpoint_bytes(blob)
    except CheckpointError:
        return
    assert np.all(np.isfinite(ckpt.predict(TEXTS[:2])))


# -------------------------------------------------------------------------------------- names
@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "etc-passwd"),
    ("..\\x", "x"),
    ("a\x00b", "a b"),
    ("my model.safetensors", "my model"),
    ("  LSTM 64 (bi)  ", "LSTM 64 -bi"),
    ("modèle été", "modèle été"),
    ("", "model"),
    ("....", "model"),
    ("/", "model"),
    ("CON", "model-CON"),
    (None, "model"),
])
def test_sanitize_name(name, expected):
    assert ck.sanitize_name(name) == expected


def test_display_names_are_one_clean_line(tmp_path, tokenizer):
    assert ck.display_name("LSTM (bi) \u202e\n 64") == "LSTM (bi) 64"
    assert ck.display_name("\x00\n") is None and ck.display_name(3) is None
    assert len(ck.display_name("x" * 500)) == ck.MAX_NAME_LENGTH
    path = ck.save_checkpoint(make_model(), tmp_path / "n", tokenizer=tokenizer, name="GRU (64)\r\nevil")
    assert ck.load_checkpoint(path).name == "GRU (64) evil"
    # a hand-made file with a hostile name is cleaned when read
    metadata = {**metadata_of(path), "name": "a\x1b[31mb\n" + "c" * 300}
    data = raw_file(state(make_model()), metadata)
    assert ck.load_checkpoint_bytes(data).name == ("a [31mb " + "c" * 300)[: ck.MAX_NAME_LENGTH]
    assert ck.load_checkpoint_bytes(data, name="../x").name == "../x"


def test_sanitize_name_cuts_long_names():
    assert len(ck.sanitize_name("x" * 10_000)) == ck.MAX_NAME_LENGTH
    assert ck.sanitize_name("a/" * 500).startswith("a-a")


@settings(deadline=None, database=None)
@given(st.text(max_size=300))
def test_sanitize_name_is_always_a_safe_file_name(name):
    safe = ck.sanitize_name(name)
    assert 1 <= len(safe) <= ck.MAX_NAME_LENGTH
    assert "/" not in safe and "\\" not in safe and ".." not in safe and "\x00" not in safe
    assert not safe.startswith((".", "-", " ")) and safe == safe.strip()
    assert all(c.isprintable() for c in safe)
    assert ck.sanitize_name(safe) == safe
    assert Path(safe).name == safe


# --------------------------------------------------------------------------------- threads
def test_predict_is_thread_safe(saved):
    _, path = saved
    ckpt = ck.load_checkpoint(path)
    texts = [t + " " + " ".join(["good", "bad", "film"][: i % 4]) for i in range(40) for t in TEXTS[:3]]
    expected = ckpt.predict(texts, batch_size=16)
    threads_before = torch.get_num_threads()
    barrier = threading.Barrier(8)

    def work(_):
        barrier.wait()
        return [ckpt.predict(texts, batch_size=16) for _ in range(3)]

    with ThreadPoolExecutor(8) as pool:
        results = [r for batch in pool.map(work, range(8)) for r in batch]
    for result in results:
        np.testing.assert_allclose(result, expected, rtol=0, atol=1e-6)
    assert torch.get_num_threads() == threads_before
    assert not any(p.requires_grad for p in ckpt.model.parameters())


# ----------------------------------------------------------------------------- listing, dirs
def test_read_metadata_and_list_checkpoints(saved, tmp_path, tokenizer):
    _, path = saved
    other = ck.save_checkpoint(make_model(make_config(cell="gru")), tmp_path / "a-gru", tokenizer=tokenizer,
                               metrics={"test_accuracy": 0.6})
    (tmp_path / "broken.safetensors").write_bytes(b"garbage" * 10)
    (tmp_path / ".hidden.safetensors.tmp").write_bytes(b"partial")
    (tmp_path / "notes.txt").write_text("not a checkpoint")

    metadata = ck.read_metadata(path)
    assert metadata["name"] == "My LSTM" and metadata["metrics"]["val_accuracy"] == 0.75

    infos = ck.list_checkpoints(tmp_path)
    assert [i.path.name for i in infos] == [other.name, path.name]
    gru = infos[0]
    assert gru.cell == "gru" and gru.metrics["test_accuracy"] == 0.6 and gru.ok and not gru.shipped
    row = infos[1].as_row()
    assert row["name"] == "My LSTM" and row["cell"] == "lstm" and row["val_accuracy"] == 0.75 and row["epochs"] == 2

    with_invalid = ck.list_checkpoints(tmp_path, include_invalid=True)
    broken = [i for i in with_invalid if not i.ok]
    assert [i.path.name for i in broken] == ["broken.safetensors"] and broken[0].error
    assert ck.list_checkpoints(tmp_path / "nowhere") == []


def test_checkpoint_dirs(monkeypatch, tmp_path):
    assert ck.shipped_checkpoint_dir() == Path(ck.__file__).resolve().parents[2] / "checkpoints"
    monkeypatch.setenv(ck.USER_DIR_ENV, str(tmp_path / "mine"))
    assert ck.user_checkpoint_dir() == tmp_path / "mine"
    assert not (tmp_path / "mine").exists()
    assert ck.user_checkpoint_dir(create=True).is_dir()
    monkeypatch.delenv(ck.USER_DIR_ENV)
    assert ck.user_checkpoint_dir() == Path.home() / ".rnnviz" / "checkpoints"


def test_shipped_checkpoints_are_valid():
    folder = ck.shipped_checkpoint_dir()
    files = sorted(folder.glob("*.safetensors")) if folder.is_dir() else []
    if not files:
        pytest.skip("no shipped checkpoints yet")
    for path in files:
        ckpt = ck.load_checkpoint(path)
        assert np.all(np.isfinite(ckpt.predict(TEXTS)))
