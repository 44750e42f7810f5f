"""Mistakes a sweep of editors' edits found lost, misread or answered with a traceback: each is now
refused in one line at the line to change, with the fix."""
from __future__ import annotations

import pytest

from bad_input_steps import SEED_SLUG, built_docs_after, edit, expect_rejected, first_line_with, item, line_of, write
from conftest import ROOT

GOOD = ("title: A new plant", "date: 2024-06-01")
SYMPOSIUM_DATE = '  date: "2024-05-29"\n'
FENGKAI = "  name: {en: Fengkai County, zh: 封开县}"
PERSON = '    - en: "The person in charge'
PERSON_LINE = next(line for line in (ROOT / "data" / "support.yml").read_text(encoding="utf-8").splitlines() if PERSON in line)
LI_EN = '  - {name: Li En, kind: person, seed: "000", never: [李恩]}'


MISTAKES = {
    # YAML reads ' #' on as a comment: the title was published as "Sihui"
    "title-cut-by-a-hash": (write("docs/news/plant.md", item("title: Sihui #1 park opens", "date: 2024-06-01")),
                            ["docs/news/plant.md:2: the text after ' #' on this line is read as a note and left out of "
                             "'title'. Fix: put the whole value in double quotes"]),
    # A title of spaces published an empty headline and an empty link in the news list
    "title-of-spaces": (write("docs/news/plant.md", item('title: "   "', "date: 2024-06-01")),
                        ["docs/news/plant.md:2: missing 'title'"]),
    # It said "'sectors' is not a list: [['hydrogen-energy']]. Fix: give 'sectors' a a list value"
    "sectors-a-list-of-lists": (write("docs/news/plant.md", item(*GOOD, "sectors: [[hydrogen-energy]]")),
                                ["docs/news/plant.md:4: 'sectors' must be a list of names or ids. "
                                 "Fix: write 'sectors: [first, second]'"]),
    # An event without its date ended in a traceback (AttributeError) in check and build
    "event-without-date": (edit("data/events.yml", SYMPOSIUM_DATE, ""),
                           ["data/events.yml:5: missing 'date'. Fix: add 'date:' to this entry"]),
    # It said "not a period: '05'"
    "event-date-with-slashes": (edit("data/events.yml", SYMPOSIUM_DATE, '  date: "2024/05/29"\n'),
                                ["data/events.yml:6: date '2024/05/29' is not written YYYY-MM-DD. "
                                 "Fix: write 2024-05-29"]),
    # It said "(keys found: en, zh)", which is what the editor wrote
    "name-a-number": (edit("data/parks.yml", FENGKAI, "  name: {en: 2024, zh: 封开县}"),
                      [f"data/parks.yml:{line_of('data/parks.yml', FENGKAI)}: 'name' needs exactly an en and a zh text: "
                       "en is the number 2024. Fix"]),
    "name-empty": (edit("data/parks.yml", FENGKAI, "  name: {en: Fengkai County, zh: }"),
                   [f"data/parks.yml:{line_of('data/parks.yml', FENGKAI)}: 'name' needs exactly an en and a zh text: "
                    "zh is empty. Fix"]),
    # It passed check, then the publish failed with MkDocs' own warning, without line or fix: each
    # language is built on its own, and the English site holds no .zh.md page
    "link-to-the-other-languages-file": (
        write("docs/news/plant.md", item(*GOOD, body=f"Text.\n\n[中文](../news/{SEED_SLUG}.zh.md)")),
        ["docs/news/plant.md:8: link '../news/" + SEED_SLUG + ".zh.md' leads to a page of another language, which "
         f"this page's site does not hold. Fix: link to it by its address, /portal/zh/news/{SEED_SLUG}/ (or, for "
         f"this language's version, {SEED_SLUG}.md)"]),
    # A key given twice below an entry's own keys: the first text was silently lost
    "zh-twice-in-a-name": (edit("data/parks.yml", "  name: {en: Sihui City, zh: 四会市}",
                                "  name: {en: Sihui City, zh: 四会市, zh: 肆会市}"),
                           [f"data/parks.yml:{line_of('data/parks.yml', '  name: {en: Sihui City, zh: 四会市}')}: "
                            "duplicate key 'zh' (first on line"]),
    "zh-twice-in-a-description": (edit("data/sectors.yml", "  description:\n    en: One of the", "  description:\n    zh: 重复。\n    en: One of the"),
                                  ["data/sectors.yml:14: duplicate key 'zh' (first on line 12). Fix: keep one of the two"]),
    "phrase-listed-twice": (edit("data/traditional_phrases.yml", "- simplified: 发布\n",
                                 "- simplified: 发布\n  traditional: 發布\n  why: again.\n- simplified: 发布\n"),
                            ["data/traditional_phrases.yml:10: 发布 is listed twice (first on line 7). Fix: keep one"]),
    "traditional-twice-in-a-phrase": (edit("data/traditional_phrases.yml", "  traditional: 發布\n", "  traditional: 發布\n  traditional: 发布\n"),
                                      ["data/traditional_phrases.yml:9: duplicate key 'traditional' (first on line 8)"]),
    "official-twice-in-names": (edit("data/names.yml", "latin_only:\n", "official: []\nlatin_only:\n"),
                                [f"data/names.yml:{line_of('data/names.yml', 'latin_only:')}: cannot read the names policy "
                                 "(key 'official' appears twice). Fix: keep one of the two 'official' lines"]),
    # Nine messages about other files' park ids, none naming parks.yml
    "parks-emptied": (write("data/parks.yml", "# emptied\n"),
                      ["data/parks.yml:1: no park is listed. Fix: restore data/parks.yml from the repository's history"]),
    # Seven 'duplicate key' lines, one per key of the entry that lost its '- '
    "entry-without-its-dash": (edit("data/parks.yml", "- id: fengkai-county", "  id: fengkai-county"),
                               [f"data/parks.yml:{line_of('data/parks.yml', '- id: fengkai-county')}: a second 'id' in the "
                                "entry of line"]),
    # Each was published: an empty href, a mailto that mails nobody, a reference printed as text
    "link-without-address": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\nSee [the park]().")),
                             ["docs/news/plant.md:8: a link has no address. Fix: write the address"]),
    "mailto-without-address": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\n[Mail us](mailto:office).")),
                               ["docs/news/plant.md:8: link 'mailto:office' is not an e-mail address. Fix: write mailto: "
                                "and the whole address"]),
    "reference-never-defined": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\nSee [the park][nowhere].\n\n"
                                                                         "[elsewhere]: ../sectors/hydrogen-energy.md")),
                                ["docs/news/plant.md:8: link [nowhere] is not defined: Markdown shows it as text. "
                                 "Fix: add a line '[nowhere]: address'"]),
    # Told to use double quotes, which the editor thought they had
    "title-in-typographic-quotes": (write("docs/news/plant.md", item("title: “Sihui: 12 projects”", "date: 2024-06-01")),
                                    ["docs/news/plant.md:2: front matter is not valid YAML (mapping values are not "
                                     "allowed here). Fix: “ ” are typographic quotes"]),
    # Two messages: 'missing title' and 'unknown key Title'
    "title-with-a-capital": (write("docs/news/plant.md", item("Title: A new plant", "date: 2024-06-01")),
                             ["docs/news/plant.md:2: unknown front matter key 'Title'. Fix: write it 'title', in lower case"]),
    # A fact without its zh also said 'a park needs at least one fact', which it had
    "fact-without-zh": (edit("data/parks.yml", "      zh: 四会市在2024年5月29日座谈会上作交流发言。\n", ""),
                        [f"data/parks.yml:{line_of('data/parks.yml', '- id: sihui-city') + 8}: a fact needs en, zh and source"]),
    # It said the draft 'does not exist', which the editor could see it did
    "link-to-a-draft": (lambda root: [write("docs/news/other.md", item("title: Another plant", "date: 2024-06-01",
                                                                       "draft: true"))(root),
                                      write("docs/news/plant.md", item(*GOOD, body="Text.\n\nSee [the other](other.md)."))(root)],
                        ["docs/news/plant.md:8: link 'other.md' leads to docs/news/other.md, a draft: drafts are not "
                         "published. Fix: publish that item first"]),
    # A second line told the editor to retitle one of them, against the first line's fix
    "english-twice-cms-and-git-names": (lambda root: [write("docs/news/plant.md", item(*GOOD))(root),
                                                      write("docs/news/plant.en.md", item(*GOOD))(root)],
                                        ["docs/news/plant.en.md:1: two English versions: plant.en.md and plant.md"]),
    # One message per tag of a form
    "a-form": (write("docs/news/plant.md", item(*GOOD, body="<form><input name=a><select><option>x</option></select></form>")),
               ["docs/news/plant.md:6: raw HTML is not allowed: <form>, <input>, <option>, <select>. Fix: remove it"]),
    # It was listed among the past investment events
    "event-after-today": (edit("data/events.yml", SYMPOSIUM_DATE, '  date: "2099-05-29"\n'),
                          ["data/events.yml:6: date 2099-05-29 is after today: the page lists past events. Fix: check the year"]),
    # A page renamed .png was published
    "html-named-png": (write("docs/assets/images/p.png", "<html><body><script>alert(1)</script></body></html>"),
                       ["docs/assets/images/p.png:1: this file is not a PNG file, whatever its name says. Fix: save it again as PNG"]),
    # The names policy was read by the tests only: each of these passed check
    "names-kind-unknown": (edit("data/names.yml", "{name: Li En, kind: person,", "{name: Li En, kind: people,"),
                           [f"data/names.yml:{line_of('data/names.yml', LI_EN)}: kind 'people' is not one of "
                            "person, company, place, body"]),
    "names-seed-not-there": (edit("data/names.yml", '{name: Li En, kind: person, seed: "000"', '{name: Li En, kind: person, seed: "099"'),
                             [f"data/names.yml:{line_of('data/names.yml', LI_EN)}: no seed '099' in seeds/"]),
    "names-name-not-in-its-seed": (edit("data/names.yml", "{name: Li En,", "{name: Li Enn,"),
                                   [f"data/names.yml:{line_of('data/names.yml', LI_EN)}: 'Li Enn' is not in seed 000"]),
    "names-key-misspelt": (edit("data/names.yml", "latin_only:", "latin_onyl:"),
                           [f"data/names.yml:{line_of('data/names.yml', 'latin_only:')}: unknown key 'latin_onyl'. "
                            "Fix: did you mean 'latin_only'?"]),
    "park-name-guessed": (edit("data/parks.yml", "  name: {en: Fengkai County, zh: 封开县}", "  name: {en: Fengkai County, zh: 丰开县}"),
                          [f"data/parks.yml:{line_of('data/parks.yml', FENGKAI)}: the Chinese name 丰开县 is in no seed's "
                           "Chinese text and is no official name. Fix: if it is the site's rendering"]),
    # The real problem, then five figures' "unknown correction" lines
    "correction-uncertain-yes": (edit("data/corrections.yml", "  uncertain: true", "  uncertain: yes"),
                                 [f"data/corrections.yml:{line_of('data/corrections.yml', '  uncertain: true')}: "
                                  "'uncertain' is the text 'yes'"]),
    # Told only to add ':', which would make the text a key
    "summary-continued-unindented": (write("docs/news/plant.md", item(*GOOD, "summary: A hydrogen test centre", "opened in Sihui.")),
                                     ["docs/news/plant.md:5: front matter is not valid YAML (could not find expected ':'). "
                                      "Fix: add ':' after the key on this line (key: value); if the line continues the "
                                      "text above, indent it by two spaces or join it to that line"]),
    # A missing ':' above a line of Chinese with “ ” was blamed on that line, as typographic quotes
    "colon-missing-above-chinese-quotes": (edit("data/support.yml", PERSON_LINE, "    - en The person in charge said companies can move in with their bags."),
                                           [f"data/support.yml:{first_line_with('data/support.yml', PERSON)}: "
                                            "not valid YAML (mapping values are not allowed here). Fix: add ':' after the key"]),
    # Passed check (only make test's Chinese lint saw it); an English file with a Chinese title was refused
    "english-title-in-the-chinese-file": (lambda root: [write("docs/news/plant.md", item(*GOOD))(root),
                                                        write("docs/news/plant.zh.md", item(*GOOD))(root)],
                                          ["docs/news/plant.zh.md:2: the Chinese file's title has no Chinese in it. "
                                           "Fix: write the Chinese title here, and the English one in plant.md"]),
    # Each was published blank
    "news-item-without-text": (write("docs/news/plant.md", "---\ntitle: A new plant\ndate: 2024-06-01\n---\n"),
                               ["docs/news/plant.md:4: the item has no text below its front matter. Fix: write the text"]),
    "empty-page": (write("docs/about.md", ""), ["docs/about.md:1: the page has no text. Fix: write its text, or delete the file"]),
    # The generic fix only: the page's address was one step away
    "link-to-a-built-index-html": (write("docs/news/plant.md", item(*GOOD, body="See [Sihui](../../parks/sihui-city/index.html).")),
                                   ["docs/news/plant.md:6: link '../../parks/sihui-city/index.html' leads to no page or file "
                                    "(a page's address ends with its folder: write it without index.html)"]),
}


