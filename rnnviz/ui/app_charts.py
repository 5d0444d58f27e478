"""Pure chart builders of the Prediction, Training and Models pages: data in, plotly figure out.

Same rules as :mod:`rnnviz.ui.charts`: axis titles, a legend or colour bar, large fonts, Okabe-Ito
colours. User text (review words, model names) is ``html.escape``d: plotly reads tags in labels.
"""

from __future__ import annotations

import html
import math
from typing import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.ui.charts import BASE_FONT, OKABE_ITO, finish_layout
from rnnviz.ui.texts import tr

BLUE, ORANGE, SKY, VERMILLION = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[4], OKABE_ITO[5]
POSITIVE, NEGATIVE = BLUE, VERMILLION
# Diverging: negative (vermillion) -> white -> positive (blue), both readable by colour-blind eyes.
DIVERGING = [[0.0, VERMILLION], [0.5, "#FFFFFF"], [1.0, BLUE]]
WORDS_PER_LINE = 8
MAX_CELL_CHARS = 10  # longer words are cut in their cell (whole on hover)


def _escape(text: object) -> str:
    return html.escape(str(text), quote=False)


# ------------------------------------------------------------------------------------------ predict
def predictions_figure(names: Sequence[str], probabilities: Sequence[float],
                       accuracies: Sequence[float | None], lang: str = "en",
                       details: Sequence[str] | None = None) -> go.Figure:
    """One horizontal bar per model: P(positive), coloured by the verdict, threshold at 0.5.

    details: what to write in brackets after each name (default: its test accuracy)
    """
    if details is None:
        details = [tr("chart.predict.no_accuracy", lang) if acc is None else f"{acc:.0%}" for acc in accuracies]
    labels = [f"{_escape(name)} ({_escape(detail)})" for name, detail in zip(names, details)]
    probabilities = [float(p) for p in probabilities]
    fig = go.Figure()
    for positive in (True, False):
        rows = [i for i, p in enumerate(probabilities) if (p >= 0.5) == positive]
        fig.add_trace(go.Bar(
            x=[max(probabilities[i], 0.005) for i in rows], y=[labels[i] for i in rows], orientation="h",
            customdata=[probabilities[i] for i in rows],  # a sliver stays visible at 0 %
            name=tr("chart.predict.positive" if positive else "chart.predict.negative", lang),
            marker_color=POSITIVE if positive else NEGATIVE,
            text=[f"{probabilities[i]:.0%}" for i in rows], textposition="outside",
            textfont={"size": BASE_FONT + 2}, hovertemplate="%{y}: %{customdata:.1%}<extra></extra>"))
    fig.add_vline(x=0.5, line_dash="dash", line_color="#000000")
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"dash": "dash", "color": "#000000"},
                             name=tr("chart.predict.threshold", lang)))
    fig.update_xaxes(title_text=tr("chart.predict.x", lang), range=[0, 1.12], tickformat=".0%",
                     tickvals=[0, 0.25, 0.5, 0.75, 1])
    fig.update_yaxes(title_text=tr("chart.predict.y", lang), categoryorder="array", categoryarray=labels[::-1])
    fig.update_layout(barmode="overlay", legend={"orientation": "h", "y": -0.25})
    return finish_layout(fig, tr("chart.predict.title", lang), 160 + 55 * max(len(labels), 1))


