"""Train and evaluate an :class:`~rnnviz.models.RNNClassifier` on encoded reviews.

    reviews = encode_reviews(texts, tokenizer, max_len=200)       # rnnviz.reviews: ids + lengths, once
    result = train(ModelConfig(), TrainConfig(), reviews, labels, on_progress=print)
    evaluate(result.model, encode_reviews(test_texts, tokenizer, 200), test_labels).accuracy

Why it is faster than the course loop on a CPU (``python -m rnnviz bench`` measures both; the
figures are in the README):
- one thread per process (``TrainConfig.num_threads``): these RNNs are chains of small matrix
  products, and a second OpenMP thread spins at every barrier as soon as anything else uses a core;
- batches of similar lengths, each cut to its longest review: no step is spent on padding;
- reviews are tokenised and padded once, then sliced (:mod:`rnnviz.reviews`); the loss is
  accumulated on the device; no ``pack_padded_sequence`` (slower here): the model reads each
  review at its own last token instead (see :mod:`rnnviz.models`);
- ``workers=2``: two processes share every batch, their gradients averaged by ``torch.distributed``
  (DistributedDataParallel, gloo; :mod:`rnnviz.distributed`); the same loop runs one rank of a
  ``torchrun`` group across machines.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
import torch
import torch.nn.functional as F

from rnnviz.models import ModelConfig, RNNClassifier
from rnnviz.reviews import (
    EncodedReviews, as_reviews, default_device, encode_reviews, evaluate, length_batches, torch_threads,
)
from rnnviz.tokenizer import OOV_ID, PAD_ID, Tokenizer
from rnnviz.train_config import OPTIMIZERS, SCHEDULES, Progress, TrainConfig, TrainResult

__all__ = ["OPTIMIZERS", "SCHEDULES", "Progress", "TrainConfig", "TrainResult", "split_validation", "train",
           "train_on_texts"]

if TYPE_CHECKING:
    from rnnviz.distributed import Ranks
    from rnnviz.snapshots import SnapshotPlan

# ---------------------------------------------------------------------------- helpers


def _make_optimizer(config: TrainConfig, parameters) -> torch.optim.Optimizer:
    if config.optimizer == "adam":
        # AdamW: weight decay that does not fight Adam's per-weight scaling. Fused: one kernel for all the
        # weights, 0.23 ms a step for the course's LSTM on one core instead of 2.9 ms (about 6% of a step).
        parameters = list(parameters)
        fused = all(p.device.type in ("cpu", "cuda") for p in parameters)
        return torch.optim.AdamW(parameters, lr=config.lr, weight_decay=config.weight_decay, fused=fused)
    if config.optimizer == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=config.lr, weight_decay=config.weight_decay)
    return torch.optim.SGD(parameters, lr=config.lr, momentum=0.9, weight_decay=config.weight_decay)


def split_validation(n: int, fraction: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices (train, validation) of ``n`` reviews, a seeded random ``fraction`` held out."""
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    held_out = int(round(n * fraction)) if fraction > 0 else 0
    held_out = min(held_out, n - 1)
    return order[held_out:], order[:held_out]


# ---------------------------------------------------------------------------- training
def train(model_config: ModelConfig, train_config: TrainConfig, ids, lengths=None, labels=None, *,
          pretrained_embedding: torch.Tensor | None = None,
          initial_state: dict | None = None,
          on_progress: Callable[[Progress], None] | None = None,
          stop_event: threading.Event | None = None,
          device: torch.device | str | None = None,
          snapshots: SnapshotPlan | None = None,
          ranks: Ranks | None = None) -> TrainResult:
    """Train a fresh :class:`RNNClassifier` and return it with its history.

    ids: :class:`EncodedReviews` (then ``lengths`` is None), or (N, T) ids with (N,) lengths,
        pre- or post-padded; reviews longer than ``model_config.max_len`` keep their end
    labels: (N,) 0/1
    initial_state: a state dict to start from instead of fresh weights (fine-tuning a trained model)
    stop_event: checked after every batch; when set, training stops and keeps the best epoch so far
    snapshots: what to record before training and after each epoch (:mod:`rnnviz.snapshots`): the
        snapshots are reported as they come and returned in ``TrainResult.snapshots``
    ranks: processes started beforehand (:class:`rnnviz.distributed.Ranks`, ``train_config.workers`` of
        them) to train in; None: ``workers > 1`` starts its own
    history: one dict per finished epoch: epoch, train_loss, train_accuracy, val_loss,
        val_accuracy (None without validation), seconds, samples_per_second

    The global torch RNG is left untouched (the run uses a forked one), so a run depends only on
    ``train_config.seed``: same seed, same data -> same curves (on the same machine and threads).
    """
    if labels is None:
        raise ValueError("train needs labels")
    reviews = as_reviews(ids, lengths).last(model_config.max_len)
    labels = torch.as_tensor(np.asarray(labels), dtype=torch.float32)
    if len(labels) != len(reviews):
        raise ValueError(f"{len(reviews)} reviews but {len(labels)} labels")
    device = torch.device(device) if device is not None else default_device()

    threads = train_config.num_threads if device.type == "cpu" else None
    with torch_threads(threads), torch.random.fork_rng(devices=[device] if device.type == "cuda" else []):
        torch.manual_seed(train_config.seed)
        return _train(model_config, train_config, reviews, labels, pretrained_embedding,
                      on_progress, stop_event, device, initial_state, snapshots, ranks)


