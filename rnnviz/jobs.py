"""Background training jobs for a shared server: bounded, queued, stoppable, never orphaned.

One process-wide :class:`JobManager` (the app holds it with ``st.cache_resource``) runs at most
``max_running`` jobs at once (env ``RNNVIZ_MAX_JOBS``, default one per CPU core), each in its own
worker thread; further jobs wait in a FIFO queue and know their position. A job is any callable
``work(context) -> result``; :func:`training_work` builds the one that trains, tests and saves a
model. The manager never calls Streamlit: pages poll it.

- stop: ``manager.stop(job_id)`` sets the job's stop event (training ends after the current batch
  and keeps its best epoch) or takes a queued job out of the queue;
- heartbeat: the page calls ``manager.heartbeat(job_id)`` while it shows the job; a job nobody
  polled for ``heartbeat_timeout`` seconds is stopped (status "expired"), so a closed tab never
  leaves a runaway job;
- failures: an exception in ``work`` ends the job with status "failed" and the message in ``error``.

    manager = JobManager(max_running=1)
    job = manager.submit(training_work(request), owner="session-1", label="my lstm")
    manager.get(job.id).status, manager.position(job.id), job.progress[-1]
"""

from __future__ import annotations

import os
import threading
import time
import traceback
import uuid
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

MAX_JOBS_ENV = "RNNVIZ_MAX_JOBS"
HEARTBEAT_ENV = "RNNVIZ_JOB_HEARTBEAT_S"
DEFAULT_HEARTBEAT_S = 15 * 60.0
DEFAULT_MAX_QUEUED = 16
MAX_WORKERS = 2  # processes one training job may use (rnnviz.distributed)
KEEP_FINISHED = 64  # finished jobs remembered (for their owner to see the result)

QUEUED, RUNNING, DONE, STOPPED, EXPIRED, FAILED = "queued", "running", "done", "stopped", "expired", "failed"
ACTIVE = (QUEUED, RUNNING)
FINISHED = (DONE, STOPPED, EXPIRED, FAILED)


class QueueFull(RuntimeError):
    """The queue already holds ``max_queued`` jobs, or this owner already has one waiting or running."""


def default_max_running() -> int:
    """``RNNVIZ_MAX_JOBS`` if set (>= 1), else the number of CPU cores this process may use."""
    value = os.environ.get(MAX_JOBS_ENV, "").strip()
    if value:
        try:
            return max(int(value), 1)
        except ValueError:
            raise ValueError(f"{MAX_JOBS_ENV} must be an integer, got {value!r}") from None
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


@dataclass(eq=False)
class Job:
    """One job. Read it from any thread; only the manager and the worker write it.

    progress: what the work reported, in order (for training: :class:`rnnviz.train_config.Progress`)
    stop_reason: "user" or "heartbeat" once a stop was asked
    """

    id: str
    owner: str
    label: str
    work: Callable[["JobContext"], Any] = field(repr=False)
    status: str = QUEUED
    created: float = 0.0
    started: float | None = None
    finished: float | None = None
    last_seen: float = 0.0
    progress: list = field(default_factory=list, repr=False)
    phase: str = ""
    result: Any = field(default=None, repr=False)
    error: str | None = None
    details: str | None = field(default=None, repr=False)
    stop_reason: str | None = None
    stop_event: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(frozen=True)
class JobContext:
    """What a job's work receives: check ``stop_event``, call ``report`` with progress items.

    workers: how many CPU processes the job may train with (the cores no other job was using when
        it started, at most 2)
    """

    job: Job
    workers: int = 1

    @property
    def stop_event(self) -> threading.Event:
        return self.job.stop_event

    def report(self, item: Any) -> None:
        self.job.progress.append(item)  # list.append is atomic: readers see a consistent list

    def phase(self, name: str) -> None:
        self.job.phase = name


