"""MkDocs hook: the site's own scripts and stylesheet, minified where readers get them, and each
page's blank lines and indentation left out.

Every page carries the small search and language-link script inline (overrides/main.html:
`{% filter jsmin %}`), and loads docs/assets/stylesheets/portal.css; both are commented for
their maintainers. Comments and indentation cost every page view about 1.4 KiB compressed,
against a budget of 70 KiB per cold view (tests/test_browser_light.py). The editor's file in
docs/ is never changed: the copy in the built site is.
"""
from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

STYLESHEET = "assets/stylesheets/portal.css"
SCRIPTS = ("assets/javascripts/portal-search-ui.js",  # loaded when search opens
           "assets/javascripts/portal-highlight.js")  # and on a page opened from its results


def on_env(env, config, files):
    env.filters["jsmin"] = rjsmin.jsmin
    return env


def on_post_build(config):
    for name, minify in [(STYLESHEET, rcssmin.cssmin)] + [(name, rjsmin.jsmin) for name in SCRIPTS]:
        path = Path(config.site_dir) / name
        if path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")


# Where whitespace is content: kept as written
_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n\f]+")  # not \s: a full-width or no-break space is text


def on_post_page(output, page, config):
    """The theme's templates leave blank lines and indentation between tags: about 500 bytes
    compressed of every page view, whose budget is 70 KiB. A line break followed by whitespace is one
    line break to the browser, outside <pre>, <textarea>, <script> and <style>; those are kept. (A
    minifier such as minify-html also rewrites the markup itself: attribute quotes, optional tags.)"""
    parts = _KEPT.split(output)
    # re.split gives [text, kept, tag name, text, kept, tag name, …]
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else part if i % 3 == 1 else ""
                   for i, part in enumerate(parts))
