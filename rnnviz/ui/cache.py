"""Every cached object of the app, in one place.

Cached resources are shared by all sessions, so they must never be mutated by a page: the dataset
and the tokenizer are read-only by construction (a ``Tokenizer`` has no mutating method).
"""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path

import numpy as np
import streamlit as st
import torch

from rnnviz import checkpoints, embedding_probes, gradients
from rnnviz.checkpoints import CheckpointError, list_checkpoints, load_checkpoint, read_metadata, sanitize_name
from rnnviz.data import ImdbData, load_imdb
from rnnviz.embedding_probes import freeze_step, nearest_in, nearest_neighbours
from rnnviz.explain import Verdict, explain
from rnnviz.gradients import MAX_STEPS, DecayComparison, fresh_model, measure_decay, pick_per_cell, random_ids, saliency, spectral_radius
from rnnviz.jobs import JobManager, measure_speed
from rnnviz.lessons import probe_review, read_review
from rnnviz.models import CELLS, ModelConfig, RNNClassifier
from rnnviz.order_pairs import load_pairs, rank_readers, score_pairs
from rnnviz.pipeline import load_corpus
from rnnviz.reviews import Evaluation, encode_reviews, evaluate
from rnnviz.snapshots import shared_map
from rnnviz.sst import load_sst
from rnnviz.tokenizer import Tokenizer
from rnnviz.word_order import bag_word_scores, read_in_order
from rnnviz.word_vectors import cooccurrence_vectors

VOCAB_SIZES = (100, 1_000, 10_000, 20_000)
WORD_VECTOR_WINDOW = 10  # the co-occurrence window of the shipped models' word vectors


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
    train = imdb()["train"]
    picks = np.random.default_rng(seed).choice(len(train), size=min(count, len(train)), replace=False)
    rows = train.select(sorted(int(i) for i in picks))
    return list(zip(rows["text"], rows["label"]))


def _mtime(path) -> tuple[str, int]:
    """(path, modification time): cache keys that change when a checkpoint file is rewritten."""
    path = Path(path)
    return str(path), path.stat().st_mtime_ns


def _cached_with_key(function, cache, options: dict, suffix: str):
    """``cache(**options)`` of ``function`` called as ``(key, *args)``: the key only tells cache entries apart."""
    def cached(key: tuple, *args, **kwargs):
        return function(*args, **kwargs)

    # Streamlit tells caches apart by module and qualified name: one per decorated function.
    cached.__module__, cached.__name__ = function.__module__, function.__name__
    cached.__qualname__ = f"{function.__qualname__}_{suffix}"
    return cache(**options)(cached)


def per_checkpoint_file(cache=st.cache_data, paths: int = 1, **options):
    """Cache ``function(path, *args)`` once per checkpoint *file*: the key holds the file's modification
    time, so a file that a training run rewrites is read again. ``cache``: ``st.cache_data`` (a copy per
    caller) or ``st.cache_resource`` (one shared, read-only object); ``paths``: how many leading
    arguments are checkpoint paths."""
    def decorate(function):
        cached = _cached_with_key(function, cache, options, "per_file")

        @functools.wraps(function)
        def call(*args, **kwargs):
            return cached(tuple(_mtime(path) for path in args[:paths]), *args, **kwargs)

        call.clear = cached.clear
        return call
    return decorate


def per_checkpoint_set(cache=st.cache_data, **options):
    """Cache ``function(*args)`` once per *set* of checkpoint files: the key changes whenever a
    checkpoint is added, removed or rewritten (for what reads every available checkpoint)."""
    def decorate(function):
        cached = _cached_with_key(function, cache, options, "per_set")

        @functools.wraps(function)
        def call(*args, **kwargs):
            return cached(_checkpoint_stamp(), *args, **kwargs)

        call.clear = cached.clear
        return call
    return decorate


