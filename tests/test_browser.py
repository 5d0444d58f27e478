"""End to end: every page of the app, served by ``streamlit run app.py``, in headless Chromium.

Each page in :data:`rnnviz.ui.navigation.PAGES` must render without a Streamlit exception or a JS
error, and (but for the home page) draw at least one plotly chart. A full-page screenshot of each
lands in ``artifacts/screenshots/`` (or ``RNNVIZ_SCREENSHOT_DIR``: ``make screenshots``).
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import browser_support as bs
from rnnviz.ui.navigation import PAGES
from rnnviz.ui.texts import TEXTS

pytestmark = pytest.mark.browser

INTERACTION_TIMEOUT_MS = 20_000  # a rerun takes ~1 s here; the first render has its own, longer wait
SCREENSHOTS = bs.ROOT / "artifacts" / "screenshots"


def assert_no_exception(page, what: str) -> None:
    exceptions = bs.exception_texts(page)
    assert not exceptions, f"{what}: Streamlit exception on the page:\n" + "\n---\n".join(exceptions)


def assert_healthy(app_page: bs.AppPage, what: str) -> None:
    page = app_page.page
    assert_no_exception(page, what)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body, f"{what}: a traceback is shown on the page:\n{body[:3000]}"
    errors = app_page.app_errors()
    assert not errors, f"{what}: JS errors in the browser:\n" + "\n".join(errors)


# Pages that draw no chart on a fresh load (their charts follow an action or sit in a later section), with the reason.
# Every other page but home must show at least one plotly chart as soon as it loads.
CHARTS_AFTER_ACTION = {
    "train": "the charts follow a training run, which the user starts",
    "models": "its first section is the table of models; the curves and the confusion matrix are in the second",
}


def test_page_registry():
    assert PAGES, "rnnviz.ui.navigation.PAGES lists no page"
    assert sum(1 for spec in PAGES if spec.url_path == "") == 1, "exactly one home page (url_path '')"
    url_paths = [spec.url_path for spec in PAGES]
    assert len(set(url_paths)) == len(url_paths), f"duplicate url_path in PAGES: {url_paths}"
    stale = set(CHARTS_AFTER_ACTION) - set(url_paths)
    assert not stale, f"CHARTS_AFTER_ACTION names pages that are not in PAGES: {sorted(stale)}"


# Home last: the first visit to the fresh server is a deep link, as a shared link after a restart is.
PAGES_DEEP_LINK_FIRST = sorted(PAGES, key=lambda spec: spec.url_path == "")


# A projector's resolution: the classroom's worst case.
CLASSROOM_VIEWPORT = (1280, 720)


# Every page in French in a real browser is walked by tests/test_browser_presenter.py (and drawn on a laptop
# by the AppTest runs): French laptop pages are opened here for their screenshots (make screenshots), and
# one chart-heavy page always.
FRENCH_ALWAYS = ("hidden-states",)
RENDERED = [(spec, "en") for spec in PAGES_DEEP_LINK_FIRST] + [
    (spec, "fr") for spec in PAGES_DEEP_LINK_FIRST
    if spec.url_path in FRENCH_ALWAYS or os.environ.get("RNNVIZ_SCREENSHOT_DIR")]


@pytest.mark.parametrize("spec, lang", RENDERED, ids=[f"{bs.page_name(s.url_path)}-{lang}" for s, lang in RENDERED])
def test_page_renders(browser, app_url, spec, lang):
    url = f"{app_url}/{spec.url_path}?lang={lang}"
    with bs.open_page(browser, url, viewport=CLASSROOM_VIEWPORT) as app_page:
        page = app_page.page
        assert_no_exception(page, url)  # fail fast: an exception usually means no chart to wait for
        if (spec.url_path and spec.url_path not in CHARTS_AFTER_ACTION) or bs.count_plotly(page):
            try:
                bs.wait_for_plotly(page, min_count=1)
            except PlaywrightTimeoutError:
                assert_healthy(app_page, url)  # an error on the page explains a missing chart best
                pytest.fail(f"{url}: no plotly chart drew its svg within {bs.RENDER_TIMEOUT_MS // 1000} s "
                            f"({bs.count_plotly(page)} chart element(s) on the page)")
        assert_healthy(app_page, url)
        if lang == "fr":
            assert page.locator("html").inner_text().count("Langue") >= 1, f"{url}: the interface is not in French"
        suffix = "" if lang == "en" else f"-{lang}"
        shot = bs.full_page_screenshot(page, bs.screenshot_dir(SCREENSHOTS) / f"{bs.page_name(spec.url_path)}{suffix}.png")
        assert shot.stat().st_size > 10_000, f"{shot} is suspiciously small"


PADDING_CHARTS = ("padding_chart_tokens", "padding_chart_padded", "padding_chart_mask", "padding_chart_lengths",
                  "padding_chart_packed", "padding_chart_packed_data")


def open_tab(page, index: int) -> None:
    """Click the page's section tab ``index`` (only the open section is drawn) and wait for its charts."""
    bs.rerun_after(page, page.get_by_role("tab").nth(index).click)
    bs.wait_for_plotly(page, min_count=1)


