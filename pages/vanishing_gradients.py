import streamlit as st

from rnnviz.ui.core import MAX_STEPS
from rnnviz.ui import cache, gradient_charts, snippets
from rnnviz.ui.state import language, option_labels, t
from rnnviz.ui.gradient_panels import choose_input, show_decay
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import chart_with_code, wide_chart

lang = language()
examples = cache.gradient_examples()

st.title(t("gradients.title"))
page_intro(t("gradients.intro"))

labels = {name: t(f"gradients.{name}") for name in ("theory", "spectral", "measured", "words")}
questions = {"measured": ("lesson.gradients.question", "lesson.gradients.answer")}
with sections(labels, "gradients_section", questions, keep=("gradients_text", "gradients_label")) as section:
    if section == "theory":
        factor = st.slider(t("gradients.factor"), 0.9, 1.1, 1.01, 0.005, format="%.3f", key="gradients_factor",
                           bind="query-params", help=t("gradients.factor.help"))
        notice = t("gradients.theory.notice", factor=factor, value=gradient_charts.readable(factor ** MAX_STEPS))
        chart_with_code(gradient_charts.product_figure(factor, lang=lang), snippets.product_code(factor), notice,
                        key="gradients_chart_theory")
    elif section == "spectral":
        left, middle, right = st.columns(3)
        radius = left.slider(t("gradients.radius"), 0.5, 1.5, 0.9, 0.01, key="gradients_radius", bind="query-params",
                             help=t("gradients.radius.help"))
        cell = middle.radio(t("gradients.activation"), ["linear", "rnn"], horizontal=True, key="gradients_activation",
                            format_func=option_labels("gradients.activation"), bind="query-params")
        strength = right.slider(t("gradients.input_scale"), 0.0, 1.0, 0.1, 0.05, key="gradients_input_scale",
                                bind="query-params", disabled=cell == "linear", help=t("gradients.input_scale.help"))
        lab = cache.spectral_lab(radius, cell, strength if cell == "rnn" else 0.0)
        chart_with_code(gradient_charts.spectral_figure(lab, radius, lang), snippets.spectral_code(radius, cell, strength),
                        t("gradients.spectral.intro") + "\n\n" + t("gradients.spectral.notice") + "\n\n"
                        + gradient_charts.float32_note(lab, lang),
                        key="gradients_chart_spectral")
    elif section:  # measured on a review or on random words
        with inputs_box(t("gradients.inputs"), opening=False):
            text, length, seed = choose_input(examples)
        if text is not None and not text.strip():
            st.warning(t("gradients.review.empty"))
        elif section == "measured":
            show_decay(text, length, seed, lang)
        elif text is None:
            st.info(t("gradients.words.random"))
        else:
            wide_chart(gradient_charts.saliency_figure(cache.gradient_saliency(text), lang), snippets.saliency_code(),
                       t("gradients.words.notice"), key="gradients_chart_words")
