"""What editors write, in the CMS or by hand, that a walk through /admin/ found misread: each is now
published as meant, or refused in one line at the line to change, with the fix."""
from __future__ import annotations

import pytest

from bad_input_steps import (SEED_SLUG, both, built_docs_after, edit, expect_rejected, first_line_with, front, inputs_hash,
                             item, line_of, write)

SEED_004 = 'source: {seed: "004", quote: "As one of the seven'
OFFICE_SEED = '  seed: "000"'
FACT = "    - en: One of the seven large-scale industrial agglomeration areas approved by the Guangdong Provincial Government."



MISTAKES = {
    # A key without its colon: PyYAML notices it on the next line, and the fix spoke of quoting
    "front-matter-key-without-colon": (write("docs/news/colon-test.md", item("title Colon test", "date: 2024-06-01")),
                                       ["docs/news/colon-test.md:2: front matter is not valid YAML (mapping values are "
                                        "not allowed here). Fix: add ':' after the key on this line"]),
    "catalogue-key-without-colon": (edit("data/offices.yml", OFFICE_SEED, '  seed "000"'),
                                    [f"data/offices.yml:{line_of('data/offices.yml', OFFICE_SEED)}: not valid YAML "
                                     "(could not find expected ':'). Fix: add ':' after the key on this line"]),
    "fact-key-without-colon": (edit("data/parks.yml", "    - en: One of the seven", "    - en One of the seven"),
                               [f"data/parks.yml:{line_of('data/parks.yml', FACT)}: "
                                "not valid YAML (mapping values are not allowed here). Fix: add ':' after the key on this line"]),
    # `seed: 004` unquoted is the number 4 (and 000 is 0): it was "no seed '4'" at the entry's line
    "unquoted-seed-of-a-fact": (edit("data/parks.yml", SEED_004, SEED_004.replace('"004"', "004")),
                                [f"data/parks.yml:{first_line_with('data/parks.yml', SEED_004)}: "
                                 'seed 004 is read as a number. Fix: write it in double quotes: seed: "004"']),
    "unquoted-seed-of-an-office": (edit("data/offices.yml", OFFICE_SEED, "  seed: 000"),
                                   [f"data/offices.yml:{line_of('data/offices.yml', OFFICE_SEED)}: seed 000 is read as "
                                    'a number. Fix: write it in double quotes: seed: "000"']),
    # A second Traditional version (the CMS names it NAME-1): the fix named an English file
    "second-traditional-version": (write(f"docs/news/{SEED_SLUG}-1.zh-hant.md",
                                         item("title: 肇慶新聞", "date: 2024-06-01", f"slug: {SEED_SLUG}", body="肇慶新聞。")),
                                   [f"docs/news/{SEED_SLUG}-1.zh-hant.md:4: slug '{SEED_SLUG}' differs from the file name "
                                    f"'{SEED_SLUG}-1'. Fix: remove the slug line or rename the file to {SEED_SLUG}.zh-hant.md"]),
    # The CMS saves an English side for a generated item's translation as NAME.en.md: the message
    # named NAME.md, which is not there, and told to rename the seed
    "english-file-for-a-generated-item": (write(f"docs/news/{SEED_SLUG}.en.md", item("title: A translation", "date: 2024-06-01")),
                                          [f"docs/news/{SEED_SLUG}.en.md:1: duplicate slug '{SEED_SLUG}' (also used by "
                                           f"seeds/000_e03d15819a0c308f.txt). Fix: the English page '{SEED_SLUG}' is made "
                                           "from seeds/000_e03d15819a0c308f.txt: remove this file"]),
    # A catalogue renamed, a file nothing reads (editors' tools' leftovers are not reported)
    "catalogue-renamed": (lambda p: (p / "data" / "parks.yml").rename(p / "data" / "parks.yaml"),
                          ["data/parks.yaml:1: the site does not read this file. Fix: rename it to data/parks.yml"]),
    "unread-data-file": (lambda p: [(p / "data" / name).write_text("x\n", encoding="utf-8")
                                    for name in ("notes.txt", "parks.yml~", ".DS_Store", "Thumbs.db")],
                         ["data/notes.txt:1: the site does not read this file. Fix: the site reads only corrections.yml, "]),
    # Passed silently, and published as something else than meant
    "chinese-title-in-the-english-file": (write("docs/news/sihui-lab.md", item("title: 四会电池实验室启用", "date: 2024-06-01")),
                                          ["docs/news/sihui-lab.md:2: the English file's title is Chinese. Fix: write the "
                                           "English title here, and the Chinese one in sihui-lab.zh.md"]),
    "html-in-a-title": (write("docs/news/sihui-lab.md", item("title: Sihui <b>lab</b> opens", "date: 2024-06-01")),
                        ["docs/news/sihui-lab.md:2: 'title' holds HTML (<b>). Fix: write plain text"]),
    "html-in-a-park-fact": (edit("data/parks.yml", FACT, FACT.replace("One of", '<a href="javascript:x">One</a> of')),
                            [f"data/parks.yml:{line_of('data/parks.yml', '  facts:')}: 'facts' holds HTML "
                             '(<a href="javascript:x">). Fix: write plain text']),
    "telephone-link-with-letters": (write("docs/news/sihui-lab.md", item("title: Sihui lab opens", "date: 2024-06-01",
                                                                        body="Call [us](tel:0758-ABCD-123).")),
                                    ["docs/news/sihui-lab.md:6: link 'tel:0758-ABCD-123' is not a telephone number"]),
    # The did-you-mean named another language's page (a .zh-hant.md file for an English link)
    "link-to-a-missing-page": (write("docs/news/sihui-lab.md", item("title: Sihui lab opens", "date: 2024-06-01",
                                                                   body="See [the park](../parks/no-such-park.md).")),
                               ["docs/news/sihui-lab.md:6: link '../parks/no-such-park.md' leads to no page "
                                "(docs/parks/no-such-park.md does not exist). Fix: did you mean ../parks/sihui-city.md?"]),
}


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_a_mistake_is_one_line_at_the_line_to_change(project, case):
    change, expected = MISTAKES[case]
    expect_rejected(project, change, expected)


