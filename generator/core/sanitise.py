"""What HTML an editor's page may hold: one allow-list, used twice.

- **Publishing** (hooks/sanitise.py): every page whose text comes from an editor file (its
  own Markdown, an editor's news item in the news template, the Traditional conversion of
  an editor's Simplified page) is rendered by MkDocs, then its HTML goes through `clean`
  (nh3, an allow-list sanitiser) before it reaches the page. Whatever the Markdown source
  looks like (fenced code without the fenced-code extension, backticks in attributes, HTML
  entities in a URL), what is not on the list does not reach the site.
- **Checking** (`python -m generator check`, build, preview): `problems` renders the same
  Markdown and reads the rendered HTML, so an editor learns, by file and line, what the
  sanitiser would remove (a `<script>`, an `on…=` attribute, a `javascript:` link), instead
  of finding it silently gone.

The list keeps what the site's Markdown produces: Material's admonitions and grid cards,
tables (column alignment as `style="text-align: …"`), attr_list classes and ids, abbr
tooltips, footnotes, images, heading permalinks, Material's inline icons (SVG paths), and
`data-*` and `aria-*` attributes. Links and images may use https, http, mailto, tel or a
relative address.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import nh3

from .errors import Problem
from .urls import SCHEMES

TAGS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    # Material's icons (pymdownx.emoji's to_svg): a path, drawn; nothing an SVG could run or load
    "svg", "path",
})
# Removed with their content, not only their tags
DROPPED_WITH_CONTENT = frozenset({"script", "style"})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"},
    "a": {"href", "hreflang", "target", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
}
ATTRIBUTE_PREFIXES = frozenset({"data-", "aria-"})
STYLE_PROPERTIES = frozenset({"text-align"})  # Python-Markdown's table column alignment
URL_SCHEMES = frozenset(SCHEMES)  # the one allow-list of link schemes (urls.py)
_URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "srcset", "poster", "background", "xlink:href"}


def clean(text: str) -> str:
    """The HTML with only the allow-list's tags, attributes and URL schemes left."""
    return nh3.clean(text, tags=set(TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT),
                     attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
                     generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES), url_schemes=set(URL_SCHEMES),
                     filter_style_properties=set(STYLE_PROPERTIES), link_rel=None, strip_comments=True)


# --- What check says: the same list, read from the rendered HTML ---------------------------------

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside a URL's scheme


def _scheme(url: str) -> str | None:
    m = _SCHEME.match(_INVISIBLE.sub("", url))
    return m.group(1).lower() if m else None


def _style_ok(value: str) -> bool:
    props = [p.split(":", 1)[0].strip().lower() for p in value.split(";") if p.strip()]
    return all(p in STYLE_PROPERTIES for p in props)


_RAW_TAG = "raw HTML <{tag}> is not allowed"


class _Scan(HTMLParser):
    """What `clean` would remove, each with the text to look for in the source."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (message, needle)

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.found.append((_RAW_TAG.format(tag=tag), f"<{tag}"))
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        allowed_lower = {a.lower() for a in allowed}
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append((f"HTML event attribute '{name}' is not allowed", name))
            elif name in _URL_ATTRIBUTES and name in allowed_lower:
                scheme = _scheme(value)
                if scheme and scheme not in URL_SCHEMES:
                    self.found.append((f"a '{scheme}:' link is not allowed", value))
            elif name == "style" and name in allowed_lower:
                if not _style_ok(value):
                    self.found.append(("a 'style' attribute is not allowed", "style"))
            elif name not in allowed_lower and not name.startswith(tuple(ATTRIBUTE_PREFIXES)):
                self.found.append((f"HTML attribute '{name}' on <{tag}> is not allowed", name))

    handle_startendtag = handle_starttag


@lru_cache(maxsize=None)
def _converter(extensions: tuple[str, ...]):
    import markdown
    return markdown.Markdown(extensions=list(extensions))


# Without raw HTML (<), attribute lists ({), reference definitions (]:) and links other than
# plain relative ones, Markdown renders only allow-listed tags and attributes: a URL needs a ':'
# (or an entity, a backslash) for a scheme. Most news items are such text, so they are not rendered.
_PLAIN_LINK = re.compile(r"\]\([^\s()<>\[\]:&\\\"']*\)")


def might_find(body: str) -> bool:
    """False only where the rendered Markdown cannot hold anything `clean` would remove."""
    if "<" in body or "{" in body or "]:" in body:
        return True
    return "](" in _PLAIN_LINK.sub("", body)


@lru_cache(maxsize=8192)  # the preview checks again on every save: only changed files are rendered
def _findings(body: str, extensions: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    if not might_find(body):
        return ()
    md = _converter(extensions)
    try:
        rendered = md.reset().convert(body)
    except Exception:  # noqa: BLE001 - a Markdown extension's error is MkDocs' to report, with its own message
        return ()
    scan = _Scan()
    scan.feed(rendered)
    scan.close()
    return tuple(scan.found)


def _normal(text: str) -> str:
    return _INVISIBLE.sub("", html.unescape(text)).lower()


def problems(body: str, first_line: int, shown: str, extensions: tuple[str, ...]) -> list[Problem]:
    """What the sanitiser would remove from this Markdown body, at the line that writes it
    (`first_line`: the body's line in the file); the tags not allowed on one line as one problem
    (a form is <form>, <input>, <select>…)."""
    found = _findings(body, extensions)
    if not found:
        return []
    lines = [_normal(line) for line in body.split("\n")]
    seen: dict[str, int] = {}
    messages: dict[int, list[str]] = {}  # line -> what is wrong on it
    tags: dict[int, list[str]] = {}  # line -> the tags not allowed on it
    for message, needle in found:
        want = _normal(needle)
        hits = [n for n, line in enumerate(lines) if want in line]
        if not hits and ":" in want:  # a URL written over several lines: its scheme
            want = want.split(":", 1)[0] + ":"
            hits = [n for n, line in enumerate(lines) if want in line]
        k = seen.get(want, 0)
        seen[want] = k + 1
        n = first_line + (hits[min(k, len(hits) - 1)] if hits else 0)
        if message == _RAW_TAG.format(tag=needle[1:]):
            tags.setdefault(n, []).append(needle + ">")
        else:
            messages.setdefault(n, []).append(message)
    for n, names in tags.items():
        names = sorted(set(names))
        messages.setdefault(n, []).append(_RAW_TAG.format(tag=names[0][1:-1]) if len(names) == 1
                                          else f"raw HTML is not allowed: {', '.join(names)}")
    fix = "remove it: pages hold Markdown and plain HTML, no code; links may use https, http, mailto, tel or a relative address"
    return sorted({Problem(shown, n, message, fix) for n, said in messages.items() for message in said},
                  key=lambda p: (p.line, p.message))


# --- Which pages are the generator's own ------------------------------------------------------

GENERATED = "generated-pages.json"  # in build/plugin-data: the pages whose text is all the generator's


def generated_pages(plugin_data: Path) -> set[str]:
    """Pages the hook may leave as MkDocs rendered them; none if the list is missing (all cleaned)."""
    import json
    path = plugin_data / GENERATED
    try:
        return set(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()
