"""Data-parallel training with ``torch.distributed``: several processes, on one machine or several.

Each process (a *rank*) holds a copy of the model wrapped in ``DistributedDataParallel``, computes the
gradient of its share of every batch, and DDP averages the gradients across ranks (gloo on CPU, nccl on
CUDA) before every optimiser step, so all copies stay identical. Results depend on the seed and the
number of ranks only.

Two ways in:

- ``TrainConfig(workers=N)`` on one machine: :func:`train_in_processes` spawns N processes that meet on a
  free port of 127.0.0.1. The caller's process stays out of the process group (it may be the app's
  server, running other jobs): rank 0 sends it the progress reports and, at the end, its weights.
- ``torchrun`` (``python -m torch.distributed.run --nnodes 2 --nproc-per-node 2 --rdzv-endpoint HOST:PORT
  -m rnnviz train ...``): every process runs the command; :func:`init_from_environment` joins the group
  torchrun set up, each process trains on its share, and rank 0 alone saves the checkpoint.
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import traceback
from datetime import timedelta
from typing import Any, Callable

import torch
import torch.distributed as dist

# Seconds a rank waits for the others (e.g. while rank 0 takes a snapshot) before giving up.
TIMEOUT = timedelta(minutes=15)


def backend(device: torch.device) -> str:
    return "nccl" if device.type == "cuda" else "gloo"


def launched_by_torchrun() -> bool:
    """True in a process started by torchrun for a group of more than one process."""
    return int(os.environ.get("WORLD_SIZE", "1")) > 1 and "RANK" in os.environ


def init_from_environment(device: torch.device | None = None) -> tuple[int, int]:
    """Join the process group torchrun describes in the environment (once); returns (rank, world size)."""
    if not dist.is_initialized():
        device = device or torch.device("cuda" if torch.cuda.is_available() else "cpu")
        dist.init_process_group(backend(device), timeout=TIMEOUT)
    return dist.get_rank(), dist.get_world_size()


def rank_and_world() -> tuple[int, int]:
    """(rank, world size) of this process: (0, 1) outside any process group."""
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _warm_up() -> None:
    """What the first training step would otherwise wait for, done while the caller still tokenizes:
    torch imports its compiler stack (torch._dynamo, 1.5-2 s) when the first optimiser is made."""
    import rnnviz.training  # noqa: F401 - the training loop's modules

    torch.optim.Adam([torch.zeros(1, requires_grad=True)])


def _rank_loop(rank: int, world: int, port: int, inbox, messages, stop) -> None:
    """One spawned rank: join the group, then run each ``(work, args, every_rank)`` sent to ``inbox`` as
    ``work(*args, report=..., should_stop=...)`` and send back its result, until it receives None."""
    try:
        torch.set_num_threads(1)  # one thread per process: see rnnviz.training
        dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world,
                                timeout=TIMEOUT)
        report = (lambda item: messages.put(("progress", rank, item))) if rank == 0 else (lambda item: None)
        _warm_up()
        while (task := inbox.get()) is not None:
            work, args, every_rank = task
            result = work(*args, report=report, should_stop=stop.is_set)
            if rank == 0 or every_rank:
                messages.put(("result", rank, result))
    except BaseException as error:  # noqa: BLE001 - whatever failed must reach the caller, not die here
        traceback.print_exc()  # the whole story on this rank's stderr; one line for the caller
        messages.put(("error", rank, f"rank {rank}: {type(error).__name__}: {error}"))
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()


class Ranks:
    """``workers`` spawned processes in one gloo group on 127.0.0.1, started ahead of their work.

    Starting a rank costs seconds (a fresh interpreter imports torch); a caller that starts them first
    and then tokenizes gets them ready for free. They then run what :meth:`run` sends them: a training
    loop (rank 0's result comes back, with its progress reports), or one share of a job per rank. The
    caller's process stays out of the group (it may be the app's server, running other jobs).
    """

    def __init__(self, workers: int):
        import torch.multiprocessing as mp

        context = mp.get_context("spawn")  # safe from threads and servers, unlike fork
        self.world = workers
        self.messages, self.stop = context.Queue(), context.Event()
        self.inboxes = [context.Queue() for _ in range(workers)]
        port = free_port()
        self.processes = [context.Process(target=_rank_loop, daemon=True,
                                          args=(rank, workers, port, self.inboxes[rank], self.messages, self.stop))
                          for rank in range(workers)]
        for process in self.processes:
            process.start()
        self.broken = self.closing = False

    def run(self, work: Callable[..., Any], args: tuple, on_progress: Callable[[Any], None] | None = None,
            stop_event: threading.Event | None = None, every_rank: bool = False) -> Any:
        """``work(*args, report=, should_stop=)`` on every rank; rank 0's result, or every rank's (a list).

        ``work`` must be importable (the ranks are fresh interpreters). Progress items rank 0 reports reach
        ``on_progress`` here; setting ``stop_event`` asks every rank to stop after its batch.
        """
        if self.broken:
            raise RuntimeError("these training processes failed before; start new ones")
        self.stop.clear()
        for inbox in self.inboxes:
            inbox.put((work, args, every_rank))
        results: dict[int, Any] = {}
        error = None
        wanted = self.world if every_rank else 1
        while len(results) < wanted and error is None:
            if stop_event is not None and stop_event.is_set():
                self.stop.set()
            try:
                kind, rank, payload = self.messages.get(timeout=0.2)
            except queue.Empty:
                dead = [p for p in self.processes if p.exitcode is not None]
                if dead:
                    error = f"a training process exited with code {dead[0].exitcode}"
                continue
            if kind == "progress" and on_progress is not None:
                on_progress(payload)
            elif kind == "result":
                results[rank] = payload
            elif kind == "error":
                error = payload
        if error is not None:
            self.broken = True
            self.close()
            raise RuntimeError(f"distributed training failed: {error}")
        return [results[rank] for rank in range(self.world)] if every_rank else results[0]

    def close(self, wait: bool = True) -> None:
        """Let the ranks leave (or end them, when they do not within seconds). wait=False: return at
        once and let a thread see them out (a rank takes a second or two to shut torch down)."""
        if not self.closing:
            self.closing = True
            self.stop.set()
            for inbox in self.inboxes:
                inbox.put(None)
        if not wait:
            threading.Thread(target=self.close, daemon=True, name="rnnviz-ranks-exit").start()
            return
        for process in self.processes:
            process.join(timeout=30 if not self.broken else 5)
            if process.is_alive():
                process.terminate()

    def __enter__(self) -> "Ranks":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def train_in_processes(workers: int, work: Callable[..., Any], args: tuple,
                       on_progress: Callable[[Any], None] | None = None,
                       stop_event: threading.Event | None = None) -> Any:
    """Run ``work(*args, report=, should_stop=)`` in ``workers`` new ranks; return rank 0's result."""
    with Ranks(workers) as ranks:
        return ranks.run(work, args, on_progress, stop_event)
