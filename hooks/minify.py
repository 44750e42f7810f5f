"""MkDocs hook: the site's own script and stylesheet, minified where readers get them.

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


def on_env(env, config, files):
    env.filters["jsmin"] = rjsmin.jsmin
    return env


def on_post_build(config):
    path = Path(config.site_dir) / STYLESHEET
    if path.is_file():
        path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
