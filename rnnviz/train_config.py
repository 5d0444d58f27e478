"""What a training run is asked (:class:`TrainConfig`) and what it reports (:class:`Progress`,
:class:`TrainResult`): plain data, shared by the training loop (:mod:`rnnviz.training`), the command
line, the app's jobs and the checkpoints that record the settings they were trained with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rnnviz.models import RNNClassifier

OPTIMIZERS = ("adam", "rmsprop", "sgd")
SCHEDULES = ("constant", "cosine")


@dataclass(frozen=True)
class TrainConfig:
    """How to train. ``seed`` fixes the split, the initial weights, the batch order and dropout.

    validation_fraction: share of the training reviews held out to pick the best epoch (0 = none)
    patience: stop after this many epochs without a better validation accuracy (0 = never stop)
    grad_clip: clip the gradient norm to this (0 = no clipping); keeps a vanilla RNN from exploding
    schedule: "constant" learning rate, or "cosine" decay to 0 over all epochs
    bucket: batch reviews of similar lengths together (same data, less padding)
    num_threads: torch threads during training (restored afterwards); see the module docstring
    word_dropout: share of training tokens replaced by ``<oov>`` at each step: the model cannot lean
        on a few words, which on IMDB overfits after ~3 epochs otherwise
    workers: CPU processes training together, each on its share of every batch (data parallel with
        DistributedDataParallel, :mod:`rnnviz.distributed`). 2 uses both cores of a 2-core machine
        without the thread contention; results depend on ``seed`` and ``workers``, not on timing.
    average_weights: validate and keep an exponential moving average of the weights instead of the
        last step's (0 = off; 0.999 averages over roughly the last 1,000 steps): the average sits
        in the middle of the valley the optimiser bounces around in, which generalises better
    """

    optimizer: str = "adam"
    lr: float = 1e-3
    batch_size: int = 64
    epochs: int = 5
    grad_clip: float = 1.0
    validation_fraction: float = 0.1
    patience: int = 2
    seed: int = 0
    train_size: int | None = None
    weight_decay: float = 0.0
    schedule: str = "constant"
    bucket: bool = True
    num_threads: int = 1
    workers: int = 1
    word_dropout: float = 0.0
    average_weights: float = 0.0

    def __post_init__(self) -> None:
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {OPTIMIZERS}, got {self.optimizer!r}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {SCHEDULES}, got {self.schedule!r}")
        if not (isinstance(self.lr, (int, float)) and 0 < self.lr <= 10):
            raise ValueError(f"lr must be in (0, 10], got {self.lr!r}")
        for name, low in (("batch_size", 1), ("epochs", 1), ("patience", 0), ("num_threads", 1),
                          ("workers", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
        if self.train_size is not None and (not isinstance(self.train_size, int) or self.train_size < 2):
            raise ValueError(f"train_size must be None or an integer >= 2, got {self.train_size!r}")
        if not 0.0 <= self.word_dropout < 1.0:
            raise ValueError(f"word_dropout must be in [0, 1), got {self.word_dropout!r}")
        if not 0.0 <= self.average_weights < 1.0:
            raise ValueError(f"average_weights must be in [0, 1), got {self.average_weights!r}")
        if not 0.0 <= self.validation_fraction < 1.0:
            raise ValueError(f"validation_fraction must be in [0, 1), got {self.validation_fraction!r}")
        if self.grad_clip < 0 or self.weight_decay < 0:
            raise ValueError("grad_clip and weight_decay must be >= 0")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TrainConfig":
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"unknown train config keys: {', '.join(map(str, unknown))}")
        return cls(**data)


@dataclass(frozen=True)
class Progress:
    """One report to ``on_progress``: after each batch ("batch") and each epoch ("epoch").

    loss, accuracy: running means over the epoch so far (training data, dropout on)
    val_loss, val_accuracy: on the validation reviews, "epoch" reports only (None otherwise)
    """

    kind: str
    epoch: int
    batch: int
    batches_per_epoch: int
    loss: float
    accuracy: float
    samples_per_second: float
    elapsed: float
    val_loss: float | None = None
    val_accuracy: float | None = None
    snapshot: Any = None  # "snapshot" reports: a rnnviz.snapshots.Timeline of one epoch (0 = before training)


@dataclass(frozen=True)
class TrainResult:
    """model: the best epoch's weights (highest validation accuracy; the last epoch without
    validation), in eval mode. history: one dict per finished epoch (see ``train``)."""

    model: RNNClassifier
    history: tuple[dict, ...]
    best_epoch: int
    stopped_early: bool
    stopped_by_user: bool
    seconds: float
    samples_per_second: float
    snapshots: tuple = ()  # one-epoch rnnviz.snapshots.Timeline each, epoch 0 first, when asked for