def train_on_texts(model_config: ModelConfig, train_config: TrainConfig, texts: Sequence[str],
                   labels, tokenizer: Tokenizer | None = None, **kwargs) -> tuple[TrainResult, Tokenizer]:
    """:func:`train` from raw texts; builds the vocabulary from ``texts`` unless ``tokenizer`` is given.

    Returns the result and the tokenizer (needed to score new texts with the model).
    """
    if tokenizer is None:
        tokenizer = Tokenizer.build(texts, vocab_size=model_config.vocab_size)
    if tokenizer.vocab_size > model_config.vocab_size:
        raise ValueError(f"the tokenizer has {tokenizer.vocab_size:,} ids, the model only "
                         f"{model_config.vocab_size:,}")
    reviews = encode_reviews(texts, tokenizer, model_config.max_len)
    return train(model_config, train_config, reviews, labels=labels, **kwargs), tokenizer


def _setup(model_config: ModelConfig, config: TrainConfig, train_count: int, pretrained_embedding,
           device: torch.device, initial_state: dict | None = None):
    """The model, optimiser, schedule and batch-order generator: identical in every worker process."""
    model = RNNClassifier(model_config, pretrained_embedding)
    if initial_state is not None:
        model.load_state_dict(initial_state)
    model = model.to(device)
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = _make_optimizer(config, parameters)
    generator = torch.Generator().manual_seed(config.seed)
    total_steps = math.ceil(train_count / config.batch_size) * config.epochs
    scheduler = None
    if config.schedule == "cosine":
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda step: 0.5 * (1 + math.cos(math.pi * min(step, total_steps) / total_steps)))
    return model, parameters, optimizer, scheduler, generator


def _backward(model: torch.nn.Module, reviews: EncodedReviews, labels: torch.Tensor, index: torch.Tensor,
              device: torch.device, word_dropout: float = 0.0, rank: int = 0, world: int = 1) -> torch.Tensor:
    """Forward and backward on this rank's share of the reviews ``index`` (reviews rank, rank+world, ...).

    returns: (4,) loss sum, correct, count (of this rank's share), 0
    """
    share = index[rank::world]
    # DDP needs every rank to take part in every step: a rank without a review of a last, tiny batch
    # runs one review with a zero loss.
    weight = 1.0 if len(share) else 0.0
    index = share if len(share) else index[:1]
    lengths = reviews.lengths[index]
    # Cut the batch to its longest review: the columns after it are padding for every row.
    ids = reviews.ids[index, : int(lengths.max())].to(device, non_blocking=True)
    if word_dropout > 0:
        ids = torch.where((torch.rand(ids.shape, device=device) < word_dropout) & (ids != PAD_ID), OOV_ID, ids)
    lengths, targets = lengths.to(device), labels[index].to(device)
    logits = model(ids, lengths, padding="post")
    loss = F.binary_cross_entropy_with_logits(logits, targets) * weight
    model.zero_grad(set_to_none=True)
    loss.backward()
    with torch.no_grad():
        correct = ((logits > 0) == (targets > 0.5)).sum() * weight
        return torch.stack([loss.detach() * len(index), correct.float(),
                            torch.tensor(float(len(index)) * weight, device=device), torch.zeros((), device=device)])


def _update(parameters, optimizer, scheduler, grad_clip: float) -> None:
    if grad_clip > 0:
        torch.nn.utils.clip_grad_norm_(parameters, grad_clip)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()


