"""The app's pages, in the order of the course. ``app.py`` and the browser test both read this."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# A page's file name must differ from every url_path: with a pages/ folder beside app.py, Streamlit
# starts in its old "pages directory" mode, and a first visit to /padding would run pages/padding.py
# alone (no navigation, no sidebar settings) instead of app.py. tests/test_architecture.py checks it.
@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the repository root
    url_path: str  # "" for the home page
    title_key: str  # key in rnnviz.ui.texts
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/home.py", "", "page.home", ":material/home:"),
    PageSpec("pages/padding_masking.py", "padding", "page.padding", ":material/table_rows:"),
)
