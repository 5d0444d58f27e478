"""From a data source to a trained, evaluated, saved checkpoint: the one way rnnviz trains a model.

The command line (``python -m rnnviz train``), the app's training jobs and the recipes of the
shipped checkpoints all call :func:`train_and_save`, so the same settings and seed give the same
reviews, the same weights and the same figures whichever door the run came through.

    corpus = load_corpus("sst")                              # or "imdb", or "both"
    result = train_and_save(Plan("my-gru", ModelConfig(cell="gru"), TrainConfig()), corpus,
                            folder=user_checkpoint_dir(), on_progress=print)
    result.path, result.metrics["sst_dev_accuracy"]

What a model learns from (``Plan.data``):
- "imdb": the IMDB reviews (one label per ~230-word review);
- "sst": every labelled phrase of the Stanford Sentiment Treebank ("not bad" is positive as a
  phrase), plus, with ``Plan.composed``, sentences composed by grammar rules (:mod:`rnnviz.compose`);
- "both": the two together, for a model of short *and* long text.

Every model is measured the same way: on the IMDB test reviews (long text), on the SST-2 dev
sentences (short text) and on the minimal pairs of :mod:`rnnviz.order_pairs` (word order).
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import torch

from rnnviz.distributed import Ranks, rank_and_world
from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.snapshots import PROBE_REVIEWS, SnapshotPlan, Timeline
from rnnviz.tokenizer import Tokenizer, split_many
from rnnviz.training import Progress, TrainConfig, TrainResult, train
from rnnviz.reviews import EncodedReviews, default_device, encode_reviews, evaluate, evaluation, predict_share

TRAINING_DATA = ("imdb", "sst", "both")
DATA_NAMES = {"imdb": "IMDB reviews", "sst": "SST phrases", "both": "IMDB reviews + SST phrases"}


# ---------------------------------------------------------------------------- data
@dataclass(frozen=True)
class Corpus:
    """What a run learns from and is measured on.

    train_texts, train_labels: the labelled training texts; labels are 0/1, or targets in [0, 1]
        for composed sentences ("not bad" is 0.8: mildly positive)
    unlabelled: the texts the vocabulary and the word vectors are counted from (no label is read)
    tests: name -> (texts, 0/1 labels): "imdb_test" and "sst_dev" (the whole dev sentences)
    sources: name -> where each dataset came from (kind, location, note)
    """

    data: str
    train_texts: tuple[str, ...] = field(repr=False)
    train_labels: tuple[float, ...] = field(repr=False)
    unlabelled: tuple[str, ...] = field(repr=False)
    tests: dict = field(repr=False)
    sources: dict

    def __len__(self) -> int:
        return len(self.train_texts)

    def describe(self) -> dict:
        """For the checkpoint's ``data_source``: what the model learned from, and from where.

        kind: "local", "hub" or "sample" when the training data came from one kind of source, else "mixed"
        """
        used = {self.sources[name]["kind"] for name in (("imdb", "sst") if self.data == "both" else (self.data,))}
        return {"trained_on": self.data, "kind": used.pop() if len(used) == 1 else "mixed",
                "location": DATA_NAMES[self.data], "sources": self.sources, "train_texts": len(self.train_texts)}


def _source(dataset) -> dict:
    source = dataset.source
    return {"kind": source.kind, "location": source.location, "note": source.note}


def load_corpus(data: str = "imdb", *, imdb_dir: str | os.PathLike | None = None,
                sst_dir: str | os.PathLike | None = None, composed: int = 0, review_sentences: int = 0,
                seed: int = 0, imdb=None, treebank=None) -> Corpus:
    """Load the datasets ``data`` needs (see the module docstring) from the first source that works.

    imdb_dir, sst_dir: local folders (else ``RNNVIZ_DATA_DIR`` / ``RNNVIZ_SST_DIR``, the hub, the
        bundled samples); imdb, treebank: already-loaded datasets to use instead
    composed: how many composed sentences to add to SST training (0 = none)
    review_sentences: how many sentences of IMDB training reviews to add to SST training, each with
        its review's label softened to 0.7 / 0.3 (:func:`rnnviz.data.review_sentences`; 0 = none)
    """
    from rnnviz.data import load_imdb, review_sentences as cut_sentences
    from rnnviz.sst import load_sst

    if data not in TRAINING_DATA:
        raise ValueError(f"data must be one of {TRAINING_DATA}, got {data!r}")
    imdb = imdb if imdb is not None else load_imdb(imdb_dir)
    treebank = treebank if treebank is not None else load_sst(sst_dir)
    texts: list[str] = []
    labels: list[float] = []
    if data in ("sst", "both"):
        texts += treebank["train"]["text"][:]
        labels += [float(label) for label in treebank["train"]["label"][:]]
        if composed:
            from rnnviz.compose import compose_examples, treebank_clauses, treebank_fillers

            for text, target in compose_examples(composed, seed=seed, clauses=treebank_clauses(treebank["train"]),
                                                 fillers=treebank_fillers(treebank["train"])):
                texts.append(text)
                labels.append(target)
        if review_sentences:
            for text, target in cut_sentences(imdb["train"]["text"][:], imdb["train"]["label"][:], review_sentences, seed):
                texts.append(text)
                labels.append(target)
    if data in ("imdb", "both"):
        texts += imdb["train"]["text"][:]
        labels += [float(label) for label in imdb["train"]["label"][:]]
    # Words and their neighbours are counted on real text only: reviews and treebank sentences.
    # (Column[:] reads a whole column at once; iterating a Column goes row by row, seconds on IMDB.)
    unlabelled = imdb["train"]["text"][:]
    if data in ("sst", "both"):
        unlabelled += treebank.sentences("train")["text"][:]
    dev = treebank.sentences("dev")
    tests = {"imdb_test": (tuple(imdb["test"]["text"][:]), tuple(imdb["test"]["label"][:])),
             "sst_dev": (tuple(dev["text"][:]), tuple(dev["label"][:]))}
    return Corpus(data, tuple(texts), tuple(labels), tuple(unlabelled), tests,
                  {"imdb": _source(imdb), "sst": _source(treebank)})


# ---------------------------------------------------------------------------- the plan
@dataclass(frozen=True)
class Plan:
    """One training run, as plain data: the same plan and corpus replay the same run.

    word_vectors: start the embedding from word vectors of the unlabelled texts (co-occurrence
        window in words, :mod:`rnnviz.word_vectors`; 0 = random start)
    test_limit: measure on at most this many IMDB test reviews (None = all); SST dev is always whole
    """

    name: str
    model_config: ModelConfig
    train_config: TrainConfig
    word_vectors: int = 0
    test_limit: int | None = None
    composed: int = 0
    review_sentences: int = 0


@dataclass(frozen=True)
class PipelineResult:
    path: Path
    model: RNNClassifier = field(repr=False)
    tokenizer: Tokenizer = field(repr=False)
    metrics: dict
    history: tuple[dict, ...] = field(repr=False)
    train: TrainResult = field(repr=False)


def training_subset(count: int, size: int | None, seed: int) -> list[int]:
    """The indices of the texts a run trains on: all of them, or ``size`` drawn with ``seed``.

    The same rule :func:`rnnviz.training.train` applies for ``TrainConfig.train_size``, done here
    before tokenising so the vocabulary comes from exactly the texts the model learns from.
    """
    if size is None or size >= count:
        return list(range(count))
    return torch.randperm(count, generator=torch.Generator().manual_seed(seed + 1))[:size].tolist()


def test_subset(count: int, size: int | None, seed: int = 0) -> list[int]:
    """``size`` of ``count`` test indices drawn with ``seed`` (sorted), or all of them."""
    if size is None or size >= count:
        return list(range(count))
    return sorted(np.random.default_rng(seed).choice(count, size=size, replace=False).tolist())


def encode_test(tests: dict, tokenizer: Tokenizer, max_len: int,
                test_limit: int | None = None) -> tuple[EncodedReviews, list[int]] | None:
    """The IMDB test reviews :func:`measure` reads, encoded: (reviews, 0/1 labels), or None without them."""
    texts, labels = tests.get("imdb_test", ((), ()))
    if not len(texts):
        return None
    picks = test_subset(len(texts), test_limit)
    return encode_reviews([texts[i] for i in picks], tokenizer, max_len), [int(labels[i]) for i in picks]


def measure(model: RNNClassifier, tokenizer: Tokenizer, tests: dict, test_limit: int | None = None,
            phase: Callable[[str], None] | None = None, ranks: Ranks | None = None,
            encoded_test: tuple[EncodedReviews, list[int]] | None = None) -> dict:
    """The figures every checkpoint carries: IMDB test, SST-2 dev and order pairs.

    returns: metrics: test_accuracy, test_loss, test_reviews, confusion (IMDB test); sst_dev_accuracy,
        sst_dev_sentences; order_pairs_accuracy, order_pairs (pairs), order_pairs_by_category
    ranks: processes to share the IMDB test reviews between (:class:`rnnviz.distributed.Ranks`)
    encoded_test: :func:`encode_test`'s result when the caller already has it (None: encoded here)
    """
    from rnnviz.order_pairs import load_pairs, score_pairs
    from rnnviz.reviews import predict_texts

    metrics: dict[str, Any] = {}
    if encoded_test is None:
        encoded_test = encode_test(tests, tokenizer, model.config.max_len, test_limit)
    if encoded_test is not None:
        if phase:
            phase("testing")
        encoded, picked_labels = encoded_test
        if ranks is not None:
            state = {name: tensor.detach().cpu().numpy() for name, tensor in model.state_dict().items()}
            probabilities = np.empty(len(encoded), dtype=np.float32)
            for index, share in ranks.run(predict_share, (state, model.config, encoded), every_rank=True):
                probabilities[index] = share
            result = evaluation(probabilities, picked_labels)
        else:
            # The process's own torch threads: both cores in the command line, one in the app's server.
            result = evaluate(model, encoded, labels=picked_labels, num_threads=None)
        metrics.update(test_accuracy=result.accuracy, test_loss=result.loss, test_reviews=len(encoded),
                       confusion=result.confusion.tolist())
    texts, labels = tests.get("sst_dev", ((), ()))
    if len(texts):
        result = evaluate(model, encode_reviews(texts, tokenizer, model.config.max_len), labels=list(labels))
        metrics.update(sst_dev_accuracy=result.accuracy, sst_dev_sentences=len(texts))
    suite = load_pairs()
    scores = score_pairs(lambda batch: predict_texts(model, tokenizer, batch), suite)
    metrics.update(order_pairs_accuracy=scores.accuracy, order_pairs=len(suite),
                   order_pairs_by_category={c: right / total for c, (right, total) in scores.by_category().items()})
    return metrics


def train_and_save(plan: Plan, corpus: Corpus, *, folder: str | os.PathLike | None = None,
                   path: str | os.PathLike | None = None, tokenizer: Tokenizer | None = None,
                   pretrained_embedding: torch.Tensor | None = None, embedding_from: str | None = None,
                   on_progress: Callable[[Progress], None] | None = None,
                   stop_event: threading.Event | None = None, phase: Callable[[str], None] | None = None,
                   device: torch.device | str | None = None,
                   extra_metrics: dict | None = None,
                   probe_texts: Sequence[str] | None = None, ranks: Ranks | None = None) -> PipelineResult | None:
    """Vocabulary, encoding, word vectors, training, measuring, saving: one run of ``plan``.

    folder: save as a new ``<folder>/<name>.safetensors`` (never overwriting: ``-2``, ``-3``...);
        path: save exactly there (replacing a file). One of the two.
    tokenizer, pretrained_embedding: a vocabulary and embedding rows to start from (e.g. another
        checkpoint's, named by ``embedding_from``), instead of building them from the corpus
    phase: called with "tokenizing", "word_vectors", "training", "testing", "saving"
    probe_texts: the reviews whose P(positive) the training snapshots follow epoch by epoch
        (:mod:`rnnviz.snapshots`; None: its ``PROBE_REVIEWS``); the snapshots are saved in the checkpoint
    ranks: training processes the caller started (:func:`early_ranks`, e.g. before loading the data,
        so they are ready sooner) and closes; None: started here if ``train_config.workers`` asks
    Raises RuntimeError when training stopped before its first epoch ended (nothing is saved). In a
    torchrun group every rank trains on its share and rank 0 alone measures and saves (the others
    return None).
    """
    if (folder is None) == (path is None):
        raise ValueError("give a folder or a path to save to, not both")
    # The training processes start first: they import torch while this one tokenizes.
    started_here = ranks is None
    if started_here:
        ranks = early_ranks(plan.train_config, device)
    try:
        return _train_and_save(plan, corpus, folder, path, tokenizer, pretrained_embedding, embedding_from,
                               on_progress, stop_event, phase, device, extra_metrics, probe_texts, ranks)
    finally:
        if started_here and ranks is not None:
            ranks.close(wait=False)


def early_ranks(train_config: TrainConfig, device: torch.device | str | None = None) -> Ranks | None:
    """The spawned processes ``train_config.workers > 1`` asks for on the CPU, started now; None when
    training runs in this process (one worker, a GPU, or one rank of a torchrun group)."""
    device_type = torch.device(device).type if device is not None else default_device().type
    if train_config.workers > 1 and device_type == "cpu" and rank_and_world()[1] == 1:
        return Ranks(train_config.workers)
    return None


def _train_and_save(plan, corpus, folder, path, tokenizer, pretrained_embedding, embedding_from, on_progress,
                    stop_event, phase, device, extra_metrics, probe_texts, ranks) -> PipelineResult | None:
    from rnnviz.checkpoints import save_checkpoint, unique_path
    from rnnviz.word_vectors import describe, pretrained_embedding as word_vector_embedding

    model_config, train_config = plan.model_config, plan.train_config
    phase = phase or (lambda name: None)
    started = time.perf_counter()
    phase("tokenizing")
    keep = training_subset(len(corpus), train_config.train_size, train_config.seed)
    texts = [corpus.train_texts[i] for i in keep]
    labels = [corpus.train_labels[i] for i in keep]
    if len(texts) < 2:
        raise ValueError("training needs at least 2 labelled texts")
    unlabelled = corpus.unlabelled if len(keep) == len(corpus) else None
    # On a subset, the vocabulary and the vectors come from the chosen texts alone. Each text is
    # split into words once, however many of the steps below read it.
    counted_texts = unlabelled if unlabelled is not None else tuple(texts)
    needs_counting = tokenizer is None or (pretrained_embedding is None and plan.word_vectors)
    counted = split_many(counted_texts) if needs_counting else None
    if tokenizer is None:
        tokenizer = Tokenizer.build(counted, vocab_size=model_config.vocab_size)
    if tokenizer.vocab_size != model_config.vocab_size:
        raise ValueError(f"the vocabulary has {tokenizer.vocab_size:,} ids but the model expects "
                         f"vocab_size={model_config.vocab_size:,}")
    same_texts = counted is not None and counted_texts == tuple(texts)
    reviews = encode_reviews(counted if same_texts else texts, tokenizer, model_config.max_len)
    if pretrained_embedding is None and plan.word_vectors:
        phase("word_vectors")
        neighbours = reviews if same_texts else encode_reviews(counted, tokenizer, model_config.max_len)
        pretrained_embedding = word_vector_embedding(neighbours.ids, neighbours.lengths, model_config.vocab_size,
                                                     model_config.embedding_dim, window=plan.word_vectors)
    snapshots = SnapshotPlan.for_tokenizer(tokenizer, model_config.max_len, model_config.vocab_size,
                                           probe_texts=tuple(probe_texts) if probe_texts is not None else PROBE_REVIEWS)
    prepare_seconds = time.perf_counter() - started
    phase("training")
    cpu_start = time.process_time()
    measures_here = rank_and_world()[0] == 0  # in a torchrun group, rank 0 alone measures and saves
    # The test reviews are encoded on a thread while the model trains: Arrow's kernels leave the GIL,
    # and with training in spawned ranks this process would otherwise only wait.
    with ThreadPoolExecutor(1, thread_name_prefix="rnnviz-encode-test") as pool:
        encoding_test = pool.submit(encode_test, corpus.tests, tokenizer, model_config.max_len,
                                    plan.test_limit) if measures_here else None
        result = train(model_config, train_config, reviews, labels=labels, pretrained_embedding=pretrained_embedding,
                       on_progress=on_progress, stop_event=stop_event, device=device, snapshots=snapshots,
                       ranks=ranks)
        cpu_seconds = time.process_time() - cpu_start  # with the overlapped encoding: a few CPU seconds
    if not measures_here:
        return None
    encoded_test = encoding_test.result()
    if not result.history:
        raise RuntimeError("training stopped before the first epoch ended; nothing was saved")
    best = result.history[result.best_epoch - 1] if result.best_epoch else result.history[-1]
    metrics: dict[str, Any] = {
        "val_accuracy": best.get("val_accuracy"), "val_loss": best.get("val_loss"),
        "train_reviews": len(texts), "train_seconds": result.seconds, "train_cpu_seconds": cpu_seconds,
        "prepare_seconds": prepare_seconds, "reviews_per_second": result.samples_per_second,
        "best_epoch": result.best_epoch, "epochs_run": len(result.history),
        "stopped_early": result.stopped_early, "stopped_by_user": result.stopped_by_user,
        "trained_on": corpus.data, "composed_sentences": plan.composed if corpus.data != "imdb" else 0,
        "review_sentences": plan.review_sentences if corpus.data != "imdb" else 0,
    }
    if embedding_from:
        metrics["embedding_from"] = embedding_from
    else:
        metrics["pretrained_embedding"] = describe(plan.word_vectors)
    metrics.update(measure(result.model, tokenizer, corpus.tests, plan.test_limit, phase, ranks, encoded_test))
    metrics.update(extra_metrics or {})
    phase("saving")
    # In a folder the file's (safe, unique) name is the model's name; an explicit path keeps the plan's.
    target = unique_path(folder, plan.name) if folder is not None else Path(path)
    saved = save_checkpoint(result.model, target, tokenizer=tokenizer, metrics=metrics, history=result.history,
                            data_source=corpus.describe(), train_config=train_config.to_dict(),
                            name=target.stem if folder is not None else plan.name,
                            timeline=Timeline.from_snapshots(result.snapshots))
    return PipelineResult(saved, result.model, tokenizer, metrics, result.history, result)


__all__ = ["Corpus", "DATA_NAMES", "PipelineResult", "Plan", "TRAINING_DATA", "load_corpus", "measure",
           "test_subset", "train_and_save", "training_subset"]
