"""Load test: many classroom sessions on one real rnnviz server, without browsers.

    .venv/bin/python scripts/load_test.py --sessions 40 --duration 60
    .venv/bin/python scripts/load_test.py --sessions 1                      # single-user baseline only
    .venv/bin/python scripts/load_test.py --sessions 40 --pages predict,padding,hidden-states,gradients

It starts ``streamlit run app.py`` on 127.0.0.1 and a free port (``RNNVIZ_OFFLINE=1``, no file
watcher, headless), then drives sessions through Streamlit's own websocket protocol
(``scripts/streamlit_client.py``): each session opens the Predict page, submits IMDB reviews (the
shipped sample's test reviews, drawn with a seed) and now and then opens one of the heavier pages and
comes back, with a think time between actions (``--think``, default 5 to 15 s: a student reads the
verdict and changes the review). Two servers are used, one after the other, each warmed up first by
one visit per page and one prediction, as a teacher does before class (``--cold``: no warm-up):

1. a single-user baseline: ONE session opens every page once, then submits every review of the pool;
   the P(positive) of every model, read from the Predict page's verdict chart, is kept per review;
2. the load run, on a fresh server: ``--sessions`` sessions for ``--duration`` seconds, sessions
   arriving over the first think time; every session submits at least once. Every prediction shown
   is compared with the baseline's for the same review. No review of the pool is in the fresh
   server's cache, and the pool (48) is larger than the app's prediction cache (32 texts), so most
   submissions are computed under load, not served from the cache.

It reports p50/p95/max latency per action (a page load, a prediction submit: from the BackMsg sent to
``script_finished``), the peak resident memory of the server's process tree (the sum of VmRSS over the
server and its children, sampled from /proc every 0.25 s), and the errors: exception elements,
``st.error`` messages, wrong pages, timeouts, disconnections, missing verdict charts, and predictions
that differ from the baseline; and the server's CPU time per action (user + system, from /proc: less
sensitive than latency to what else runs on the machine). Exit code 0 only when every target is met:
p95 of a prediction submit < 1 s, peak server RSS < 1.5 GB (1.5e9 bytes), no error, no mismatch.

Models: the shipped ``checkpoints/`` when there are any, or (``--models stand-in``, the default when
none is shipped) random-weight models of the shipped recipes' shapes (scripts/train_checkpoints.py:
vocabulary 20,000, the same cells and sizes), which cost the server the same time and memory as trained
ones. The server gets its own empty user checkpoint folder (``RNNVIZ_USER_CHECKPOINTS``), so models
that other people train on the machine do not change the run.

The server runs a snapshot of the working tree (app.py, pages/, rnnviz/, .streamlit/, checkpoints/)
copied at the start into a temporary folder, so that edits made during the run do not mix two versions
of the code (``--live-tree`` serves the tree itself).

``--server-option KEY=VALUE`` passes a Streamlit option to both servers, to try a setting before
putting it in .streamlit/config.toml, e.g. ``--server-option runner.postScriptGC=false``.

Everything is bounded: the load run stops sending at ``--duration``; a run that takes longer than
``--timeout`` seconds counts as an error; the servers are stopped (their process group) at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "scripts"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from streamlit_client import HOST, RunTimeout, StreamlitClient, bar_values  # noqa: E402

PREDICT = "predict"
DEFAULT_PAGES = ("predict", "padding", "hidden-states", "gradients")
SUBMIT = "predict submit"
TARGET_SUBMIT_P95_S = 1.0
TARGET_RSS_BYTES = 1.5e9
VERDICT_CHART = "predict_chart_verdicts"
TEXT_KEY, SUBMIT_KEY = "predict_text", "predict_submit"
MAX_REVIEW_CHARS = 1_500  # a review as a student pastes it: long enough to be cut by no model, mostly
SERVER_START_TIMEOUT_S = 90.0


# ----------------------------------------------------------------------------------------- server
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """``streamlit run app.py`` on 127.0.0.1, in its own process group, its log in ``log_path``."""

    def __init__(self, user_checkpoints: Path, log_path: Path, python: str = sys.executable, root: Path = ROOT,
                 options: dict[str, str] | None = None):
        self.user_checkpoints, self.log_path, self.python, self.root = user_checkpoints, log_path, python, root
        self.options = dict(options or {})  # extra Streamlit config options, e.g. {"runner.postScriptGC": "false"}
        self.port = 0
        self.process: subprocess.Popen | None = None

    def start(self, timeout_s: float = SERVER_START_TIMEOUT_S) -> None:
        self.port = free_port()
        env = dict(os.environ, RNNVIZ_OFFLINE="1", PYTHONUNBUFFERED="1",
                   RNNVIZ_USER_CHECKPOINTS=str(self.user_checkpoints))
        command = [self.python, "-m", "streamlit", "run", "app.py", "--server.address", HOST,
                   "--server.port", str(self.port), "--server.headless", "true",
                   "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
        for key, value in self.options.items():
            command += [f"--{key}", value]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.root, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/_stcore/health", timeout=2) as reply:
                    if reply.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the server did not answer in {timeout_s:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:  # its own process group (start_new_session): the server and nothing else
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


SNAPSHOT_PARTS = ("app.py", "pages", "rnnviz", ".streamlit", "checkpoints")


def snapshot_app(destination: Path) -> Path:
    """Copy what the server runs (app.py, pages/, rnnviz/, .streamlit/, checkpoints/) into
    ``destination``: the run then measures one version of the code even while people edit the tree."""
    import shutil

    destination.mkdir(parents=True, exist_ok=True)
    for part in SNAPSHOT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


# ----------------------------------------------------------------------------------------- memory
def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])  # after "(comm)": state, ppid
        children[ppid].append(int(entry))
    return children


def tree_rss_bytes(root_pid: int) -> int:
    """Sum of VmRSS over ``root_pid`` and all its descendants (0 when it is gone)."""
    children, total, todo = _children_map(), 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, its waited-for children included) of ``pid`` so far; 0 when gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            stat = handle.read()
    except OSError:
        return 0.0
    fields = stat[stat.rfind(")") + 2:].split()  # fields[0] is field 3 (state): utime is field 14
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


class MemorySampler(threading.Thread):
    """Peak RSS of a process tree, sampled every ``interval_s`` until ``stop()``; and the CPU time
    the server process used in between (``cpu_s``)."""

    def __init__(self, pid: int, interval_s: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval_s = pid, interval_s
        self.peak = self.first = self.last = 0
        self.cpu_start = cpu_seconds(pid)
        self.cpu_s = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while True:
            rss = tree_rss_bytes(self.pid)
            self.first = self.first or rss
            self.last, self.peak = rss or self.last, max(self.peak, rss)
            self.cpu_s = max(self.cpu_s, cpu_seconds(self.pid) - self.cpu_start)
            if self._stop_event.wait(self.interval_s):
                return

    def stop(self) -> int:
        self._stop_event.set()
        self.join(timeout=5)
        return self.peak


# ----------------------------------------------------------------------------------------- models
def shipped_checkpoints() -> list[Path]:
    from rnnviz.checkpoints import shipped_checkpoint_dir

    folder = shipped_checkpoint_dir()
    return sorted(folder.glob("*.safetensors")) if folder.is_dir() else []


def make_stand_in_models(folder: Path) -> list[Path]:
    """Random-weight checkpoints with the shapes of scripts/train_checkpoints.py's recipes."""
    import torch

    from rnnviz.checkpoints import save_checkpoint
    from rnnviz.data import load_sample
    from rnnviz.models import ModelConfig, RNNClassifier
    from rnnviz.tokenizer import Tokenizer
    from train_checkpoints import RECIPES

    sample = load_sample()
    paths, tokenizers = [], {}
    for seed, (name, (model_settings, _)) in enumerate(sorted(RECIPES.items())):
        config = ModelConfig(**model_settings)
        if config.vocab_size not in tokenizers:
            tokenizers[config.vocab_size] = Tokenizer.build(sample["train"]["text"], vocab_size=config.vocab_size)
        torch.manual_seed(seed)
        model = RNNClassifier(config).eval()
        paths.append(save_checkpoint(
            model, folder / f"standin-{name}.safetensors", tokenizer=tokenizers[config.vocab_size],
            name=f"standin-{name}", metrics={"test_accuracy": 0.5, "val_accuracy": 0.5},
            data_source={"kind": "sample", "location": "scripts/load_test.py (random weights)"}))
    return paths


