"""Pure chart builders of the Hidden states page (and the word colours other pages share): arrays in,
plotly Figure out, written as plain dicts (:mod:`rnnviz.ui.figure_kit`); the Embeddings page's are in
:mod:`rnnviz.ui.embedding_charts`."""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.ui.charts import BASE_FONT, OKABE_ITO
from rnnviz.ui.figure_kit import (
    BOTTOM_LEGEND, DIVERGING, MAX_LABELS, SEQUENTIAL, TOP_LEGEND, WORDS_PER_LINE, colourbar, grouped_bars, plain_figure,
    rounded, safe_words, titled,
)
from rnnviz.ui.texts import tr

def _hover_words(tokens: Sequence[str]) -> list[str]:
    """'position: word', unique even when a word repeats."""
    return [f"{i}: {w}" for i, w in enumerate(safe_words(tokens))]


def _token_axis(tokens: Sequence[str], lang: str) -> dict:
    """Positions 0..T-1 (so repeated words stay apart), labelled with the words, at most 60 labels."""
    step = max(1, int(np.ceil(len(tokens) / 60)))
    positions = list(range(0, len(tokens), step))
    words = safe_words(tokens)
    return {"title": {"text": tr("probe.axis.token", lang)}, "tickmode": "array", "tickvals": positions,
            "ticktext": [words[p] for p in positions], "tickangle": -60 if len(tokens) > 8 else 0}


def unit_labels(hidden: int, directions: int) -> list[str]:
    """'u3' for a one-direction model, 'f3' / 'b3' (forward / backward) for a bidirectional one."""
    if directions == 1:
        return [f"u{i}" for i in range(hidden)]
    return [f"f{i}" for i in range(hidden)] + [f"b{i}" for i in range(hidden)]


# ---------------------------------------------------------------------------------- hidden states
def states_heatmap(states: np.ndarray, tokens: Sequence[str], directions: int, lang: str = "en",
                   title: str | None = None, zrange: tuple[float, float] = (-1.0, 1.0)) -> go.Figure:
    """states: (T, units) -> units down, tokens across, the value on hover."""
    steps, units = states.shape
    labels = unit_labels(units // directions, directions) if units % directions == 0 else list(map(str, range(units)))
    diverging = zrange[0] < 0
    # "position: word" categories are unique, so hover shows the word without a (units x T) customdata
    heatmap = {"type": "heatmap", "z": rounded(states.T, 3), "x": _hover_words(tokens), "y": labels,
               "zmin": zrange[0], "zmax": zrange[1], "colorscale": DIVERGING if diverging else SEQUENTIAL,
               "colorbar": colourbar(tr("probe.value", lang)),
               "hovertemplate": "%{x}<br>%{y} = %{z:.3f}<extra></extra>"}
    if diverging:
        heatmap["zmid"] = 0.0
    layout = {"yaxis": titled(tr("probe.axis.unit", lang)) | {"autorange": "reversed"},
              "xaxis": titled(tr("probe.axis.token", lang)) | {"type": "category", "nticks": 60,
                                                                 "tickangle": -60 if steps > 8 else 0}}
    return plain_figure([heatmap], layout, title or tr("probe.heatmap.title", lang), min(280 + 9 * units, 900))


def trajectory_figure(coords: np.ndarray, tokens: Sequence[str], probs: np.ndarray, explained: np.ndarray,
                      lang: str = "en") -> go.Figure:
    """coords: (T, 2 or 3) PCA of h_t; probs: (T,) P(positive) after each token, used as colour."""
    steps = len(tokens)
    label_every = max(1, int(np.ceil(steps / MAX_LABELS)))
    text = [w if i % label_every == 0 or i == steps - 1 else "" for i, w in enumerate(safe_words(tokens))]
    axes = [f"PC{i + 1} ({explained[i]:.0%})" for i in range(coords.shape[1])]
    trace = {"mode": "lines+markers+text", "text": text, "customdata": _hover_words(tokens),
             "line": {"color": "#999999", "width": 2}, "name": tr("probe.trajectory.path", lang),
             "hovertemplate": "%{customdata}<extra></extra>", "textfont": {"size": BASE_FONT - 3},
             "marker": {"size": 9 if coords.shape[1] == 2 else 5, "color": rounded(probs, 3), "cmin": 0, "cmax": 1,
                        "colorscale": DIVERGING, "colorbar": colourbar("P(+)"),
                        "line": {"width": 1, "color": "#333333"}},
             "x": rounded(coords[:, 0]), "y": rounded(coords[:, 1])}
    layout = {"showlegend": True, "legend": {"orientation": "h", "y": -0.15}}
    if coords.shape[1] == 3:
        trace |= {"type": "scatter3d", "z": rounded(coords[:, 2])}
        layout["scene"] = {"xaxis": titled(axes[0]), "yaxis": titled(axes[1]), "zaxis": titled(axes[2])}
    else:
        trace |= {"type": "scatter", "textposition": "top center"}
        layout |= {"xaxis": titled(axes[0]), "yaxis": titled(axes[1])}
    return plain_figure([trace], layout, tr("probe.trajectory.title", lang), 620)


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
        data.append({"type": "scatter", "x": list(range(len(probs))), "y": rounded(probs), "mode": "lines+markers",
                     "name": html.escape(name), "line": {"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 3},
                     "customdata": _hover_words(tokens),
                     "hovertemplate": f"{html.escape(name)}<br>%{{customdata}}<br>P(+) = %{{y:.3f}}<extra></extra>"})
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
                          "line": {"dash": "dot", "color": "#666666"}}],
              "yaxis": titled(tr("probe.axis.prob", lang)) | {"range": [-0.02, 1.02]},
              "xaxis": _token_axis(longest, lang), "legend": TOP_LEGEND, "showlegend": True}
    return plain_figure(data, layout, tr("probe.prob.title", lang), 480)


