"""The peer: the same Markdown built as most bilingual MkDocs sites build it.

Plain Material + mkdocs-static-i18n (suffix layout) + Material's built-in search, with
jieba segmenting the Chinese (installed by `make bench`), no hooks, no generator: the
news Markdown of the benchmark copied as it is, a home page per language, and a nav that
names only the home page (a nav of every item would weigh every page down).
"""
from __future__ import annotations

import shutil
from pathlib import Path

_CONFIG = """site_name: Peer
site_url: http://127.0.0.1/portal/
docs_dir: docs
theme:
  name: material
  language: en
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - locale: en
          name: English
          default: true
          build: true
        - locale: zh
          name: 中文
          build: true
nav:
  - index.md
"""


def make_site(news: Path, dest: Path) -> Path:
    docs = dest / "docs"
    shutil.copytree(news, docs / "news")
    (docs / "index.md").write_text("# Peer\n\nThe same news, built the plain way.\n", encoding="utf-8")
    (docs / "index.zh.md").write_text("# 对照\n\n同样的新闻，以常见方式构建。\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text(_CONFIG, encoding="utf-8")
    return dest
