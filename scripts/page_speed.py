"""How long each page takes to be ready in a real browser: a benchmark that prints a table, not a test.

    .venv/bin/python scripts/page_speed.py                 # every page, warm and cold, English
    .venv/bin/python scripts/page_speed.py --repeat 5 --pages padding,embeddings --lang fr

"Ready" = from ``page.goto`` until the app's script has finished (``stApp`` not running, no stale element)
and every visible plotly chart has drawn its svg: what a class sees on the projector. Measured in headless
Chromium (Debian's, through Playwright) at 1280x720, on ``streamlit run app.py`` served from 127.0.0.1:

- **warm**: one server that has already shown every page once (a teacher opens the app before class);
  each page opened ``--repeat`` times in a fresh browser context, median and worst;
- **interaction**: on the pages with a review box, the time from pressing Ctrl+Enter on a new review
  until the charts are redrawn (median of ``--repeat``);
- **navigation**: one browser tab that has the app open moves to each page by its sidebar link, as a
  class goes through the course (the browser already holds Streamlit's and plotly's scripts);
- **cold**: a fresh server per page, whose first visit is that page (the first visit pays for loading
  data and models);
- **Streamlit's floor**: a one-line Streamlit app (``st.title``) opened the same ways, fresh context and
  cold server: what any Streamlit page costs this browser and machine before rnnviz draws anything;
- **steps** (``--steps``): the whole course in presenter mode at 1280x720, walked with the Next button as
  a teacher does; for every step, the time from the click until the step is drawn.

Targets of issue 16: ready <= 2 s warm, <= 1 s after an interaction, <= 3 s cold. The load average and
the date are printed with the table, so figures from different days can be told apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import browser_support as bs  # noqa: E402
from rnnviz.ui.navigation import PAGES  # noqa: E402

VIEWPORT = (1280, 720)
# page -> the key of its review box
REVIEW_BOXES = {"hidden-states": "hs_text", "gradients": "gradients_text", "word-order": "order_text",
                "predict": "predict_text"}
REVIEW_TABS = {"gradients_text": 2}  # the section that holds the box, when it is not the first
REVIEWS = ("I expected nothing, but this film was not bad at all: the actors were wonderful!",
           "A dull, lifeless film. The ending is a mess and the music is far too loud.",
           "The first hour is slow, but the last scene is brilliant and I loved it.")
TARGETS = {"warm": 2.0, "navigation": 2.0, "interaction": 1.0, "cold": 3.0}
CHARTLESS = ("train", "models")  # the url paths whose first screen draws no chart
# The floor: a title, and with ?chart=1 one small plotly chart (what a chart page adds: plotly's script).
BARE_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Hello")
if st.query_params.get("chart"):
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
"""