def gate_means_figure(means: dict, tokens: Sequence[str], lang: str = "en") -> go.Figure:
    """means: gate name -> (T,) mean over units."""
    data = []
    for i, (name, values) in enumerate(means.items()):
        label = tr(f"probe.gate.{name}", lang)
        data.append({"type": "scatter", "x": list(range(len(values))), "y": rounded(values), "name": label,
                     "mode": "lines+markers", "line": {"color": OKABE_ITO[i % len(OKABE_ITO)], "width": 3},
                     "customdata": _hover_words(tokens),
                     "hovertemplate": f"{label}<br>%{{customdata}}: %{{y:.3f}}<extra></extra>"})
    layout = {"yaxis": titled(tr("probe.axis.gate_mean", lang)), "xaxis": _token_axis(tokens, lang),
              "legend": {"orientation": "h", "y": -0.4}}
    return plain_figure(data, layout, tr("probe.gates.title", lang), 540)


def cell_loop_figure(by_module: np.ndarray, by_hand: np.ndarray, by_cell: np.ndarray, lang: str = "en",
                     limit: int = 800) -> go.Figure:
    """Every h_t value: nn.RNN's (x) against the hand loop's and RNNCell's (y): all on the diagonal."""
    x = rounded(by_module.reshape(-1)[:limit])  # the first values are enough to see the diagonal
    data = [
        {"type": "scatter", "x": x, "y": rounded(by_hand.reshape(-1)[:limit]), "mode": "markers",
         "name": tr("probe.loop.hand", lang), "marker": {"color": OKABE_ITO[0], "size": 9, "symbol": "circle-open"}},
        {"type": "scatter", "x": x, "y": rounded(by_cell.reshape(-1)[:limit]), "mode": "markers",
         "name": tr("probe.loop.cell", lang), "marker": {"color": OKABE_ITO[1], "size": 4}},
        {"type": "scatter", "x": [-1, 1], "y": [-1, 1], "mode": "lines", "name": "y = x",
         "line": {"color": "#999999", "dash": "dot"}},
    ]
    layout = {"xaxis": titled(tr("probe.loop.x", lang)), "yaxis": titled(tr("probe.loop.y", lang)),
              "legend": BOTTOM_LEGEND}
    return plain_figure(data, layout, tr("probe.loop.title", lang), 460)


def last_state_figure(lengths: np.ndarray, error_last: np.ndarray, error_gathered: np.ndarray,
                      lang: str = "en") -> go.Figure:
    """Per row of a padded batch: how far out[:, -1] and the gathered state are from the row read alone."""
    rows = [tr("probe.last.row", lang, row=i + 1, length=int(n)) for i, n in enumerate(lengths)]
    return grouped_bars(rows, [("out[:, -1]", error_last, OKABE_ITO[5]),
                                (tr("probe.last.gathered", lang), error_gathered, OKABE_ITO[2])],
                         tr("probe.last.x", lang), tr("probe.last.y", lang), tr("probe.last.title", lang))


def halves_figure(forward: float, backward: float, bias: float, lang: str = "en") -> go.Figure:
    """The logit split into what the forward half, the backward half and the bias add."""
    names = [tr(f"probe.halves.{k}", lang) for k in ("forward", "backward", "bias", "total")]
    values = [forward, backward, bias, forward + backward + bias]
    data = [{"type": "bar", "x": names, "y": rounded(values), "text": [f"{v:+.2f}" for v in values],
             "textposition": "outside", "name": tr("probe.halves.contribution", lang), "showlegend": True,
             "marker": {"color": [OKABE_ITO[0], OKABE_ITO[1], "#999999", "#000000"]}}]
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
                          "line": {"color": "#333333"}}],
              "xaxis": titled(tr("probe.halves.x", lang)), "yaxis": titled(tr("probe.halves.y", lang)),
              "showlegend": True, "legend": TOP_LEGEND}
    return plain_figure(data, layout, tr("probe.halves.title", lang), 440)