def _checkpoint_stamp() -> tuple:
    """Every checkpoint file's path and modification time."""
    stamp = []
    for folder in (checkpoints.shipped_checkpoint_dir(), checkpoints.user_checkpoint_dir()):
        if folder.is_dir():
            stamp += [(str(p), p.stat().st_mtime_ns) for p in sorted(folder.glob("*.safetensors"))]
    return tuple(stamp)


@per_checkpoint_set(show_spinner=False, max_entries=8)
def available_checkpoints() -> list:
    """Every valid checkpoint (shipped first, then the user's): ``CheckpointInfo`` from headers only."""
    return list_checkpoints()


@per_checkpoint_file(st.cache_resource, show_spinner="Loading the model…", max_entries=16)
def checkpoint(path: str):
    """A loaded checkpoint, shared by every session: read-only (eval mode, no gradients)."""
    return load_checkpoint(path)


def shown_path(path) -> str:
    """A checkpoint's path as a snippet shows it: relative to the project for a shipped model (what a
    student types from the project's folder), else its file name."""
    path = Path(path)
    shipped = checkpoints.shipped_checkpoint_dir().resolve()
    return f"{shipped.name}/{path.name}" if path.resolve().parent == shipped else path.name


# ------------------------------------------------------------------ Prediction, Training, Models pages
@st.cache_resource(show_spinner=False)
def one_torch_thread() -> None:
    """One torch thread for the whole server: these small RNNs gain little from a second one, and
    on a shared machine its threads spin and make every call several times slower."""
    torch.set_num_threads(1)


@st.cache_data(show_spinner=False, max_entries=4)
def long_review(min_words: int = 600) -> str:
    """A long real test review (the longest of the first 2,000), to show truncation."""
    texts = imdb()["test"][:2_000]["text"]
    return max(texts, key=len) if texts else "A long review. " * min_words


@per_checkpoint_set(show_spinner=False, max_entries=32)
def predictions(text: str) -> tuple[list[Verdict], list[str], float]:
    """(``explain.Verdict`` of every available checkpoint on ``text``, errors, milliseconds)."""
    one_torch_thread()
    start = time.perf_counter()
    verdicts, errors = [], []
    for info in available_checkpoints():
        try:
            verdicts.append(Verdict.of(info, checkpoint(info.path), text))
        except (CheckpointError, OSError) as error:
            errors.append(f"{sanitize_name(info.name)}: {error}")  # names come from files: keep them plain
    return verdicts, errors, (time.perf_counter() - start) * 1000


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=32)
def explanation(path: str, text: str):
    """(word contributions of ``text`` for the checkpoint at ``path``, milliseconds it took)."""
    one_torch_thread()
    start = time.perf_counter()
    result = explain(checkpoint(path), text)
    return result, (time.perf_counter() - start) * 1000


# ------------------------------------------------------------------ Gradients page
# The size of the fresh models standing in for a cell that has no trained checkpoint.
GRADIENT_DEFAULT_SIZE = {"vocab_size": 10_000, "embedding_dim": 64, "hidden_size": 64}
GRADIENT_EXAMPLES = (  # (text key of the button, review, label: 1 positive, 0 negative)
    ("gradients.example.positive", "A wonderful film: the actors are brilliant and the story is moving.", 1),
    ("gradients.example.negative", "Boring, predictable and far too long. I wanted my money back.", 0),
    ("gradients.example.twist", "The first hour is slow, the dialogue is clumsy and the music is far too loud, "
                                "but the ending is brilliant and I loved it.", 1),
)


@st.cache_data(show_spinner=False, max_entries=2)
def gradient_examples() -> list[tuple[str, str, int]]:
    """The short examples, then the longest training review: (text key, review, label)."""
    train = imdb()["train"]
    texts, labels = train["text"], train["label"]
    longest = max(range(len(texts)), key=lambda i: len(texts[i]))
    return list(GRADIENT_EXAMPLES) + [("gradients.example.long", texts[longest], int(labels[longest]))]


