"""End to end in headless Chromium: predict a typed review, train a model, stop it, find it on the
Models page. Its own server, on tiny checkpoints in a temporary user folder."""

from __future__ import annotations

import re

import pytest

import browser_support as bs
from model_fixtures import make_checkpoints

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def usage_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser_checkpoints")
    make_checkpoints(folder)
    server = bs.AppServer(extra_env={"RNNVIZ_USER_CHECKPOINTS": str(folder)})
    server.start()
    try:
        yield server.url, folder
    finally:
        server.stop()


def visit(browser, url: str) -> bs.AppPage:
    app_page = bs.open_page(browser, url, viewport=(1280, 1600))
    app_page.page.set_default_timeout(TIMEOUT_MS)
    assert not bs.exception_texts(app_page.page), url
    return app_page


def test_predict_train_stop_and_find_the_model(browser, usage_url):
    url, folder = usage_url
    visit(browser, url).close()  # the first visit of a fresh server lands on the home page
    with visit(browser, f"{url}/predict") as app_page:
        page = app_page.page
        bs.wait_for_plotly(page, 1)
        page.locator(".st-key-predict_text textarea").fill("A wonderful film, I loved every minute.")
        bs.rerun_after(page, lambda: bs.by_key(page, "predict_submit").locator("button").click())
        bs.wait_for_plotly(page, 1)
        assert "tiny-lstm" in bs.chart_data(page, "predict_chart_verdicts")
        bs.rerun_after(page, page.get_by_role("tab").nth(1).click)  # section 2: why, word by word
        bs.wait_for_plotly(page, 1)
        assert "wonderful" in bs.chart_data(page, "predict_chart_words")
        assert not app_page.app_errors()
        page.wait_for_function("() => location.search.includes('review=')")
        shared_link = page.url
    with visit(browser, shared_link) as app_page:  # the link a student pastes in the class chat
        page = app_page.page
        bs.wait_for_plotly(page, 1)
        assert page.locator(".st-key-predict_text textarea").input_value() == "A wonderful film, I loved every minute."
        assert "wonderful" in bs.chart_data(page, "predict_chart_words")

    # 20 epochs: Stop must land after the first epoch (so a checkpoint is saved) and long before the last,
    # however fast the machine trains.
    with visit(browser, f"{url}/train?train_epochs=20") as app_page:
        page = app_page.page
        page.locator(".st-key-train_name input").fill("browser run")
        page.locator(".st-key-train_name input").press("Enter")
        bs.wait_script_done(page)
        bs.rerun_after(page, lambda: bs.by_key(page, "train_start").locator("button").click())
        progress = page.locator('[data-testid="stProgress"]')
        progress.first.wait_for()
        assert re.search(r"Epoch \d+/20, batch \d+/\d+", progress.first.inner_text())
        page.wait_for_function(  # epoch 1 has ended: its weights are kept
            "sel => /Epoch ([2-9]|1[0-9])\\/20/.test(document.querySelector(sel)?.innerText ?? '')",
            arg='[data-testid="stProgress"]', timeout=120_000)
        bs.by_key(page, "train_stop").locator("button").click()
        outcome = page.locator('[data-testid="stAlert"]').filter(has_text=re.compile(r"^(Stopped|Done|Training)"))
        outcome.first.wait_for(timeout=60_000)
        assert outcome.first.inner_text().startswith("Stopped."), outcome.first.inner_text()
        bs.wait_settled(page)  # the page reruns once the job has ended: count the charts of the settled page
        assert bs.by_key(page, "train_chart_curves").count() == 1
        assert not app_page.app_errors()
    assert (folder / "browser run.safetensors").exists()

    with visit(browser, f"{url}/models") as app_page:
        page = app_page.page
        bs.rerun_after(page, page.get_by_role("tab").nth(1).click)  # section 2: one model in detail
        bs.by_key(page, "models_pick").click()
        page.get_by_role("option", name=re.compile("browser run")).wait_for()
        assert not app_page.app_errors()
