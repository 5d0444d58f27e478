"""A section of the Word order page: the minimal pairs, per category and pair by pair."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from rnnviz.ui import cache, order_charts as oc, snippets
from rnnviz.ui.state import option_labels, t
from rnnviz.ui.steps import picture_shown
from rnnviz.ui.widgets import chart_with_code


def show_pairs(paths: list[str], names: dict[str, str], lang: str) -> None:
    """The shipped minimal pairs read by the chosen models (``paths``): the share of pairs with both sides
    right per category, then a table of verdicts for the chosen category."""
    suite = cache.pair_suite()
    st.markdown(t("order.pairs.intro", pairs=len(suite)))
    scores = {names[p]: cache.pair_scores(p) for p in paths}
    categories = list(suite.categories)
    shares = {name: [right / total for right, total in s.by_category().values()] for name, s in scores.items()}
    chart_with_code(oc.categories_figure(categories, shares, lang), snippets.pairs_code(), t("order.scores.notice"),
                    key="order_chart_categories")
    if not picture_shown():  # on a projector, the table is a picture of its own
        return
    category = st.selectbox(t("order.category"), ["all", *categories], key="order_category",
                            format_func=option_labels("order.category"))
    rows = [i for i, pair in enumerate(suite.pairs) if category == "all" or pair.category == category]
    table = {t("order.category"): [t(f"order.category.{suite.pairs[i].category}") for i in rows],
             t("order.table.positive"): [suite.pairs[i].positive for i in rows],
             t("order.table.negative"): [suite.pairs[i].negative for i in rows]}
    for name, score in scores.items():
        table[t("order.table.both", name=name)] = ["✓" if score.both_right[i] else "✗" for i in rows]
        table[f"{name}: P(+)"] = [f"{score.positive[i]:.2f} / {score.negative[i]:.2f}" for i in rows]
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", key="order_table")
    st.caption(t("order.table.caption"))