def review_pool(count: int, seed: int) -> list[str]:
    """``count`` distinct test reviews of the shipped sample, cut to MAX_REVIEW_CHARS, drawn with ``seed``."""
    from rnnviz.data import load_sample

    texts = sorted(set(load_sample()["test"]["text"]))
    picks = random.Random(seed).sample(range(len(texts)), min(count, len(texts)))
    return [texts[i][:MAX_REVIEW_CHARS] for i in picks]


# ----------------------------------------------------------------------------------------- sessions
@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    predictions: dict[int, list[dict[str, float]]] = field(default_factory=lambda: defaultdict(list))
    sessions_started: int = 0
    sessions_failed: int = 0
    server_cpu_s: float = 0.0

    def record(self, action: str, session: int, result) -> None:
        self.latencies[action].append(result.seconds)
        self.errors.extend(f"[session {session}] {action}: {error}" for error in result.errors)
        self.notes.extend(f"[session {session}] {action}: {note}" for note in result.notes)


async def open_page(client: StreamlitClient, page: str, session: int, stats: Stats) -> None:
    result = await client.run(page)
    stats.record(f"page load: {page}", session, result)


async def submit(client: StreamlitClient, review: int, text: str, session: int, stats: Stats) -> None:
    result = await client.run(None, [(TEXT_KEY, "string_value", text), (SUBMIT_KEY, "trigger_value", True)])
    stats.record(SUBMIT, session, result)
    chart = result.element("plotly_chart", VERDICT_CHART)
    if chart is None:
        if not result.errors:
            stats.errors.append(f"[session {session}] {SUBMIT}: no verdict chart for review {review}")
        return
    stats.predictions[review].append(bar_values(chart))


