"""MkDocs hook: the site's own scripts and stylesheet, minified where readers get them.

Every page carries the small search and language-link script inline (overrides/main.html:
`{% filter jsmin %}`), and loads docs/assets/stylesheets/portal.css; both are commented for
their maintainers. Comments and indentation cost every page view about 1.4 KiB compressed,
against a budget of 70 KiB per cold view (tests/test_browser_light.py). The editor's file in
docs/ is never changed: the copy in the built site is.
"""
from __future__ import annotations

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
