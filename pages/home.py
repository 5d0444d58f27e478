import streamlit as st

from rnnviz.ui import cache
from rnnviz.ui.navigation import PAGES
from rnnviz.ui.state import t
from rnnviz.ui.steps import page_intro, sections
from rnnviz.ui.widgets import source_label

st.title(t("app.title"))
page_intro(t("home.intro"))

with sections({"pages": t("home.pages")}, "home_section") as section:  # one step after the idea
    if section:
        st.header(t("home.pages"))
        for spec in PAGES:
            if spec.url_path:
                st.page_link(spec.script, label=f"**{t(spec.title_key)}**: {t('home.page.' + spec.url_path)}",
                             icon=spec.icon)

        st.header(t("home.data"))
        data = cache.imdb()
        sizes = data.sizes()
        st.markdown(t("home.data.detail", source=source_label(data.source), train=sizes["train"], test=sizes["test"]))
        if data.source.kind != "local":
            st.info(t("home.data.full"), icon=":material/dataset:")
        treebank = cache.sst()
        st.markdown(t("home.sst.detail", source=source_label(treebank.source), trees=len(treebank.trees.get("train", ())),
                      phrases=len(treebank["train"]), dev=len(treebank.trees.get("dev", ()))))
        if treebank.source.kind != "local":
            st.info(t("home.sst.full"), icon=":material/account_tree:")

        st.header(t("home.checkpoints"))
        checkpoints = cache.checkpoint_infos()
        if checkpoints:
            st.dataframe(checkpoints, hide_index=True, width="stretch")
        else:
            st.caption(t("home.checkpoints.none"))