async def baseline_session(port: int, reviews: list[str], pages: list[str], timeout_s: float, stats: Stats) -> None:
    """One user: every page once, then every review of the pool, in order."""
    client = StreamlitClient(port, timeout_s)
    await client.connect()
    stats.sessions_started += 1
    try:
        for page in [p for p in pages if p != PREDICT] + [PREDICT]:
            await open_page(client, page, 0, stats)
        for index, text in enumerate(reviews):
            await submit(client, index, text, 0, stats)
    finally:
        await client.close()


async def load_session(session: int, port: int, reviews: list[str], pages: list[str], end: float,
                       think_s: tuple[float, float], page_share: float, max_actions: int, timeout_s: float,
                       seed: int, stats: Stats) -> None:
    """Open Predict; until ``end``: think, then submit a review, or (``page_share`` of the time) open
    another page, think, and come back to Predict. At least one submit, even past ``end``."""
    rng = random.Random(seed * 1_000 + session)
    others = [page for page in pages if page != PREDICT]
    await asyncio.sleep(rng.uniform(0, think_s[1]))  # students do not all click at the same instant
    client = StreamlitClient(port, timeout_s)
    try:
        await client.connect()
        stats.sessions_started += 1
        await open_page(client, PREDICT, session, stats)
        submitted = False
        for _ in range(max_actions):
            await asyncio.sleep(rng.uniform(*think_s))
            late = time.monotonic() >= end
            if late and submitted:
                break
            if not late and others and rng.random() < page_share:
                await open_page(client, rng.choice(others), session, stats)
                await asyncio.sleep(rng.uniform(*think_s))
                await open_page(client, PREDICT, session, stats)
            else:  # every session submits at least once, even when its first page came late
                review = rng.randrange(len(reviews))
                await submit(client, review, reviews[review], session, stats)
                submitted = True
    except (RunTimeout, OSError, asyncio.TimeoutError) as error:
        stats.sessions_failed += 1
        stats.errors.append(f"[session {session}] {type(error).__name__}: {error}")
    except Exception as error:  # a dropped websocket, an unreadable message: a failed session
        stats.sessions_failed += 1
        stats.errors.append(f"[session {session}] {type(error).__name__}: {error}")
    finally:
        await client.close()


