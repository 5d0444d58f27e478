"""Serve the app: ``python -m rnnviz.ui.serve [streamlit options]`` (what ``make run`` and the tests use).

Same as ``streamlit run app.py`` with one fix. With a ``pages/`` folder beside ``app.py``, Streamlit
starts every server in its old "pages directory" mode and leaves it only once ``app.py`` has called
``st.navigation``. So when the very first visitor opens a shared link such as ``/padding?lang=fr``,
Streamlit shows a "Page not found" pop-up before ``app.py`` takes over. Turning that mode off before
the server starts makes every link work from the first request.

It also imports the app's modules (torch, plotly, datasets: 3-4 s on a 2-core machine) before the server
answers, so that the first visitor of a fresh server does not wait for them (scripts/page_speed.py's
"cold first" column).
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"


# The modules that weigh (torch and the core, plotly, datasets) and never touch Streamlit's runtime:
# the Streamlit glue is imported by the first script run, when its caches can attach to the runtime.
PRELOADED = ("rnnviz.ui.core", "rnnviz.ui.charts", "rnnviz.ui.app_charts", "rnnviz.ui.embedding_charts",
             "rnnviz.ui.gradient_charts", "rnnviz.ui.order_charts", "rnnviz.ui.probe_charts",
             "rnnviz.ui.snippets", "rnnviz.ui.texts")


def preload() -> None:
    """Import :data:`PRELOADED` in this process."""
    import importlib

    for name in PRELOADED:
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    preload()
    PagesManager.uses_pages_directory = False
    options = list(sys.argv[1:] if argv is None else argv)
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main()


if __name__ == "__main__":
    main()
