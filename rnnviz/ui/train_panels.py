"""The Training page's panels: where the embedding starts, and one job's queue position, progress, Stop,
outcome and live curves."""

from __future__ import annotations

import streamlit as st

from rnnviz.checkpoints import CheckpointError, sanitize_name
from rnnviz.pipeline import TRAINING_DATA
from rnnviz.jobs import DONE, EXPIRED, QUEUED, RUNNING, STOPPED, Job, JobManager
from rnnviz.snapshots import Timeline, shared_map
from rnnviz.ui import app_charts, cache, embedding_charts
from rnnviz.ui.widgets import show_chart
from rnnviz.ui.state import option_labels, t

OPTIMIZERS, CELLS = {"adam": "Adam", "rmsprop": "RMSprop", "sgd": "SGD"}, ("rnn", "lstm", "gru")
SIZES = (8, 16, 32, 64, 128, 256)
COOCCURRENCE = "@cooccurrence"  # the embedding-start choice "word vectors counted from the training texts"
# (status, a checkpoint was saved) -> how to say it; anything else: the job failed.
OUTCOMES = {(DONE, True): ("success", "train.done"), (STOPPED, True): ("success", "train.stopped"),
            (EXPIRED, True): ("warning", "train.stopped"), (STOPPED, False): ("info", "train.stopped_queued"),
            (EXPIRED, False): ("info", "train.expired")}


def network_settings() -> dict:
    """The network's shape as the user sets it: ``ModelConfig`` keywords (cell, bidirectional, num_layers,
    embedding_dim, hidden_size, dropout)."""
    st.subheader(t("train.network"))
    cell = st.radio(t("train.cell"), CELLS, 1, horizontal=True, key="train_cell", bind="query-params",
                    help=t("train.cell.help"))
    bidirectional = st.toggle(t("train.bidirectional"), key="train_bidirectional", bind="query-params",
                              help=t("train.bidirectional.help"))
    layers = st.slider(t("train.layers"), 1, 3, 1, key="train_layers", bind="query-params")
    embedding_dim = st.select_slider(t("train.embedding_dim"), SIZES[:-1], 32, key="train_embedding_dim",
                                     bind="query-params")
    hidden = st.select_slider(t("train.hidden_size"), SIZES, 64, key="train_hidden", bind="query-params",
                              help=t("train.hidden_size.help"))
    dropout = st.slider(t("train.dropout"), 0.0, 0.6, 0.0, 0.1, key="train_dropout", bind="query-params",
                        help=t("train.dropout.help"))
    return dict(cell=cell, bidirectional=bidirectional, num_layers=layers, embedding_dim=embedding_dim,
                hidden_size=hidden, dropout=float(dropout))


def learning_settings() -> dict:
    """How the network learns, as the user sets it: ``TrainConfig`` keywords (optimizer, lr, batch_size,
    epochs, seed)."""
    st.subheader(t("train.learning"))
    optimizer = st.radio(t("train.optimizer"), list(OPTIMIZERS), format_func=OPTIMIZERS.get, horizontal=True,
                         key="train_opt", bind="query-params")
    lr = st.select_slider(t("train.lr"), (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0), 1e-3,
                          format_func=lambda v: f"{v:g}", key="train_lr", bind="query-params", help=t("train.lr.help"))
    batch_size = st.select_slider(t("train.batch_size"), SIZES, 64, key="train_batch_size", bind="query-params")
    epochs = st.slider(t("train.epochs"), 1, 20, 3, key="train_epochs", bind="query-params",
                       help=t("train.epochs.help"))
    seed = st.number_input(t("train.seed"), 0, 9_999, 0, key="train_seed", bind="query-params",
                           help=t("train.seed.help"))
    return dict(optimizer=optimizer, lr=float(lr), batch_size=batch_size, epochs=epochs, seed=int(seed))


def data_settings(composed_count: int, max_lens: tuple[int, ...]):
    """What the network learns from, as the user sets it: (composed sentences, corpus, train size,
    max length, vocabulary size)."""
    st.subheader(t("train.data"))
    kind = st.radio(t("train.data_kind"), TRAINING_DATA, format_func=option_labels("train.data_kind"),
                    horizontal=True, key="train_data", bind="query-params", help=t("train.data_kind.help"))
    composed = composed_count if kind != "imdb" and st.toggle(
        t("train.composed", count=composed_count), key="train_composed", help=t("train.composed.help")) else 0
    data = cache.corpus(kind, composed)
    sizes = [s for s in (100, 250, 500, 1_000, 2_000, 5_000, 10_000, 50_000) if s < len(data)] + [len(data)]
    train_size = st.select_slider(t("train.train_size"), sizes, min(sizes, key=lambda n: abs(n - 1_000)),
                                  key=f"train_size_{kind}", bind="query-params")
    max_len = st.select_slider(t("train.max_len"), max_lens, 200, key="train_max_len", bind="query-params",
                               help=t("train.max_len.help"))
    vocab_size = st.select_slider(t("train.vocab_size"), cache.VOCAB_SIZES, 10_000, key="train_vocab",
                                  bind="query-params", help=t("train.vocab_size.help"))
    return composed, data, train_size, max_len, vocab_size


