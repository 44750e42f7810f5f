"""MkDocs hook: cache jieba's segmentation of the search index by content hash, across builds.

Segmenting Chinese is about half of the search plugin's work; most text is the same
from one build to the next (and between `mkdocs serve` rebuilds), so each distinct
text is segmented once and kept in build/cache/. The index is byte-identical with
or without the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import jieba
from material.plugins.search.plugin import SearchIndex
from mkdocs.plugins import event_priority

_segment = SearchIndex._segment_chinese  # Material's own, wrapped below
_cache: dict[str, str] = {}
_state = {"path": None, "dirty": False, "dictionary": None, "loaded": None}


def _cached_segment(self, data: str) -> str:
    if not data:
        return _segment(self, data)
    key = hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()
    found = _cache.get(key)
    if found is None:
        # jieba loads its dictionaries (about a second) only when something is not cached
        if _state["dictionary"] and _state["loaded"] != _state["dictionary"]:
            jieba.load_userdict(str(_state["dictionary"]))
            _state["loaded"] = _state["dictionary"]
        found = _cache[key] = _segment(self, data)
        _state["dirty"] = True
    return found


def on_config(config):
    root = Path(config.config_file_path).parent
    # The portal's words (generator/search_terms.py); a new dictionary invalidates the cache
    _state["dictionary"] = root / "build" / "plugin-data" / "jieba_user_dict.txt"
    digest = hashlib.blake2b(_state["dictionary"].read_bytes(), digest_size=8).hexdigest() \
        if _state["dictionary"].is_file() else "none"
    path = root / "build" / "cache" / f"search-segments-{digest}.json"
    if _state["path"] != path:
        _state["path"] = path
        _cache.clear()
        if path.is_file():
            try:
                _cache.update(json.loads(path.read_text(encoding="utf-8")))
            except ValueError:
                pass  # a damaged cache is only a slower build
    SearchIndex._segment_chinese = _cached_segment
    return config


@event_priority(-300)  # after the search index of every language is written
def on_post_build(config):
    path = _state["path"]
    if not _state["dirty"] or path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(_cache, out, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)
    _state["dirty"] = False
