"""Nothing a user types is rendered as HTML or markdown: hostile text in every text box of every page."""

import pytest

from app_support import open_page, open_section, shown
from rnnviz.ui.navigation import PAGES

HOSTILE = ("<img src=x onerror=alert(1)> <script>alert(2)</script> ![pic](http://127.0.0.1:9/x.png) "
           "[link](javascript:alert(3)) **bold** <b>tag</b> not bad")
DANGEROUS = ("<img", "<script", "](javascript", "![pic]", "<b>")


@pytest.fixture(autouse=True)
def environment(only_tiny_models):
    return only_tiny_models


def _sections(app):
    """Each section of a page drawn one section at a time (lazy tabs), then None for a page without."""
    if not app.tabs:
        yield None
        return
    key = next(b.key for b in app.button if b.key and b.key.endswith("_section_next"))[: -len("_next")]
    for index in range(len(app.tabs)):
        yield open_section(app, key, index)


@pytest.mark.parametrize("spec", [s for s in PAGES if s.url_path], ids=lambda s: s.url_path)
def test_hostile_text_in_every_box_is_never_rendered(spec):
    app = open_page(spec.script)
    found = 0
    for _ in _sections(app):  # every box of every section
        boxes = list(app.text_area) + list(app.text_input)
        found += len(boxes)
        for box in boxes:
            box.input(HOSTILE)
        submits = [b for b in app.button if b.key and b.key.endswith("_submit")]  # boxes inside a form
        for button in submits:
            button.click()
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        if spec.url_path == "predict":
            assert submits and app.session_state["predict_query"] == HOSTILE, "the hostile review was submitted"
        # Markdown elements are the ones Streamlit renders as markdown: none may carry the user's markup.
        rendered = shown(app)
        for fragment in DANGEROUS:
            assert fragment not in rendered, f"{spec.url_path}: {fragment!r} reached a markdown element"
    assert found or spec.url_path in ("models", "train"), f"{spec.url_path}: no text box found"
