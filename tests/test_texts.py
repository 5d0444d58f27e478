import string

from rnnviz.ui.navigation import PAGES
from rnnviz.ui.texts import LANGUAGES, TEXTS, tr


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_every_language_with_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        assert _fields(entry["en"]) == _fields(entry["fr"]), key


def test_keys_used_in_code_exist():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    used = set()
    for path in list((root / "pages").glob("*.py")) + list((root / "rnnviz" / "ui").rglob("*.py")):
        used |= set(re.findall(r"""\b(?:t|tr)\(\s*["']([a-z0-9_-]+\.[a-z0-9_.-]*[a-z0-9_])["']""", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in TEXTS)
    assert not missing, missing
    for spec in PAGES:
        assert spec.title_key in TEXTS
        if spec.url_path:
            assert f"home.page.{spec.url_path}" in TEXTS


def test_tr_formats_and_falls_back():
    assert tr("common.data_source", "fr", source="x") == "Données : x"
    assert tr("common.data_source", "xx", source="x") == "Data: x"
