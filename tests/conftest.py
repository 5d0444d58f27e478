"""Shared pytest setup: the ``browser`` marker and the fixtures that serve and drive the real app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import browser_support  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the real app in headless Chromium (slow, ~1 min)")


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in the main thread
# while it is open, so a browser kept for the whole session would break later tests that call
# asyncio.run(); the server goes with it so that it does not idle through the rest of the suite.
@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    """The real app (``streamlit run app.py``) on 127.0.0.1 and a free port; stopped at the end.

    Its user checkpoint folder is a fresh one holding small real checkpoints (tests/model_fixtures.py),
    so the pages that need a trained model draw their charts and nothing reads or writes ~/.rnnviz."""
    user_checkpoints = tmp_path_factory.mktemp("browser_user_checkpoints")
    from rnnviz.checkpoints import list_checkpoints, shipped_checkpoint_dir
    from model_fixtures import make_checkpoints

    # The README's pictures (make screenshots) show the shipped models alone, when there are some.
    if not (os.environ.get("RNNVIZ_SCREENSHOT_DIR") and list_checkpoints(shipped_checkpoint_dir())):
        make_checkpoints(user_checkpoints)
    server = browser_support.AppServer(extra_env={"RNNVIZ_USER_CHECKPOINTS": str(user_checkpoints)})
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def app_url(app_server) -> str:
    return app_server.url


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium under Playwright. Missing Chromium: fail under CI, skip elsewhere."""
    reason = browser_support.chromium_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = browser_support.launch_browser(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def tiny_checkpoint_dir(tmp_path_factory):
    """Small real checkpoints of every cell type (tests/model_fixtures.py), made once per run."""
    from model_fixtures import make_checkpoints

    folder = tmp_path_factory.mktemp("tiny_checkpoints")
    make_checkpoints(folder, vocab_size=600, hidden_size=8)
    return folder


@pytest.fixture
def only_tiny_models(monkeypatch, tiny_checkpoint_dir, tmp_path):
    """The app sees the tiny checkpoints alone (not the shipped ones): the same models on every machine."""
    import rnnviz.checkpoints
    import rnnviz.checkpoints.store

    for module in (rnnviz.checkpoints, rnnviz.checkpoints.store):
        monkeypatch.setattr(module, "shipped_checkpoint_dir", lambda: tmp_path / "no-shipped-models")
    monkeypatch.setenv("RNNVIZ_OFFLINE", "1")
    monkeypatch.setenv("RNNVIZ_USER_CHECKPOINTS", str(tiny_checkpoint_dir))
    return tiny_checkpoint_dir
