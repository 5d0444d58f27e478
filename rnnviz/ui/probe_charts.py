"""Pure chart builders of the Hidden states and Embeddings pages: arrays in, plotly Figure out.

Speed: these charts redraw on every keystroke of a review, and plotly's property validation costs
5-15 ms per figure, more than the probes themselves. So each figure is written as plain dicts and
built once with ``_validate=False``; ``tests/test_probes.py`` rebuilds every one of them *with*
validation, so a misspelt property still fails the tests.

Words typed by users reach these charts as plotly text, which plotly reads as a small HTML subset:
every word goes through ``_safe`` (``html.escape``) first.
"""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.ui.charts import BASE_FONT, OKABE_ITO
from rnnviz.ui.texts import tr

# red = negative, white = 0, blue = positive (ColorBrewer RdBu): fine for the common colour-vision deficiencies.
# Written out because plotly.js' named "RdBu" runs the other way (blue low, red high).
DIVERGING = [[0.0, "#B2182B"], [0.25, "#EF8A62"], [0.5, "#F7F7F7"], [0.75, "#67A9CF"], [1.0, "#2166AC"]]
SEQUENTIAL = "Viridis"
WORDS_PER_LINE = 10
MAX_LABELS = 60  # beyond this many points, only some carry a written label
TOP_LEGEND = {"orientation": "h", "y": 1.1, "x": 1, "xanchor": "right"}
BOTTOM_LEGEND = {"orientation": "h", "y": -0.2}


def _safe(words: Sequence[str]) -> list[str]:
    return [html.escape(str(w), quote=False) for w in words]


def _title(text: str) -> dict:
    return {"title": {"text": text}}


def _figure(data: list[dict], layout: dict, title: str, height: int) -> go.Figure:
    """One figure from plain dicts, with the app's large fonts (as ``charts._layout``), unvalidated."""
    base = {"title": {"text": title, "font": {"size": BASE_FONT + 4}}, "font": {"size": BASE_FONT},
            "height": height, "margin": {"l": 20, "r": 20, "t": 60, "b": 20},
            "hoverlabel": {"font": {"size": BASE_FONT}}}
    return go.Figure(data=data, layout=base | layout, _validate=False)


def _hover_words(tokens: Sequence[str]) -> list[str]:
    """'position: word', unique even when a word repeats."""
    return [f"{i}: {w}" for i, w in enumerate(_safe(tokens))]


def _token_axis(tokens: Sequence[str], lang: str) -> dict:
    """Positions 0..T-1 (so repeated words stay apart), labelled with the words, at most 60 labels."""
    step = max(1, int(np.ceil(len(tokens) / 60)))
    positions = list(range(0, len(tokens), step))
    words = _safe(tokens)
    return {"title": {"text": tr("probe.axis.token", lang)}, "tickmode": "array", "tickvals": positions,
            "ticktext": [words[p] for p in positions], "tickangle": -60 if len(tokens) > 8 else 0}


def _round(values, digits: int = 4) -> np.ndarray:
    return np.round(np.asarray(values, dtype=np.float64), digits)


def unit_labels(hidden: int, directions: int) -> list[str]:
    """'u3' for a one-direction model, 'f3' / 'b3' (forward / backward) for a bidirectional one."""
    if directions == 1:
        return [f"u{i}" for i in range(hidden)]
    return [f"f{i}" for i in range(hidden)] + [f"b{i}" for i in range(hidden)]


def _colourbar(text: str, **extra) -> dict:
    return {"title": {"text": text}} | extra


