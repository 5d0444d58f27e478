import json
import uuid

import streamlit as st

from rnnviz.ui.core import (
    estimate_seconds, format_duration, ModelConfig, Plan, PROBE_REVIEWS, QueueFull, TrainConfig,
    training_work, TrainingRequest, user_checkpoint_dir,
)
from rnnviz.ui import app_charts, cache, snippets
from rnnviz.ui.state import language, t
from rnnviz.ui.steps import all_pictures, inputs_box, jump_to, page_intro, sections
from rnnviz.ui.train_panels import (
    COOCCURRENCE, data_settings, embedding_start, learning_settings, network_settings, watch_job,
)
from rnnviz.ui.widgets import chart_with_code

MAX_MINUTES, TEST_LIMIT, MEAN_TOKENS, COMPOSED = 30, 2_000, 230, 20_000
MAX_LENS = (25, 50, 100, 200, 300, 500)
KEPT = ("train_name", "train_probe_text", "train_embedding_from", "train_freeze", "train_composed")  # not in the link
lang = language()
manager = cache.job_manager()
owner = st.session_state.setdefault("train_owner", uuid.uuid4().hex)
labels = {"settings": t("train.settings.header"), "watch": t("train.watch.header")}
questions = {"settings": ("lesson.train.question", "lesson.train.answer")}


def start(request: TrainingRequest, name: str, epochs: int) -> None:
    """Submit the job and open the section that watches it (a callback: it runs before the next run)."""
    try:
        user_checkpoint_dir(create=True)
        job = manager.submit(training_work(request), owner=owner, label=name)
        st.session_state.train_job, st.session_state.train_job_epochs = job.id, epochs
        jump_to(labels, "train_section", questions, "watch")
    except QueueFull as error:
        st.session_state.train_refused = t("train.queue_full", error=error)


st.title(t("train.title"))
page_intro(t("train.intro"))
job = manager.get(st.session_state.get("train_job"))
with sections(labels, "train_section", questions, keep=KEPT) as section:
    if section == "watch":
        if job is None:
            st.info(t("train.watch.none"))
        else:
            with all_pictures():  # the live run is one dashboard
                watch_job(manager, job.active, lang)
    elif section == "settings":
        with inputs_box(t("train.inputs"), opening=False):
            network, learning, reviews = st.columns(3, gap="large")
            with network:
                shape = network_settings()  # cell, bidirectional, num_layers, embedding_dim, hidden_size, dropout
            with learning:
                learning_rule = learning_settings()  # optimizer, lr, batch_size, epochs, seed
            with reviews:
                composed, data, train_size, max_len, vocab_size = data_settings(COMPOSED, MAX_LENS)
                source, donor, freeze = embedding_start()
                if donor is not None:  # its vocabulary and word vectors come with it
                    vocab_size, shape["embedding_dim"] = donor.config.vocab_size, donor.config.embedding_dim
            epochs = learning_rule["epochs"]
            auto_name = f"{'bi' * shape['bidirectional']}{shape['cell']}-h{shape['hidden_size']}-{train_size}r-{epochs}e"
            name = st.text_input(t("train.name"), "", max_chars=64, placeholder=auto_name, key="train_name") or auto_name
            followed = st.text_input(t("train.probe"), PROBE_REVIEWS[0], max_chars=300, key="train_probe_text",
                                     help=t("train.probe.help")).strip() or PROBE_REVIEWS[0]
        problem, seconds, request = None, 0.0, None
        try:
            model_config = ModelConfig(**shape, vocab_size=vocab_size, freeze_embedding=freeze, max_len=max_len)
            train_config = TrainConfig(**learning_rule, train_size=train_size, patience=0)
            speed, parts = cache.training_speed(json.dumps(model_config.to_dict()), train_config.batch_size,
                                                min(max_len, MEAN_TOKENS))
            seconds = estimate_seconds(train_size, epochs, speed,
                                       test_reviews=min(TEST_LIMIT, len(data.tests["imdb_test"][0])))
            st.markdown(t("train.estimate", time=format_duration(seconds), speed=speed, params=sum(parts.values())))
            chart_with_code(app_charts.weights_figure(parts, lang), snippets.train_code(
                {k: v for k, v in model_config.to_dict().items() if k != "pooling"}, train_config.to_dict()),
                t("train.weights.notice"), key="train_chart_weights")
            plan = Plan(name, model_config, train_config, test_limit=TEST_LIMIT, composed=composed,
                        word_vectors=cache.WORD_VECTOR_WINDOW if source == COOCCURRENCE else 0)
            request = TrainingRequest(
                plan=plan, corpus=data, folder=user_checkpoint_dir(), tokenizer=donor.tokenizer if donor else None,
                pretrained_embedding=donor.model.embedding.weight.detach().clone() if donor else None,
                embedding_from=source if donor else None,
                probe_texts=(followed, *[text for text in PROBE_REVIEWS if text != followed][:3]))
        except ValueError as error:
            problem = t("train.invalid", error=error)
            st.error(problem)
        if seconds > MAX_MINUTES * 60:
            problem = t("train.too_long", minutes=MAX_MINUTES)
            st.warning(problem)
        busy = job is not None and job.active
        st.button(t("train.start"), type="primary", disabled=bool(problem) or busy, key="train_start", on_click=start,
                  args=(request, name, epochs))
        if st.session_state.get("train_refused"):
            st.error(st.session_state.pop("train_refused"))
        elif busy:
            st.caption(t("train.busy"))
