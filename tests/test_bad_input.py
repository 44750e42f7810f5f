"""Every kind of bad input: one line naming file and line, exit 1, nothing published changes."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_generator
from generator import writer
from generator.errors import InputError

SEED_SLUG = "zhaoqing-investment-promotion-continues-achieving-good-start-january"


def seed_001_lines(lang: str) -> list[str]:
    """One language version of the real seed 001, as its lines."""
    from generator.seed_reader import read_seed
    path = next((ROOT / "seeds").glob("001_*.txt"))
    version = read_seed(path, "s").version(lang)
    return [version.title, version.title] + [p.text for p in version.paragraphs]


def tree_hash(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("pristine") / "p")
    assert run_generator(root, "build").returncode == 0
    return root


@pytest.fixture
def project(tmp_path, pristine):
    """A built copy of the project of its own (copied from one built once: the build is the slow part)."""
    return Path(shutil.copytree(pristine, tmp_path / "p", symlinks=True))


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


INPUTS = ("docs", "seeds", "data")


def inputs_hash(root: Path) -> dict[str, str]:
    """Every input file, links included (a link is hashed by where it points)."""
    out = {}
    for folder in INPUTS:
        for p in sorted((root / folder).rglob("*")):
            key = p.relative_to(root).as_posix()
            if p.is_symlink():
                out[key] = "link:" + os.readlink(p)
            elif p.is_file():
                out[key] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def write(rel: str, content):
    def apply(root: Path):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return apply


def edit(rel: str, old: str, new: str, count: int = 1):
    def apply(root: Path):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return apply


def link(rel: str, target: str):
    def apply(root: Path):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
    return apply


def both(*steps):
    def apply(root: Path):
        for step in steps:
            step(root)
    return apply


def expect_rejected(project: Path, change, expected: list[str]) -> str:
    """Apply `change`, build, and check: one line per problem, exit 1, inputs and built docs untouched."""
    before_built = tree_hash(project / "build" / "docs")
    change(project)
    before_inputs = inputs_hash(project)
    outside_before = sorted(p.name for p in project.parent.iterdir())
    result = run_generator(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().split("\n")
    assert "Traceback" not in result.stderr, result.stderr
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, result.stderr)
    assert len(lines) == len(expected) + 1, f"one line per problem, then the summary:\n{result.stderr}"
    for line in lines[:-1]:  # every message names a file (or folder) that is there to fix
        named = project / line.split(":", 1)[0]
        assert named.exists() or named.is_symlink(), line
    assert lines[-1].endswith("nothing was written")
    assert inputs_hash(project) == before_inputs
    assert tree_hash(project / "build" / "docs") == before_built
    assert sorted(p.name for p in project.parent.iterdir()) == outside_before
    return result.stderr


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
                             ["data/offices.yml:4: 'id' '../../etc' is not lower-case words joined by '-'"]),
    "project-id-with-capitals": (edit("data/projects.yml", "- id: ", "- id: Big_Project\n  # was: ", 1),
                                 ["data/projects.yml:"]),
    "glossary-id-absolute": (edit("data/glossary.yml", "- id: ", "- id: /etc/passwd\n  # was: ", 1),
                             ["data/glossary.yml:"]),
    "duplicate-id-at-its-line": (edit("data/sectors.yml", "- id: new-energy-storage", "- id: new-energy-vehicles"),
                                 ["data/sectors.yml:19: duplicate id 'new-energy-vehicles' (first on line 4)"]),
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


@pytest.mark.parametrize("case", sorted(REJECTED_BUILDS))
def test_a_failed_make_build_leaves_inputs_and_site_as_they_were(project, case):
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    os.symlink(ROOT / ".venv", project / ".venv")
    assert subprocess.run(["make", "build"], cwd=project, capture_output=True).returncode == 0
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
def built_docs_after(project: Path, change) -> Path:
    change(project)
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "build" / "docs"


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def seed_text(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


CHINESE_ONLY = seed_text("2024年5月7日", "落地建設跑出「加速度」! 肇慶2024年第一季招商實現良好開局",
                         "落地建設跑出「加速度」! 肇慶2024年第一季招商實現良好開局", "投資肇慶 2024-05-07 22:09 中國廣東",
                         "節慶期間,每逢車輛在肇慶大型產業集聚區路過,都可看到樁機作業不停歇。",
                         "據統計,2024年第一季度,肇慶新引進產業項目186個,其中製造業項目134個。")


def test_a_chinese_only_seed_is_published_in_chinese_with_an_english_notice(project):
    docs = built_docs_after(project, write("seeds/908_zh.txt", CHINESE_ONLY))
    new = [p for p in (docs / "news").glob("*.zh.md") if front(p).get("seed") == "seeds/908_zh.txt"]
    assert len(new) == 1
    zh = front(new[0])
    slug = new[0].name.removesuffix(".zh.md")
    assert slug.startswith("luo-di-jian-she"), "the Chinese title in pinyin"
    assert (zh["lang"], zh["origin"]) == ("zh", "converted")
    assert zh["title"].startswith("落地建设跑出") and zh["title"].endswith("招商实现良好开局") and "肇庆2024年" in zh["title"]
    assert "肇庆新引进产业项目186个" in new[0].read_text(encoding="utf-8")
    en_page = docs / "news" / f"{slug}.md"
    en = front(en_page)
    assert (en["lang"], en["origin"]) == ("en", "missing")
    assert "No English version yet" in en_page.read_text(encoding="utf-8")
    assert "據統計" not in en_page.read_text(encoding="utf-8") and "据统计" not in en_page.read_text(encoding="utf-8")
    # Stable: the same seed gets the same slug on the next run
    assert run_generator(project, "build").returncode == 0
    assert (docs / "news" / f"{slug}.zh.md").is_file()


def test_an_english_only_seed_gets_the_chinese_notice(project):
    text = seed(("Monday, June 3, 2024", "Sihui opens a new hardware park", "Sihui opens a new hardware park",
                 "Invest in Zhaoqing 2024-06-03 10:00 Guangdong, China",
                 "The new hardware park in Sihui covers 1,200 mu and expects 3.5 billion yuan of output, up 12.5% on the plan."))
    docs = built_docs_after(project, write("seeds/909_en.txt", text))
    assert front(docs / "news" / "sihui-opens-new-hardware-park.md")["lang"] == "en"
    assert front(docs / "news" / "sihui-opens-new-hardware-park.zh.md")["origin"] == "missing"


def seed(lines) -> str:
    return seed_text(*lines)


def test_numbers_in_summaries_come_out_as_written(project):
    sentence = "The new hardware park in Sihui covers 1,200 mu and expects 3.5 billion yuan of output, up 12.5% on the plan."
    text = seed(("Monday, June 3, 2024", "Sihui opens a new hardware park", "Sihui opens a new hardware park",
                 "Invest in Zhaoqing 2024-06-03 10:00 Guangdong, China", sentence + " More will follow next year."))
    docs = built_docs_after(project, write("seeds/909_en.txt", text))
    assert front(docs / "news" / "sihui-opens-new-hardware-park.md")["summary"].startswith(sentence)
    assert sentence in (docs / "news" / "index.md").read_text(encoding="utf-8")
    for feed in ("feed.json", "feed_rss.xml"):
        assert "3.5 billion yuan of output, up 12.5% on the plan." in (docs / feed).read_text(encoding="utf-8")


CONTENT = {
    "source-line-impossible-date": (
        write("seeds/907_baddate.txt", seed_text("Tuesday, May 7, 2024", "A title", "A title",
                                                 "Invest in Zhaoqing 2024-02-30 22:09 Guangdong, China",
                                                 "Body text that would otherwise follow the source line.")),
        ["seeds/907_baddate.txt:7: source line has an impossible date or time: "
         "'Invest in Zhaoqing 2024-02-30 22:09 Guangdong, China'"]),
    "japanese-only-seed": (write("seeds/910_ja.txt", seed_text("Tuesday, May 7, 2024", *[l for l in
                                 seed_001_lines("ja")])), ["seeds/910_ja.txt:1: seed has neither an English nor a Chinese version"]),
}


@pytest.mark.parametrize("case", sorted(CONTENT))
def test_content_that_would_be_lost_is_reported(project, case):
    change, expected = CONTENT[case]
    expect_rejected(project, change, expected)


def item(*front: str, body: str = "Text of the item.") -> str:
    return "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n"


GOOD = ("title: A new plant", "date: 2024-06-01")

# Validation reaches every Markdown file in docs/, and says the right thing at the right line
VALIDATION = {
    "news-in-a-sub-folder": (write("docs/news/2024/late.md", "---\ntitle: [broken\n---\n"),
                             ["docs/news/2024/late.md:1: news items are read only from docs/news/ itself"]),
    "page-with-broken-front-matter": (write("docs/about/index.md", "---\ntitle: [broken\n---\n# About\n"),
                                      ["docs/about/index.md:2: front matter is not valid YAML"]),
    "page-with-unknown-key": (write("docs/about.md", "---\ntitel: About us\n---\n# About\n"),
                              ["docs/about.md:2: unknown front matter key 'titel'. Fix: did you mean 'title'?"]),
    "page-with-script": (write("docs/about.md", "# About\n\nWelcome.\n\n<script>alert(1)</script>\n"),
                         ["docs/about.md:5: raw HTML <script> is not allowed"]),
    "news-with-event-handler": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\n<img src=x onerror=alert(1)>")),
                                ["docs/news/plant.md:8: HTML event attribute 'onerror' is not allowed"]),
    "news-with-attr-list-handler": (write("docs/news/plant.md", item(*GOOD, body="Text.\n{: onclick=\"alert(1)\" }")),
                                    ["docs/news/plant.md:7: an event attribute in '{: … }' is not allowed"]),
    "page-not-utf8": (write("docs/about.md", "# About\n\nCaf\xe9 in Zhaoqing\n".encode("latin-1")),
                      ["docs/about.md:3: file is not UTF-8"]),
    "page-name-with-space": (write("docs/About Us.md", "# About\n"), ["docs/About Us.md:1: 'About Us' in the path"]),
    # Accepted although wrong
    "duplicate-front-matter-key": (write("docs/news/plant.md", item("title: First", "date: 2024-06-01", "title: Second")),
                                   ["docs/news/plant.md:4: front matter is not valid YAML (key 'title' appears twice). "
                                    "Fix: keep one of the two 'title' lines (the first is line 2)"]),
    "headline-no-in-quotes": (edit("data/figures.yml", "  headline: true", '  headline: "no"'),
                              ["data/figures.yml:13: 'headline' has the wrong type (str)"]),
    "draft-yes": (write("docs/news/plant.md", item(*GOOD, "draft: yes")),
                  ["docs/news/plant.md:4: 'draft' is not true or false: 'yes'"]),
    "news-name-with-capitals": (write("docs/news/New_Plant.md", item(*GOOD)),
                                ["docs/news/New_Plant.md:1: file name 'New_Plant.md' is not lower-case words joined by '-'. "
                                 "Fix: rename it, e.g. to new-plant.md"]),
    "news-name-with-space": (write("docs/news/new plant.md", item(*GOOD)),
                             ["docs/news/new plant.md:1: file name 'new plant.md' is not lower-case"]),
    "date-years-ahead": (write("docs/news/plant.md", item("title: A new plant", "date: 2099-06-01")),
                         ["docs/news/plant.md:3: date 2099-06-01 is more than a year ahead"]),
    "url-link-to-missing-page": (write("docs/news/plant.md", item(*GOOD, body="See [the sector](../../sectors/no-such-sector/).")),
                                 ["docs/news/plant.md:6: link '../../sectors/no-such-sector/' leads to no page or file"]),
    "site-url-link-to-missing-page": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\n[Parks](https://zhaoqing-invest.github.io/portal/parks/nowhere/)")),
                                      ["docs/news/plant.md:8: link 'https://zhaoqing-invest.github.io/portal/parks/nowhere/' leads to no page"]),
    "link-out-of-the-site": (write("docs/news/plant.md", item(*GOOD, body="[x](../../../../etc/passwd)")),
                             ["docs/news/plant.md:6: link '../../../../etc/passwd' leads outside the site"]),
    "javascript-link": (write("docs/news/plant.md", item(*GOOD, body="[x](javascript:alert(1))")),
                        ["docs/news/plant.md:6: link 'javascript:alert(1' runs code"]),
    # Tracebacks before
    "aliases-of-the-wrong-shape": (edit("data/sectors.yml", "    en: [new energy vehicle, auto parts, automotive parts, Xpeng, CATL]",
                                        "    en: 42"),
                                   ["data/sectors.yml:6: 'aliases' en must be a list of texts (found 42)"]),
    "aliases-a-list": (edit("data/parks.yml", "  aliases:\n    en: [large-scale industrial cluster, Large Industrial Cluster, agglomeration area, Large Industry Cluster]\n    zh: [大型产业集聚区]",
                            "  aliases: [a, b]"), ["data/parks.yml:5: 'aliases' has the wrong type (list)"]),
    "catalogue-not-utf8": (write("data/parks.yml", "- id: caf\xe9\n".encode("latin-1")), ["data/parks.yml:1: file is not UTF-8"]),
    # Messages in the right place
    "tab-in-front-matter": (write("docs/news/plant.md", "---\ntitle: A new plant\n\tdate: 2024-06-01\n---\n\nText.\n"),
                            ["docs/news/plant.md:3: front matter is not valid YAML (found character '\\t' that cannot start any token). "
                             "Fix: indent with spaces: YAML does not allow tab characters"]),
    "tab-in-catalogue": (edit("data/sectors.yml", "  tier: leading", "\ttier: leading"),
                         ["data/sectors.yml:9: not valid YAML (found character '\\t' that cannot start any token). "
                          "Fix: indent with spaces"]),
}


@pytest.mark.parametrize("case", sorted(VALIDATION))
def test_every_markdown_file_and_catalogue_value_is_validated(project, case):
    change, expected = VALIDATION[case]
    expect_rejected(project, change, expected)


def test_values_are_published_as_written(project):
    """`summary: 1.50` stays 1.50, `title: yes` is the word, a byte order mark is no error."""
    docs = built_docs_after(project, both(
        write("docs/news/decimal.md", item("title: yes", "date: 2024-06-01", "summary: 1.50", body="Text.")),
        write("docs/news/with-bom.md", "\ufeff" + item(*GOOD, body="Saved by an editor that writes a byte order mark."))))
    page = front(docs / "news" / "decimal.md")
    assert (page["title"], page["summary"]) == ("yes", "1.50")
    assert '"content_text": "1.50"' in (docs / "feed.json").read_text(encoding="utf-8")
    assert front(docs / "news" / "with-bom.md")["title"] == "A new plant"


def test_links_written_as_urls_to_real_pages_pass(project):
    body = "\n\n".join(["[Sector](../../sectors/hydrogen-energy/)", "[Parks](https://zhaoqing-invest.github.io/portal/parks/)",
                        "[中文](../../zh/sectors/hydrogen-energy/#sources)", "[Feed](/portal/feed.json)",
                        "[Home](../../)", "[Other site](https://example.org/x)", "`[code](../../nowhere/)`"])
    built_docs_after(project, write("docs/news/plant.md", item(*GOOD, body=body)))


def test_new_refuses_an_empty_title_and_writes_nothing(project):
    before = inputs_hash(project)
    for title in ("", "   ", "！！"):
        result = run_generator(project, "new", "--title", title, "--date", "2024-06-01")
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "error: --title" in result.stderr.strip().split("\n")[-1]
    assert inputs_hash(project) == before


def test_new_with_a_chinese_title_writes_items_that_check_accepts(project):
    result = run_generator(project, "new", "--title", "肇庆新能源汽车产业园开工", "--date", "2024-06-01")
    assert result.returncode == 0, result.stderr
    en, zh = project / "docs/news/zhao-qing-xin-neng-yuan-qi-che-chan-ye-yuan.md", \
        project / "docs/news/zhao-qing-xin-neng-yuan-qi-che-chan-ye-yuan.zh.md"
    assert front(zh)["title"] == "肇庆新能源汽车产业园开工" and front(zh)["origin"] == "original"
    for path in (en, zh):  # published, not only as drafts
        path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    check = run_generator(project, "check")
    assert check.returncode == 0, check.stderr
