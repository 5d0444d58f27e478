
import streamlit as st

from rnnviz.ui.core import looks_french
from rnnviz.ui import app_charts, cache
from rnnviz.ui.prediction_panels import show_why
from rnnviz.ui.state import language, t, text_from_url, text_to_url
from rnnviz.ui.texts.predict import EXAMPLES
from rnnviz.ui.steps import inputs_box, page_intro, sections
from rnnviz.ui.widgets import limited_text, show_chart

KINDS = (*EXAMPLES, "imdb")
lang = language()
# A shared link (?review=...) shows its review; otherwise a first visit shows a verdict at once.
st.session_state.setdefault("predict_query", text_from_url("review", EXAMPLES["positive"]))
st.session_state.setdefault("predict_text", st.session_state.predict_query)  # back from another page


def _use_example(kind: str) -> None:
    text = cache.long_review() if kind == "imdb" else EXAMPLES[kind]
    st.session_state.predict_text = st.session_state.predict_query = text
    text_to_url("review", text)


def _submit() -> None:
    st.session_state.predict_query = st.session_state.predict_text
    text_to_url("review", st.session_state.predict_text)


def _detail(verdict) -> str:
    percent = {name: "?" if value is None else f"{value:.0%}"
               for name, value in (("long", verdict.test_accuracy), ("short", verdict.sst_dev_accuracy))}
    return t("predict.detail", data=t(f"predict.trained_on.{verdict.trained_on}"), **percent)


st.title(t("predict.title"))
page_intro(t("predict.intro"))
with inputs_box():
    st.caption(t("predict.examples"))
    with st.container(horizontal=True):
        for kind in KINDS:
            st.button(t(f"predict.example.{kind}"), key=f"predict_example_{kind}", on_click=_use_example, args=(kind,))
    with st.form("predict_form", border=False):
        st.text_area(t("predict.review"), key="predict_text", height=140, help=t("predict.review.help"))
        st.form_submit_button(t("predict.submit"), type="primary", on_click=_submit, key="predict_submit")

text = limited_text(st.session_state.get("predict_query", ""))
if not text.strip():
    st.info(t("predict.empty"))
    st.stop()
if not cache.available_checkpoints():
    st.warning(t("predict.no_models"))
    st.stop()

verdicts, errors, predict_ms = cache.predictions(text)
for error in errors:
    st.error(error)
if not verdicts:
    st.stop()
if all(verdict.words == 0 for verdict in verdicts):
    st.warning(t("predict.no_words"))
if looks_french(text):
    first = verdicts[0]
    st.warning(t("predict.french", unknown=first.unknown, words=first.words, name=first.name),
               icon=":material/translate:")

labels = {"verdicts": t("predict.verdicts"), "why": t("predict.why")}
questions = {"verdicts": ("lesson.predict.question", "lesson.predict.answer")}
with sections(labels, "predict_section", questions, keep=("predict_model_short", "predict_model_long")) as section:
    if section == "verdicts":
        show_chart(app_charts.predictions_figure([v.name for v in verdicts], [v.probability for v in verdicts],
                                                 [v.test_accuracy for v in verdicts], lang,
                                                 [_detail(v) for v in verdicts]), key="predict_chart_verdicts")
        st.markdown(t("predict.verdicts.notice"))
        st.caption(t("predict.timing", ms=predict_ms))
    elif section == "why":
        explain_ms = show_why(verdicts, text, lang)
        st.caption(t("predict.timing", ms=predict_ms + explain_ms))