class JobManager:
    """At most ``max_running`` jobs at once, the rest in a FIFO queue (see the module docstring)."""

    def __init__(self, max_running: int | None = None, heartbeat_timeout: float | None = None,
                 max_queued: int = DEFAULT_MAX_QUEUED, clock: Callable[[], float] = time.monotonic,
                 watchdog: bool = True, cores: int | None = None):
        self.max_running = max_running if max_running is not None else default_max_running()
        self.cores = cores if cores is not None else default_max_running()
        if self.max_running < 1:
            raise ValueError("max_running must be at least 1")
        if heartbeat_timeout is None:
            heartbeat_timeout = float(os.environ.get(HEARTBEAT_ENV, DEFAULT_HEARTBEAT_S))
        self.heartbeat_timeout = float(heartbeat_timeout)
        self.max_queued = max_queued
        self._clock = clock
        self._lock = threading.RLock()
        self._jobs: dict[str, Job] = {}
        self._queue: deque[Job] = deque()
        self._threads: dict[str, threading.Thread] = {}
        self._closed = threading.Event()
        if watchdog:
            period = min(max(self.heartbeat_timeout / 4, 0.05), 30.0)
            threading.Thread(target=self._watch, args=(period,), name="rnnviz-job-watchdog", daemon=True).start()

    # ------------------------------------------------------------------ submitting and reading
    def submit(self, work: Callable[[JobContext], Any], *, owner: str, label: str = "") -> Job:
        """Queue ``work``; it starts as soon as a slot is free. Raises :class:`QueueFull`."""
        with self._lock:
            self._reap_locked()
            if any(job.owner == owner and job.active for job in self._jobs.values()):
                raise QueueFull("this session already has a job waiting or running")
            if len(self._queue) >= self.max_queued:
                raise QueueFull(f"{len(self._queue)} jobs are already waiting; try again later")
            now = self._clock()
            job = Job(uuid.uuid4().hex[:12], owner, label, work, created=now, last_seen=now)
            self._jobs[job.id] = job
            self._queue.append(job)
            self._forget_old_locked()
            self._dispatch_locked()
            return job

    def get(self, job_id: str | None) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id) if job_id else None

    def jobs(self, owner: str | None = None) -> list[Job]:
        with self._lock:
            return [job for job in self._jobs.values() if owner is None or job.owner == owner]

    def position(self, job_id: str) -> int | None:
        """0 while running, 1 for the next job to start, 2..., None once finished (or unknown)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.status not in ACTIVE:
                return None
            if job.status == RUNNING:
                return 0
            return list(self._queue).index(job) + 1

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {"running": sum(job.status == RUNNING for job in self._jobs.values()), "queued": len(self._queue),
                    "max_running": self.max_running}

    # ------------------------------------------------------------------ stopping
    def heartbeat(self, job_id: str | None) -> None:
        """The owner is still looking: postpone the expiry of ``job_id``."""
        with self._lock:
            job = self._jobs.get(job_id) if job_id else None
            if job is not None:
                job.last_seen = self._clock()

    def stop(self, job_id: str, reason: str = "user") -> bool:
        """Stop a running job after its current step, or take a queued one out. False if already over."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.status not in ACTIVE:
                return False
            job.stop_reason = job.stop_reason or reason
            job.stop_event.set()
            if job.status == QUEUED:
                self._queue.remove(job)
                job.status = EXPIRED if reason == "heartbeat" else STOPPED
                job.finished = self._clock()
            return True

    def reap(self) -> list[str]:
        """Stop every active job whose owner has not polled for ``heartbeat_timeout``; their ids."""
        with self._lock:
            return self._reap_locked()

    def _reap_locked(self) -> list[str]:
        deadline = self._clock() - self.heartbeat_timeout
        expired = [job.id for job in self._jobs.values()
                   if job.active and job.last_seen < deadline and not job.stop_event.is_set()]
        for job_id in expired:
            self.stop(job_id, reason="heartbeat")
        return expired

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop everything and wait (at most ``timeout`` s) for the workers: for tests and exits."""
        self._closed.set()
        with self._lock:
            for job in list(self._jobs.values()):
                self.stop(job.id, reason="shutdown")
            threads = list(self._threads.values())
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))

    def wait(self, job_id: str, timeout: float = 60.0) -> Job:
        """Block until ``job_id`` is finished (tests, scripts). Raises TimeoutError."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.get(job_id)
            if job is None or job.status in FINISHED:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} still {job.status} after {timeout} s")
            time.sleep(0.01)

    # ------------------------------------------------------------------ internals
    def _watch(self, period: float) -> None:
        while not self._closed.wait(period):
            self.reap()

    def _dispatch_locked(self) -> None:
        running = sum(job.status == RUNNING for job in self._jobs.values())
        while self._queue and running < self.max_running and not self._closed.is_set():
            job = self._queue.popleft()
            job.status, job.started = RUNNING, self._clock()
            # A job alone on the machine trains on both cores; jobs side by side take one each.
            spare = min(MAX_WORKERS, max(1, self.cores - running - len(self._queue)))
            thread = threading.Thread(target=self._run, args=(job, spare), name=f"rnnviz-job-{job.id}", daemon=True)
            self._threads[job.id] = thread
            running += 1
            thread.start()

    def _run(self, job: Job, workers: int = 1) -> None:
        result, error, details = None, None, None
        try:
            result = job.work(JobContext(job, workers))
        except BaseException as exc:  # noqa: BLE001 - any failure belongs to the job, not the server
            error = f"{type(exc).__name__}: {exc}"
            details = traceback.format_exc()
        with self._lock:
            job.result, job.error, job.details = result, error, details
            job.finished = self._clock()
            if error is not None:
                job.status = FAILED
            elif job.stop_event.is_set():
                job.status = EXPIRED if job.stop_reason == "heartbeat" else STOPPED
            else:
                job.status = DONE
            self._threads.pop(job.id, None)
            self._dispatch_locked()

    def _forget_old_locked(self) -> None:
        finished = sorted((job for job in self._jobs.values() if job.status in FINISHED), key=lambda j: j.finished or 0)
        for job in finished[: max(len(finished) - KEEP_FINISHED, 0)]:
            del self._jobs[job.id]


