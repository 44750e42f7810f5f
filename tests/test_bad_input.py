"""Every kind of bad input: one line naming file and line, exit 1, nothing published changes."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bad_input_steps import (SEED_SLUG, both, edit, expect_rejected, inputs_hash, item, line_of, link, tree_hash,
                             write)
from conftest import ROOT, run_generator
from generator import writer
from generator.core.errors import InputError


def news(body: str) -> str:
    return body.lstrip("\n")


CASES = {
    # not an editor's file, but a build input all the same: one line, no traceback
    "package-json-broken": ("package.json", "{broken", "package.json:1: missing or not valid JSON"),
    "invalid-yaml": ("docs/news/bad-yaml.md", news("""
---
title: Fine
date: 2024-06-01
summary: [unclosed
---
Text.
"""), "docs/news/bad-yaml.md:4: front matter is not valid YAML"),
    "missing-title": ("docs/news/no-title.md", news("""
---
date: 2024-06-01
---
Text.
"""), "docs/news/no-title.md:1: missing 'title'. Fix: add a line 'title: …' to the front matter"),
    "missing-date": ("docs/news/no-date.md", news("""
---
title: A title
---
Text.
"""), "docs/news/no-date.md:1: missing 'date'. Fix: add a line 'date: …' to the front matter (YYYY-MM-DD)"),
    "date-not-a-date": ("docs/news/bad-date.md", news("""
---
title: A title
date: 2024-13-45
---
Text.
"""), "docs/news/bad-date.md:3: 'date' is the text '2024-13-45', not a date. Fix: write the date as YYYY-MM-DD, e.g. 2024-06-01"),
    "unknown-key": ("docs/news/typo.md", news("""
---
title: A title
date: 2024-06-01
summry: A summary
---
Text.
"""), "docs/news/typo.md:4: unknown front matter key 'summry'. Fix: did you mean 'summary'"),
    "unknown-sector": ("docs/news/sector.md", news("""
---
title: A title
date: 2024-06-01
sectors: [hydrogen]
---
Text.
"""), "docs/news/sector.md:4: unknown sector id 'hydrogen'. Fix: did you mean 'hydrogen-energy'?"),
    "duplicate-slug": (f"docs/news/{SEED_SLUG}.md", news("""
---
title: Same name as a generated page
date: 2024-06-01
---
Text.
"""), f"docs/news/{SEED_SLUG}.md:1: duplicate slug '{SEED_SLUG}' (also used by seeds/000_e03d15819a0c308f.txt)"),
    "chinese-without-english": ("docs/news/orphan.zh.md", news("""
---
title: 孤立的中文页
date: 2024-06-01
---
正文。
"""), "docs/news/orphan.zh.md:1: Chinese page without its English sibling"),
    "empty-seed": ("seeds/900_empty.txt", "\n\n", "seeds/900_empty.txt:1: seed is empty. Fix: add the post text or delete the file"),
    "binary-seed": ("seeds/901_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                    "seeds/901_binary.txt:1: seed is a binary file, not text. Fix: save the post as plain UTF-8 text"),
    "undecodable-seed": ("seeds/902_latin.txt", "Tuesday, May 7, 2024\n\nTitle\n\n".encode() + bytes(range(0x80, 0x100)) * 3,
                         "seeds/902_latin.txt:5: seed is not UTF-8 and its encoding cannot be told with confidence"),
    "seed-without-date": ("seeds/903_nodate.txt", "A title\n\nA title\n\nBody text.\n",
                          "seeds/903_nodate.txt:1: seed has no blog date line. Fix: start the file with the blog date"),
    "seed-without-title": ("seeds/904_notitle.txt", "Tuesday, May 7, 2024\n\nNo comments:\n",
                           "seeds/904_notitle.txt:1: seed has no title. Fix: put the post title on the line after the blog date"),
    "bad-catalogue-yaml": ("data/sectors.yml", "- id: x\n  name: {en: X, zh: [\n",
                           "data/sectors.yml:3: not valid YAML"),
}



@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_one_clear_line_and_changes_nothing(project, case):
    rel, content, expected = CASES[case]
    expect_rejected(project, write(rel, content), [expected])


# Hostile and careless input: each case was accepted, lost content or wrote where it must not.
HOSTILE = {
    # Ids become paths: only the slug form passes, at the id's own line
    "sector-id-climbs-into-docs": (edit("data/sectors.yml", "- id: new-energy-vehicles", f"- id: ../../docs/news/{SEED_SLUG}"),
                                   ["data/sectors.yml:4: 'id' '../../docs/news/"]),
    "office-id-climbs-out": (edit("data/offices.yml", "- id: sihui-investment-promotion-center", "- id: ../../etc"),
                             ["data/offices.yml:5: 'id' '../../etc' is not lower-case words joined by '-'"]),
    "project-id-with-capitals": (edit("data/projects.yml", "- id: ", "- id: Big_Project\n  # was: ", 1),
                                 ["data/projects.yml:"]),
    "glossary-id-absolute": (edit("data/glossary.yml", "- id: ", "- id: /etc/passwd\n  # was: ", 1),
                             ["data/glossary.yml:"]),
    "duplicate-id-at-its-line": (edit("data/sectors.yml", "- id: new-energy-storage", "- id: new-energy-vehicles"),
                                 [f"data/sectors.yml:{line_of('data/sectors.yml', '- id: new-energy-storage')}: "
                                  f"duplicate id 'new-energy-vehicles' (first on line {line_of('data/sectors.yml', '- id: new-energy-vehicles')})"]),
    # Links are never followed
    "link-in-assets-to-system-file": (link("docs/assets/leak.txt", "/etc/hostname"),
                                      ["docs/assets/leak.txt:1: symbolic links are not published or read"]),
    "linked-folder-in-docs": (link("docs/assets/etc", "/etc"), ["docs/assets/etc:1: symbolic links"]),
    "link-in-seeds": (link("seeds/906_link.txt", "/etc/hostname"), ["seeds/906_link.txt:1: symbolic links"]),
    "link-in-data-inside-repo": (link("data/extra.yml", "sectors.yml"), ["data/extra.yml:1: symbolic links"]),
    # Generated files never silently win over an editor's file
    "editor-robots": (write("docs/robots.txt", "User-agent: *\nDisallow: /\n"),
                      ["docs/robots.txt:1: the generator writes this path itself"]),
    "editor-feed": (write("docs/feed.zh.json", "{}"), ["docs/feed.zh.json:1: the generator writes this path itself"]),
    "editor-vcard": (write("docs/contact/sihui-investment-promotion-center.vcf", "BEGIN:VCARD\nEND:VCARD\n"),
                     ["docs/contact/sihui-investment-promotion-center.vcf:1: the generator writes this path itself"]),
    "editor-source": (write("docs/sources/000_e03d15819a0c308f.txt", "edited"),
                      ["docs/sources/000_e03d15819a0c308f.txt:1: the generator writes this path itself"]),
    "editor-sector-page": (write("docs/sectors/new-energy-vehicles.md", "# Mine\n"),
                           ["docs/sectors/new-energy-vehicles.md:1: the generator writes this path itself"]),
    "editor-news-index": (both(write("docs/news/index.md", "---\ntitle: News\ndate: 2024-06-01\n---\nMine.\n"),
                               write("docs/news/index.zh.md", "---\ntitle: 新闻\ndate: 2024-06-01\n---\n我的。\n")),
                          ["docs/news/index.md:1: the generator writes this path itself",
                           "docs/news/index.zh.md:1: the generator writes this path itself"]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_is_refused_with_one_line_per_problem(project, case):
    change, expected = HOSTILE[case]
    expect_rejected(project, change, expected)


def test_writer_refuses_paths_outside_its_target(tmp_path):
    target = tmp_path / "out"
    (tmp_path / "elsewhere").mkdir()
    target.mkdir()
    os.symlink(tmp_path / "elsewhere", target / "linked")
    for rel in ("../escape.md", "/tmp/abs.md", "news/../../escape.md", "linked/x.md", "a\\..\\b.md", ""):
        with pytest.raises(InputError) as err:
            writer.sync({"fine.md": b"x", rel: b"y"}, target)
        assert "refused to write outside out/" in str(err.value)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["elsewhere", "linked", "out"]
    assert writer.sync({"news/fine.md": b"x"}, target) == ["news/fine.md", "linked"]


def test_chinese_seed_in_gb18030_is_decoded(project):
    text = "2024年5月7日\n\n肇庆新闻标题测试\n\n肇庆市今年一季度新引进产业项目186个，其中制造业134个。\n"
    (project / "seeds" / "905_gb.txt").write_bytes(text.encode("gb18030"))
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr


REJECTED_BUILDS = {
    "broken-news": (write("docs/news/broken.md", "---\ntitle: x\n---\n"), "docs/news/broken.md:1: missing 'date'"),
    "link-to-system-file": (link("docs/assets/leak.txt", "/etc/hostname"), "docs/assets/leak.txt:1: symbolic links"),
    "id-into-docs": (edit("data/sectors.yml", "- id: new-energy-vehicles", f"- id: ../../docs/news/{SEED_SLUG}"),
                     "data/sectors.yml:4: 'id'"),
}


@pytest.fixture(scope="module")
def made(built, tmp_path_factory):
    """A copy of the project after a successful `make build` (the cases start from copies of it):
    the run's one build, made by the command `make build` runs, with what `make` itself needs."""
    project = Path(shutil.copytree(built.root, tmp_path_factory.mktemp("made") / "p", symlinks=True))
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("package.json", "package-lock.json"):  # the CMS's bundle (make build installs it)
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "tools", project / "tools")
    os.symlink(ROOT / ".venv", project / ".venv")
    os.symlink(ROOT / "node_modules", project / "node_modules")
    return project


