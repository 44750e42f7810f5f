"""Every kind of bad input: one line naming file and line, exit 1, nothing published changes."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_generator

SEED_SLUG = "zhaoqing-investment-promotion-continues-achieving-good-start-january"


def tree_hash(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "p")
    assert run_generator(root, "build").returncode == 0
    return root


def news(body: str) -> str:
    return body.lstrip("\n")


CASES = {
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
"""), "docs/news/bad-date.md:3: 'date' is not a date: '2024-13-45'. Fix: write the date as YYYY-MM-DD, e.g. 2024-06-01"),
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
    path = project / rel
    before_docs, before_built = tree_hash(project / "docs"), tree_hash(project / "build" / "docs")
    before_docs.pop(rel[len("docs/"):], None)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run_generator(project, "build")
    assert result.returncode == 1
    lines = result.stderr.strip().split("\n")
    assert any(line.startswith(expected) for line in lines), result.stderr
    assert len(lines) == 2, "one problem line, then the summary"
    assert "Traceback" not in result.stderr
    assert lines[-1].endswith("nothing was written")
    after_docs = tree_hash(project / "docs")
    after_docs.pop(rel[len("docs/"):], None)
    assert after_docs == before_docs
    assert tree_hash(project / "build" / "docs") == before_built


def test_chinese_seed_in_gb18030_is_decoded(project):
    text = "2024年5月7日\n\n肇庆新闻标题测试\n\n肇庆市今年一季度新引进产业项目186个，其中制造业134个。\n"
    (project / "seeds" / "905_gb.txt").write_bytes(text.encode("gb18030"))
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr


def test_a_failed_make_build_leaves_site_as_it_was(project):
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    os.symlink(ROOT / ".venv", project / ".venv")
    assert subprocess.run(["make", "build"], cwd=project, capture_output=True).returncode == 0
    before = tree_hash(project / "site")
    (project / "docs" / "news" / "broken.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    run = subprocess.run(["make", "build"], cwd=project, capture_output=True, text=True)
    assert run.returncode != 0
    assert "docs/news/broken.md:1: missing 'date'" in run.stderr
    assert tree_hash(project / "site") == before
