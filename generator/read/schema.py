"""The one front matter schema of a news page, generated or editor-written.

The generator builds pages from it and `check` validates editor files with it,
so both always agree on what a news page may say.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import functools
import typing
from dataclasses import asdict, dataclass, field, fields

from ..core.errors import Problem, described
from ..core.slugs import SLUG_HINT, is_slug

LANGS = ("en", "zh")
# How the Chinese page came to be, for `status` and the page notice
ORIGINS = ("original", "converted", "translated", "missing")
# What an editor's file may say: the other two are the generator's (an OpenCC conversion, a
# placeholder for a missing language), and would label an editor's text as such
EDITOR_ORIGINS = ("original", "translated")


@dataclass(frozen=True)
class NewsMeta:
    title: str
    date: dt.date
    lang: str = "en"
    slug: str = ""
    summary: str = ""
    source: str | None = None  # the publisher's name in the source line
    source_published: dt.datetime | None = None  # original publication, China time
    source_place: str | None = None
    seed: str | None = None  # seeds/… file the facts come from
    origin: str = "original"
    sectors: list[str] = field(default_factory=list)
    parks: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    draft: bool = False
    generated_from: str | None = None  # set only on files the generator owns

    def to_front_matter(self) -> dict:
        """Plain YAML values, empty optional keys left out."""
        out = {}
        for key, value in asdict(self).items():
            if value in (None, [], "") or (key == "draft" and not value):
                continue
            if isinstance(value, dt.datetime):
                value = value.isoformat()
            out[key] = value
        return out


KEYS = tuple(f.name for f in fields(NewsMeta))
# Shown as written, in titles, feeds and search results: a tag would show as text
PLAIN_TEXT = ("title", "summary", "source", "source_place")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")
PLAIN_FIX = "write plain text: it is shown as written (a tag would show as text); formatting belongs in the body"
REQUIRED = _REQUIRED = ("title", "date")  # REQUIRED: also in the CMS (generator/publish/admin.py)
_HINTS = {
    "date": "write the date as YYYY-MM-DD, e.g. 2024-06-01",
    "source_published": "write it as YYYY-MM-DDTHH:MM+08:00",
    "lang": "use en or zh",
    "origin": "use original (written in this language) or translated (your translation of the other language's item)",
}


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


@functools.lru_cache(maxsize=None)
def _hints() -> dict:
    return typing.get_type_hints(NewsMeta)  # evaluated once: 2000 news files ask for it


def validate(meta: dict, key_lines: dict[str, int], shown_as: str,
             known: dict[str, set[str]] | None = None) -> tuple[NewsMeta | None, list[Problem]]:
    """Typed NewsMeta from raw front matter, or the problems, one per key."""
    problems: list[Problem] = []

    def problem(key: str, message: str, fix: str):
        problems.append(Problem(shown_as, key_lines.get(key, 1), message, fix))

    cased = set()  # `Title:` for `title:`: one message, not a second one for the missing key
    for key in meta:
        if key not in KEYS and str(key).lower() in KEYS and str(key).lower() not in meta:
            cased.add(str(key).lower())
            problem(key, f"unknown front matter key '{key}'", f"write it '{str(key).lower()}', in lower case")
        elif key not in KEYS:
            hint = _suggest(str(key), KEYS)
            problem(key, f"unknown front matter key '{key}'",
                    hint or f"remove it; known keys are {', '.join(KEYS)}")
    for key in _REQUIRED:
        if key in cased:
            continue
        if meta.get(key) in (None, "") or isinstance(meta.get(key), str) and not meta[key].strip():
            problem(key, f"missing '{key}'", f"add a line '{key}: …' to the front matter"
                    + (" (YYYY-MM-DD)" if key == "date" else ""))
    values: dict = {}
    hints = _hints()
    for key, value in meta.items():
        if key not in KEYS or value is None or (value == "" and key not in _REQUIRED):
            continue  # an optional key left empty (the CMS writes `source: ""`) is as if absent
        converted = _convert(key, value, hints[key])
        if converted is _BAD and isinstance(value, list):  # a list holding a list or a mapping
            problem(key, f"'{key}' must be a list of names or ids", f"write '{key}: [first, second]'")
        elif converted is _BAD:
            problem(key, f"'{key}' is {described(value)}, not {_describe(hints[key])}",
                    _HINTS.get(key, f"write '{key}' as {_describe(hints[key])}"))
        else:
            values[key] = converted
    if values.get("lang", "en") not in LANGS:
        problem("lang", f"unknown language {values['lang']!r}", _HINTS["lang"])
    if values.get("origin", "original") not in EDITOR_ORIGINS:
        problem("origin", f"origin {values['origin']!r} is not for an editor's file"
                if values["origin"] in ORIGINS else f"unknown origin {values['origin']!r}", _HINTS["origin"])
    for key in PLAIN_TEXT:
        tag = HTML_TAG.search(str(values.get(key, "")))
        if tag:
            problem(key, f"'{key}' holds HTML ({tag.group(0)[:40]})", PLAIN_FIX)
    if "slug" in values and not is_slug(values["slug"]):
        problem("slug", f"slug {values['slug']!r} is not lower-case words joined by '-'", SLUG_HINT)
    for kind, ids in (known or {}).items():
        for ref in values.get(kind, []):
            if ref not in ids:
                hint = _suggest(ref, ids)
                problem(kind, f"unknown {kind[:-1]} id '{ref}'",
                        hint or f"use an id from data/{kind}.yml")
    if problems:
        return None, problems
    return NewsMeta(**values), []


_BAD = object()


def _describe(hint) -> str:
    base = _base_type(hint)
    return {dt.date: "a date", dt.datetime: "a date and time", bool: "true or false",
            list: "a list", str: "text"}.get(base, str(base))


def _base_type(hint):
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (list,):
        return list
    return _base_type(args[0]) if args else hint


def _convert(key: str, value, hint):
    base = _base_type(hint)
    if base is dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            return dt.datetime.fromisoformat(str(value))
        except ValueError:
            return _BAD
    if base is dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return _BAD
    if base is bool:
        return value if isinstance(value, bool) else _BAD
    if base is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            return _BAD
        return [str(v) for v in value]
    if base is str:
        return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else _BAD
    return value