# ---------------------------------------------------------------------------------- hidden states
def states_heatmap(states: np.ndarray, tokens: Sequence[str], directions: int, lang: str = "en",
                   title: str | None = None, zrange: tuple[float, float] = (-1.0, 1.0)) -> go.Figure:
    """states: (T, units) -> units down, tokens across, the value on hover."""
    steps, units = states.shape
    labels = unit_labels(units // directions, directions) if units % directions == 0 else list(map(str, range(units)))
    diverging = zrange[0] < 0
    # "position: word" categories are unique, so hover shows the word without a (units x T) customdata
    heatmap = {"type": "heatmap", "z": _round(states.T, 3), "x": _hover_words(tokens), "y": labels,
               "zmin": zrange[0], "zmax": zrange[1], "colorscale": DIVERGING if diverging else SEQUENTIAL,
               "colorbar": _colourbar(tr("probe.value", lang)),
               "hovertemplate": "%{x}<br>%{y} = %{z:.3f}<extra></extra>"}
    if diverging:
        heatmap["zmid"] = 0.0
    layout = {"yaxis": _title(tr("probe.axis.unit", lang)) | {"autorange": "reversed"},
              "xaxis": _title(tr("probe.axis.token", lang)) | {"type": "category", "nticks": 60,
                                                                 "tickangle": -60 if steps > 8 else 0}}
    return _figure([heatmap], layout, title or tr("probe.heatmap.title", lang), min(280 + 9 * units, 900))


def trajectory_figure(coords: np.ndarray, tokens: Sequence[str], probs: np.ndarray, explained: np.ndarray,
                      lang: str = "en") -> go.Figure:
    """coords: (T, 2 or 3) PCA of h_t; probs: (T,) P(positive) after each token, used as colour."""
    steps = len(tokens)
    label_every = max(1, int(np.ceil(steps / MAX_LABELS)))
    text = [w if i % label_every == 0 or i == steps - 1 else "" for i, w in enumerate(_safe(tokens))]
    axes = [f"PC{i + 1} ({explained[i]:.0%})" for i in range(coords.shape[1])]
    trace = {"mode": "lines+markers+text", "text": text, "customdata": _hover_words(tokens),
             "line": {"color": "#999999", "width": 2}, "name": tr("probe.trajectory.path", lang),
             "hovertemplate": "%{customdata}<extra></extra>", "textfont": {"size": BASE_FONT - 3},
             "marker": {"size": 9 if coords.shape[1] == 2 else 5, "color": _round(probs, 3), "cmin": 0, "cmax": 1,
                        "colorscale": DIVERGING, "colorbar": _colourbar("P(+)"),
                        "line": {"width": 1, "color": "#333333"}},
             "x": _round(coords[:, 0]), "y": _round(coords[:, 1])}
    layout = {"showlegend": True, "legend": {"orientation": "h", "y": -0.15}}
    if coords.shape[1] == 3:
        trace |= {"type": "scatter3d", "z": _round(coords[:, 2])}
        layout["scene"] = {"xaxis": _title(axes[0]), "yaxis": _title(axes[1]), "zaxis": _title(axes[2])}
    else:
        trace |= {"type": "scatter", "textposition": "top center"}
        layout |= {"xaxis": _title(axes[0]), "yaxis": _title(axes[1])}
    return _figure([trace], layout, tr("probe.trajectory.title", lang), 620)


def prob_lines(series: dict, lang: str = "en", treebank: Sequence[tuple[int, int]] | None = None) -> go.Figure:
    """series: checkpoint name -> (tokens (T,), P(positive) after each token (T,)).

    treebank: (position, fine label 0-4) of the prefixes the Sentiment Treebank labels, drawn as
        diamonds at label / 4 (0 very negative, 0.5 neutral, 1 very positive) beside the models' lines
    """
    data, longest = [], ()
    if treebank:
        positions, labels = zip(*treebank)
        data.append({"type": "scatter", "x": list(positions), "y": [label / 4 for label in labels], "mode": "markers",
                     "name": tr("probe.prob.treebank", lang),
                     "marker": {"symbol": "diamond", "size": 16, "color": "#000000", "line": {"color": "#FFFFFF",
                                                                                          "width": 1}},
                     "customdata": [tr(f"probe.treebank.{label}", lang) for label in labels],
                     "hovertemplate": "%{customdata}<extra></extra>"})
    for i, (name, (tokens, probs)) in enumerate(series.items()):
        longest = tokens if len(tokens) > len(longest) else longest
        data.append({"type": "scatter", "x": list(range(len(probs))), "y": _round(probs), "mode": "lines+markers",
                     "name": html.escape(name), "line": {"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 3},
                     "customdata": _hover_words(tokens),
                     "hovertemplate": f"{html.escape(name)}<br>%{{customdata}}<br>P(+) = %{{y:.3f}}<extra></extra>"})
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
                          "line": {"dash": "dot", "color": "#666666"}}],
              "yaxis": _title(tr("probe.axis.prob", lang)) | {"range": [-0.02, 1.02]},
              "xaxis": _token_axis(longest, lang), "legend": TOP_LEGEND, "showlegend": True}
    return _figure(data, layout, tr("probe.prob.title", lang), 480)


