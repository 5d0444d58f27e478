"""Every chart of every page, in both languages: axis titles, a legend or colour bar, readable text.

The figures are read back from AppTest runs (what the browser would receive), so a chart added to a
page later is checked without touching this file.
"""

import json

import pytest

from app_support import open_page
from rnnviz.ui.navigation import PAGES

CARTESIAN = {"bar", "scatter", "heatmap", "histogram", "box", "violin", "scattergl"}
MIN_FONT_PX = 16  # chart and axis text readable from the back of a room at 1280x720


@pytest.fixture(autouse=True)
def environment(only_tiny_models):
    return only_tiny_models


def _figures(script: str, lang: str) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in open_page(script, lang).get("plotly_chart")]


def _axis_title(layout: dict, axis: str) -> str:
    name = axis[0] + "axis" + axis[1:]  # "x2" -> "xaxis2"
    title = layout.get(name, {}).get("title", {})
    return (title.get("text") if isinstance(title, dict) else title) or ""


def _problems(figure: dict) -> list[str]:
    problems = []
    data, layout = figure.get("data", []), figure.get("layout", {})
    title = layout.get("title", {})
    name = (title.get("text") if isinstance(title, dict) else title) or "untitled chart"
    for trace in data:
        if trace.get("type", "scatter") in CARTESIAN and trace.get("visible", True) is not False:
            for axis in (trace.get("xaxis", "x"), trace.get("yaxis", "y")):
                settings = layout.get(axis[0] + "axis" + axis[1:], {})
                shared = "matches" in settings  # titled on its twin
                scale_less = settings.get("showticklabels") is False  # a grid of words, not a scale
                if not shared and not scale_less and not _axis_title(layout, axis).strip():
                    problems.append(f"{name}: no title on axis {axis}")
    named = [t for t in data if t.get("name") and t.get("showlegend", True) is not False]
    legend = layout.get("showlegend", len(named) > 1) and named
    scales = [t for t in data if t.get("showscale", t.get("type") == "heatmap")
              or (t.get("marker") or {}).get("showscale") or (t.get("marker") or {}).get("colorbar")]
    if not legend and not scales:
        problems.append(f"{name}: neither a legend nor a colour bar")
    font = (layout.get("font") or {}).get("size")
    if font is None or font < MIN_FONT_PX:
        problems.append(f"{name}: base font {font} px < {MIN_FONT_PX}")
    return problems


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("spec", [s for s in PAGES if s.url_path], ids=lambda s: s.url_path)
def test_every_chart_is_readable_and_labelled(spec, lang):
    figures = _figures(spec.script, lang)
    problems = [p for figure in figures for p in _problems(figure)]
    assert not problems, "\n".join(problems)


def test_presenter_mode_enlarges_every_text_of_a_chart():
    from rnnviz.padding import pack, pad_batch, pad_tokens
    from rnnviz.ui import charts
    from rnnviz.ui.widgets import scale_for_presenter

    batch = pad_batch([[1, 5, 9], [1, 7]], maxlen=4)
    words = pad_tokens([["<start>", "a", "b"], ["<start>", "c"]], maxlen=4)
    for figure in (charts.padded_matrix_figure(batch.ids, words, "pre"),
                   charts.packed_figure(pack(batch), words, 2)):
        scaled = scale_for_presenter(figure).to_dict()
        assert scaled["layout"]["font"]["size"] >= 20 and scaled["layout"]["height"] > figure.layout.height
        for trace in scaled["data"]:
            for font in (trace.get("textfont"), (trace.get("colorbar") or {}).get("tickfont")):
                if font and font.get("size"):
                    assert font["size"] >= 16, trace["type"]
        assert figure.layout.font.size == 16, "the cached original is left as it was"
