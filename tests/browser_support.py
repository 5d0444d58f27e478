"""Run the real Streamlit app and drive it from Debian's headless Chromium (Playwright).

Used by the fixtures in ``tests/conftest.py`` and by the browser tests. Nothing here
downloads a browser: Chromium is ``/usr/bin/chromium`` (Debian's ``chromium`` package), or the path
in ``RNNVIZ_CHROMIUM``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM_PATH = os.environ.get("RNNVIZ_CHROMIUM", "/usr/bin/chromium")
# The background-networking flags matter: without them Chromium keeps dialing out of a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SERVER_START_TIMEOUT_S = 60.0
# A first render with plotly takes ~6 s on an idle 2-core machine, but several times that on a busy one.
RENDER_TIMEOUT_MS = int(float(os.environ.get("RNNVIZ_BROWSER_TIMEOUT_S", "90")) * 1000)

SCRIPT_DONE_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CONNECTED_SELECTOR = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
EXCEPTION_SELECTOR = '[data-testid="stException"]'
PLOTLY_SELECTOR = '[data-testid="stPlotlyChart"], .js-plotly-plot'

# Console messages of type "error" that are not the app's fault, matched against "TEXT (URL)".
# Keep each one specific: anything else the browser logs as an error fails the browser tests.
BENIGN_CONSOLE_ERRORS: tuple[re.Pattern[str], ...] = (
    # On a page URL such as /padding, Streamlit's frontend first looks for its server under that path
    # (/padding/_stcore/health, /padding/_stcore/host-config), gets a 404, then finds it at the root.
    re.compile(r"^Failed to load resource: the server responded with a status of 404 \(Not Found\) "
               r"\(http://127\.0\.0\.1:\d+/[^ ]+/_stcore/(health|host-config)\)$"),
    # Material icons (page icons, the favicon) come from Google's font host, unreachable offline.
    re.compile(r"^Failed to load resource: net::ERR_[A-Z_]+ \(https://fonts\.(gstatic|googleapis)\.com/"),
)


# --------------------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerError(RuntimeError):
    """The app server did not come up; the message carries its log."""


@dataclass
class AppServer:
    """``streamlit run app.py`` on 127.0.0.1 and a free port, its output in a log file."""

    root: Path = ROOT
    port: int = 0
    python: str = sys.executable
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    started_in_s: float | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            # rnnviz.ui.serve is `streamlit run app.py` with the fix for first visits to sub-page links.
            self.python, "-m", "rnnviz.ui.serve",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]

    def start(self, timeout_s: float = SERVER_START_TIMEOUT_S) -> str:
        """Start the server and wait until ``/_stcore/health`` answers "ok"; return the base URL."""
        if not self.port:
            self.port = free_port()
        env = dict(os.environ)
        env.update({"RNNVIZ_OFFLINE": "1", "PYTHONUNBUFFERED": "1"})
        env.update(self.extra_env)
        # One log per server (two may run at once), git-ignored, kept for a look; make clean drops them.
        self.log_path = self.root / "artifacts" / "server-logs" / f"streamlit-{self.port}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=self.root, env=env, stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        try:
            self._wait_healthy(timeout_s)
        except BaseException:
            self.stop()
            raise
        self.started_in_s = time.monotonic() - started
        return self.url

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                raise ServerError(f"the app server exited with code {code} before it was healthy.\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    body = answer.read().decode("utf-8", "replace").strip()
                if body == "ok":
                    return
                last_error = f"health answered {body!r}"
            except (urllib.error.URLError, OSError) as error:
                last_error = str(error)
            time.sleep(0.25)
        raise ServerError(
            f"the app server was not healthy after {timeout_s:.0f} s ({last_error}).\n{self.log()}"
        )

    def log(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return "(no server log)"
        text = self.log_path.read_text("utf-8", "replace")
        return f"--- server log ({self.log_path}) ---\n{text[-20_000:]}\n--- end of server log ---"

    def stop(self, grace_s: float = 10.0) -> None:
        """Terminate the server (its whole process group), then kill it if it lingers."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=wait_s)
                return
            except subprocess.TimeoutExpired:
                continue