def gate_means_figure(means: dict, tokens: Sequence[str], lang: str = "en") -> go.Figure:
    """means: gate name -> (T,) mean over units."""
    data = []
    for i, (name, values) in enumerate(means.items()):
        label = tr(f"probe.gate.{name}", lang)
        data.append({"type": "scatter", "x": list(range(len(values))), "y": _round(values), "name": label,
                     "mode": "lines+markers", "line": {"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 3},
                     "customdata": _hover_words(tokens),
                     "hovertemplate": f"{label}<br>%{{customdata}}: %{{y:.3f}}<extra></extra>"})
    layout = {"yaxis": _title(tr("probe.axis.gate_mean", lang)), "xaxis": _token_axis(tokens, lang),
              "legend": {"orientation": "h", "y": -0.4}}
    return _figure(data, layout, tr("probe.gates.title", lang), 540)


def cell_loop_figure(by_module: np.ndarray, by_hand: np.ndarray, by_cell: np.ndarray, lang: str = "en",
                     limit: int = 800) -> go.Figure:
    """Every h_t value: nn.RNN's (x) against the hand loop's and RNNCell's (y): all on the diagonal."""
    x = _round(by_module.reshape(-1)[:limit])  # the first values are enough to see the diagonal
    data = [
        {"type": "scatter", "x": x, "y": _round(by_hand.reshape(-1)[:limit]), "mode": "markers",
         "name": tr("probe.loop.hand", lang), "marker": {"color": OKABE_ITO[0], "size": 9, "symbol": "circle-open"}},
        {"type": "scatter", "x": x, "y": _round(by_cell.reshape(-1)[:limit]), "mode": "markers",
         "name": tr("probe.loop.cell", lang), "marker": {"color": OKABE_ITO[1], "size": 4}},
        {"type": "scatter", "x": [-1, 1], "y": [-1, 1], "mode": "lines", "name": "y = x",
         "line": {"color": "#999999", "dash": "dot"}},
    ]
    layout = {"xaxis": _title(tr("probe.loop.x", lang)), "yaxis": _title(tr("probe.loop.y", lang)),
              "legend": BOTTOM_LEGEND}
    return _figure(data, layout, tr("probe.loop.title", lang), 460)


def _grouped_bars(x: list, bars: list[tuple[str, np.ndarray, str]], x_title: str, y_title: str, title: str,
                  height: int = 440) -> go.Figure:
    data = [{"type": "bar", "x": x, "y": _round(values), "name": name, "marker": {"color": colour},
             "text": [f"{v:.3f}" for v in values], "textposition": "outside"} for name, values, colour in bars]
    layout = {"barmode": "group", "legend": TOP_LEGEND, "showlegend": True, "xaxis": _title(x_title),
              "yaxis": _title(y_title) | {"rangemode": "tozero"}}
    return _figure(data, layout, title, height)


def last_state_figure(lengths: np.ndarray, error_last: np.ndarray, error_gathered: np.ndarray,
                      lang: str = "en") -> go.Figure:
    """Per row of a padded batch: how far out[:, -1] and the gathered state are from the row read alone."""
    rows = [tr("probe.last.row", lang, row=i + 1, length=int(n)) for i, n in enumerate(lengths)]
    return _grouped_bars(rows, [("out[:, -1]", error_last, OKABE_ITO[5]),
                                (tr("probe.last.gathered", lang), error_gathered, OKABE_ITO[2])],
                         tr("probe.last.x", lang), tr("probe.last.y", lang), tr("probe.last.title", lang))


def halves_figure(forward: float, backward: float, bias: float, lang: str = "en") -> go.Figure:
    """The logit split into what the forward half, the backward half and the bias add."""
    names = [tr(f"probe.halves.{k}", lang) for k in ("forward", "backward", "bias", "total")]
    values = [forward, backward, bias, forward + backward + bias]
    data = [{"type": "bar", "x": names, "y": _round(values), "text": [f"{v:+.2f}" for v in values],
             "textposition": "outside", "name": tr("probe.halves.contribution", lang), "showlegend": True,
             "marker": {"color": [OKABE_ITO[0], OKABE_ITO[1], "#999999", "#000000"]}}]
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
                          "line": {"color": "#333333"}}],
              "xaxis": _title(tr("probe.halves.x", lang)), "yaxis": _title(tr("probe.halves.y", lang)),
              "showlegend": True, "legend": TOP_LEGEND}
    return _figure(data, layout, tr("probe.halves.title", lang), 440)