# ---------------------------------------------------------------------------------- training jobs
@dataclass(frozen=True)
class TrainingRequest:
    """Everything a training job needs; plain data, so the same request replays the same run.

    plan: the run (:class:`rnnviz.pipeline.Plan`: name, configs, word vectors, test limit)
    corpus: what it learns from and is measured on (:func:`rnnviz.pipeline.load_corpus`)
    tokenizer, pretrained_embedding: a vocabulary and embedding rows to start from (another
        checkpoint's, named by ``embedding_from``); None: built from the corpus
    folder: where the checkpoint is saved, under a unique :func:`~rnnviz.checkpoints.sanitize_name`
    """

    plan: Any  # rnnviz.pipeline.Plan
    corpus: Any = field(repr=False)  # rnnviz.pipeline.Corpus
    folder: Path | str
    tokenizer: Any = field(default=None, repr=False)
    pretrained_embedding: Any = field(default=None, repr=False)
    embedding_from: str | None = None
    probe_texts: tuple[str, ...] | None = None  # reviews the training snapshots follow (None: the default ones)


def run_training(request: TrainingRequest, context: JobContext | None = None) -> dict:
    """The pipeline (:func:`rnnviz.pipeline.train_and_save`) as a job: reports every batch, stops on
    request. Returns a summary dict (``path``, ``name``, ``history`` and the metrics), or ``{}`` when
    it was stopped before its first epoch ended (nothing saved)."""
    from rnnviz.pipeline import Plan, train_and_save

    plan = request.plan
    workers = getattr(context, "workers", plan.train_config.workers)
    if workers != plan.train_config.workers:
        plan = Plan(**{**plan.__dict__, "train_config": replace(plan.train_config, workers=workers)})
    try:
        result = train_and_save(
            plan, request.corpus, folder=request.folder, tokenizer=request.tokenizer,
            pretrained_embedding=request.pretrained_embedding, embedding_from=request.embedding_from,
            on_progress=context.report if context else None, stop_event=context.stop_event if context else None,
            phase=context.phase if context else None, device="cpu", probe_texts=request.probe_texts)
    except RuntimeError:
        if context is not None and context.stop_event is not None and context.stop_event.is_set():
            return {}
        raise
    return {"path": str(result.path), "name": result.path.stem, "history": list(result.history), **result.metrics}


def training_work(request: TrainingRequest) -> Callable[[JobContext], dict]:
    """The ``work`` callable of a training job, for :meth:`JobManager.submit`."""
    return lambda context: run_training(request, context)


# ---------------------------------------------------------------------------------- estimates
def measure_speed(model_config, batch_size: int, length: int, batches: int = 2) -> float:
    """Training reviews per second of ``model_config`` on this machine now (one thread), from
    ``batches`` timed steps on random ids of ``length`` tokens (after one untimed warm-up step)."""
    import torch
    import torch.nn.functional as F

    from rnnviz.models import RNNClassifier
    from rnnviz.reviews import torch_threads

    config = replace(model_config, vocab_size=min(model_config.vocab_size, 1_000))  # same compute, less memory
    generator = torch.Generator().manual_seed(0)
    with torch_threads(1), torch.random.fork_rng():
        torch.manual_seed(0)
        model = RNNClassifier(config)
        optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad] or
                                     [torch.zeros(1, requires_grad=True)])
        ids = torch.randint(3, config.vocab_size, (batch_size, length), generator=generator)
        lengths = torch.full((batch_size,), length)
        targets = torch.randint(0, 2, (batch_size,), generator=generator).float()
        elapsed = 0.0
        for step in range(batches + 1):
            start = time.perf_counter()
            loss = F.binary_cross_entropy_with_logits(model(ids, lengths, padding="post"), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step:
                elapsed += time.perf_counter() - start
    return batch_size * batches / max(elapsed, 1e-9)


TOKENIZE_SPEED = 3_000  # reviews tokenised per second (measured: ~3-10k on one core)


def estimate_seconds(train_reviews: int, epochs: int, reviews_per_second: float,
                     validation_fraction: float = 0.1, test_reviews: int = 0) -> float:
    """Seconds for a whole job at the measured training speed: tokenising the reviews, ``epochs``
    over ``train_reviews``, then testing on ``test_reviews`` (validation and testing read reviews
    ~3x faster than training does: forward pass only)."""
    held_out = train_reviews * validation_fraction
    per_epoch = (train_reviews - held_out) / reviews_per_second + held_out / (3 * reviews_per_second)
    return (epochs * per_epoch + test_reviews / (3 * reviews_per_second)
            + (train_reviews + test_reviews) / TOKENIZE_SPEED)


def format_duration(seconds: float) -> str:
    """42 s, 3 min 05 s."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


__all__ = [
    "ACTIVE", "DONE", "EXPIRED", "FAILED", "FINISHED", "QUEUED", "RUNNING", "STOPPED",
    "Job", "JobContext", "JobManager", "QueueFull", "TrainingRequest", "default_max_running",
    "estimate_seconds", "format_duration", "measure_speed", "run_training", "training_work",
]