class BareServer(bs.AppServer):
    """``streamlit run`` of a one-line app, in a folder of its own: the floor under every page."""

    def command(self) -> list[str]:
        return [self.python, "-m", "streamlit", "run", "hello.py", "--server.address", "127.0.0.1",
                "--server.port", str(self.port), "--server.headless", "true",
                "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]


def ready_seconds(browser, url: str, charts: bool) -> float:
    """Open ``url`` in a fresh context; seconds until the script is done and, when the page has a chart
    (``charts``), the chart is drawn."""
    context = browser.new_context(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
    context.set_default_timeout(bs.RENDER_TIMEOUT_MS)
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        _wait_drawn(page, charts)
        return time.perf_counter() - started
    finally:
        context.close()


def _wait_drawn(page, charts: bool | None) -> None:
    """Wait until the app's script is done and, when the page has a chart (``charts``; None: when the
    drawn page holds a chart element), the first chart has drawn its svg."""
    bs.wait_script_done(page)
    if charts or (charts is None and page.locator('[data-testid="stPlotlyChart"]').count()):
        bs.wait_for_plotly(page, min_count=1)


def navigation_seconds(browser, url: str, paths: list[str], lang: str) -> dict[str, float]:
    """One tab, the app open on its home page: url path -> seconds from clicking the page's sidebar link
    until the script is done and the first chart is drawn."""
    times = {}
    with bs.open_page(browser, f"{url}/?lang={lang}", viewport=VIEWPORT) as app_page:
        page = app_page.page
        for path in paths:
            link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
            before = page.url
            started = time.perf_counter()
            link.click()
            page.wait_for_function("address => location.href !== address", arg=before)
            _wait_drawn(page, path not in CHARTLESS)
            times[path] = time.perf_counter() - started
    return times


def floor_seconds(browser, repeat: int, chart: bool) -> tuple[float, float]:
    """(median fresh-context visit on a warm server, first visit on a cold server) of a one-line app
    (``chart``: with one plotly chart)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "hello.py").write_text(BARE_APP)
        server = BareServer(root=Path(folder))
        url = server.start() + ("/?chart=1" if chart else "/")
        try:
            cold = ready_seconds(browser, url, charts=chart)
            warm = statistics.median(ready_seconds(browser, url, charts=chart) for _ in range(max(repeat, 3)))
        finally:
            server.stop()
    return warm, cold


def interaction_seconds(browser, url: str, box: str, repeat: int) -> list[float]:
    """Type new reviews into ``box``; seconds from Ctrl+Enter until the rerun is done and the charts drawn."""
    times = []
    with bs.open_page(browser, url, viewport=VIEWPORT) as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, min_count=1)
        if not bs.by_key(page, box).count():  # the review box is in a later section
            bs.rerun_after(page, page.get_by_role("tab").nth(REVIEW_TABS[box]).click)
            bs.wait_for_plotly(page, min_count=1)
        area = bs.by_key(page, box).locator("textarea")
        for i in range(repeat):
            area.fill(f"{REVIEWS[i % len(REVIEWS)]} ({i})")
            runs = page.evaluate(bs._WATCH_RUNS_JS)
            started = time.perf_counter()
            area.press("Control+Enter")
            page.wait_for_function(f"() => window.__rnnvizRuns > {runs}")
            bs.wait_script_done(page)
            bs.wait_for_plotly(page, min_count=1)
            times.append(time.perf_counter() - started)
    return times


def step_seconds(browser, url: str, lang: str) -> list[tuple[str, float]]:
    """Walk the course in presenter mode with Next: (page/step/picture, seconds from the click until the
    script is done and the step's chart is drawn) for every step after the first."""
    times = []
    with bs.open_page(browser, f"{url}/?present=true&lang={lang}", viewport=VIEWPORT) as app_page:
        page = app_page.page
        while True:
            button = bs.by_key(page, "step_next").locator("button")
            if button.is_disabled():
                return times
            before = page.url
            started = time.perf_counter()
            button.click()
            page.wait_for_function("address => location.href !== address", arg=before)
            _wait_drawn(page, None)
            times.append((_step_name(page.url), time.perf_counter() - started))


def _step_name(address: str) -> str:
    from urllib.parse import parse_qs, urlparse

    parts = urlparse(address)
    query = parse_qs(parts.query)
    name = f"{parts.path.strip('/') or 'home'} {query.get('step', ['1'])[0]}"
    return name + (f".{query['picture'][0]}" if "picture" in query else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", help="comma-separated url paths (home is 'home'); default: every page")
    parser.add_argument("--repeat", type=int, default=3, help="visits per page on the warm server (default 3)")
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-server visits (one server per page)")
    parser.add_argument("--steps", action="store_true", help="also walk every presenter step with Next")
    args = parser.parse_args(argv)
    reason = bs.chromium_missing_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    wanted = [p.strip() for p in args.pages.split(",")] if args.pages else [s.url_path or "home" for s in PAGES]
    paths = {spec.url_path or "home": spec.url_path for spec in PAGES}
    unknown = [p for p in wanted if p not in paths]
    if unknown:
        parser.error(f"unknown page(s) {unknown}; choose among {sorted(paths)}")
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()[0]
    rows: dict[str, dict] = {name: {} for name in wanted}
    steps: list[tuple[str, float]] = []
    with sync_playwright() as playwright:
        browser = bs.launch_browser(playwright)
        server = bs.AppServer()
        url = server.start()
        try:
            for name in wanted:  # warm-up: every page once, as a teacher would before class
                ready_seconds(browser, f"{url}/{paths[name]}?lang={args.lang}", paths[name] not in CHARTLESS)
            for name in wanted:
                times = [ready_seconds(browser, f"{url}/{paths[name]}?lang={args.lang}", paths[name] not in CHARTLESS)
                         for _ in range(args.repeat)]
                rows[name]["warm"] = (statistics.median(times), max(times))
                if name in REVIEW_BOXES:
                    taken = interaction_seconds(browser, f"{url}/{paths[name]}?lang={args.lang}", REVIEW_BOXES[name],
                                                args.repeat)
                    rows[name]["interaction"] = (statistics.median(taken), max(taken))
            for path, seconds in navigation_seconds(browser, url, [paths[n] for n in wanted if paths[n]],
                                                    args.lang).items():
                rows[path]["navigation"] = (seconds, seconds)  # a url path other than home is its page's name
            if args.steps:
                steps = step_seconds(browser, url, args.lang)
        finally:
            server.stop()
        if not args.no_cold:
            for name in wanted:
                server = bs.AppServer()
                url = server.start()
                try:
                    rows[name]["cold"] = (ready_seconds(browser, f"{url}/{paths[name]}?lang={args.lang}",
                                                        paths[name] not in CHARTLESS),) * 2
                finally:
                    server.stop()
        floors = {"(floor)": floor_seconds(browser, args.repeat, chart=False),
                  "(floor+chart)": floor_seconds(browser, args.repeat, chart=True)}
        browser.close()

    print(f"rnnviz page speed, {dt.date.today().isoformat()}, load average {load:.2f} at the start, "
          f"{os.cpu_count()} CPUs, headless Chromium {VIEWPORT[0]}x{VIEWPORT[1]}, lang={args.lang}, "
          f"{args.repeat} warm visit(s) per page")
    header = (f"{'page':<14} {'warm median':>12} {'warm worst':>11} {'navigation':>11} {'interaction':>12} "
              f"{'cold first':>11}")
    print(header)
    print("-" * len(header))
    misses = 0
    for name, row in rows.items():
        cells = []
        for kind, width, index in (("warm", 12, 0), ("warm", 11, 1), ("navigation", 11, 0), ("interaction", 12, 0),
                                   ("cold", 11, 0)):
            value = row.get(kind, (None, None))[index]
            over = value is not None and value > TARGETS[kind]
            misses += over and index == 0
            cells.append(f"{'-' if value is None else f'{value:.2f} s' + ('*' if over else ' ')}".rjust(width))
        print(f"{name:<14} " + " ".join(cells))
    for name, (warm, cold) in floors.items():
        print(f"{name:<14} {f'{warm:.2f} s ':>12} {'':>11} {'':>11} {'':>12} {f'{cold:.2f} s ':>11}"
              "   <- a one-line Streamlit app" + (" with one plotly chart" if "chart" in name else ""))
    print(f"* over the target (warm and navigation <= {TARGETS['warm']:g} s, interaction <= "
          f"{TARGETS['interaction']:g} s, cold <= {TARGETS['cold']:g} s); {misses} miss(es)")
    if steps:
        over = [name for name, seconds in steps if seconds > TARGETS["warm"]]
        values = [seconds for _, seconds in steps]
        print(f"\npresenter steps, Next click -> step drawn ({len(steps)} steps): "
              f"median {statistics.median(values):.2f} s, worst {max(values):.2f} s, {len(over)} over "
              f"{TARGETS['warm']:g} s")
        for index in range(0, len(steps), 4):
            print("   ".join(f"{name:<18}{seconds:5.2f} s" for name, seconds in steps[index:index + 4]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