def task_shapes_figure(shapes: Sequence, tokens: Sequence[str], lang: str = "en") -> go.Figure:
    """Four small diagrams stacked on one pair of axes: per shape, x_t at the bottom, h_t in the middle,
    the outputs on top (coloured and labelled by the P(positive) read there).

    shapes: lessons.TaskShape, all on the same first tokens of the review.
    """
    words = _safe(tokens)
    n = max(len(s.values) for s in shapes if s.name == "many_to_many")
    steps = list(range(n))
    data, annotations, tickvals, ticktext = [], [], [], []
    for k, shape in enumerate(shapes):
        base = 5 * (len(shapes) - 1 - k) + 0.8  # the first shape on top; x_t, h_t, y_t at base + 0, 1, 2
        first = k == 0
        used = [t in shape.inputs for t in steps]
        data += [
            {"type": "scatter", "x": steps, "y": [base + 1] * n, "mode": "lines+markers", "hoverinfo": "skip",
             "name": tr("probe.shape.hidden", lang), "showlegend": first, "legendgroup": "h",
             "marker": {"size": 20, "color": OKABE_ITO[4], "symbol": "square"}, "line": {"color": "#999999"}},
            {"type": "scatter", "x": steps, "y": [base] * n, "mode": "markers+text", "textposition": "bottom center",
             "text": [words[t] if u else "pad" for t, u in zip(steps, used)], "hoverinfo": "skip",
             "textfont": {"size": BASE_FONT - 3},
             "name": tr("probe.shape.input", lang), "showlegend": first, "legendgroup": "x",
             "marker": {"size": 18, "color": [OKABE_ITO[2] if u else "#E6E6E6" for u in used]}},
            {"type": "scatter", "x": list(shape.outputs), "y": [base + 2] * len(shape.outputs),
             "mode": "markers+text", "text": [f"{v:.2f}" for v in shape.values], "textposition": "top center",
             "textfont": {"size": BASE_FONT - 3},
             "name": tr("probe.shape.output", lang), "showlegend": first, "legendgroup": "y", "hoverinfo": "skip",
             "marker": {"size": 18, "color": _round(shape.values, 3), "cmin": 0, "cmax": 1, "colorscale": DIVERGING,
                        "line": {"width": 1, "color": "#333333"}, "showscale": first,
                        "colorbar": _colourbar("P(+)", len=0.5)}},
        ]
        tickvals += [base, base + 1, base + 2]
        ticktext += ["x_t", "h_t", "y_t"]
        annotations.append({"x": -0.6, "y": base + 3.2, "xref": "x", "yref": "y", "showarrow": False,
                            "xanchor": "left", "text": f"<b>{tr(f'probe.shape.{shape.name}', lang)}</b>",
                            "font": {"size": BASE_FONT}})
    layout = {"annotations": annotations, "legend": {"orientation": "h", "y": -0.1},
              "yaxis": _title(tr("probe.shapes.y", lang)) | {"tickvals": tickvals, "ticktext": ticktext,
                                                             "range": [0, 5 * len(shapes)],
                        "showgrid": False, "zeroline": False},
              "xaxis": _title(tr("probe.axis.step", lang)) | {"range": [-0.6, n + 0.2], "dtick": 1,
                                                                "zeroline": False}}
    return _figure(data, layout, tr("probe.shapes.title", lang), 940)