def task_shapes_figure(shapes: Sequence, tokens: Sequence[str], lang: str = "en") -> go.Figure:
    """Four small diagrams stacked on one pair of axes: per shape, x_t at the bottom, h_t in the middle,
    the outputs on top (coloured and labelled by the P(positive) read there).

    shapes: lessons.TaskShape, all on the same first tokens of the review.
    """
    words = safe_words(tokens)
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
             "marker": {"size": 18, "color": rounded(shape.values, 3), "cmin": 0, "cmax": 1, "colorscale": DIVERGING,
                        "line": {"width": 1, "color": "#333333"}, "showscale": first,
                        "colorbar": colourbar("P(+)", len=0.5)}},
        ]
        tickvals += [base, base + 1, base + 2]
        ticktext += ["x_t", "h_t", "y_t"]
        annotations.append({"x": -0.6, "y": base + 3.2, "xref": "x", "yref": "y", "showarrow": False,
                            "xanchor": "left", "text": f"<b>{tr(f'probe.shape.{shape.name}', lang)}</b>",
                            "font": {"size": BASE_FONT}})
    layout = {"annotations": annotations, "legend": {"orientation": "h", "y": -0.1},
              "yaxis": titled(tr("probe.shapes.y", lang)) | {"tickvals": tickvals, "ticktext": ticktext,
                                                             "range": [0, 5 * len(shapes)],
                        "showgrid": False, "zeroline": False},
              "xaxis": titled(tr("probe.axis.step", lang)) | {"range": [-0.6, n + 0.2], "dtick": 1,
                                                                "zeroline": False}}
    return plain_figure(data, layout, tr("probe.shapes.title", lang), 940)


def word_colours(tokens: Sequence[str], values: np.ndarray, lang: str = "en", title: str = "",
                 highlight: int | None = None) -> go.Figure:
    """The review as text, each word's cell coloured by ``values`` (T,) (a unit's activation)."""
    steps = len(tokens)
    lines = max(1, int(np.ceil(steps / WORDS_PER_LINE)))
    z = np.full((lines, WORDS_PER_LINE), np.nan)
    text = np.full(z.shape, "", dtype=object)
    hover = np.full(z.shape, "", dtype=object)
    for i, (word, value) in enumerate(zip(safe_words(tokens), values)):
        z[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = value
        text[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = f"<b>[{word}]</b>" if i == highlight else word
        hover[i // WORDS_PER_LINE, i % WORDS_PER_LINE] = f"{i}: {word}"
    bound = max(float(np.nanmax(np.abs(values))) if steps else 1.0, 1e-6)
    data = [{"type": "heatmap", "z": rounded(z, 3).tolist(), "text": text.tolist(), "customdata": hover.tolist(),
             "texttemplate": "%{text}", "textfont": {"size": BASE_FONT - 3}, "zmin": -bound, "zmax": bound,
             "zmid": 0, "colorscale": DIVERGING, "xgap": 3, "ygap": 3,
             "colorbar": colourbar(tr("probe.value", lang)),
             "hovertemplate": "%{customdata}<br>%{z:.3f}<extra></extra>"}]
    hidden = {"showticklabels": False, "showgrid": False, "zeroline": False}
    layout = {"xaxis": titled(tr("probe.words.x", lang)) | hidden,
              "yaxis": titled(tr("probe.words.y", lang)) | hidden | {"autorange": "reversed"}}
    return plain_figure(data, layout, title, max(280, 150 + 40 * lines))


def reaction_figure(labels: Sequence[str], delta: np.ndarray, activation: np.ndarray, word: str,
                    lang: str = "en") -> go.Figure:
    """The units that moved most on one word: Δh (bars) and the activation reached (diamonds)."""
    data = [{"type": "bar", "x": list(labels), "y": rounded(delta), "name": "Δh",
             "marker": {"color": [OKABE_ITO[0] if d > 0 else OKABE_ITO[5] for d in delta]}},
            {"type": "scatter", "x": list(labels), "y": rounded(activation), "mode": "markers", "name": "h_t",
             "marker": {"symbol": "diamond", "size": 12, "color": "#000000"}}]
    layout = {"shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
                          "line": {"color": "#333333"}}],
              "xaxis": titled(tr("probe.axis.unit", lang)) | {"type": "category"},
              "yaxis": titled(tr("probe.value", lang)), "legend": TOP_LEGEND}
    return plain_figure(data, layout, tr("probe.reaction.title", lang, word=html.escape(word)), 420)


# ---------------------------------------------------------------------------------- embeddings