# -------------------------------------------------------------------------------------- browser


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium is there."""
    if not Path(CHROMIUM_PATH).exists():
        return (f"Chromium not found at {CHROMIUM_PATH}: install Debian's packages "
                "`apt-get install -y chromium chromium-driver fonts-dejavu-core` (never `playwright install`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"the playwright package is missing ({error}): pip install -r requirements-dev.txt"
    return None


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)


def is_benign_console_error(text: str) -> bool:
    return any(pattern.search(text) for pattern in BENIGN_CONSOLE_ERRORS)


@dataclass
class AppPage:
    """A Playwright page on the app, with the browser errors seen since it opened."""

    page: object  # playwright.sync_api.Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def app_errors(self) -> list[str]:
        """Uncaught JS exceptions and console errors, less the known benign noise."""
        console = [text for text in self.console_errors if not is_benign_console_error(text)]
        return [f"uncaught: {text}" for text in self.page_errors] + [f"console: {text}" for text in console]

    def close(self) -> None:
        self.page.context.close()

    def __enter__(self) -> "AppPage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_page(browser, url: str, viewport: tuple[int, int] = (1280, 800),
              timeout_ms: int = RENDER_TIMEOUT_MS) -> AppPage:
    """Open ``url`` in a fresh context and wait until the app's script has finished running."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    context.set_default_timeout(timeout_ms)
    page = context.new_page()
    app_page = AppPage(page)

    def on_console(message) -> None:
        if message.type == "error":
            where = (message.location or {}).get("url", "")
            app_page.console_errors.append(f"{message.text} ({where})" if where else message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: app_page.page_errors.append(str(error)))
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
        wait_script_done(page, timeout_ms)
        wait_settled(page, timeout_ms)
    except BaseException:
        context.close()
        raise
    return app_page


def wait_script_done(page, timeout_ms: int | None = None) -> None:
    """Wait until the app is connected and its script is not running (the page is drawn)."""
    page.wait_for_selector(CONNECTED_SELECTOR, state="attached", timeout=timeout_ms)
    page.wait_for_selector(SCRIPT_DONE_SELECTOR, state="attached", timeout=timeout_ms)
    # Elements left from a previous run are marked stale until the run replaces or drops them.
    page.wait_for_function(
        "() => document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=timeout_ms
    )


_WATCH_RUNS_JS = """
() => {
  if (window.__rnnvizRuns === undefined) {
    window.__rnnvizRuns = 0;
    const app = document.querySelector('[data-testid="stApp"]');
    // Every change of the state, not only the last of a batch: a short run can flip it to "running"
    // and back before the observer is called.
    new MutationObserver((records) => {
      const states = records.map((record) => record.oldValue).slice(1);
      states.push(app.getAttribute('data-test-script-state'));
      window.__rnnvizRuns += states.filter((state) => state === 'running').length;
    }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  }
  return window.__rnnvizRuns;
}
"""


def wait_settled(page, timeout_ms: int | None = None, settle_ms: int = 500, max_runs: int = 25) -> None:
    """Wait until the script is done and no new run starts for ``settle_ms`` (a page that sets
    query parameters or a widget that commits on mount causes a second run right after the first)."""
    for _ in range(max_runs):
        runs = page.evaluate(_WATCH_RUNS_JS)
        wait_script_done(page, timeout_ms)
        page.wait_for_timeout(settle_ms)
        if page.evaluate("() => window.__rnnvizRuns") == runs and page.locator(SCRIPT_DONE_SELECTOR).count():
            return
    raise AssertionError(f"the app kept rerunning ({max_runs} runs in a row)")


