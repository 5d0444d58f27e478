"""The kit of the fast chart builders (rnnviz.ui.probe_charts, rnnviz.ui.embedding_charts): colours,
legends and figures written as plain dicts.

Speed: these charts redraw on every keystroke of a review, and plotly's property validation costs
5-15 ms per figure, more than the probes themselves. So each figure is written as plain dicts and
built once with ``_validate=False``; ``tests/test_probes.py`` rebuilds every one of them *with*
validation, so a misspelt property still fails the tests.

Words typed by users reach these charts as plotly text, which plotly reads as a small HTML subset:
every word goes through :func:`safe_words` (``html.escape``) first.
"""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.ui.charts import BASE_FONT

# red = negative, white = 0, blue = positive (ColorBrewer RdBu): fine for the common colour-vision deficiencies.
# Written out because plotly.js' named "RdBu" runs the other way (blue low, red high).
DIVERGING = [[0.0, "#B2182B"], [0.25, "#EF8A62"], [0.5, "#F7F7F7"], [0.75, "#67A9CF"], [1.0, "#2166AC"]]
SEQUENTIAL = "Viridis"
WORDS_PER_LINE = 10
MAX_LABELS = 60  # beyond this many points, only some carry a written label
TOP_LEGEND = {"orientation": "h", "y": 1.1, "x": 1, "xanchor": "right"}
BOTTOM_LEGEND = {"orientation": "h", "y": -0.2}


def safe_words(words: Sequence[str]) -> list[str]:
    return [html.escape(str(w), quote=False) for w in words]


def titled(text: str) -> dict:
    return {"title": {"text": text}}


def plain_figure(data: list[dict], layout: dict, title: str, height: int) -> go.Figure:
    """One figure from plain dicts, with the app's large fonts (as ``charts.finish_layout``), unvalidated."""
    base = {"title": {"text": title, "font": {"size": BASE_FONT + 4}}, "font": {"size": BASE_FONT},
            "height": height, "margin": {"l": 20, "r": 20, "t": 60, "b": 20},
            "hoverlabel": {"font": {"size": BASE_FONT}}}
    return go.Figure(data=data, layout=base | layout, _validate=False)


def rounded(values, digits: int = 4) -> np.ndarray:
    return np.round(np.asarray(values, dtype=np.float64), digits)


def colourbar(text: str, **extra) -> dict:
    return {"title": {"text": text}} | extra


def grouped_bars(x: list, bars: list[tuple[str, np.ndarray, str]], x_title: str, y_title: str, title: str,
                 height: int = 440) -> go.Figure:
    data = [{"type": "bar", "x": x, "y": rounded(values), "name": name, "marker": {"color": colour},
             "text": [f"{v:.3f}" for v in values], "textposition": "outside"} for name, values, colour in bars]
    layout = {"barmode": "group", "legend": TOP_LEGEND, "showlegend": True, "xaxis": titled(x_title),
              "yaxis": titled(y_title) | {"rangemode": "tozero"}}
    return plain_figure(data, layout, title, height)
