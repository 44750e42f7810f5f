"""Jinja templates for the generated Markdown, and the per-language UI strings."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core import units
from ..text import textfmt

_PACKAGE = Path(__file__).parent.parent  # generator/: templates/ and strings/ beside the stages


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    return yaml.safe_load((_PACKAGE / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_PACKAGE / "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown; seed text goes through the md filter
    )
    env.filters["md"] = textfmt.md_text
    env.filters["long_date"] = textfmt.long_date
    env.filters["local_time"] = textfmt.local_time
    env.filters["when"] = textfmt.when
    env.filters["amount"] = lambda value, unit, lang, qualifier=None: units.show(value, unit, lang, qualifier)
    env.tests["contains"] = lambda seq, item: item in seq
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