def test_a_language_left_empty_in_the_cms_is_a_version_not_yet_written(project):
    """Decap copies the date and draft fields into every language's file: an item written only in
    English came with NAME.zh.md holding just those, and the build stopped on its missing title."""
    blank = "---\ndate: 2024-06-01\ndraft: false\n---\n"
    docs = built_docs_after(project, both(
        write("docs/news/sihui-opens-a-battery-lab.en.md", item("title: Sihui opens a battery lab", "date: 2024-06-01")),
        write("docs/news/sihui-opens-a-battery-lab.zh.md", blank)))
    zh = docs / "news" / "sihui-opens-a-battery-lab.zh.md"
    assert front(zh)["origin"] == "missing" and "Sihui opens a battery lab" in zh.read_text(encoding="utf-8")
    assert (project / "docs" / "news" / "sihui-opens-a-battery-lab.zh.md").read_text(encoding="utf-8") == blank


def test_an_editors_english_translation_says_it_is_one(project):
    """`origin: translated` on an English file (the CMS offers it on both sides) stopped the build
    with a traceback: the English page had no words for a translation."""
    before = inputs_hash(project)
    docs = built_docs_after(project, both(
        write("docs/news/sihui-battery-lab.zh.md", item("title: 四会电池实验室启用", "date: 2024-06-01", body="四会电池实验室启用。")),
        write("docs/news/sihui-battery-lab.md", item("title: Sihui battery lab opens", "date: 2024-06-01", "origin: translated"))))
    page = (docs / "news" / "sihui-battery-lab.md").read_text(encoding="utf-8")
    assert '!!! info "Translation"' in page and "English translation of the Chinese original" in page
    assert set(inputs_hash(project)) - set(before) == {"docs/news/sihui-battery-lab.zh.md", "docs/news/sihui-battery-lab.md"}
