import streamlit as st

from rnnviz.ui import cache, probe_charts as pc, snippets
from rnnviz.ui.hidden_state_panels import EXAMPLES
from rnnviz.ui.navigation import PAGES
from rnnviz.ui.state import language, t
from rnnviz.ui.steps import page_intro, sections
from rnnviz.ui.widgets import chart_with_code, models_table, source_label

lang = language()

st.title(t("app.title"))
page_intro(t("home.intro"))

with sections({"pages": t("home.pages")}, "home_section") as section:  # one step after the idea
    if section:
        readers = cache.order_models()[0]  # the model that reads word order best, if any is installed
        if readers:  # the course's idea in one picture (and plotly's script loaded before the first lesson)
            reading = cache.review_reading(str(readers[0].path), EXAMPLES["negation"])
            tokens, probs = reading.review.tokens, reading.reading.prob_by_step
            after = {word: float(probs[tokens.index(word)]) if word in tokens else float("nan")
                     for word in ("not", "bad")}
            chart_with_code(pc.prob_lines({reading.name: (tokens, probs)}, lang), snippets.prob_code(),
                            t("home.teaser.notice", name=reading.name, text=EXAMPLES["negation"],
                              after_not=after["not"], after_bad=after["bad"], end=float(probs[-1])),
                            key="home_chart_teaser", title=t("home.teaser"))
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
        checkpoints = cache.available_checkpoints()
        if checkpoints:
            models_table(checkpoints, key="home_models", columns=(
                "name", "cell", "params", "trained_on", "test_accuracy", "sst_dev_accuracy", "order_pairs_accuracy"))
        else:
            st.caption(t("home.checkpoints.none"))
