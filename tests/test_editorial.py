"""Editor items and hostile seed text, through the real generator and the real mkdocs build."""
from __future__ import annotations

import hashlib
import re

import pytest

from conftest import build_site, copy_project, indexed_pages, run_generator

EDITOR_ITEM = """---
title: "Sihui: hydrogen bus depot opens"
date: 2024-06-03
summary: A hydrogen bus depot opened in Sihui.
sectors: [hydrogen-energy]
parks: [sihui-city]
---

The depot serves the city's hydrogen buses. Quokkabus is its code name.
"""
DRAFT_ITEM = """---
title: Unfinished draft
date: 2024-06-04
draft: true
---

Not ready: wombatdraft.
"""
HOSTILE = """Monday, June 3, 2024

Title with <script>alert('t')</script> and {{ 7*7 }} and *stars* and: yes #no

Title with <script>alert('t')</script> and {{ 7*7 }} and *stars* and: yes #no

Invest in Zhaoqing 2024-06-03 10:00 Guangdong, China

Body <img src=x onerror=alert(1)> and [a link](javascript:alert(2)) and {% raw %} and `code` and <b>bold</b>.

# not a heading, 1. not a list, > not a quote, | not | a table |
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("editorial"))
    (root / "docs" / "news" / "sihui-hydrogen-bus-depot.md").write_text(EDITOR_ITEM, encoding="utf-8")
    (root / "docs" / "news" / "unfinished-draft.md").write_text(DRAFT_ITEM, encoding="utf-8")
    (root / "seeds" / "950_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return build_site(root)


def test_editor_item_is_listed_everywhere(site):
    index = (site.site / "news" / "index.html").read_text(encoding="utf-8")
    assert 'href="sihui-hydrogen-bus-depot/"' in index
    sector = (site.site / "sectors" / "hydrogen-energy" / "index.html").read_text(encoding="utf-8")
    assert "sihui-hydrogen-bus-depot/" in sector
    park = (site.site / "parks" / "sihui-city" / "index.html").read_text(encoding="utf-8")
    assert "sihui-hydrogen-bus-depot/" in park
    assert "Quokkabus" in indexed_pages(site.site)["/news/sihui-hydrogen-bus-depot/"]["content"]
    assert "/news/sihui-hydrogen-bus-depot/" in (site.site / "feed_rss.xml").read_text(encoding="utf-8")
    assert "/news/sihui-hydrogen-bus-depot/" in (site.site / "feed.json").read_text(encoding="utf-8")


def test_editor_item_without_chinese_gets_a_chinese_notice(site):
    html = (site.site / "zh" / "news" / "sihui-hydrogen-bus-depot" / "index.html").read_text(encoding="utf-8")
    assert "暂无中文版" in html and "../../../news/sihui-hydrogen-bus-depot/" in html


def test_drafts_are_left_out_of_the_build(site):
    assert not (site.site / "news" / "unfinished-draft").exists()
    assert not [url for url, page in indexed_pages(site.site).items() if "wombatdraft" in page["content"]]
    assert "unfinished-draft" not in (site.site / "news" / "index.html").read_text(encoding="utf-8")


def test_drafts_are_in_the_preview_only(site):
    # The preview's tree is its own (mkdocs.serve.yml): what make build publishes never has drafts
    assert run_generator(site.root, "build", "--drafts").returncode == 0
    assert (site.root / "build" / "preview" / "docs" / "news" / "unfinished-draft.md").is_file()
    assert not (site.root / "build" / "docs" / "news" / "unfinished-draft.md").exists()


def test_seed_text_is_shown_as_text_never_markup(site):
    page = next((site.site / "news").glob("title-script-alert*/index.html"))
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<script>alert" not in article and "&lt;script&gt;alert" in article
    assert "<img" not in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    assert 'href="javascript' not in article and "[a link](javascript:alert(2))" in article
    assert "{{ 7*7 }}" in article and "49" not in article
    assert "<b>bold</b>" not in article and "*stars*" in article
    assert "<h1" not in article.split("</h1>", 1)[1] and "<ol" not in article and "<table" not in article


def test_no_page_anywhere_runs_seed_markup(site):
    """Titles reach <title>, the header, the home page and feeds: nowhere as live HTML."""
    for page in site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page.relative_to(site.site)
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert "Title with &lt;script&gt;alert" in home


def test_generator_is_idempotent_and_never_touches_editor_files(site):
    def snapshot(folder):
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    docs_before, built_before = snapshot(site.root / "docs"), snapshot(site.root / "build" / "docs")
    result = run_generator(site.root, "build")
    assert result.returncode == 0 and "0 file(s) updated" in result.stdout
    assert snapshot(site.root / "build" / "docs") == built_before
    assert snapshot(site.root / "docs") == docs_before
    # Generated pages say who owns them; editor files never carry the mark
    for path in (site.root / "build" / "docs" / "news").glob("*.md"):
        owned = re.search(r"^generated_from: ", path.read_text(encoding="utf-8"), re.M)
        assert bool(owned) != (site.root / "docs" / "news" / path.name).exists()
