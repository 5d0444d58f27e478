"""The Training page's job panel: queue position, progress, Stop, outcome and live curves of one job."""

from __future__ import annotations

import streamlit as st

from rnnviz.jobs import DONE, EXPIRED, QUEUED, RUNNING, STOPPED, Job, JobManager
from rnnviz.ui import app_charts
from rnnviz.ui.widgets import show_chart
from rnnviz.ui.state import t

# (status, a checkpoint was saved) -> how to say it; anything else: the job failed.
OUTCOMES = {(DONE, True): ("success", "train.done"), (STOPPED, True): ("success", "train.stopped"),
            (EXPIRED, True): ("warning", "train.stopped"), (STOPPED, False): ("info", "train.stopped_queued"),
            (EXPIRED, False): ("info", "train.expired")}


def show_job(manager: JobManager, current: Job, total: int, lang: str) -> None:
    """Draw ``current`` (polled by the page's fragment; every call is also its heartbeat)."""
    manager.heartbeat(current.id)
    latest, result = current.latest, current.result or {}
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
    if current.progress:
        show_chart(app_charts.progress_curves_figure(current.progress, lang, total), key="train_chart_curves")
        st.caption(t("train.curves.notice"))