@pytest.mark.parametrize("case", sorted(REJECTED_BUILDS))
def test_a_failed_make_build_leaves_inputs_and_site_as_they_were(made, tmp_path, case):
    project = Path(shutil.copytree(made, tmp_path / "p", symlinks=True))
    before_site = tree_hash(project / "site")
    change, expected = REJECTED_BUILDS[case]
    change(project)
    before_inputs = inputs_hash(project)
    run = subprocess.run(["make", "build"], cwd=project, capture_output=True, text=True)
    assert run.returncode != 0
    assert expected in run.stderr
    assert "Traceback" not in run.stderr
    assert tree_hash(project / "site") == before_site
    assert inputs_hash(project) == before_inputs


# Content that was silently lost or corrupted: now published whole, in its own language


def test_what_editors_write_as_editing_md_says_publishes(project):
    """One publish: a hand-written Traditional page's last line `--8<-- "abbreviations.zh-hant.md"`
    (EDITING.md) gives it the glossary tooltips; `![…](pic.png)` beside docs/news/plant.md is read
    from the file's folder, as MkDocs reads it, and check agrees (it refused it, reading it from the
    page's address); the Thumbs.db Windows leaves beside it is neither an error nor published."""
    rel = f"news/{SEED_SLUG}.zh-hant.md"
    write(f"docs/{rel}", item("title: 手寫的繁體標題", "date: 2024-06-01",
                              body='肇慶的「兩新一電」產業。\n\n--8<-- "abbreviations.zh-hant.md"'))(project)
    (project / "docs" / "news" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # MkDocs copies it as it is
    code = "line one\n\n    indented"  # whitespace in code is content: the pages' own is left out
    indent = "\u3000\u3000a paragraph indented with full-width spaces"  # text, not the page's indentation
    write("docs/news/plant.md", item("title: A new plant", "date: 2024-06-01", body=f"![The plant](pic.png)\n\n```\n{code}\n```\n\nA line  \n{indent}"))(project)
    (project / "docs" / "news" / "Thumbs.db").write_bytes(b"\0" * 64)  # Windows' thumbnails beside the image
    run = run_generator(project, "build", "--publish")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    page = (project / "site" / "zh-hant" / "news" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="' in page and ">兩新一電</abbr>" in page
    from generator.core.site_config import SNIPPETS  # what the editors' check lets a page include is there
    assert all((project / "build" / "plugin-data" / name).is_file() for name in SNIPPETS)
    page = (project / "site" / "news" / "plant" / "index.html").read_text(encoding="utf-8")
    assert 'src="../pic.png"' in page and (project / "site" / "news" / "pic.png").is_file()
    assert code in page and "\n " not in re.sub(r"<(pre|script|style)\b.*?</\1>", "", page, flags=re.S)
    assert indent in page
    assert not list((project / "site").rglob("Thumbs.db")) and not list((project / "build").rglob("Thumbs.db"))