class _WeightAverage:
    """An exponential moving average of the trainable weights, kept beside the model (rank 0 only)."""

    def __init__(self, parameters, decay: float):
        self.parameters, self.decay = list(parameters), decay
        self.average = [p.detach().clone() for p in self.parameters]
        self.steps = 0

    @torch.no_grad()
    def update(self) -> None:
        self.steps += 1
        # Early on, a plain mean of the steps so far: the random initial weights fade out quickly.
        weight = max(1.0 - self.decay, 1.0 / (self.steps + 1))
        for average, p in zip(self.average, self.parameters):
            average.lerp_(p.detach(), weight)

    @torch.no_grad()
    def swap(self) -> None:
        """Exchange the model's weights with the average (twice = back to the training weights)."""
        for average, p in zip(self.average, self.parameters):
            current = p.detach().clone()
            p.copy_(average)
            average.copy_(current)


def _validate(model: RNNClassifier, val_set: EncodedReviews, val_labels: torch.Tensor, device: torch.device,
              rank: int, world: int, shared: bool) -> tuple[float, float] | None:
    """(accuracy, mean loss) on the validation reviews; None without any (and on ranks > 0 unless shared).

    shared: each rank reads its share (reviews r, r+n, ...) and the sums meet by ``all_reduce``, instead
        of rank 0 reading them all while the others wait (not with a weight average: rank 0 alone has it)
    """
    if not len(val_set):
        return None
    if world == 1 or not shared:
        if rank != 0:
            return None
        val = evaluate(model, val_set, labels=val_labels.numpy(), device=device)
        return val.accuracy, val.loss
    index = torch.arange(rank, len(val_set), world)
    sums = torch.zeros(3, dtype=torch.float64, device=device)  # right answers, summed loss, reviews
    if len(index):
        share = evaluate(model, val_set.select(index), labels=val_labels[index].numpy(), device=device)
        sums += torch.tensor([share.accuracy, share.loss, 1.0], dtype=torch.float64, device=device) * len(index)
    torch.distributed.all_reduce(sums)
    return float(sums[0] / sums[2]), float(sums[1] / sums[2])


def _train(model_config: ModelConfig, config: TrainConfig, reviews: EncodedReviews,
           labels: torch.Tensor, pretrained_embedding, on_progress, stop_event,
           device: torch.device, initial_state: dict | None = None, snapshots=None, ranks=None) -> TrainResult:
    from rnnviz import distributed

    workers = config.workers if device.type == "cpu" else 1
    rank, world = distributed.rank_and_world()
    args = (model_config, config, reviews, labels, pretrained_embedding, device, initial_state, snapshots)
    if world == 1 and workers > 1:  # spawn the ranks; this process only relays their reports
        if ranks is not None and ranks.world == workers:
            outcome = ranks.run(_run_rank, args, on_progress, stop_event)
        else:
            outcome = distributed.train_in_processes(workers, _run_rank, args, on_progress, stop_event)
    else:  # one process, or one rank of a group torchrun started
        should_stop = (lambda: stop_event is not None and stop_event.is_set()) if rank == 0 else (lambda: False)
        outcome = _run_rank(*args, report=on_progress if rank == 0 else None, should_stop=should_stop)
    state, history, best_epoch, stopped_early, stopped_by_user, seconds, speed, taken = outcome
    model = RNNClassifier(model_config, pretrained_embedding).to(device)
    model.load_state_dict({name: torch.from_numpy(array) for name, array in state.items()})
    model.eval()
    return TrainResult(model, tuple(history), best_epoch, stopped_early, stopped_by_user, seconds, speed, tuple(taken))