@pytest.mark.parametrize("case", sorted(MISTAKES))
def test_an_editors_mistake_is_one_line_with_its_fix(project, case):
    change, expected = MISTAKES[case]
    expect_rejected(project, change, expected)


# What the checks above must not refuse (a review of them found each refused): a note after a
# switch, footnotes side by side, references defined in a quote or an admonition or spaced
# otherwise, an address on the line after its text, mailto: forms RFC 6068 allows, a PDF whose
# header comes after a byte order mark, a park's investor figures left empty
LEGITIMATE = """Text.[^1][^2] See [the guide][Sector  Page] and [the bureau](
https://example.com/bureau), [sources] [1][2].

> [sector page]: ../sectors/hydrogen-energy.md

!!! note

    [sources]: ../sectors/hydrogen-energy.md

[Mail](mailto:?to=zqszsj@126.com&subject=Hello) [Mail](mailto:zqszsj%40126.com) [Mail](mailto:?subject=x)

[^1]: Seed 001.
[^2]: Seed 002."""


def test_what_the_checks_must_not_refuse(project):
    (project / "docs" / "news" / "guide.pdf").write_bytes(b"\xef\xbb\xbf%PDF-1.4\n%%EOF\n")
    news = write("docs/news/plant.md", item(*GOOD, "draft: false  # checked with the bureau",
                                            body=LEGITIMATE + "\n\n[Guide](guide.pdf)"))
    no_figures = edit("data/parks.yml", FENGKAI, FENGKAI + "\n  investor_facts: {}")  # as a form left empty saves it
    docs = built_docs_after(project, lambda root: [news(root), no_figures(root)])
    assert "[^2]: Seed 002." in (docs / "news" / "plant.md").read_text(encoding="utf-8")


def test_a_whole_number_in_quotes_is_the_number(project):
    """`investment_yuan: "1000000000"` was refused ("is the text"), while quoted numbers pass elsewhere."""
    before = built_docs_after(project, lambda root: None) / "projects" / "index.md"
    unquoted = before.read_text(encoding="utf-8")
    docs = built_docs_after(project, edit("data/projects.yml", "  investment_yuan: 1000000000",
                                          '  investment_yuan: "1000000000"'))
    assert (docs / "projects" / "index.md").read_text(encoding="utf-8") == unquoted