def words_figure(words: Sequence[str], contributions: np.ndarray, is_oov: Sequence[bool], model_name: str,
                 lang: str = "en", per_line: int = WORDS_PER_LINE) -> go.Figure:
    """The review as a grid of words (reading order), each cell coloured by its contribution."""
    n = len(words)
    lines = max(math.ceil(n / per_line), 1)
    z = np.full((lines, per_line), np.nan)
    text = np.full((lines, per_line), "", dtype=object)
    hover = np.full((lines, per_line), "", dtype=object)
    for i, (word, value, oov) in enumerate(zip(words, contributions, is_oov)):
        row, col = divmod(i, per_line)
        shown = _escape(word)
        short = _escape(word if len(word) <= MAX_CELL_CHARS else word[: MAX_CELL_CHARS - 1] + "…")
        z[row, col] = float(value)
        if oov:
            text[row, col] = f"<i>{short}?</i>"
            hover[row, col] = tr("chart.words.hover_oov", lang, word=shown, position=i).replace("<oov>", "&lt;oov&gt;")
        else:
            text[row, col] = short
            hover[row, col] = tr("chart.words.hover", lang, word=shown, position=i, effect=float(value))
    span = float(np.nanmax(np.abs(z))) if n and np.isfinite(z).any() else 0.0
    span = max(span, 1e-6)
    fig = go.Figure(go.Heatmap(
        z=z, text=text, customdata=hover, texttemplate="%{text}", textfont={"size": BASE_FONT},
        hovertemplate="%{customdata}<extra></extra>", colorscale=DIVERGING, zmin=-span, zmax=span, zmid=0,
        xgap=3, ygap=3, colorbar={"title": {"text": tr("chart.words.colorbar", lang)}, "tickvals": [-span, 0, span],
                                  "ticktext": [f"−{span:.2g} {tr('chart.words.negative', lang)}", "0",
                                               f"+{span:.2g} {tr('chart.words.positive', lang)}"], "len": 1.0}))
    fig.update_xaxes(title_text=tr("chart.words.x", lang), showgrid=False, tickvals=list(range(per_line)),
                     ticktext=[str(i + 1) for i in range(per_line)])
    fig.update_yaxes(title_text=tr("chart.words.y", lang), autorange="reversed", showgrid=False,
                     tickvals=list(range(lines)), ticktext=[str(i + 1) for i in range(lines)])
    fig.update_layout(plot_bgcolor="#FFFFFF")
    return finish_layout(fig, tr("chart.words.title", lang, model=_escape(model_name)), max(140 + 38 * lines, 360))


# ------------------------------------------------------------------------------------------ training
MAX_CURVE_POINTS = 400


def _thin(values: list, limit: int = MAX_CURVE_POINTS) -> list:
    if len(values) <= limit:
        return values
    step = len(values) / limit
    return [values[int(i * step)] for i in range(limit)] + [values[-1]]


def curves_figure(train_x: Sequence[float], train_loss: Sequence[float], train_accuracy: Sequence[float],
                  val_x: Sequence[float], val_loss: Sequence[float | None], val_accuracy: Sequence[float | None],
                  lang: str = "en", title: str | None = None, epochs: int | None = None) -> go.Figure:
    """Loss (left) and accuracy (right) against epochs: training as lines, validation as dots."""
    titles = (tr("chart.curves.loss", lang), tr("chart.curves.accuracy", lang))
    fig = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.1)
    train_name, val_name = tr("chart.curves.train", lang), tr("chart.curves.val", lang)
    rows = _thin(list(zip(train_x, train_loss, train_accuracy)))
    for col, index in ((1, 1), (2, 2)):
        fig.add_trace(go.Scatter(x=[r[0] for r in rows], y=[r[index] for r in rows],
                                 mode="lines+markers" if len(rows) < 3 else "lines",
                                 name=train_name, legendgroup="train", showlegend=col == 1,
                                 line={"color": BLUE, "width": 3}), row=1, col=col)
        values = val_loss if col == 1 else val_accuracy
        points = [(x, v) for x, v in zip(val_x, values) if v is not None]
        fig.add_trace(go.Scatter(x=[p[0] for p in points], y=[p[1] for p in points], mode="lines+markers",
                                 name=val_name, legendgroup="val", showlegend=col == 1,
                                 line={"color": ORANGE, "width": 3, "dash": "dot"},
                                 marker={"size": 12, "symbol": "diamond"}), row=1, col=col)
    top = max(epochs or 0, max(list(train_x) + list(val_x) + [1]))
    fig.update_xaxes(title_text=tr("chart.curves.x", lang), range=[0, top + 0.15], dtick=max(1, round(top / 10)))
    fig.update_yaxes(title_text=tr("chart.curves.loss", lang), rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text=tr("chart.curves.accuracy", lang), tickformat=".0%", range=[0, 1.02], row=1, col=2)
    fig.update_layout(legend={"orientation": "h", "y": -0.22})
    return finish_layout(fig, _escape(title) if title else tr("chart.curves.title", lang), 430)


def progress_curves_figure(progress: Sequence, lang: str = "en", epochs: int | None = None) -> go.Figure:
    """Live curves of a training job from its :class:`rnnviz.training.Progress` log."""
    batches = [p for p in progress if p.kind == "batch"]
    ends = [p for p in progress if p.kind == "epoch"]
    x = [p.epoch - 1 + p.batch / max(p.batches_per_epoch, 1) for p in batches]
    return curves_figure(x, [p.loss for p in batches], [p.accuracy for p in batches], [p.epoch for p in ends],
                         [p.val_loss for p in ends], [p.val_accuracy for p in ends], lang, epochs=epochs)


