"""The app's own wording, read from web/locales/<lang>/*.json, so the tests find buttons and notices by
the text people see without copying it (a reworded label changes one file, not the tests)."""

from __future__ import annotations

import functools
import json

from partrack_server import REPO


@functools.cache
def catalog(language: str = "vi") -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((REPO / "web" / "locales" / language).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def t(key: str, language: str = "vi", **arguments) -> str:
    """The message for `key` with `{name}` placeholders filled."""
    text = catalog(language)[key]
    for name, value in arguments.items():
        text = text.replace("{" + name + "}", str(value))
    return text