def embedding_start():
    """(choice, donor checkpoint or None, freeze?): where the embedding starts, chosen by the user: random
    (""), word vectors counted from the training texts (:data:`COOCCURRENCE`), or another checkpoint's."""
    sources = {info.name: info.path for info in cache.available_checkpoints()}
    names = {"": t("train.embedding_from.none"), COOCCURRENCE: t("train.embedding_from.cooccurrence")}
    source = st.selectbox(t("train.embedding_from"), ["", COOCCURRENCE, *sources], key="train_embedding_from",
                          format_func=lambda name: names.get(name, name), help=t("train.embedding_from.help"))
    freeze = st.toggle(t("train.freeze"), key="train_freeze", disabled=not source, help=t("train.freeze.help"))
    try:
        donor = cache.checkpoint(sources[source]) if source in sources else None
    except (CheckpointError, OSError) as error:
        donor, _ = None, st.error(t("train.invalid", error=error))
    if donor is not None:
        st.caption(t("train.embedding_note", name=sanitize_name(source), vocab=donor.config.vocab_size,
                     dim=donor.config.embedding_dim))
    elif source == COOCCURRENCE:
        st.caption(t("train.cooccurrence_note", window=cache.WORD_VECTOR_WINDOW))
    return source, donor, bool(freeze and source)


def watch_job(manager: JobManager, was_active: bool, lang: str) -> None:
    """The session's job, redrawn every second while it runs (a fragment: the rest of the page stays)."""
    @st.fragment(run_every=1.0 if was_active else None)
    def watch() -> None:
        current = manager.get(st.session_state.get("train_job"))
        if current is None:
            return
        show_job(manager, current, st.session_state.get("train_job_epochs", 1), lang)
        if was_active and not current.active:
            st.rerun()

    watch()


def show_job(manager: JobManager, current: Job, total: int, lang: str) -> None:
    """Draw ``current`` (polled by the page's fragment; every call is also its heartbeat)."""
    manager.heartbeat(current.id)
    result = current.result or {}
    reports = [p for p in current.progress if getattr(p, "kind", None) in ("batch", "epoch")]
    latest = reports[-1] if reports else None
    accuracy = f"{result['test_accuracy']:.1%}" if "test_accuracy" in result else "?"
    if current.status == QUEUED:
        st.info(t("train.queued", position=manager.position(current.id), **manager.counts()))
    elif current.status == RUNNING:
        if latest is not None:
            done = (latest.epoch - 1 + latest.batch / max(latest.batches_per_epoch, 1)) / total
            st.progress(min(done, 1.0), text=t("train.progress", epoch=latest.epoch, epochs=total, batch=latest.batch,
                                               batches=latest.batches_per_epoch, loss=latest.loss,
                                               accuracy=latest.accuracy, speed=latest.samples_per_second,
                                               elapsed=latest.elapsed))
        st.caption(t(f"train.phase.{current.phase or 'tokenizing'}"))
        st.button(t("train.stop"), key="train_stop", on_click=manager.stop, args=(current.id,))
    else:
        kind, key = OUTCOMES.get((current.status, bool(result)), ("error", "train.failed"))
        if current.status in (STOPPED, EXPIRED) and not result and current.started is not None:
            kind, key = "info", "train.stopped_partial"  # no epoch finished: nothing was saved
        getattr(st, kind)(t(key, name=result.get("name"), accuracy=accuracy, epoch=result.get("best_epoch"),
                            error=current.error))
    if reports:
        show_chart(app_charts.progress_curves_figure(reports, lang, total), key="train_chart_curves")
        st.caption(t("train.curves.notice"))
    show_snapshots([p.snapshot for p in current.progress if getattr(p, "kind", None) == "snapshot"], lang)


def show_snapshots(snapshots: list, lang: str) -> None:
    """The run's word map and probe reviews so far, one more epoch at each snapshot."""
    if not snapshots:
        return
    timeline = Timeline.from_snapshots(snapshots)
    coords, explained = shared_map(timeline)
    st.subheader(t("train.live.header", epoch=timeline.epochs[-1]))
    left, right = st.columns(2, vertical_alignment="top")
    with left:
        show_chart(embedding_charts.probe_curves_figure(timeline.epochs, timeline.probe_texts, timeline.probes, lang,
                                                        title=t("train.live.probes")), key="train_chart_live_probes")
        st.markdown(t("train.live.probes.notice"))
    with right:
        show_chart(embedding_charts.timeline_figure(timeline.words, coords, timeline.polarity, timeline.epochs,
                                                    explained, lang, at_last=True), key="train_chart_live_map")
        st.markdown(t("train.live.map.notice"))