def history_figure(history: Sequence[dict], lang: str = "en", title: str | None = None) -> go.Figure:
    """The per-epoch curves stored in a checkpoint's history."""
    x = [h.get("epoch", i + 1) for i, h in enumerate(history)]
    return curves_figure(x, [h.get("train_loss") for h in history], [h.get("train_accuracy") for h in history], x,
                         [h.get("val_loss") for h in history], [h.get("val_accuracy") for h in history], lang, title)


# ------------------------------------------------------------------------------------------ models
def confusion_figure(confusion: np.ndarray, model_name: str, lang: str = "en") -> go.Figure:
    """(2, 2) counts, rows = true label (negative, positive), columns = prediction."""
    confusion = np.asarray(confusion, dtype=float)
    labels = [tr("chart.confusion.negative", lang), tr("chart.confusion.positive", lang)]
    share = confusion / max(confusion.sum(), 1)
    text = [[f"{int(confusion[r, c]):,}<br>({share[r, c]:.0%})" for c in range(2)] for r in range(2)]
    fig = go.Figure(go.Heatmap(
        z=confusion, x=labels, y=labels, text=text, texttemplate="%{text}", textfont={"size": BASE_FONT + 6},
        colorscale=[[0, "#FFFFFF"], [1, BLUE]], zmin=0,
        colorbar={"title": {"text": tr("chart.confusion.colorbar", lang)}},
        hovertemplate="%{y} → %{x}: %{z:,}<extra></extra>", xgap=4, ygap=4))
    fig.update_xaxes(title_text=tr("chart.confusion.x", lang), side="bottom")
    fig.update_yaxes(title_text=tr("chart.confusion.y", lang), autorange="reversed")
    return finish_layout(fig, tr("chart.confusion.title", lang, model=_escape(model_name)), 430)


def checkpoint_table(infos: Sequence, lang: str = "en") -> list[dict]:
    """One row per :class:`rnnviz.checkpoints.CheckpointInfo`, with translated column names."""
    rows = []
    for info in infos:
        config, metrics, source = info.config, info.metrics, info.data_source or {}
        seconds = metrics.get("train_seconds")
        cell = str(config.get("cell", "?")).upper()
        values = {
            "name": info.name, "origin": tr(f"models.origin.{'shipped' if info.shipped else 'user'}", lang),
            "cell": f"bi-{cell}" if config.get("bidirectional") else cell, "layers": config.get("num_layers"),
            "embedding": config.get("embedding_dim"), "hidden": config.get("hidden_size"),
            "max_len": config.get("max_len"), "vocab": config.get("vocab_size"), "params": metrics.get("n_params"),
            "trained_on": tr(f"predict.trained_on.{info.trained_on}", lang)
            if info.trained_on in ("imdb", "sst", "both") else info.trained_on,
            "test_accuracy": metrics.get("test_accuracy"), "sst_dev_accuracy": metrics.get("sst_dev_accuracy"),
            "order_pairs_accuracy": metrics.get("order_pairs_accuracy"),
            "train_time": round(seconds, 1) if isinstance(seconds, (int, float)) else None,
            "date": (info.created or "")[:16].replace("T", " "),
            "data": source.get("kind") if isinstance(source, dict) else None,
        }
        rows.append({tr(f"models.col.{key}", lang): value for key, value in values.items()})
    return rows


def weights_figure(parts: dict[str, int], lang: str = "en") -> go.Figure:
    """Where a network's weights are: one bar per part (embedding, recurrent layers, output layer)."""
    names = [tr(f"chart.weights.{part}", lang) for part in parts]
    total = max(sum(parts.values()), 1)
    fig = go.Figure(go.Bar(
        x=list(parts.values()), y=names, orientation="h", marker_color=[SKY, BLUE, ORANGE][: len(parts)],
        text=[f"{count:,} ({count / total:.0%})" for count in parts.values()], textposition="auto",
        textfont={"size": BASE_FONT + 2}, name=tr("chart.weights.legend", lang), showlegend=True,
        hovertemplate="%{y}: %{x:,}<extra></extra>"))
    fig.update_xaxes(title_text=tr("chart.weights.x", lang))
    fig.update_yaxes(title_text=tr("chart.weights.y", lang), autorange="reversed")
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.35})
    return finish_layout(fig, tr("chart.weights.title", lang, total=f"{total:,}"), 300)