def rerun_after(page, action: Callable[[], None], timeout_ms: int | None = None,
                settle_ms: int = 400, shown: str | None = None) -> None:
    """Do ``action`` (an interaction that triggers a rerun) and wait until the app is idle again:
    at least one run started after the action (or, with ``shown``, a text that run shows is on the
    page), the script is done, and no new run began for ``settle_ms`` (a debounced widget may start
    a second run).

    ``shown``: for a run so short that the browser may draw its start and its end at once (the
    script-state attribute then never reads "running"), e.g. a page that stops on a warning.
    ``timeout_ms`` None (as in the other helpers) means the page's default timeout."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    runs = page.evaluate(_WATCH_RUNS_JS)
    action()
    seen = f" || document.body.innerText.includes({json.dumps(shown)})" if shown else ""
    try:
        page.wait_for_function(f"() => window.__rnnvizRuns > {runs}{seen}", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        # On a busy machine the browser can handle a whole run's messages before it draws once, and the
        # state never reads "running". Not an error here: the callers check what the run changed.
        pass
    wait_settled(page, timeout_ms, settle_ms)


def apply_text(widget, text: str) -> None:
    """Type ``text`` into the Streamlit text area inside ``widget`` (its st-key container) and apply it with
    Ctrl+Enter once Streamlit shows that it saw the change ("Press Ctrl+Enter to apply"). Pressed sooner,
    on a busy machine, the key could reach the widget before React had the new value, and no run began."""
    area = widget.locator("textarea")
    area.fill(text)
    widget.locator('[data-testid="InputInstructions"]', has_text="apply").wait_for(state="visible")
    area.press("Control+Enter")


def by_key(page, key: str):
    """The element a page created with ``key=...`` (Streamlit gives its container the class st-key-KEY)."""
    return page.locator(f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', key.strip())}")


def chart_data(page, key: str) -> str:
    """The traces plotly drew in the chart created with ``key=...``, as JSON (to tell if it changed)."""
    return by_key(page, key).locator(".js-plotly-plot").first.evaluate(
        "gd => JSON.stringify((gd.data || []).map(({type, x, y, z, text, customdata}) => ({type, x, y, z, text, customdata})))"
    )


def wait_for_plotly(page, min_count: int = 1, timeout_ms: int | None = None) -> int:
    """Wait until at least ``min_count`` visible plotly charts are there and every visible chart has
    drawn its svg (a chart in a closed tab or expander is not waited for); return how many charts
    the page holds, visible or not."""
    page.wait_for_function(
        """([selector, minCount]) => {
             const visible = Array.from(document.querySelectorAll(selector))
               .filter(el => !el.parentElement || !el.parentElement.closest('.js-plotly-plot, [data-testid="stPlotlyChart"]'))
               .filter(el => el.getClientRects().length > 0);
             return visible.length >= minCount && visible.every(el => el.querySelector('svg.main-svg'));
           }""",
        arg=[PLOTLY_SELECTOR, min_count],
        timeout=timeout_ms,
    )
    return count_plotly(page)


def count_plotly(page) -> int:
    """Charts on the page (each counted once, whether matched by its Streamlit or its plotly node)."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
             .filter(el => !el.parentElement || !el.parentElement.closest('.js-plotly-plot, [data-testid="stPlotlyChart"]'))
             .length""",
        PLOTLY_SELECTOR,
    )


def exception_texts(page) -> list[str]:
    """Text of every Streamlit exception box on the page."""
    return [box.inner_text() for box in page.locator(EXCEPTION_SELECTOR).all()]


def screenshot_dir(default: Path) -> Path:
    """``RNNVIZ_SCREENSHOT_DIR`` when set, else ``default``; created if missing."""
    folder = Path(os.environ.get("RNNVIZ_SCREENSHOT_DIR") or default)
    if not folder.is_absolute():
        folder = ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def page_name(url_path: str) -> str:
    return url_path or "home"


_CONTENT_HEIGHT_JS = """
() => Math.max(
  document.documentElement.scrollHeight,
  ...Array.from(document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stSidebarContent"]'))
     .map(el => el.scrollHeight + el.getBoundingClientRect().top)
)
"""


def full_page_screenshot(page, path: Path, max_height: int = 16_000) -> Path:
    """Screenshot of the whole page. Streamlit scrolls inside its main container, not the document,
    so the viewport is stretched to the content's height for the shot, then put back."""
    size = page.viewport_size
    height = min(max_height, max(size["height"], int(page.evaluate(_CONTENT_HEIGHT_JS))))
    path.parent.mkdir(parents=True, exist_ok=True)
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(300)  # let charts and the layout settle at the new size
    try:
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        if height > size["height"]:
            page.set_viewport_size(size)
    return path
