"""rnnviz: the entry point. ``streamlit run app.py``"""

import streamlit as st

from rnnviz.ui import cache, state, steps
from rnnviz.ui.navigation import PAGES, ROOT

st.set_page_config(page_title="rnnviz", page_icon=":material/neurology:", layout="wide",
                   initial_sidebar_state="collapsed" if state.presenter_requested() else "auto")
state.init_from_url()
# Small RNNs run several times faster on one intra-op thread than on two on a shared machine, and
# concurrent sessions each get their own thread anyway (predicting 300 reviews: 21.8 s -> 2.5 s).
cache.one_torch_thread()

pages = [
    st.Page(str(ROOT / spec.script), title=state.t(spec.title_key), icon=spec.icon,
            url_path=spec.url_path or None, default=not spec.url_path)
    for spec in PAGES
]
navigation = st.navigation(pages)
st.session_state[steps.PAGE_KEY] = navigation.url_path  # presenter mode's Next goes on to the next page
state.sidebar_settings()
state.keep_training_alive()
navigation.run()