def _run_rank(model_config: ModelConfig, config: TrainConfig, reviews: EncodedReviews, labels: torch.Tensor,
              pretrained_embedding, device: torch.device, initial_state: dict | None, snapshots=None, *,
              report: Callable[[Progress], None] | None, should_stop: Callable[[], bool]) -> tuple:
    """The training loop of one process (rank ``r`` of ``n``; 0 of 1 when alone).

    Every rank draws the same batches (same seed); rank r learns from reviews r, r+n, ... of each, and
    DistributedDataParallel averages the gradients, so every rank takes the same step. Each rank
    validates its share; rank 0 reports and decides when to stop, and the others follow its decision.
    returns: (best weights as numpy arrays, history, best epoch, stopped early, stopped by the user, seconds,
        reviews/s, snapshots)
    """
    from torch.nn.parallel import DistributedDataParallel

    from rnnviz import distributed

    rank, world = distributed.rank_and_world()
    torch.manual_seed(config.seed)
    n = len(reviews)
    if config.train_size is not None and config.train_size < n:
        keep = torch.randperm(n, generator=torch.Generator().manual_seed(config.seed + 1))[: config.train_size]
        reviews, labels, n = reviews.select(keep), labels[keep], config.train_size
    train_index, val_index = split_validation(n, config.validation_fraction, config.seed)
    train_set, train_labels = reviews.select(train_index), labels[train_index]
    val_set, val_labels = reviews.select(val_index), labels[val_index]

    start = time.perf_counter()
    model, parameters, optimizer, scheduler, generator = _setup(
        model_config, config, len(train_set), pretrained_embedding, device, initial_state)
    if world > 1:
        torch.manual_seed(config.seed + 1_000 * rank)  # each rank its own dropout masks
    stepper = DistributedDataParallel(model) if world > 1 else model
    batches_per_epoch = math.ceil(len(train_set) / config.batch_size)
    history: list[dict] = []
    best_accuracy, best_loss, best_epoch, best_state = -1.0, math.inf, 0, None
    stopped_early = stopped_by_user = False
    seen, train_time = 0, 0.0
    averaged = _WeightAverage(parameters, config.average_weights) if config.average_weights and rank == 0 else None
    taken: list = []

    def snapshot(epoch: int, latest: Progress | None) -> None:
        if snapshots is None or rank != 0:
            return
        from rnnviz.snapshots import take_snapshot

        taken.append(take_snapshot(model, snapshots, epoch))
        if report is not None:
            base = latest or Progress("snapshot", 0, 0, batches_per_epoch, math.nan, math.nan, 0.0, 0.0)
            report(replace(base, kind="snapshot", snapshot=taken[-1]))

    snapshot(0, None)
    for epoch in range(1, config.epochs + 1):
        model.train()
        epoch_start = time.perf_counter()
        totals = torch.zeros(4, device=device)
        batches = length_batches(train_set.lengths, config.batch_size, generator, config.bucket)
        for number, index in enumerate(batches, start=1):
            stats = _backward(stepper, train_set, train_labels, index, device, config.word_dropout, rank, world)
            if world > 1:
                stats[3] = float(should_stop())
                torch.distributed.all_reduce(stats)  # totals of every rank, and rank 0's stop request
            _update(parameters, optimizer, scheduler, config.grad_clip)
            if averaged is not None:
                averaged.update()
            totals += stats
            count = int(totals[2])
            seen += len(index)
            if report is not None:
                elapsed = time.perf_counter() - epoch_start
                report(Progress("batch", epoch, number, batches_per_epoch, float(totals[0]) / count,
                                float(totals[1]) / count, count / max(elapsed, 1e-9), time.perf_counter() - start))
            if stats[3] > 0 or (world == 1 and should_stop()):  # alone: a stop asked during this report counts
                stopped_by_user = True
                break
        train_seconds = time.perf_counter() - epoch_start
        train_time += train_seconds
        if stopped_by_user:
            break
        go_on = torch.zeros(1)
        if averaged is not None:
            averaged.swap()  # validate (and keep) the averaged weights; swapped back below
        val = _validate(model, val_set, val_labels, device, rank, world, shared=not config.average_weights)
        if rank == 0:
            count = int(totals[2])
            record = {
                "epoch": epoch,
                "train_loss": float(totals[0]) / count,
                "train_accuracy": float(totals[1]) / count,
                "val_loss": val[1] if val else None,
                "val_accuracy": val[0] if val else None,
                "seconds": time.perf_counter() - epoch_start,
                "samples_per_second": count / max(train_seconds, 1e-9),
            }
            history.append(record)
            ended = Progress("epoch", epoch, batches_per_epoch, batches_per_epoch, record["train_loss"],
                             record["train_accuracy"], record["samples_per_second"], time.perf_counter() - start,
                             record["val_loss"], record["val_accuracy"])
            if report is not None:
                report(ended)
            snapshot(epoch, ended)
            score = (val[0], -val[1]) if val else (epoch, 0.0)
            if score > (best_accuracy, -best_loss):
                best_accuracy, best_loss, best_epoch = score[0], -score[1], epoch
                best_state = copy.deepcopy(model.state_dict())
            elif val and config.patience and epoch - best_epoch >= config.patience:
                stopped_early = epoch < config.epochs
            if averaged is not None:
                averaged.swap()
            go_on[0] = 0.0 if stopped_early else 1.0
        if world > 1:
            torch.distributed.broadcast(go_on, src=0)  # rank 0 decided (best epoch, early stop)
        if go_on[0] == 0:
            break
    if best_state is None:
        best_state = model.state_dict()
    # Throughput counts training steps only, not the validation passes.
    # numpy arrays, not tensors: they cross from a spawned rank to the caller as plain bytes.
    return ({k: v.detach().cpu().numpy().copy() for k, v in best_state.items()}, history, best_epoch,
            stopped_early, stopped_by_user, time.perf_counter() - start, seen / max(train_time, 1e-9), taken)