# ----------------------------------------------------------------------------------------- report
def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(q / 100 * len(ordered)) - 1, 0)] if ordered else float("nan")


def latency_rows(stats: Stats) -> list[tuple[str, int, float, float, float]]:
    rows = []
    for action in sorted(stats.latencies, key=lambda a: (a != SUBMIT, a)):
        values = stats.latencies[action]
        rows.append((action, len(values), percentile(values, 50), percentile(values, 95), max(values)))
    page_loads = [v for a, values in stats.latencies.items() if a.startswith("page load") for v in values]
    if page_loads:
        rows.append(("page load: all", len(page_loads), percentile(page_loads, 50), percentile(page_loads, 95),
                     max(page_loads)))
    return rows


def print_table(title: str, stats: Stats, peak_rss: int, seconds: float) -> None:
    print(f"\n== {title}: {stats.sessions_started} sessions, {seconds:.0f} s "
          f"({sum(len(v) for v in stats.latencies.values())} actions)")
    print(f"{'action':<26}{'n':>6}{'p50 s':>9}{'p95 s':>9}{'max s':>9}")
    for action, n, p50, p95, top in latency_rows(stats):
        print(f"{action:<26}{n:>6}{p50:>9.3f}{p95:>9.3f}{top:>9.3f}")
    actions = sum(len(v) for v in stats.latencies.values())
    print(f"throughput: {actions / max(seconds, 1e-9):.2f} actions/s; server CPU: {stats.server_cpu_s:.0f} s "
          f"({stats.server_cpu_s / max(actions, 1):.2f} s per action, {stats.server_cpu_s / max(seconds, 1e-9):.2f} cores)")
    print(f"peak server RSS (process tree): {peak_rss / 1e6:.0f} MB")
    print(f"errors: {len(stats.errors)}; failed sessions: {stats.sessions_failed}")
    for error in stats.errors[:15]:
        print(f"  {error[:300]}")
    if len(stats.errors) > 15:
        print(f"  ... and {len(stats.errors) - 15} more")
    if stats.notes:
        print(f"notes: {len(stats.notes)} page_not_found messages on first visits (not errors: the page was shown)")


def compare_predictions(baseline: dict[int, dict[str, float]], stats: Stats, tolerance: float) -> tuple[int, int, float]:
    """(predictions compared, mismatches, largest difference) of the load run against the baseline."""
    compared = mismatches = 0
    largest = 0.0
    for review, shown in stats.predictions.items():
        expected = baseline.get(review)
        if expected is None:
            continue
        for values in shown:
            compared += 1
            if set(values) != set(expected):
                mismatches += 1
                stats.errors.append(f"review {review}: models {sorted(values)} != baseline {sorted(expected)}")
                continue
            diff = max((abs(values[name] - expected[name]) for name in expected), default=0.0)
            largest = max(largest, diff)
            if diff > tolerance:
                mismatches += 1
                stats.errors.append(f"review {review}: P(positive) {values} != baseline {expected}")
    return compared, mismatches, largest


# ----------------------------------------------------------------------------------------- main
@dataclass
class Outcome:
    baseline: Stats
    load: Stats | None
    baseline_rss: int
    load_rss: int
    compared: int
    mismatches: int
    largest_diff: float
    passed: bool