def word_colours(tokens: Sequence[str], values: np.ndarray, lang: str = "en", title: str = "",
                 highlight: int | None = None) -> go.Figure:
    """The review as text, each word's cell coloured by ``values`` (T,) (a unit's activation)."""
    steps = len(tokens)
    lines = max(1, int(np.ceil(steps / WORDS_PER_LINE)))
    z = np.full((lines, WORDS_PER_LINE), np.nan)
    text = np.full(z.shape, "", dtype=object)
    hover = np.full(z.shape, "", dtype=object)
    for i, (word, value) in enumerate(zip(_safe(tokens), values)):
        z[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = value
        text[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = f"<b>[{word}]</b>" if i == highlight else word
        hover[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = f"{i}: {word}"
    bound = max(float(np.nanmax(np.abs(values))) if steps else 1.0, 1e-6)
    data = [{"type": "heatmap", "z": _round(z, 3).tolist(), "text": text.tolist(), "customdata": hover.tolist(),
             "texttemplate": "%{text}", "textfont": {"size": BASE_FONT - 3}, "zmin": -bound, "zmax": bound,
             "zmid": 0, "colorscale": DIVERGING, "xgap": 3, "ygap": 3,
             "colorbar": _colourbar(tr("probe.value", lang)),
             "hovertemplate": "%{customdata}<br>%{z:.3f}<extra></extra>"}]
    hidden = {"showticklabels": False, "showgrid": False, "zeroline": False}
    layout = {"xaxis": _title(tr("probe.words.x", lang)) | hidden,
              "yaxis": _title(tr("probe.words.y", lang)) | hidden | {"autorange": "reversed"}}
    return _figure(data, layout, title, max(280, 150 + 40 * lines))


def reaction_figure(labels: Sequence[str], delta: np.ndarray, activation: np.ndarray, word: str,
                    lang: str = "en") -> go.Figure:
    """The units that moved most on one word: Δh (bars) and the activation reached (diamonds)."""
    data = [{"type": "bar", "x": list(labels), "y": _round(delta), "name": "Δh",
             "marker": {"color": [OKABE_ITO[0] if d > 0 else OKABE_ITO[5] for d in delta]}},
            {"type": "scatter", "x": list(labels), "y": _round(activation), "mode": "markers", "name": "h_t",
             "marker": {"symbol": "diamond", "size": 12, "color": "#000000"}}]
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
                          "line": {"color": "#333333"}}],
              "xaxis": _title(tr("probe.axis.unit", lang)) | {"type": "category"},
              "yaxis": _title(tr("probe.value", lang)), "legend": TOP_LEGEND}
    return _figure(data, layout, tr("probe.reaction.title", lang, word=html.escape(word)), 420)


# ---------------------------------------------------------------------------------- embeddings
def matrix_figure(matrix: np.ndarray, rows: Sequence[str], title: str, lang: str = "en",
                  highlight: Sequence[int] = ()) -> go.Figure:
    """A small matrix with its values written in the cells (rows = words or ids, columns = dimensions)."""
    n, dims = matrix.shape
    bound = max(float(np.abs(matrix).max()) if matrix.size else 1.0, 1e-6)
    labels = [f"▶ {r}" if i in highlight else str(r) for i, r in enumerate(_safe(rows))]
    data = [{"type": "heatmap", "z": _round(matrix, 3), "x": [f"d{j}" for j in range(dims)], "y": labels,
             "zmin": -bound, "zmax": bound, "zmid": 0, "colorscale": DIVERGING,
             "text": np.round(matrix, 2).astype(str).tolist(), "texttemplate": "%{text}" if dims <= 16 else "",
             "textfont": {"size": BASE_FONT - 3}, "xgap": 2, "ygap": 2,
             "colorbar": _colourbar(tr("probe.value", lang)),
             "hovertemplate": "%{y}, %{x} = %{z:.3f}<extra></extra>"}]
    layout = {"yaxis": _title(tr("emb.axis.row", lang)) | {"autorange": "reversed", "type": "category"},
              "xaxis": _title(tr("emb.axis.dimension", lang))}
    return _figure(data, layout, title, 180 + 40 * n)