@st.cache_resource(show_spinner=False, max_entries=8)
def _fresh_model(config_json: str, seed: int):
    return fresh_model(ModelConfig.from_dict(json.loads(config_json)), seed)


def _gradient_models(cell: str, path: str | None):
    """(trained Checkpoint or None, fresh model of the same size, tokenizer, error or None) for one cell."""
    loaded, error = None, None
    try:
        loaded = checkpoint(path) if path else None
    except (CheckpointError, OSError) as problem:
        error = f"{cell}: {problem}"
    config = loaded.config if loaded else ModelConfig(cell=cell, **GRADIENT_DEFAULT_SIZE)
    words = loaded.tokenizer if loaded else tokenizer(config.vocab_size)[0]
    return loaded, _fresh_model(json.dumps(config.to_dict(), sort_keys=True), 0), words, error


def gradient_lineup() -> tuple[tuple[str, str | None], ...]:
    """(cell, path of its trained checkpoint or None) for rnn, lstm, gru: one checkpoint per cell."""
    picked = pick_per_cell([info for info in available_checkpoints() if info.ok])
    return tuple((cell, str(picked[cell].path) if cell in picked else None) for cell in CELLS)


@per_checkpoint_set(show_spinner=False, max_entries=32)
def gradient_decays(text: str | None, length: int, seed: int, target: str, label: int) -> DecayComparison:
    """Gradient decay of every cell, trained and fresh (models loaded and text encoded aside from the
    time measured). ``text`` None: ``length`` random ids drawn with ``seed``."""
    one_torch_thread()
    trained, fresh, errors, total, ids, seconds, radii = {}, {}, [], 0, [], 0.0, {}
    for cell, path in gradient_lineup():
        loaded, fresh_model, words, error = _gradient_models(cell, path)
        errors += [error] if error else []
        ids = random_ids(length, fresh_model.config.vocab_size, seed) if text is None else words.encode(text)
        total, ids = len(ids), ids[-MAX_STEPS:]
        start = time.perf_counter()
        if loaded is not None:
            trained[cell] = measure_decay(loaded.model, ids, target, label, name=loaded.name)
        fresh[cell] = measure_decay(fresh_model, ids, target, label, name=f"{cell.upper()} (fresh)")
        seconds += time.perf_counter() - start
        if cell == "rnn":  # the vanilla RNN's W_hh is square: its spectral radius, as in the lab
            radii = {"trained": spectral_radius(loaded.model.rnn.weight_hh_l0.detach()) if loaded else None,
                     "fresh": spectral_radius(fresh_model.rnn.weight_hh_l0.detach())}
    return DecayComparison(trained, fresh, len(ids), total, seconds * 1000, tuple(errors), radii.get("trained"),
                           radii.get("fresh"))


@per_checkpoint_set(show_spinner=False, max_entries=32)
def gradient_saliency(text: str) -> list:
    """[(trained?, Saliency)] per cell: the trained checkpoint's, or a fresh model's when there is none."""
    one_torch_thread()
    out = []
    for cell, path in gradient_lineup():
        loaded, fresh_model, words, _ = _gradient_models(cell, path)
        model = loaded.model if loaded else fresh_model
        kept = words.encode_detailed(text).kept(model.config.max_len)
        out.append((loaded is not None, saliency(model, list(kept.ids), kept.tokens,
                                                 name=loaded.name if loaded else cell.upper())))
    return out


@st.cache_data(show_spinner=False, max_entries=128)
def spectral_lab(radius: float, cell: str, input_scale: float):
    """The spectral radius lab over 1,000 steps (a ``GradientDecay``)."""
    one_torch_thread()
    return gradients.spectral_lab(radius, MAX_STEPS, cell, input_scale=input_scale)


