"""Model names, which come from files and uploads and so are untrusted: safe as a file name, fit for display."""

from __future__ import annotations

import re
import unicodedata

from rnnviz.checkpoints.format import SUFFIX

MAX_NAME_LENGTH = 64
DEFAULT_NAME = "model"
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_UNSAFE_CHARS = re.compile(r"[^\w.\- ]+")


def sanitize_name(name: object, default: str = DEFAULT_NAME, max_length: int = MAX_NAME_LENGTH) -> str:
    """A model name that is safe as a file name: no folders, no ``..``, no control characters.

    Letters (any script), digits, ``-``, ``_``, ``.`` and inner spaces are kept; every other run
    of characters (``/``, ``\\``, ``:``, NUL, ...) becomes ``-``. Leading dots and dashes are removed
    (no hidden files, no ``..``), the ``.safetensors`` suffix too, and the result is cut to
    ``max_length`` characters. Falls back to ``default`` when nothing usable is left.
    """
    text = name if isinstance(name, str) else ("" if name is None else str(name))
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)  # control, separators
    if text.lower().endswith(SUFFIX):
        text = text[: -len(SUFFIX)]
    text = _UNSAFE_CHARS.sub("-", text)
    text = re.sub(r"\.{2,}", ".", text)  # no ".." anywhere
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"-{2,}", "-", text)
    text = text.strip(" .-_")
    text = text[:max_length].rstrip(" .-_")
    if not text or text.split(".")[0].lower() in _WINDOWS_RESERVED:
        fallback = sanitize_name(default, DEFAULT_NAME, max_length) if default != DEFAULT_NAME else DEFAULT_NAME
        return fallback if not text else f"{fallback}-{text}"[:max_length]
    return text


def display_name(name: object, max_length: int = MAX_NAME_LENGTH) -> str | None:
    """A model name fit for display: one line, no control or invisible characters, at most
    ``max_length`` characters; None when nothing is left. (Names come from files, so they are
    untrusted; escaping them for HTML or markdown is the UI's job.)"""
    if not isinstance(name, str):
        return None
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in name)
    text = " ".join(text.split())[:max_length].strip()
    return text or None
