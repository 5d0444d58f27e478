"""Every piece of interface text, in English and French, looked up by key.

Pages never hold sentences of their own: they call ``tr("key")``. The texts are split by page into
the modules of this package (so that people working on different pages do not edit the same file)
and merged here into one table, ``TEXTS``; a key defined twice is an error. A test checks that every
key has both languages and the same ``{placeholders}`` in each.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, entry in module.TEXTS.items():
            if key in merged:
                raise KeyError(f"text key {key!r} is defined twice (again in {module_info.name})")
            merged[key] = entry
    return merged


TEXTS: dict[str, dict[str, str]] = _merge()


def tr(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang`` (English when the language is unknown), formatted with ``values``.

    A missing key raises ``KeyError`` at once: a typo must fail the tests, not show a blank label.
    """
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
