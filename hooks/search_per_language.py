"""MkDocs hook: one search index per language.

mkdocs-static-i18n merges every language into site/search/search_index.json,
and Material fetches that whole file on every page load. Split it so the
English site loads only English entries and /zh/ only Chinese ones; the
`config` block in overrides/main.html points Chinese pages at /zh/search/.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

# A news article is found by its title, summary and opening; indexing its whole text
# made every first page load download megabytes at a thousand items (bench/results)
NEWS_ARTICLE = re.compile(r"^news/[^/#]+/")
NEWS_TEXT_LIMIT = 600  # characters of text kept per news article


def _trim(doc: dict) -> dict:
    """Whole paragraphs (the text is HTML) up to the limit; at least the first."""
    if not NEWS_ARTICLE.match(doc["location"]) or len(doc["text"]) <= NEWS_TEXT_LIMIT:
        return doc
    kept = ""
    for paragraph in re.findall(r".*?</p>|.+$", doc["text"], re.S):
        if kept and len(kept) + len(paragraph) > NEWS_TEXT_LIMIT:
            break
        kept += paragraph
    return dict(doc, text=kept)


# Chinese text is segmented by jieba with U+200B between words
_SEPARATORS = {"zh": r"[\s\u200b\-,:!=\[\]()\"/、，。：；！？“”‘’（）《》]+|\.(?!\d)"}


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    root = Path(config.site_dir)
    index_path = root / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    default = [lang.locale for lang in i18n.config.languages if lang.default][0]
    for locale in [default, *others]:
        prefix = f"{locale}/"
        if locale == default:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(f"{o}/" for o in others))]
            out = index_path
        else:
            docs = [dict(d, location=d["location"][len(prefix):]) for d in index["docs"]
                    if d["location"].startswith(prefix)]
            out = root / locale / "search" / "search_index.json"
        # Chinese keeps lunr's default language: lunr.zh needs Node's jieba and cannot
        # tokenize in a browser; jieba has already segmented the text at build time.
        local_config = dict(index["config"], lang=["en"])
        if locale in _SEPARATORS:
            local_config["separator"] = _SEPARATORS[locale]
        docs = [_trim(d) for d in docs]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"config": local_config, "docs": docs}, ensure_ascii=False,
                                  separators=(",", ":")), encoding="utf-8")
