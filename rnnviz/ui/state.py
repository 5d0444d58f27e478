"""Session state shared by every page: the language, presenter mode and the sidebar.

Views travel by URL: pages give their main widgets ``bind="query-params"`` (Streamlit then keeps
them in the address bar); the language is read from ``?lang=`` here and written back on change.
"""

from __future__ import annotations

import streamlit as st

from rnnviz.ui.texts import DEFAULT_LANGUAGE, LANGUAGES, tr

LANG_KEY = "lang"
PRESENTER_KEY = "present"
# Longer texts stay out of the address bar: browsers and chat apps cut links of a few thousand
# characters, and a link that silently loses the end of a review would mislead.
MAX_URL_TEXT_CHARS = 1_000

# The container of the hidden buttons that carry a clicker's Page Up / Page Down (rnnviz.ui.steps).
KEYS_CONTAINER = "presenter_keys"
# Presenter mode: bigger text, high contrast, no Streamlit chrome; made for a projector at 1280x720.
PRESENTER_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label, [data-testid="stMarkdownContainer"] { font-size: 20px !important; }
[data-testid="stAppViewContainer"] { color: #000000; background: #ffffff; }
[data-testid="stHeader"] [data-testid="stToolbar"], [data-testid="stStatusWidget"] { display: none; }
code { font-size: 18px !important; }
/* one step fits a 1280x720 screen: less room above the title, a smaller title */
[data-testid="stHeader"] { background: transparent; height: 2.2rem; }
[data-testid="stMainBlockContainer"] { padding-top: 1.6rem; padding-bottom: 1rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.6rem; padding: 0 0 0.2rem 0; }
[data-testid="stMainBlockContainer"] h2, [data-testid="stMainBlockContainer"] h3 { font-size: 1.3rem; padding: 0.2rem 0; }
.st-key-%s { display: none; }
</style>
""" % KEYS_CONTAINER


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


def option_labels(prefix: str):
    """A ``format_func`` for options shown as the texts ``prefix.<option>``, bound to the current
    language (Streamlit may call it outside a script run, where the session's language is not known)."""
    lang = language()
    return lambda option: tr(f"{prefix}.{option}", lang)


def text_from_url(name: str, default: str) -> str:
    """The text a shared link carries in ``?name=`` (cut to ``MAX_URL_TEXT_CHARS``), else ``default``."""
    text = st.query_params.get(name, "")
    return text[:MAX_URL_TEXT_CHARS] if text.strip() else default


def text_to_url(name: str, text: str) -> None:
    """Put ``text`` in the address bar as ``?name=`` so the link reproduces the view, or take it out
    when it is too long for a link."""
    if text.strip() and len(text) <= MAX_URL_TEXT_CHARS:
        st.query_params[name] = text
    elif name in st.query_params:
        del st.query_params[name]


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
