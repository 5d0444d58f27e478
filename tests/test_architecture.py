"""The core must work without the UI: importing it never pulls in streamlit or plotly."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter (nothing imported yet) run from the project's root."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout


def test_importing_the_core_does_not_import_the_ui():
    code = ("import sys, importlib, pkgutil, rnnviz\n"
            "for m in pkgutil.iter_modules(rnnviz.__path__):\n"
            "    if m.name not in ('ui', '__main__'):\n"
            "        importlib.import_module('rnnviz.' + m.name)\n"
            "print(' '.join(sorted(n for n in ('streamlit', 'plotly') if n in sys.modules)))")
    assert _fresh_python(code).strip() == ""


def test_the_package_names_its_public_api_and_imports_each_part_on_first_use():
    """``from rnnviz import load_sst`` works (the issue's API), and a training rank, which needs torch
    and the training loop only, does not pay a second for ``datasets``."""
    code = ("import sys, rnnviz, rnnviz.training, rnnviz.distributed, rnnviz.cli\n"
            "before = 'datasets' in sys.modules\n"
            "from rnnviz import load_sst, load_imdb, Tokenizer, pad_batch, load_checkpoint\n"
            "missing = [n for n in rnnviz.__all__ if not hasattr(rnnviz, n)]\n"
            "print(before, 'datasets' in sys.modules, load_sst.__module__, missing, 'load_sst' in dir(rnnviz))")
    assert _fresh_python(code).split() == ["False", "True", "rnnviz.sst", "[]", "True"]
    failed = subprocess.run([sys.executable, "-c", "import rnnviz; rnnviz.no_such_name"], capture_output=True,
                            text=True, cwd=ROOT)
    assert "module 'rnnviz' has no attribute 'no_such_name'" in failed.stderr


def test_the_server_preloads_the_heavy_modules_without_touching_streamlit():
    """rnnviz.ui.serve imports torch, plotly and the chart builders before the server answers (a fresh
    server's first visitor does not wait for them), but nothing that would bind a Streamlit cache
    before the runtime exists."""
    code = ("import sys\nfrom rnnviz.ui.serve import preload\npreload()\n"
            "print(' '.join(n for n in ('torch', 'plotly.graph_objects', 'rnnviz.ui.probe_charts', 'streamlit')"
            " if n in sys.modules))")
    assert _fresh_python(code).split() == ["torch", "plotly.graph_objects", "rnnviz.ui.probe_charts"]


def test_core_sources_never_name_the_ui():
    core = [p for p in (ROOT / "rnnviz").rglob("*.py") if p.relative_to(ROOT / "rnnviz").parts[0] != "ui"]
    assert any(p.parent.name == "checkpoints" for p in core)  # sub-packages of the core are checked too
    for path in core:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("streamlit", "plotly", "rnnviz.ui")), f"{path.name} imports {name}"


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


def test_chart_builders_texts_and_snippets_do_not_import_streamlit():
    """Pure modules of the UI floor: every chart builder (*charts.py), the texts, snippets and navigation."""
    ui = ROOT / "rnnviz" / "ui"
    pure = sorted(ui.glob("*charts.py")) + sorted((ui / "texts").glob("*.py")) + [ui / "snippets.py", ui / "navigation.py"]
    assert len([p for p in pure if p.name.endswith("charts.py")]) >= 5
    for path in pure:
        streamlit = [name for name in _imported(path) if name.split(".")[0] == "streamlit"]
        assert not streamlit, f"{path.relative_to(ROOT)} imports {streamlit}"


def test_every_ui_module_imports():
    """Each module of rnnviz.ui imports on its own (the glue ones with streamlit, the pure ones without it)."""
    modules = [f"rnnviz.ui.{p.stem}" for p in sorted((ROOT / "rnnviz" / "ui").glob("*.py")) if p.stem != "__init__"]
    modules += [f"rnnviz.ui.texts.{p.stem}" for p in sorted((ROOT / "rnnviz" / "ui" / "texts").glob("*.py"))
                if p.stem != "__init__"]
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\nprint('ok')"
    result = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]


def test_pages_use_explicit_widget_keys():
    widget_calls = ("slider(", "radio(", "text_area(", "text_input(", "selectbox(", "toggle(", "number_input(",
                    "multiselect(", "select_slider(", "checkbox(", "button(", "file_uploader(", "plotly_chart(")
    for path in list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr + "(" in widget_calls:
                keywords = {k.arg for k in node.keywords}
                assert "key" in keywords, f"{path.name}:{node.lineno} {node.func.attr} has no key"


def test_page_files_never_share_a_name_with_a_url_path():
    from rnnviz.ui.navigation import PAGES

    url_paths = {spec.url_path for spec in PAGES if spec.url_path}
    for path in (ROOT / "pages").glob("*.py"):
        assert path.stem not in url_paths, f"{path.name}: see the note in rnnviz/ui/navigation.py"
    for spec in PAGES:
        assert (ROOT / spec.script).is_file(), spec.script


def test_pages_import_only_the_ui_floor():
    """Pages -> rnnviz.ui -> the core: a page names nothing of the core directly (rnnviz.ui.core lists what they use)."""
    for path in sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]:
        core = [name for name in _imported(path) if name.startswith("rnnviz") and not name.startswith("rnnviz.ui")]
        assert not core, f"{path.name} imports {core}"


def test_no_module_imports_another_modules_private_names():
    """A name with a leading underscore is its module's own business: no other module imports it."""
    sources = list((ROOT / "rnnviz").rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]
    reached = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rnnviz"):
                reached += [f"{path.relative_to(ROOT)}: {node.module}.{alias.name}" for alias in node.names
                            if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not reached
