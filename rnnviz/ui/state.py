"""Session state shared by every page: the language and the sidebar."""

from __future__ import annotations

import streamlit as st

from rnnviz.ui.texts import DEFAULT_LANGUAGE, LANGUAGES, tr

LANG_KEY = "lang"


def init_language() -> None:
    """Take the language from the URL (``?lang=fr``) the first time, then from the selector."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get(LANG_KEY, DEFAULT_LANGUAGE)
        st.session_state[LANG_KEY] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def language() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def t(key: str, **values) -> str:
    """The interface text ``key`` in the current language."""
    return tr(key, language(), **values)


def _sync_language_to_url() -> None:
    st.query_params[LANG_KEY] = st.session_state[LANG_KEY]


def language_selector() -> None:
    st.sidebar.selectbox(
        tr("common.language", language()), options=list(LANGUAGES), format_func=LANGUAGES.get,
        key=LANG_KEY, on_change=_sync_language_to_url,
    )
