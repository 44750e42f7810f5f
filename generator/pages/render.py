"""Jinja templates for the generated Markdown, and the per-language UI strings."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..core import units, urls
from ..core.frontmatter import safe_load
from ..text import textfmt
from ..text.corrections import unquote

_PACKAGE = Path(__file__).parent.parent  # generator/: templates/ and strings/ beside the stages


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    return safe_load((_PACKAGE / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_PACKAGE / "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Escape by construction: every template that writes a page, SVG or XML escapes what it
        # is given; text for Markdown goes through `md` (HTML and Markdown escaped), and only what
        # the generator built itself (UI strings, front matter, macros, checked URLs) is Markup.
        # robots.txt and the editor's skeleton are plain text.
        autoescape=select_autoescape(enabled_extensions=("md.j2", "svg.j2", "xml.j2", "html.j2"),
                                     disabled_extensions=("txt.j2",), default_for_string=True, default=True),
    )
    env.filters["md"] = lambda text: Markup(textfmt.md_text(str(text)))
    env.filters["long_date"] = textfmt.long_date
    env.filters["unquote"] = unquote
    env.filters["local_time"] = textfmt.local_time
    env.filters["when"] = textfmt.when
    env.filters["amount"] = lambda value, unit, lang, qualifier=None: units.show(value, unit, lang, qualifier)
    env.tests["contains"] = lambda seq, item: item in seq
    env.globals["mailto"] = urls.mailto  # a checked address and encoded text: safe in an href
    env.globals["tel_uri"] = urls.tel_uri
    return env


def trusted(strings_: dict) -> dict:
    """UI strings as markup: written by the project, they may hold Markdown and HTML."""
    return {key: Markup(value) if isinstance(value, str) else value for key, value in strings_.items()}


@lru_cache(maxsize=None)
def trusted_strings(lang: str) -> dict:
    """strings(lang) as markup, made once: every page of a language renders with them."""
    return trusted(strings(lang))


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
