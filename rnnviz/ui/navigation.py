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


# In the order of the course: sequences and padding -> embeddings -> recurrent states -> gradients ->
# why word order matters -> training -> prediction (then the models table).
PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/home.py", "", "page.home", ":material/home:"),
    PageSpec("pages/padding_masking.py", "padding", "page.padding", ":material/table_rows:"),
    PageSpec("pages/word_embeddings.py", "embeddings", "page.embeddings", ":material/scatter_plot:"),
    PageSpec("pages/hidden_states.py", "hidden-states", "page.hidden_states", ":material/memory:"),
    PageSpec("pages/vanishing_gradients.py", "gradients", "page.gradients", ":material/trending_down:"),
    PageSpec("pages/order_matters.py", "word-order", "page.order", ":material/swap_horiz:"),
    PageSpec("pages/training.py", "train", "page.train", ":material/model_training:"),
    PageSpec("pages/prediction.py", "predict", "page.predict", ":material/rate_review:"),
    PageSpec("pages/model_library.py", "models", "page.models", ":material/inventory_2:"),
)