# ---------------------------------------------------------------- hidden states & embeddings (rnnviz.probes)
@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=256)
def review_reading(path: str, text: str):
    """``lessons.ReviewReading`` of one checkpoint reading ``text``: states and P(positive) after each word."""
    one_torch_thread()
    return read_review(checkpoint(path), text)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def review_probe(path: str, text: str):
    """``lessons.ReviewProbe`` of one checkpoint reading ``text``: the reading and every lesson on it."""
    one_torch_thread()
    return probe_review(checkpoint(path), text)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def embedding_space(path: str, count: int):
    """``embedding_probes.Space``: the ``count`` most frequent words of a checkpoint, PCA and polarity."""
    one_torch_thread()
    loaded = checkpoint(path)
    return embedding_probes.embedding_space(loaded.model, loaded.tokenizer, count)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=32)
def training_map(path: str):
    """(``snapshots.Timeline``, coords (S, W, 2), explained (2,)) of a checkpoint's training snapshots
    on shared axes, or None when it kept none."""
    timeline = checkpoint(path).timeline
    return None if timeline is None else (timeline, *shared_map(timeline))


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=256)
def neighbours(path: str, word: str, k: int = 12):
    """``embedding_probes.Neighbours`` of ``word`` (None when the checkpoint does not know it)."""
    loaded = checkpoint(path)
    return nearest_neighbours(loaded.model, loaded.tokenizer, word, k)


@per_checkpoint_file(st.cache_resource, show_spinner=False, max_entries=4)
def unlabelled_vectors(path: str):
    """(vocab_size, embedding_dim) co-occurrence word vectors of the training reviews, in the
    checkpoint's vocabulary. A resource: read-only, a few MB, shared by every session."""
    loaded = checkpoint(path)
    reviews = encode_reviews(imdb()["train"]["text"], loaded.tokenizer, loaded.config.max_len)
    return cooccurrence_vectors(reviews.ids, reviews.lengths, loaded.config.vocab_size,
                                loaded.config.embedding_dim, window=WORD_VECTOR_WINDOW)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=256)
def unlabelled_neighbours(path: str, word: str, k: int = 12):
    """``embedding_probes.Neighbours`` of ``word`` among word vectors counted from the training reviews, with
    no label: where the embedding of the shipped models starts (None for an unknown word)."""
    return nearest_in(unlabelled_vectors(path), checkpoint(path).tokenizer, word, k)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def semantic_axis(path: str, negative: str, positive: str, count: int):
    """(count,) positions of the most frequent words on the negative (-1) -> positive (+1) axis, or None."""
    space = embedding_space(path, count)
    loaded = checkpoint(path)
    return embedding_probes.semantic_axis(loaded.model, loaded.tokenizer, negative, positive, space.ids)


@per_checkpoint_file(st.cache_data, paths=2, show_spinner=False, max_entries=32)
def compare_spaces(path_a: str, path_b: str, count: int, k: int = 10):
    """``embedding_probes.SpaceComparison`` of two checkpoints on their shared frequent words."""
    one_torch_thread()
    a, b = checkpoint(path_a), checkpoint(path_b)
    return embedding_probes.compare_spaces(a.model, a.tokenizer, b.model, b.tokenizer, count, k)


@st.cache_data(show_spinner=False, max_entries=2)
def freeze_steps() -> tuple:
    """(frozen, free): ``embedding_probes.FreezeStep`` with ``freeze=True`` and ``freeze=False``."""
    return freeze_step(True), freeze_step(False)


# ------------------------------------------------------------------ Training page
@st.cache_resource(show_spinner=False)
def job_manager():
    """The server's one training-job manager (``RNNVIZ_MAX_JOBS`` jobs at once, the rest queued)."""
    one_torch_thread()
    return JobManager()


@st.cache_resource(show_spinner="Loading the Sentiment Treebank…")
def sst():
    """The Sentiment Treebank's phrases (RNNVIZ_SST_DIR, the hub, or the trees shipped with rnnviz)."""
    return load_sst()


