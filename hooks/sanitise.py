"""MkDocs hook: the HTML of every page written by an editor passes an allow-list sanitiser.

After MkDocs has rendered a page's Markdown, its HTML goes through generator/core/sanitise.py's
`clean` (nh3) unless the page is one the generator wrote all of itself: those are listed in
build/plugin-data/generated-pages.json (generator/pipeline.py; the preview's in
build/preview/plugin-data/). Editors' own pages, their
news items (in the news template) and the Traditional conversions of their Simplified pages
are cleaned; so is any page when the list is missing. The one place editor HTML is made safe;
`python -m generator check` reports by file and line what it would remove.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.core.sanitise import clean, generated_pages  # noqa: E402

_state: dict = {}


def on_pre_build(config):
    # The list beside the docs this build reads: build/plugin-data, or the preview's own
    # (build/preview/plugin-data), which lists the preview's pages
    _state["generated"] = generated_pages(Path(config.docs_dir).resolve().parent / "plugin-data")


@event_priority(-100)  # last: nothing after it adds to a page's content
def on_page_content(html, page, config, files):
    if page.file.src_uri in _state.get("generated", set()):
        return html
    return clean(html)
