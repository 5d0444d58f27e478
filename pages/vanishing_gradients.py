import streamlit as st

from rnnviz.ui.core import MAX_STEPS
from rnnviz.ui import cache, gradient_charts, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.gradient_panels import LABEL_KEY, choose_input
from rnnviz.ui.widgets import chart_with_code, predict_then_reveal, wide_chart

lang = language()
examples = cache.gradient_examples()


st.title(t("gradients.title"))
st.markdown(t("gradients.intro"))

st.header(t("gradients.theory"))
factor = st.slider(t("gradients.factor"), 0.9, 1.1, 1.01, 0.005, format="%.3f", key="gradients_factor", bind="query-params",
                   help=t("gradients.factor.help"))
notice = t("gradients.theory.notice", factor=factor, value=gradient_charts.readable(factor ** MAX_STEPS))
chart_with_code(gradient_charts.product_figure(factor, lang=lang), snippets.product_code(factor), notice,
                key="gradients_chart_theory")

st.header(t("gradients.spectral"))
st.markdown(t("gradients.spectral.intro"))
left, middle, right = st.columns(3)
radius = left.slider(t("gradients.radius"), 0.5, 1.5, 0.9, 0.01, key="gradients_radius", bind="query-params",
                     help=t("gradients.radius.help"))
cell = middle.radio(t("gradients.activation"), ["linear", "rnn"], format_func=lambda c: t(f"gradients.activation.{c}"),
                    horizontal=True, key="gradients_activation", bind="query-params")
strength = right.slider(t("gradients.input_scale"), 0.0, 1.0, 0.1, 0.05, key="gradients_input_scale", bind="query-params",
                        disabled=cell == "linear", help=t("gradients.input_scale.help"))
lab = cache.spectral_lab(radius, cell, strength if cell == "rnn" else 0.0)
chart_with_code(gradient_charts.spectral_figure(lab, radius, lang), snippets.spectral_code(radius, cell, strength),
                t("gradients.spectral.notice") + "\n\n" + gradient_charts.float32_note(lab, lang),
                key="gradients_chart_spectral")

text, length, seed = choose_input(examples)

st.header(t("gradients.measured"))
if text is not None and not text.strip():
    st.warning(t("gradients.review.empty"))
    st.stop()
left, middle, right = st.columns(3)
target = left.radio(t("gradients.target"), ["state", "loss"], format_func=lambda k: t(f"gradients.target.{k}"),
                    horizontal=True, key="gradients_target", bind="query-params", help=t("gradients.target.help"))
which = middle.radio(t("gradients.which"), ["state", "input"], format_func=lambda k: t(f"gradients.which.{k}"),
                     horizontal=True, key="gradients_which", bind="query-params")
label = 1
if target == "loss":
    label = right.radio(t("gradients.label"), [1, 0], format_func=lambda k: t(f"gradients.label.{k}"),
                        horizontal=True, key=LABEL_KEY)
result = cache.gradient_decays(text, length, seed, target, label)
for error in result.errors:
    st.warning(error)
if result.total > result.tokens:
    st.info(t("gradients.cut", total=result.total, limit=MAX_STEPS))
trained = ", ".join(d.label for d in result.trained.values()) or t("gradients.measured.none")
st.caption(t("gradients.measured.caption", steps=result.tokens, ms=result.milliseconds, trained=trained,
             models=len(result.trained) + len(result.fresh)))
if result.radius_trained is not None:
    st.caption(t("gradients.measured.radius", trained=result.radius_trained, fresh=result.radius_fresh))
wide_chart(gradient_charts.decay_figure(result.trained, result.fresh, which, lang), snippets.decay_code(target),
           t("gradients.measured.notice"), key="gradients_chart_decay")

predict_then_reveal("lesson.gradients.question", "lesson.gradients.answer", key="gradients_reveal")

st.header(t("gradients.words"))
if text is None:
    st.info(t("gradients.words.random"))
    st.stop()
wide_chart(gradient_charts.saliency_figure(cache.gradient_saliency(text), lang), snippets.saliency_code(),
           t("gradients.words.notice"), key="gradients_chart_words")