@st.cache_resource(show_spinner="Preparing the training texts…", max_entries=6)
def corpus(data: str, composed: int = 0):
    """What a training job learns from (:func:`rnnviz.pipeline.load_corpus`), shared read-only."""
    return load_corpus(data, composed=composed, imdb=imdb(), treebank=sst())


@st.cache_data(show_spinner="Measuring the speed of this network…", max_entries=64, ttl=600)
def training_speed(config_json: str, batch_size: int, length: int) -> tuple[float, dict[str, int]]:
    """(training reviews per second of this network here and now, from a few timed batches;
    its weights per part: {"embedding", "recurrent", "output"})."""
    one_torch_thread()
    config = ModelConfig.from_dict(json.loads(config_json))
    return measure_speed(config, batch_size, length, batches=1), RNNClassifier(config).parameters_per_part()


# ------------------------------------------------------------------ Models page
TEST_EVALUATION_LIMIT = 2_000


@per_checkpoint_file(st.cache_data, show_spinner="Testing the model…", max_entries=32)
def test_evaluation(path: str, limit: int = TEST_EVALUATION_LIMIT) -> tuple[Evaluation, int]:
    """(``reviews.Evaluation``: accuracy and (2, 2) confusion counts, of a checkpoint on a seeded random
    ``limit`` of the test reviews; how many test reviews there are in all)."""
    one_torch_thread()
    test = imdb()["test"]
    picks = sorted(np.random.default_rng(0).choice(len(test), size=min(limit, len(test)), replace=False).tolist())
    rows = test.select(picks)
    loaded = checkpoint(path)
    reviews = encode_reviews(rows["text"], loaded.tokenizer, loaded.config.max_len)
    result = evaluate(loaded.model, reviews, labels=rows["label"])
    return result, len(test)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def checkpoint_history(path: str) -> list:
    """The per-epoch history stored in a checkpoint's header (no weights read)."""
    try:
        return list(read_metadata(path).get("history") or [])
    except (CheckpointError, OSError):
        return []


# ------------------------------------------------------------------ Word order page
def order_models() -> tuple[list, list]:
    """(recurrent checkpoints, bag-of-words checkpoints), each best first (``order_pairs.rank_readers``)."""
    return rank_readers(available_checkpoints())


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def order_reading(path: str, text: str, shuffled: str):
    """``word_order.OrderReading``: the checkpoint on ``text`` and on its shuffled words."""
    one_torch_thread()
    return read_in_order(checkpoint(path), text, shuffled)


@per_checkpoint_file(st.cache_data, show_spinner=False, max_entries=64)
def bag_scores(path: str, text: str):
    """``word_order.BagScores``: a bag of words' logit split into one score per word."""
    return bag_word_scores(checkpoint(path), text)


@st.cache_resource(show_spinner=False)
def pair_suite():
    return load_pairs()


@per_checkpoint_file(st.cache_data, show_spinner="Reading the minimal pairs…", max_entries=32)
def pair_scores(path: str):
    """``order_pairs.PairScores`` of the checkpoint at ``path`` on the shipped minimal pairs."""
    one_torch_thread()
    loaded = checkpoint(path)
    return score_pairs(loaded.predict, pair_suite(), loaded.name)


# ------------------------------------------------------------------ Hidden states: treebank sentences
@st.cache_data(show_spinner=False)
def treebank_examples(limit: int = 40) -> list[str]:
    """Dev sentences that turn ("but", "not"), whose prefixes the treebank labels (``SstData.turning_sentences``)."""
    return sst().turning_sentences(limit)


def treebank_prefixes(text: str) -> list[tuple[int, int]] | None:
    """(words, fine label 0-4) of each labelled prefix when ``text`` is a treebank sentence, else None."""
    tree = sst().tree_of(text)
    return tree.typed_prefix_labels() if tree is not None else None
