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

# Seconds a rank waits for the others (rank 0 validates while they wait) before giving up.
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


def _rank_main(rank: int, world: int, port: int, work: Callable[..., Any], args: tuple, messages, stop) -> None:
    """One spawned rank: join the group, run ``work(*args, report=..., should_stop=...)``, send the result."""
    try:
        torch.set_num_threads(1)  # one thread per process: see rnnviz.training
        dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world,
                                timeout=TIMEOUT)
        report = (lambda item: messages.put(("progress", item))) if rank == 0 else (lambda item: None)
        result = work(*args, report=report, should_stop=stop.is_set)
        if rank == 0:
            messages.put(("result", result))
    except BaseException as error:  # noqa: BLE001 - whatever failed must reach the caller, not die here
        traceback.print_exc()  # the whole story on this rank's stderr; one line for the caller
        messages.put(("error", f"rank {rank}: {type(error).__name__}: {error}"))
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()


def train_in_processes(workers: int, work: Callable[..., Any], args: tuple,
                       on_progress: Callable[[Any], None] | None = None,
                       stop_event: threading.Event | None = None) -> Any:
    """Run ``work(*args, report=, should_stop=)`` in ``workers`` spawned ranks; return rank 0's result.

    ``work`` must be importable (spawned processes start afresh). Progress items rank 0 reports reach
    ``on_progress`` in this process; setting ``stop_event`` asks every rank to stop after its batch.
    """
    import torch.multiprocessing as mp

    context = mp.get_context("spawn")  # safe from threads and servers, unlike fork
    messages, stop = context.Queue(), context.Event()
    port = free_port()
    processes = [context.Process(target=_rank_main, args=(rank, workers, port, work, args, messages, stop),
                                 daemon=True) for rank in range(workers)]
    for process in processes:
        process.start()
    result, error = None, None
    try:
        while result is None and error is None:
            if stop_event is not None and stop_event.is_set():
                stop.set()
            try:
                kind, payload = messages.get(timeout=0.2)
            except queue.Empty:
                dead = [p for p in processes if p.exitcode not in (None, 0)]
                if dead:
                    error = f"a training process exited with code {dead[0].exitcode}"
                continue
            if kind == "progress" and on_progress is not None:
                on_progress(payload)
            elif kind == "result":
                result = payload
            elif kind == "error":
                error = payload
    finally:
        stop.set()
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
    if error is not None:
        raise RuntimeError(f"distributed training failed: {error}")
    return result
