"""The Training page's job panel: queue position, progress, Stop, outcome and live curves of one job."""

from __future__ import annotations

import streamlit as st

from rnnviz.jobs import DONE, EXPIRED, QUEUED, RUNNING, STOPPED, Job, JobManager
from rnnviz.snapshots import Timeline, shared_map
from rnnviz.ui import app_charts, embedding_charts
from rnnviz.ui.widgets import show_chart
from rnnviz.ui.state import t

# (status, a checkpoint was saved) -> how to say it; anything else: the job failed.
OUTCOMES = {(DONE, True): ("success", "train.done"), (STOPPED, True): ("success", "train.stopped"),
            (EXPIRED, True): ("warning", "train.stopped"), (STOPPED, False): ("info", "train.stopped_queued"),
            (EXPIRED, False): ("info", "train.expired")}


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
        show_chart(embedding_charts.timeline_figure(timeline.words, coords, timeline.polarity, timeline.epochs, explained,
                                                lang, at_last=True), key="train_chart_live_map")
        st.markdown(t("train.live.map.notice"))