def test_padding_page_interaction(browser, app_url):
    """Each section draws its charts; type sentences, change maxlen, the padding side and the input:
    every rerun redraws the padded matrix."""
    if not any(spec.url_path == "padding" for spec in PAGES):
        pytest.skip("no padding page in PAGES")
    with bs.open_page(browser, f"{app_url}/padding") as app_page:
        page = app_page.page
        page.set_default_timeout(INTERACTION_TIMEOUT_MS)
        for index, keys in enumerate((PADDING_CHARTS[:1], PADDING_CHARTS[1:2], PADDING_CHARTS[2:4], PADDING_CHARTS[4:])):
            if index:
                open_tab(page, index)
            bs.wait_for_plotly(page, min_count=len(keys))
            for key in keys:
                assert bs.by_key(page, key).count() == 1, f"no chart with key {key!r} in padding section {index + 1}"
        open_tab(page, 1)  # the padded matrix
        charts = bs.count_plotly(page)

        def redrawn(what: str, before: str | None = None, min_charts: int = charts) -> str:
            bs.wait_for_plotly(page, min_count=min_charts)
            assert_healthy(app_page, f"padding page after {what}")
            after = bs.chart_data(page, "padding_chart_padded")
            if before is not None:
                assert after != before, f"the padded matrix did not change after {what}"
            return after

        padded = bs.chart_data(page, "padding_chart_padded")

        sentences_box = bs.by_key(page, "padding_sentences")
        text_area = sentences_box.locator("textarea")
        sentences = "A truly wonderful film\nBoring\nI would not watch it again, ever\nWow\nThe plot made no sense"
        bs.rerun_after(page, lambda: bs.apply_text(sentences_box, sentences))
        assert text_area.input_value() == sentences
        padded = redrawn("typing five sentences", padded)

        slider = bs.by_key(page, "padding_maxlen").locator('input[type="range"]')
        bs.rerun_after(page, lambda: slider.press("Home"))
        assert slider.input_value() == "1"
        padded = redrawn("maxlen = 1", padded)

        bs.rerun_after(page, lambda: slider.press("End"))
        assert slider.input_value() == "300"
        padded = redrawn("maxlen = 300", padded)

        side = bs.by_key(page, "padding_side")
        bs.rerun_after(page, lambda: side.get_by_text("post", exact=True).click())
        assert side.get_by_role("radio", name="post").is_checked()
        padded = redrawn("padding = post", padded)

        switch = bs.by_key(page, "padding_use_maxlen").locator('input[role="switch"]')
        bs.rerun_after(page, lambda: bs.by_key(page, "padding_use_maxlen").locator("label").first.click())
        assert not switch.is_checked()
        assert slider.is_disabled()
        redrawn("no maxlen")

        # An empty text area is a warning, not an error (the page stops before its charts).
        warning = TEXTS["padding.input.empty"]["en"]
        bs.rerun_after(page, lambda: bs.apply_text(sentences_box, ""), shown=warning)
        assert_healthy(app_page, "padding page with no sentence")
        assert page.locator('[data-testid="stAlert"]', has_text=warning).count() == 1, "no warning for an empty input"


@pytest.mark.parametrize("url_path, key, chart", [("hidden-states", "hs_text", "hs_chart_prob"),
                                                   ("gradients", "gradients_text", "gradients_chart_words"),
                                                   ("word-order", "order_text", "order_chart_steps")])
def test_typing_a_review_updates_the_charts(browser, app_url, url_path, key, chart):
    """Type a review on a model page: the script reruns, the charts redraw, nothing breaks."""
    if not any(spec.url_path == url_path for spec in PAGES):
        pytest.skip(f"no {url_path} page in PAGES")
    with bs.open_page(browser, f"{app_url}/{url_path}") as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, min_count=1)
        if not bs.by_key(page, chart).count():  # the chart is in a later section
            open_tab(page, {"gradients": 3, "word-order": 1}[url_path])
        before = bs.chart_data(page, chart)
        page.set_default_timeout(INTERACTION_TIMEOUT_MS * 3)
        review_box = bs.by_key(page, key)
        text_area = review_box.locator("textarea")
        review = "I expected nothing, but this film was not bad at all: the actors were wonderful!"
        bs.rerun_after(page, lambda: bs.apply_text(review_box, review))
        assert text_area.input_value() == review
        bs.wait_for_plotly(page, min_count=1)
        after = bs.chart_data(page, chart)
        assert after != before and "wonderful" in after, f"{chart} did not redraw for the typed review"
        assert_healthy(app_page, f"{url_path} after typing a review")


HIDDEN_SECTIONS = ("hs_chart_prob", "hs_chart_heatmap", "hs_chart_gate_means", "hs_chart_unit_words",
                   "hs_chart_loop")