def freeze_figure(change_frozen: np.ndarray, change_free: np.ndarray, lang: str = "en") -> go.Figure:
    rows = [f"{tr('emb.axis.row', lang)} {i}" for i in range(len(change_free))]
    return _grouped_bars(rows, [("freeze=True", change_frozen, OKABE_ITO[0]),
                                ("freeze=False", change_free, OKABE_ITO[1])],
                         tr("emb.freeze.x", lang), tr("emb.freeze.y", lang), tr("emb.freeze.title", lang), 420)


def _polarity_marker(polarity: np.ndarray, size: int) -> dict:
    return {"size": size, "color": _round(polarity, 3), "cmin": 0, "cmax": 1, "colorscale": DIVERGING,
            "colorbar": _colourbar("P(+)"), "line": {"width": 0.5, "color": "#555555"}}


def _labelled(words: Sequence[str], labelled: int, by: np.ndarray) -> list[str]:
    """Write only the ``labelled`` words at the two ends of ``by`` (n,): the telling ones, not the crowd."""
    order = np.argsort(np.asarray(by), kind="stable")
    keep = set(order[: labelled // 2].tolist()) | set(order[len(order) - labelled // 2:].tolist())
    return [w if i in keep else "" for i, w in enumerate(words)]


def space_figure(words: Sequence[str], coords: np.ndarray, polarity: np.ndarray, explained: np.ndarray,
                 dims: int = 2, labelled: int = 40, lang: str = "en") -> go.Figure:
    """Words placed by PCA of their embeddings (coords (n, 3)), coloured by polarity (n,); the
    ``labelled`` most positive and negative words are written, the others shown on hover."""
    safe = _safe(words)
    axes = [f"PC{i + 1} ({explained[i]:.0%})" for i in range(3)]
    trace = {"mode": "markers+text", "text": _labelled(safe, labelled, polarity), "name": tr("emb.space.words", lang),
             "customdata": [f"{w}<br>P(+) = {p:.2f}" for w, p in zip(safe, polarity)],
             "hovertemplate": "%{customdata}<extra></extra>", "textfont": {"size": BASE_FONT - 3},
             "x": _round(coords[:, 0]), "y": _round(coords[:, 1])}
    layout = {"showlegend": True, "legend": {"orientation": "h", "y": -0.12}}
    if dims == 3:
        trace |= {"type": "scatter3d", "z": _round(coords[:, 2]), "marker": _polarity_marker(polarity, 4)}
        layout["scene"] = {"xaxis": _title(axes[0]), "yaxis": _title(axes[1]), "zaxis": _title(axes[2])}
    else:
        trace |= {"type": "scattergl", "textposition": "top center", "marker": _polarity_marker(polarity, 8)}
        layout |= {"xaxis": _title(axes[0]), "yaxis": _title(axes[1])}
    return _figure([trace], layout, tr("emb.space.title", lang, count=len(words)), 680)


def neighbours_figure(word: str, words: Sequence[str], similarity: np.ndarray, lang: str = "en",
                      title: str | None = None) -> go.Figure:
    distance = 1.0 - np.asarray(similarity, dtype=np.float64)
    data = [{"type": "bar", "x": _round(distance), "y": _safe(words), "orientation": "h",
             "marker": {"color": OKABE_ITO[0]}, "text": [f"cos {s:.2f}" for s in similarity],
             "textposition": "outside", "name": tr("emb.near.distance", lang), "showlegend": True,
             "hovertemplate": "%{y}: 1 - cos = %{x:.3f}<extra></extra>"}]
    layout = {"yaxis": _title(tr("emb.near.y", lang)) | {"autorange": "reversed", "type": "category"},
              "xaxis": _title(tr("emb.near.distance", lang)) | {
                  "range": [0, max(1.0, 1.3 * float(distance.max(initial=0)))]},
              "legend": BOTTOM_LEGEND}
    title = html.escape(title) if title is not None else tr("emb.near.title", lang, word=html.escape(word))
    return _figure(data, layout, title, 240 + 34 * len(words))


def axis_figure(words: Sequence[str], position: np.ndarray, polarity: np.ndarray, negative: str, positive: str,
                labelled: int = 40, lang: str = "en") -> go.Figure:
    """Words on the semantic axis (x: -1 = negative anchor, +1 = positive anchor) against polarity (y)."""
    safe = _safe(words)
    data = [{"type": "scattergl", "x": _round(position), "y": _round(polarity), "mode": "markers+text",
             "text": _labelled(safe, labelled, position), "textposition": "top center", "customdata": safe,
             "marker": _polarity_marker(polarity, 8), "name": tr("emb.space.words", lang),
             "textfont": {"size": BASE_FONT - 3},
             "hovertemplate": "%{customdata}: %{x:.2f}, P(+) = %{y:.2f}<extra></extra>"}]
    shapes = [{"type": "line", "x0": x, "x1": x, "yref": "paper", "y0": 0, "y1": 1,
               "line": {"dash": "dot", "color": "#333333"}} for x in (-1, 1)]
    annotations = [{"x": x, "y": 1.0, "yref": "paper", "text": html.escape(w), "showarrow": False,
                    "yanchor": "bottom", "font": {"size": BASE_FONT}} for x, w in ((-1, negative), (1, positive))]
    layout = {"shapes": shapes, "annotations": annotations, "showlegend": True, "legend": BOTTOM_LEGEND,
              "xaxis": _title(tr("emb.axis.x", lang, negative=html.escape(negative), positive=html.escape(positive))),
              "yaxis": _title(tr("emb.axis.y", lang)) | {"range": [-0.02, 1.05]}}
    return _figure(data, layout, tr("emb.axis.title", lang), 560)


def comparison_figure(words: Sequence[str], polarity_a: np.ndarray, polarity_b: np.ndarray, overlap: np.ndarray,
                      name_a: str, name_b: str, labelled: int = 30, lang: str = "en") -> go.Figure:
    safe = _safe(words)
    data = [{"type": "scattergl", "x": _round(polarity_a), "y": _round(polarity_b), "mode": "markers+text",
             "text": _labelled(safe, labelled, np.asarray(polarity_a) + np.asarray(polarity_b)),
             "textposition": "top center", "customdata": safe, "name": tr("emb.space.words", lang),
             "marker": {"size": 8, "color": _round(overlap, 3), "cmin": 0, "cmax": 1, "colorscale": SEQUENTIAL,
                        "colorbar": _colourbar(tr("emb.compare.overlap", lang))},
             "hovertemplate": "%{customdata}: %{x:.2f} / %{y:.2f}<extra></extra>"},
            {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines", "name": "y = x",
             "line": {"color": "#999999", "dash": "dot"}}]
    layout = {"xaxis": _title(f"P(+) {html.escape(name_a)}") | {"range": [-0.02, 1.02]},
              "yaxis": _title(f"P(+) {html.escape(name_b)}") | {"range": [-0.02, 1.02]},
              "legend": BOTTOM_LEGEND}
    return _figure(data, layout, tr("emb.compare.title", lang), 600)


def timeline_figure(words: Sequence[str], coords: np.ndarray, polarity: np.ndarray, epochs: Sequence[int],
                    explained: np.ndarray, lang: str = "en", labelled: int = 24, at_last: bool = False) -> go.Figure:
    """The word map at every epoch of a training run, on the same axes: coords (S, W, 2), polarity (S, W).

    A slider and a play button step through the epochs in the browser (plotly frames: no round trip to
    the server). The ``labelled`` words written are the most polar ones of the last epoch, in every frame,
    so the eye can follow them from the start. at_last: open on the last epoch (a live view) instead of epoch 0.
    """
    safe = _safe(words)
    text = _labelled(safe, labelled, polarity[-1])
    epoch_label = tr("emb.timeline.epoch", lang)

    def trace(step: int) -> dict:
        return {"type": "scatter", "mode": "markers+text", "x": _round(coords[step, :, 0]),
                "y": _round(coords[step, :, 1]), "text": text, "textposition": "top center",
                "textfont": {"size": BASE_FONT - 3}, "marker": _polarity_marker(polarity[step], 9),
                "customdata": [f"{w}<br>P(+) = {p:.2f}" for w, p in zip(safe, polarity[step])],
                "hovertemplate": "%{customdata}<extra></extra>", "name": tr("emb.space.words", lang)}

    # Fixed ranges: the map must not re-zoom from one epoch to the next.
    low, high = coords[..., :2].min(axis=(0, 1)), coords[..., :2].max(axis=(0, 1))
    pad = 0.08 * np.maximum(high - low, 1e-6)
    names = [str(int(epoch)) for epoch in epochs]
    frames = [go.Frame(data=[trace(step)], name=name) for step, name in enumerate(names)]
    play = {"frame": {"duration": 900, "redraw": True}, "fromcurrent": True, "transition": {"duration": 500}}
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": {"duration": 0}}
    layout = {
        "xaxis": _title(f"PC1 ({explained[0]:.0%})") | {"range": [float(low[0] - pad[0]), float(high[0] + pad[0])]},
        "yaxis": _title(f"PC2 ({explained[1]:.0%})") | {"range": [float(low[1] - pad[1]), float(high[1] + pad[1])]},
        "showlegend": True, "legend": {"orientation": "h", "y": -0.32},
        "margin": {"l": 20, "r": 20, "t": 60, "b": 150},
        "updatemenus": [{"type": "buttons", "direction": "left", "x": 0.0, "y": -0.1, "xanchor": "left",
                         "yanchor": "top", "pad": {"r": 10, "t": 10}, "font": {"size": BASE_FONT},
                         "buttons": [{"label": "▶ " + tr("emb.timeline.play", lang), "method": "animate",
                                      "args": [None, play]},
                                     {"label": "■ " + tr("emb.timeline.pause", lang), "method": "animate",
                                      "args": [[None], pause]}]}],
        "sliders": [{"active": len(names) - 1 if at_last else 0, "x": 0.25, "len": 0.75, "y": -0.1, "yanchor": "top", "pad": {"t": 10},
                     "currentvalue": {"prefix": f"{epoch_label} ", "font": {"size": BASE_FONT + 2}, "xanchor": "right"},
                     "font": {"size": BASE_FONT},
                     "steps": [{"label": name, "method": "animate",
                                "args": [[name], pause | {"frame": {"duration": 0, "redraw": True}}]}
                               for name in names]}],
    }
    figure = _figure([trace(len(names) - 1 if at_last else 0)], layout,
                     tr("emb.timeline.title", lang, count=len(words)), 760)
    figure.frames = frames
    return figure


def probe_curves_figure(epochs: Sequence[int], texts: Sequence[str], probes: np.ndarray, lang: str = "en",
                        title: str | None = None) -> go.Figure:
    """P(positive) of each probe review (probes (S, P)) after each epoch; epoch 0 = before training."""
    data = [{"type": "scatter", "mode": "lines+markers", "x": list(map(int, epochs)), "y": _round(probes[:, i], 3),
             "name": html.escape(text if len(text) <= 48 else text[:47] + "…", quote=False),
             "line": {"width": 3, "color": OKABE_ITO[i % len(OKABE_ITO)]}, "marker": {"size": 9},
             "hovertemplate": f"{tr('emb.timeline.epoch', lang)} %{{x}}: P(+) = %{{y:.2f}}<extra></extra>"}
            for i, text in enumerate(texts)]
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
               "line": {"dash": "dot", "color": "#333333"}}]
    layout = {"shapes": shapes, "showlegend": True, "legend": {"orientation": "h", "y": -0.25},
              "xaxis": _title(tr("emb.timeline.epoch", lang)) | {"dtick": 1},
              "yaxis": _title(tr("emb.timeline.probability", lang)) | {"range": [-0.02, 1.02]}}
    return _figure(data, layout, title or tr("emb.timeline.probes.title", lang), 420 + 28 * len(texts))
