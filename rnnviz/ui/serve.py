"""Serve the app: ``python -m rnnviz.ui.serve [streamlit options]`` (what ``make run`` and the tests use).

Same as ``streamlit run app.py`` with one fix. With a ``pages/`` folder beside ``app.py``, Streamlit
starts every server in its old "pages directory" mode and leaves it only once ``app.py`` has called
``st.navigation``. So when the very first visitor opens a shared link such as ``/padding?lang=fr``,
Streamlit shows a "Page not found" pop-up before ``app.py`` takes over. Turning that mode off before
the server starts makes every link work from the first request.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"


def main(argv: list[str] | None = None) -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    options = list(sys.argv[1:] if argv is None else argv)
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main()


if __name__ == "__main__":
    main()
