"""Every cached object of the app, in one place.

Cached resources are shared by all sessions, so they must never be mutated by a page: the dataset
and the tokenizer are read-only by construction (a ``Tokenizer`` has no mutating method).
"""

from __future__ import annotations

import time

import streamlit as st

from rnnviz.data import ImdbData, load_imdb
from rnnviz.tokenizer import Tokenizer

VOCAB_SIZES = (100, 1_000, 10_000, 20_000)


@st.cache_resource(show_spinner="Loading IMDB reviews…")
def imdb() -> ImdbData:
    return load_imdb()


@st.cache_resource(show_spinner="Building the vocabulary…")
def tokenizer(vocab_size: int) -> tuple[Tokenizer, float]:
    """The vocabulary of the training reviews, and the seconds it took to build."""
    start = time.perf_counter()
    built = Tokenizer.build(imdb()["train"]["text"], vocab_size=vocab_size)
    return built, time.perf_counter() - start


@st.cache_data(show_spinner=False, max_entries=64)
def sample_reviews(count: int, seed: int) -> list[tuple[str, int]]:
    """``count`` training reviews drawn with ``seed``: (text, label) pairs."""
    import numpy as np

    train = imdb()["train"]
    picks = np.random.default_rng(seed).choice(len(train), size=min(count, len(train)), replace=False)
    rows = train.select(sorted(int(i) for i in picks))
    return list(zip(rows["text"], rows["label"]))


def checkpoint_infos() -> list[dict]:
    """One row per available checkpoint (filled in when rnnviz.checkpoints lands)."""
    return []