def _run_phase(server: Server, coroutine_factory, hard_limit_s: float, stats: Stats) -> tuple[int, float]:
    sampler = MemorySampler(server.pid)
    sampler.start()
    start = time.monotonic()
    try:
        asyncio.run(asyncio.wait_for(coroutine_factory(), hard_limit_s))
    finally:
        peak = sampler.stop()
        stats.server_cpu_s = sampler.cpu_s
    return peak, time.monotonic() - start


async def warm_up(port: int, pages: list[str], timeout_s: float) -> None:
    """What the teacher does before class: open every page once and predict one review (not counted)."""
    client = StreamlitClient(port, timeout_s)
    await client.connect()
    try:
        for page in [p for p in pages if p != PREDICT] + [PREDICT]:
            await client.run(page)
        await client.run(None, [(TEXT_KEY, "string_value", "A warm-up review: not bad at all."),
                                (SUBMIT_KEY, "trigger_value", True)])
    finally:
        await client.close()


def run_load_test(sessions: int = 40, duration_s: float = 60.0, pages=DEFAULT_PAGES, reviews: int = 48,
                  think_s: tuple[float, float] = (5.0, 15.0), page_share: float = 0.3, timeout_s: float = 60.0,
                  seed: int = 0, models: str = "auto", tolerance: float = 1e-6, max_actions: int = 10_000,
                  warm: bool = True, snapshot: bool = True, server_options: dict[str, str] | None = None,
                  workdir: Path | None = None, verbose: bool = True) -> Outcome:
    pages = list(pages)
    if PREDICT not in pages:
        pages.insert(0, PREDICT)
    out = print if verbose else (lambda *a, **k: None)
    with tempfile.TemporaryDirectory(prefix="rnnviz-load-") as tmp:
        work = Path(workdir or tmp)
        user_dir = work / "user_checkpoints"
        user_dir.mkdir(parents=True, exist_ok=True)
        if models == "stand-in" or (models == "auto" and not shipped_checkpoints()):
            made = make_stand_in_models(user_dir)
            out(f"models: {len(made)} random-weight stand-ins of the shipped recipes ({', '.join(p.stem for p in made)})")
        else:
            out(f"models: shipped checkpoints/ ({', '.join(p.stem for p in shipped_checkpoints())})")
        app_root = snapshot_app(work / "app") if snapshot else ROOT
        out(f"code: {'a snapshot of the working tree taken now' if snapshot else 'the live working tree'}"
            + "".join(f"; --{key} {value}" for key, value in (server_options or {}).items()))
        pool = review_pool(reviews, seed)
        out(f"reviews: {len(pool)} sample test reviews (<= {MAX_REVIEW_CHARS} chars); pages: {', '.join(pages)}")

        # 1. single user, fresh server
        baseline = Stats()
        server = Server(user_dir, work / "server-baseline.log", root=app_root, options=server_options)
        server.start()
        try:
            limit = 120 + 10 * (len(pool) + len(pages))  # ~1 s an action here; a hung server fails fast
            if warm:
                asyncio.run(asyncio.wait_for(warm_up(server.port, pages, timeout_s), timeout_s * (len(pages) + 1)))
            baseline_rss, seconds = _run_phase(
                server, lambda: baseline_session(server.port, pool, pages, timeout_s, baseline), limit, baseline)
        except Exception as error:
            baseline.errors.append(f"baseline: {type(error).__name__}: {error}")
            baseline_rss, seconds = 0, 0.0
        finally:
            server.stop()
        if verbose:
            print_table("single user (baseline)", baseline, baseline_rss, seconds)
        expected = {review: shown[0] for review, shown in baseline.predictions.items()}
        if len(expected) < len(pool):
            baseline.errors.append(f"baseline: predictions read for {len(expected)} of {len(pool)} reviews")

        load, load_rss, compared, mismatches, largest = None, baseline_rss, 0, 0, 0.0
        if sessions > 1:
            load = Stats()
            server = Server(user_dir, work / "server-load.log", root=app_root, options=server_options)

            async def everyone():
                end = time.monotonic() + duration_s
                await asyncio.gather(*(
                    load_session(i + 1, server.port, pool, pages, end, think_s, page_share, max_actions,
                                 timeout_s, seed, load) for i in range(sessions)))

            server.start()
            try:
                if warm:
                    asyncio.run(asyncio.wait_for(warm_up(server.port, pages, timeout_s), timeout_s * (len(pages) + 1)))
                load_rss, seconds = _run_phase(server, everyone, duration_s + 2 * timeout_s + 30, load)
            except Exception as error:
                load.errors.append(f"load run: {type(error).__name__}: {error}")
                seconds = duration_s
            finally:
                server.stop()
            compared, mismatches, largest = compare_predictions(expected, load, tolerance)
            if verbose:
                print_table(f"load ({sessions} sessions, think {think_s[0]:g}-{think_s[1]:g} s, "
                            f"{page_share:.0%} page visits, {'warm' if warm else 'cold'} server)", load, load_rss,
                            seconds)
            out(f"predictions compared with the single user: {compared}, mismatches: {mismatches}, "
                f"largest |difference|: {largest:.2e}")

    measured = load or baseline
    submit_p95 = percentile(measured.latencies.get(SUBMIT, []), 95)
    rss = load_rss if load else baseline_rss
    checks = {
        f"p95 {SUBMIT} < {TARGET_SUBMIT_P95_S:g} s (got {submit_p95:.3f} s)": submit_p95 < TARGET_SUBMIT_P95_S,
        f"peak server RSS < {TARGET_RSS_BYTES / 1e9:g} GB (got {rss / 1e9:.2f} GB)": 0 < rss < TARGET_RSS_BYTES,
        f"no errors (got {len(baseline.errors) + len(load.errors if load else [])})":
            not baseline.errors and not (load and load.errors),
        f"predictions equal the single user's (mismatches {mismatches} of {compared})":
            mismatches == 0 and (load is None or compared > 0),
    }
    out("")
    for label, ok in checks.items():
        out(f"{'PASS' if ok else 'FAIL'}  {label}")
    passed = all(checks.values())
    out("PASS" if passed else "FAIL")
    return Outcome(baseline, load, baseline_rss, load_rss, compared, mismatches, largest, passed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=40, help="concurrent sessions (1: baseline only)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES), help="url paths, comma-separated")
    parser.add_argument("--reviews", type=int, default=48, help="distinct reviews in the pool (default 48)")
    parser.add_argument("--think", default="5,15", help="think time between actions, MIN,MAX seconds")
    parser.add_argument("--page-share", type=float, default=0.3, help="share of actions that visit a page")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as failed")
    parser.add_argument("--models", choices=("auto", "shipped", "stand-in"), default="auto")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--server-option", action="append", default=[], metavar="KEY=VALUE",
                        help="extra Streamlit option for the servers, e.g. runner.postScriptGC=false (repeatable)")
    parser.add_argument("--live-tree", action="store_true",
                        help="serve the working tree itself, not a snapshot of it taken at the start")
    parser.add_argument("--cold", action="store_true",
                        help="no warm-up: the sessions meet a server that has loaded nothing yet")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.duration <= 0:
        parser.error("--sessions must be >= 1 and --duration > 0")
    options = {}
    for item in args.server_option:
        key, sep, value = item.partition("=")
        if not sep or not key:
            parser.error(f"--server-option wants KEY=VALUE, got {item!r}")
        options[key] = value
    low, _, high = args.think.partition(",")
    think = (float(low), float(high or low))
    outcome = run_load_test(sessions=args.sessions, duration_s=args.duration,
                            pages=[p.strip() for p in args.pages.split(",") if p.strip()], reviews=args.reviews,
                            think_s=think, page_share=args.page_share, timeout_s=args.timeout, seed=args.seed,
                            models=args.models, warm=not args.cold, snapshot=not args.live_tree,
                            server_options=options)
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main())
