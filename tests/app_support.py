"""What the AppTest files share: opening a page through app.py, and reading what a page shows."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from rnnviz.ui.navigation import PAGES, ROOT

TIMEOUT = 180  # generous: the machine may be busy with other tests


def assert_clean(app: AppTest) -> None:
    assert not app.exception, [e.value for e in app.exception]


def open_page(script: str, lang: str | None = None, check: bool = True) -> AppTest:
    """``script`` as a user reaches it: through app.py (navigation, sidebar, ``?lang=``)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if lang:
        app.query_params["lang"] = lang
    app.run()
    if script != PAGES[0].script:
        app.switch_page(script).run()
    if check:
        assert_clean(app)
    return app


def shown(app: AppTest) -> str:
    """Every piece of text the page shows in markdown, captions and message boxes."""
    parts = []
    for kind in ("markdown", "caption", "warning", "info", "error", "success"):
        parts += [element.value for element in getattr(app, kind)]
    return " ".join(parts)


def open_section(app: AppTest, key: str, index: int) -> AppTest:
    """Open the page's section ``index`` (its sections are lazy tabs stored under ``key``), as a click
    on that tab does; only that section's code runs."""
    app.session_state[key] = app.tabs[index].label
    return app.run()


def open_named_section(app: AppTest, key: str, names, name: str) -> AppTest:
    """:func:`open_section` by the section's name (``names``: the page's sections in order), checking that
    nothing raised."""
    open_section(app, key, list(names).index(name))
    assert_clean(app)
    return app


def chart_keys(app: AppTest) -> set[str]:
    """The keys of the charts the page draws now (a sectioned page: the open section's)."""
    return {chart.key for chart in app.get("plotly_chart")}
