import json
import uuid

import streamlit as st

from rnnviz.ui.core import (
    estimate_seconds, format_duration, ModelConfig, Plan, PROBE_REVIEWS, QueueFull, TrainConfig, TRAINING_DATA,
    training_work, TrainingRequest, user_checkpoint_dir,
)
from rnnviz.ui import app_charts, cache, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.train_panels import COOCCURRENCE, embedding_start, learning_settings, network_settings, watch_job
from rnnviz.ui.widgets import chart_with_code, predict_then_reveal

MAX_MINUTES, TEST_LIMIT, MEAN_TOKENS, COMPOSED = 30, 2_000, 230, 20_000
MAX_LENS = (25, 50, 100, 200, 300, 500)
lang = language()
manager = cache.job_manager()
owner = st.session_state.setdefault("train_owner", uuid.uuid4().hex)
job = manager.get(st.session_state.get("train_job"))

st.title(t("train.title"))
st.markdown(t("train.intro"))
network, learning, reviews = st.columns(3, gap="large")
with network:
    shape = network_settings()  # cell, bidirectional, num_layers, embedding_dim, hidden_size, dropout
with learning:
    learning_rule = learning_settings()  # optimizer, lr, batch_size, epochs, seed
with reviews:
    st.subheader(t("train.data"))
    kind = st.radio(t("train.data_kind"), TRAINING_DATA, format_func=lambda k: t(f"train.data_kind.{k}"),
                    horizontal=True, key="train_data", bind="query-params", help=t("train.data_kind.help"))
    composed = COMPOSED if kind != "imdb" and st.toggle(t("train.composed", count=COMPOSED), key="train_composed",
                                                         help=t("train.composed.help")) else 0
    data = cache.corpus(kind, composed)
    sizes = [s for s in (100, 250, 500, 1_000, 2_000, 5_000, 10_000, 50_000) if s < len(data)] + [len(data)]
    train_size = st.select_slider(t("train.train_size"), sizes, min(sizes, key=lambda n: abs(n - 1_000)),
                                  key=f"train_size_{kind}", bind="query-params")
    max_len = st.select_slider(t("train.max_len"), MAX_LENS, 200, key="train_max_len", bind="query-params", help=t("train.max_len.help"))
    vocab_size = st.select_slider(t("train.vocab_size"), cache.VOCAB_SIZES, 10_000, key="train_vocab", bind="query-params",
                                  help=t("train.vocab_size.help"))
    source, donor, freeze = embedding_start()
    if donor is not None:  # its vocabulary and word vectors come with it
        vocab_size, shape["embedding_dim"] = donor.config.vocab_size, donor.config.embedding_dim
epochs = learning_rule["epochs"]
auto_name = f"{'bi' if shape['bidirectional'] else ''}{shape['cell']}-h{shape['hidden_size']}-{train_size}r-{epochs}e"
name = st.text_input(t("train.name"), "", max_chars=64, placeholder=auto_name, key="train_name") or auto_name
followed = st.text_input(t("train.probe"), PROBE_REVIEWS[0], max_chars=300, key="train_probe_text",
                         help=t("train.probe.help")).strip() or PROBE_REVIEWS[0]

problem, seconds = None, 0.0
try:
    model_config = ModelConfig(**shape, vocab_size=vocab_size, freeze_embedding=freeze, max_len=max_len)
    train_config = TrainConfig(**learning_rule, train_size=train_size, patience=0)
    speed, parts = cache.training_speed(json.dumps(model_config.to_dict()), train_config.batch_size,
                                        min(max_len, MEAN_TOKENS))
    seconds = estimate_seconds(train_size, epochs, speed, test_reviews=min(TEST_LIMIT, len(data.tests["imdb_test"][0])))
    st.markdown(t("train.estimate", time=format_duration(seconds), speed=speed, params=sum(parts.values())))
    chart_with_code(app_charts.weights_figure(parts, lang), snippets.train_code(
        {k: v for k, v in model_config.to_dict().items() if k != "pooling"}, train_config.to_dict()),
        t("train.weights.notice"), key="train_chart_weights")
except ValueError as error:
    problem = t("train.invalid", error=error)
    st.error(problem)
if seconds > MAX_MINUTES * 60:
    problem = t("train.too_long", minutes=MAX_MINUTES)
    st.warning(problem)

busy = job is not None and job.active
if st.button(t("train.start"), type="primary", disabled=bool(problem) or busy, key="train_start"):
    plan = Plan(name, model_config, train_config, word_vectors=cache.WORD_VECTOR_WINDOW if source == COOCCURRENCE else 0,
                test_limit=TEST_LIMIT, composed=composed)
    request = TrainingRequest(
        plan=plan, corpus=data, folder=user_checkpoint_dir(create=True), tokenizer=donor.tokenizer if donor else None,
        pretrained_embedding=donor.model.embedding.weight.detach().clone() if donor else None,
        embedding_from=source if donor else None,
        probe_texts=(followed, *[text for text in PROBE_REVIEWS if text != followed][:3]))
    try:
        job = manager.submit(training_work(request), owner=owner, label=name)
        st.session_state.train_job, st.session_state.train_job_epochs = job.id, epochs
    except QueueFull as error:
        st.error(t("train.queue_full", error=error))
elif busy:
    st.caption(t("train.busy"))
was_active = job is not None and job.active
predict_then_reveal("lesson.train.question", "lesson.train.answer", key="train_reveal")

watch_job(manager, was_active, lang)
