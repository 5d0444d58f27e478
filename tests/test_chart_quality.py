"""Every chart of every page, in both languages: axis titles, a legend or colour bar, readable text.

The figures are read back from AppTest runs (what the browser would receive), so a chart added to a
page later is checked without touching this file.
"""

import json

import pytest

from app_support import open_page, open_section
from rnnviz.ui.navigation import PAGES

CARTESIAN = {"bar", "scatter", "heatmap", "histogram", "box", "violin", "scattergl"}
MIN_FONT_PX = 16  # chart and axis text readable from the back of a room at 1280x720


@pytest.fixture(autouse=True)
def environment(only_tiny_models):
    return only_tiny_models


def _figures(script: str, lang: str) -> list[dict]:
    """Every chart of the page: its sections are lazy tabs (only the open one is drawn), so each is opened."""
    app = open_page(script, lang)
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    if app.tabs:
        key = next(b.key for b in app.button if b.key and b.key.endswith("_section_next"))[: -len("_next")]
        for index in range(1, len(app.tabs)):
            open_section(app, key, index)
            assert not app.exception, [e.value for e in app.exception]
            figures += [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return figures


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


def _font_sizes(node, path: str = "") -> dict[str, float]:
    """path -> size of every font with a size in a figure's dict (axes, legends, annotations, traces...)."""
    sizes = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), (int, float)):
                sizes[f"{path}/{key}"] = value["size"]
            sizes.update(_font_sizes(value, f"{path}/{key}"))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            sizes.update(_font_sizes(item, f"{path}/{i}"))
    return sizes


def test_presenter_mode_enlarges_every_text_of_a_chart():
    from rnnviz.padding import pack, pad_batch, pad_tokens
    from rnnviz.ui import charts
    from rnnviz.ui.widgets import PRESENTER_CHART_HEIGHT, scale_for_presenter

    assert PRESENTER_CHART_HEIGHT <= 335, "a chart fits a 1280x720 projector under the step's title"
    batch = pad_batch([[1, 5, 9], [1, 7]], maxlen=4)
    words = pad_tokens([["<start>", "a", "b"], ["<start>", "c"]], maxlen=4)
    heights = []
    for figure in (charts.padded_matrix_figure(batch.ids, words, "pre"),
                   charts.packed_figure(pack(batch), words, 2)):
        original, original_json = figure.to_dict(), figure.to_json()
        scaled = scale_for_presenter(figure).to_dict()
        layout = scaled["layout"]
        assert layout["font"]["size"] >= 20
        # every font of the figure is scaled (1.3x), and none is under 16 px
        before, after = _font_sizes(original), _font_sizes(scaled)
        assert before and set(before) <= set(after)
        for path, size in before.items():
            assert after[path] == max(round(size * 1.3), 16), path
        assert all(size >= 16 for size in after.values()), {p: s for p, s in after.items() if s < 16}
        # ticks, legend and colour bars get an explicit size (Streamlit's theme would size them in rem)
        axes = [name for name in layout if name.startswith(("xaxis", "yaxis"))]
        assert axes and all(layout[name]["tickfont"]["size"] >= 16 for name in axes)
        assert layout["legend"]["font"]["size"] >= 16
        for trace in scaled["data"]:
            if trace["type"] in ("heatmap", "contour") or "colorbar" in trace:
                assert trace["colorbar"]["tickfont"]["size"] >= 16, trace["type"]
            for font in (trace.get("textfont"), (trace.get("colorbar") or {}).get("tickfont")):
                if font and font.get("size"):
                    assert font["size"] >= 16, trace["type"]
        # enlarged with the fonts, but never taller than a projector shows
        assert layout["height"] == min(round(figure.layout.height * 1.3), PRESENTER_CHART_HEIGHT)
        assert layout["height"] <= PRESENTER_CHART_HEIGHT
        heights.append((figure.layout.height, layout["height"]))
        assert figure.layout.font.size == 16 and figure.to_json() == original_json, "the cached original is left as it was"
    small, tall = heights  # a short chart grows; a tall one is capped
    assert small[1] > small[0] and tall[0] * 1.3 > PRESENTER_CHART_HEIGHT == tall[1]
