
import streamlit as st

from rnnviz.ui.core import looks_french
from rnnviz.ui import app_charts, cache, snippets
from rnnviz.ui.state import language, t, text_from_url, text_to_url
from rnnviz.ui.texts.predict import EXAMPLES
from rnnviz.ui.widgets import limited_text, predict_then_reveal, show_chart

KINDS = (*EXAMPLES, "imdb")
SHORT_TEXT_WORDS = 60  # up to this many words, explain with the best model on short text (SST-2 dev)
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


def _code_words(pairs) -> str:
    return ", ".join(f"`{word}` ({value:+.2f})" for word, value in pairs) or t("predict.none")


def _percent(value) -> str:
    return "?" if value is None else f"{value:.0%}"


def _detail(row: dict) -> str:
    return t("predict.detail", data=t(f"predict.trained_on.{row['trained_on']}"),
             long=_percent(row["test_accuracy"]), short=_percent(row["sst_dev_accuracy"]))


st.title(t("predict.title"))
st.markdown(t("predict.intro"))

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

result = cache.predictions(text)
for error in result["errors"]:
    st.error(error)
rows = result["rows"]
if not rows:
    st.stop()
if all(row["tokens"] <= 1 for row in rows):
    st.warning(t("predict.no_words"))
words = max(row["tokens"] - 1 for row in rows)  # <start> aside
short = words <= SHORT_TEXT_WORDS
if looks_french(text):
    first = rows[0]
    st.warning(t("predict.french", unknown=first["unknown"], words=first["tokens"] - 1, name=first["name"]),
               icon=":material/translate:")

st.header(t("predict.verdicts"))
show_chart(app_charts.predictions_figure([r["name"] for r in rows], [r["probability"] for r in rows],
                                         [r["test_accuracy"] for r in rows], lang, [_detail(r) for r in rows]),
           key="predict_chart_verdicts")
st.markdown(t("predict.verdicts.notice"))
predict_then_reveal("lesson.predict.question", "lesson.predict.answer", key="predict_reveal")

st.header(t("predict.why"))
names = [row["name"] for row in rows]
# Short text: the model that reads short sentences best; long text: the one that reads reviews best.
measure = "sst_dev_accuracy" if short else "test_accuracy"
best = max(range(len(rows)), key=lambda i: (rows[i][measure] or 0.0, rows[i]["test_accuracy"] or 0.0))
st.caption(t("predict.picked.short" if short else "predict.picked.long", words=words, name=rows[best]["name"]))
name = st.selectbox(t("predict.model"), names, index=best, key=f"predict_model_{'short' if short else 'long'}")
row = rows[names.index(name)] if name in names else rows[best]
explained, explain_ms = cache.explanation(row["path"], text)
if explained.truncated:
    st.info(t("predict.cut", total=row["tokens"], max_len=explained.max_len, cut=len(explained.cut_words)))
    cut = explained.cut_words
    st.text(" ".join(cut[:80]) + (" …" if len(cut) > 80 else ""))
show_chart(app_charts.words_figure(explained.words, explained.contributions, explained.is_oov, name, lang),
           key="predict_chart_words")  # full width: long reviews need it
st.markdown(t(f"predict.why.{explained.method}"))
with st.expander(t("common.code")):
    st.code(snippets.predict_code(cache.shown_path(row["path"])), language="python")
st.markdown(t("predict.top", positive=_code_words(explained.top(5, True)),
              negative=_code_words(explained.top(5, False))))
if explained.n_oov:
    st.caption(t("predict.oov", count=explained.n_oov))
st.caption(t("predict.timing", ms=result["ms"] + explain_ms))
