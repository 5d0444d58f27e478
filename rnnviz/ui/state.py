"""Session state shared by every page: the language, presenter mode and the sidebar.

Views travel by URL: pages give their main widgets ``bind="query-params"`` (Streamlit then keeps
them in the address bar); the language is read from ``?lang=`` here and written back on change.
"""

from __future__ import annotations

import streamlit as st

from rnnviz.ui.texts import DEFAULT_LANGUAGE, LANGUAGES, tr

LANG_KEY = "lang"
PRESENTER_KEY = "present"

# Presenter mode: bigger text, high contrast, no Streamlit chrome; made for a projector at 1280x720.
PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label, [data-testid="stMarkdownContainer"] { font-size: 20px !important; }
[data-testid="stAppViewContainer"] { color: #000000; background: #ffffff; }
[data-testid="stHeader"] [data-testid="stToolbar"], [data-testid="stStatusWidget"] { display: none; }
code { font-size: 18px !important; }
</style>
"""


def init_from_url() -> None:
    """Take the language from the URL (``?lang=fr``) the first time, then from the selector."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get(LANG_KEY, DEFAULT_LANGUAGE)
        st.session_state[LANG_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def presenter_requested() -> bool:
    """Presenter mode as asked by the URL, readable before any widget exists."""
    return st.query_params.get(PRESENTER_KEY, "").lower() in ("1", "true", "yes")


def language() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY, False))


def t(key: str, **values) -> str:
    """The interface text ``key`` in the current language."""
    return tr(key, language(), **values)


def _sync_language_to_url() -> None:
    st.query_params[LANG_KEY] = st.session_state[LANG_KEY]


def keep_training_alive() -> None:
    """Any page the user interacts with counts as a heartbeat for their training job, so only a
    closed tab (no more reruns) lets the job manager stop it."""
    job_id = st.session_state.get("train_job")
    if job_id:
        from rnnviz.ui.cache import job_manager

        job_manager().heartbeat(job_id)


def sidebar_settings() -> None:
    """Language and presenter mode, on every page."""
    st.sidebar.selectbox(
        tr("common.language", language()), options=list(LANGUAGES), format_func=LANGUAGES.get,
        key=LANG_KEY, on_change=_sync_language_to_url,
    )
    st.sidebar.toggle(t("common.presenter"), key=PRESENTER_KEY, bind="query-params",
                      help=t("common.presenter.help"))
    if presenter():
        st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