def test_hidden_states_sections_one_at_a_time(browser, app_url):
    """The Hidden states page draws one section at a time: Next walks through all five, each drawing its own
    charts and not the others'."""
    with bs.open_page(browser, f"{app_url}/hidden-states?lang=fr") as app_page:
        page = app_page.page
        page.set_default_timeout(INTERACTION_TIMEOUT_MS * 3)
        for index, chart in enumerate(HIDDEN_SECTIONS):
            if index:
                bs.rerun_after(page, bs.by_key(page, "hs_section_next").locator("button").click)
            bs.wait_for_plotly(page, min_count=1)
            assert bs.by_key(page, chart).count() == 1, f"section {index + 1}: no {chart}"
            others = [other for other in HIDDEN_SECTIONS if other != chart and bs.by_key(page, other).count()]
            assert not others, f"section {index + 1} also drew {others}"
            assert_healthy(app_page, f"hidden states, section {index + 1}")
        assert bs.by_key(page, "hs_section_next").count() == 0
        link = page.url
    assert "hs_section=" in link, f"the section is not in the address bar: {link}"
    with bs.open_page(browser, link) as app_page:  # a shared link opens the class on the same section
        bs.wait_for_plotly(app_page.page, min_count=1)
        assert bs.by_key(app_page.page, HIDDEN_SECTIONS[-1]).count() == 1
        assert bs.by_key(app_page.page, HIDDEN_SECTIONS[0]).count() == 0


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shuffling_words_moves_the_rnn_not_the_bag(browser, app_url, lang):
    """The word-order lesson in a real browser: each click on Shuffle redraws the chart with a new order;
    the bag of words' two bars stay equal, the page shows its difference as +0.000000."""
    with bs.open_page(browser, f"{app_url}/word-order?lang={lang}") as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, min_count=1)  # the first section: shuffle the words
        page.set_default_timeout(INTERACTION_TIMEOUT_MS * 3)
        before = bs.chart_data(page, "order_chart_shuffle")
        button = bs.by_key(page, "order_shuffle").locator("button")
        for _ in range(2):
            bs.rerun_after(page, button.click)
            bs.wait_for_plotly(page, min_count=1)
        after = bs.chart_data(page, "order_chart_shuffle")
        assert after != before, "the shuffle chart did not redraw"
        assert "+0.000000" in page.locator("body").inner_text()
        assert_healthy(app_page, f"word-order page after shuffling ({lang})")


def test_a_shared_link_reproduces_the_view(browser, app_url):
    """A teacher pastes a link: language, presenter mode and the page's settings come back from the URL."""
    url = f"{app_url}/padding?lang=fr&present=true&step=3&padding_maxlen=5&padding_side=post"  # step 3: the matrix
    with bs.open_page(browser, url) as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, min_count=1)
        assert bs.by_key(page, "padding_maxlen").locator('input[type="range"]').input_value() == "5"
        assert bs.by_key(page, "padding_side").get_by_role("radio", name="post").is_checked()
        assert "Séquences" in page.locator("h1").first.inner_text()
        assert "5]" in bs.chart_data(page, "padding_chart_padded") or '"x":[0,1,2,3,4]' in \
            bs.chart_data(page, "padding_chart_padded").replace(" ", "")
        font_size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                                  "'[data-testid=\"stMain\"] [data-testid=\"stMarkdownContainer\"] p')).fontSize)")
        assert font_size >= 20, f"presenter mode text is {font_size}px"
        assert_healthy(app_page, url)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_embeddings_replay_plays_epoch_after_epoch(browser, app_url, lang):
    """Pick a model that kept its training snapshots; press Play: the word map moves to the next epochs
    in the browser (plotly frames), the slider follows, and nothing breaks."""
    with bs.open_page(browser, f"{app_url}/embeddings?lang={lang}") as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, min_count=1)
        page.set_default_timeout(INTERACTION_TIMEOUT_MS * 3)
        bs.rerun_after(page, page.get_by_role("tab").nth(3).click)  # section 4: how the map formed
        bs.wait_for_plotly(page, min_count=1)
        search = bs.by_key(page, "emb_timeline_model").locator("input")
        search.click()
        search.fill("tiny-lstm")
        bs.rerun_after(page, lambda: search.press("Enter"))
        bs.wait_for_plotly(page, min_count=2)
        chart = bs.by_key(page, "emb_chart_timeline")
        chart.scroll_into_view_if_needed()
        before = bs.chart_data(page, "emb_chart_timeline")
        assert chart.locator(".slider-container").count() == 1, "the epoch slider is drawn"
        chart.locator(".updatemenu-button").first.click()  # ▶ Play
        page.wait_for_function(
            """([selector, before]) => {
                 const gd = document.querySelector(selector + ' .js-plotly-plot');
                 return gd && JSON.stringify((gd.data || []).map(({type, x, y, z, text, customdata}) =>
                   ({type, x, y, z, text, customdata}))) !== before;
               }""", arg=[".st-key-emb_chart_timeline", before], timeout=INTERACTION_TIMEOUT_MS)
        assert ("Epoch" if lang == "en" else "Époque") in chart.text_content()  # the slider's label
        assert_healthy(app_page, f"embeddings replay ({lang})")
