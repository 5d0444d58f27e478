"""The whole course in presenter mode, as a teacher gives it: a 1280x720 projector, the Next button only,
in English and in French (both walks at once, one tab each, to halve the wait).

At every step: nothing raised, every chart is inside the screen without scrolling, and no text on the
page is under 16 px. Then the clicker's keys, and a link that opens the class on one picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

import browser_support as bs
from rnnviz.ui.navigation import PAGES
from rnnviz.ui.texts import TEXTS

pytestmark = pytest.mark.browser

PROJECTOR = (1280, 720)
STEP_TIMEOUT_MS = 60_000
MAX_STEPS = 150  # a guard: the course has about 60
# "Step i of n" as the step bar writes it in each language (the text table's own wording).
STEP_MARK = re.compile("|".join(
    re.escape(template.split("{title}")[0]).replace(r"\{index\}", r"(\d+)").replace(r"\{count\}", r"(\d+)")
    for template in TEXTS["common.step_of"].values()))

SCROLL_TOP_JS = """() => { const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo(0, 0); window.scrollTo(0, 0); }"""
CHART_BOXES_JS = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
  .filter(el => el.getClientRects().length > 0)
  .map(el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""
# Every visible element that holds text of its own, with its computed size. Plotly's exponents
# ("10<sup>3</sup>") are drawn at 70 % of their number on purpose, and the hidden clicker buttons show nothing.
SMALL_TEXT_JS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    if (!el.getClientRects().length || el.closest('.st-key-presenter_keys')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
    if (el.tagName === 'tspan' && (el.getAttribute('style') || '').includes('%')) continue;
    const size = parseFloat(style.fontSize);
    if (size < 16) small.push(`${size}px ${el.tagName}: ${el.textContent.trim().slice(0, 40)}`);
  }
  return small.slice(0, 10);
}"""


@dataclass
class Walk:
    """One tab walking the course with Next."""

    app_page: bs.AppPage
    lang: str
    steps: list[str] = field(default_factory=list)  # the address of every step seen
    marks: list[tuple[str, int, int]] = field(default_factory=list)  # (page, step i, of n) of every step seen
    done: bool = False

    @property
    def page(self):
        return self.app_page.page

    def check_step(self) -> None:
        page, where = self.page, f"{self.lang} step {len(self.steps) + 1} ({self.page.url})"
        if page.locator('[data-testid="stPlotlyChart"]').count():
            bs.wait_for_plotly(page, timeout_ms=STEP_TIMEOUT_MS)
        page.evaluate(SCROLL_TOP_JS)
        exceptions = bs.exception_texts(page)
        assert not exceptions, f"{where}: {exceptions[0][:1500]}"
        width, height = PROJECTOR
        for left, top, right, bottom in page.evaluate(CHART_BOXES_JS):
            assert left >= 0 and top >= 0 and right <= width + 1 and bottom <= height + 1, \
                f"{where}: a chart at {left:.0f},{top:.0f}-{right:.0f},{bottom:.0f} is not inside the {width}x{height} screen"
        small = page.evaluate(SMALL_TEXT_JS)
        assert not small, f"{where}: text under 16 px: {small}"
        errors = self.app_page.app_errors()
        assert not errors, f"{where}: JS errors: {errors}"
        mark = STEP_MARK.search(page.locator('[data-testid="stMain"]').inner_text())
        assert mark, f"{where}: no 'step i of n' marker"
        self.steps.append(page.url)
        index, count = (int(number) for number in mark.groups() if number is not None)
        self.marks.append((page_of(page.url), index, count))

    def press_next(self) -> str | None:
        """Click Next; the address before the click, or None at the end of the course (Next disabled)."""
        button = bs.by_key(self.page, "step_next").locator("button")
        if button.is_disabled():
            self.done = True
            return None
        before = self.page.url
        button.click()
        return before

    def wait_moved(self, before: str) -> None:
        self.page.wait_for_function("address => location.href !== address", arg=before, timeout=STEP_TIMEOUT_MS)
        bs.wait_settled(self.page, STEP_TIMEOUT_MS)


def page_of(address: str) -> str:
    return urlparse(address).path.strip("/")


def test_the_whole_course_with_next_only(browser, app_url):
    walks = [Walk(bs.open_page(browser, f"{app_url}/?present=true&lang={lang}", viewport=PROJECTOR), lang)
             for lang in ("en", "fr")]
    try:
        for _ in range(MAX_STEPS):
            for walk in walks:
                if not walk.done:
                    walk.check_step()
            pressed = [(walk, walk.press_next()) for walk in walks if not walk.done]  # both tabs at once
            for walk, before in pressed:
                if before is not None:
                    walk.wait_moved(before)
            if all(walk.done for walk in walks):
                break
        for walk in walks:
            assert walk.done, f"{walk.lang}: the course did not end within {MAX_STEPS} steps"
            visited = list(dict.fromkeys(page_of(address) for address in walk.steps))
            assert visited == [spec.url_path for spec in PAGES], f"{walk.lang}: pages in this order: {visited}"
            assert any("picture=2" in address for address in walk.steps), "no section showed a second picture"
            assert all("present=true" in address for address in walk.steps[1:]), "presenter mode was lost"
            for page in visited:  # every step of every page, in order, none skipped (pictures repeat a step)
                numbers = [step for name, step, _ in walk.marks if name == page]
                count = {total for name, _, total in walk.marks if name == page}
                assert len(count) == 1 and sorted(set(numbers)) == list(range(1, count.pop() + 1)) \
                    and numbers == sorted(numbers), f"{walk.lang} {page or 'home'}: steps seen {numbers}"
        english, french = (walk.steps for walk in walks)
        assert len(english) == len(french), "the two languages do not have the same steps"
    finally:
        for walk in walks:
            walk.app_page.close()


def test_a_clicker_and_a_link(browser, app_url):
    """Page Down / Page Up (what a clicker sends) and the arrow keys move through the steps; a link with
    ``step`` and ``picture`` opens the class on that picture."""
    url = f"{app_url}/hidden-states?present=true&lang=en"
    with bs.open_page(browser, url, viewport=PROJECTOR) as app_page:
        page = app_page.page
        page.mouse.click(640, 710)  # the keys go to the page, not to a field
        for key, expected in (("PageDown", "step=2"), ("ArrowRight", "step=3"), ("PageUp", "step=2"),
                              ("ArrowLeft", "step=1")):
            before = page.url
            page.keyboard.press(key)
            page.wait_for_function("address => location.href !== address", arg=before, timeout=STEP_TIMEOUT_MS)
            bs.wait_settled(page, STEP_TIMEOUT_MS)
            assert expected in page.url, f"after {key}: {page.url}"
    with bs.open_page(browser, f"{url}&step=8&picture=2", viewport=PROJECTOR) as app_page:
        bs.wait_for_plotly(app_page.page)
        assert bs.by_key(app_page.page, "hs_chart_last").count() == 1, "the link did not open the second picture"
        assert bs.by_key(app_page.page, "hs_chart_loop").count() == 0, "a step draws one picture at a time"
