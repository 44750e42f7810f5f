"""The search index: Pagefind, one bundle per language, each built as soon as its language is.

Pagefind replaces Material's search plugin: nothing of the index is downloaded on
page load, every page is indexed whole, and each language has its own bundle at its own
root (/pagefind/, /zh/pagefind/, /zh-hant/pagefind/; a reader searches one language at a
time), built from that language's MkDocs build while the other languages still build
(generator/publish/build.py runs `python -m generator.publish.search` for each). Pages opt
in with `data-pagefind-body` (overrides/main.html, overrides/home.html), so the 404 page and
chrome stay out.

Pagefind reads an *index copy* of the language's HTML (in /dev/shm where the machine has it,
else `.CODE.search-index/` beside its build: each page reduced to what Pagefind reads,
`_indexed_part`), not the pages themselves:

- **Traditional pages are read in Simplified.** Pagefind's Chinese segmenter (jieba) has a
  Simplified dictionary: Traditional text comes out one character at a time, and a query
  such as 電話 ranked 電子信息 first. So each zh-hant page is indexed as its Simplified
  rendering, character for character (OpenCC `t2s`, one character at a time, so every
  character keeps its place), under its own URL, in the zh-hant index. The page's
  Traditional title and the Traditional characters of its text go along as metadata
  (`title`, `hant`): the browser shows those (portal-search-ui.js, `processResult`), and turns a
  Traditional query into Simplified with `t2s.json` (written into each Chinese bundle: every
  Traditional form OpenCC reads as one of the characters its index holds).
- **Long Chinese queries are cut as the index was.** Pagefind 1.4 looks a Chinese query up
  as it is typed; a long term the index holds as several words (超长期特别国债: 超|长期|特别|国债)
  matched pages with any part of it first. `t2s.json` also lists the indexed Chinese words: the
  browser cuts a query run of 5 or more characters into them (longest first), and Pagefind
  then finds the pages holding every part.
- **Synonyms** (`data/search_synonyms.yml`): the terms readers type that a page does not say
  are indexed with that page (weighted as a heading), between separators (`SEPARATOR`) the
  browser cuts from excerpts, so they find the page without ever being shown.
"""
from __future__ import annotations

import argparse
import errno
import gzip
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from ..core.lock import end_with_build

# Inside an indexed article: the heading permalinks (¶), the footnotes' way back (↩) and the
# links to source sentences ("source sentence 1", and the "Sources:" lines) are chrome, not text
# a reader searches; in excerpts they read as noise
EXCLUDED_CLASSES = frozenset({"headerlink", "footnote-backref", "portal-source", "portal-sources"})
EXCLUDE_SELECTORS = ", ".join(f".{name}" for name in sorted(EXCLUDED_CLASSES))
HANT = "zh-hant"  # the Traditional site's folder
BUNDLE = "pagefind"  # each language's bundle, in the language's folder
MAP = "t2s.json"  # in a Chinese bundle: Traditional character -> Simplified, and the indexed words
BEST = "best.json"  # in every bundle: each synonym's page, shown above the results as the best match
SEPARATOR = "⁂"  # synonyms are indexed between two: never shown in an excerpt
# A synonym names the page it should find: it counts as a heading does (h1 is 7, text 1)
SYNONYM_WEIGHT = 5
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(f"{_HAN.pattern}+")
_BODY = re.compile(r"<[^>]*\bdata-pagefind-body\b[^>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "noscript", "template", "svg"}


class SearchError(Exception):
    pass


def language_of(folder: str) -> str:
    """The language of a language's folder in the site: "" -> en, "zh/" -> zh."""
    return folder.strip("/") or "en"


def index(site: Path, folder: str, root: Path | None = None, keep: tuple[int, ...] = ()) -> None:
    """Index the pages of one language's build: `site` is the build's folder, `folder` the
    language's folder in it ("" or "zh/"); the bundle goes to site/folder/pagefind/ (replaced).
    `root`: the project (data/search_synonyms.yml, data/traditional_phrases.yml), if any;
    `keep`: descriptors Pagefind keeps open (the build lock)."""
    lang = language_of(folder)
    bundle = site / folder / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    places = _copy_places(site)
    copy = places[0]
    try:
        synonyms = _synonyms(root, site / folder, lang)
        for copy in places:
            shutil.rmtree(copy, ignore_errors=True)  # a killed run's copy
            try:
                titles = _index_copy(site, folder, copy, synonyms)
                break
            except OSError as err:  # memory full: the next place
                shutil.rmtree(copy, ignore_errors=True)
                if err.errno != errno.ENOSPC or copy == places[-1]:
                    raise
        # The extended binary itself (its jieba segments Chinese), not `python -m pagefind`, which
        # starts an interpreter only to find and exec it
        from pagefind_bin_extended import get_executable

        command = [str(get_executable()), "--site", str(copy), "--output-path", str(bundle),
                   "--exclude-selectors", EXCLUDE_SELECTORS, "--silent"]
        run = subprocess.run(command, capture_output=True, text=True, pass_fds=keep)  # holds the build lock too
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    if run.returncode != 0:
        raise SearchError(f"Pagefind failed ({run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    indexed = sorted(p.name.split("_")[0].removeprefix("pagefind.") for p in bundle.glob("pagefind.*.pf_meta"))
    if indexed != [lang]:
        raise SearchError(f"Pagefind built {len(indexed)} index(es) ({', '.join(indexed)}) for the '{lang}' pages: "
                          "check that pages carry data-pagefind-body and <html lang>")
    (bundle / BEST).write_text(json.dumps(best_matches(synonyms, titles, lang), ensure_ascii=False,
                                          separators=(",", ":"), sort_keys=True), encoding="utf-8")
    if lang.startswith("zh"):
        words, chars = _indexed(bundle)
        (bundle / MAP).write_text(json.dumps({"t2s": query_map(chars), "words": sorted(words)}, ensure_ascii=False,
                                             separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _indexed(bundle: Path) -> tuple[set[str], set[str]]:
    """The Chinese words of a Chinese index, as Pagefind segmented them (each page's content
    carries its word breaks as U+200B: the browser segments a long query with them), and the
    Han characters of its text (what a Traditional query is mapped onto)."""
    pieces: set[str] = set()
    chars: set[str] = set()
    for path in (bundle / "fragment").glob("zh*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        content = json.loads(data[data.index(b"{"):])["content"]
        chars.update(content)
        pieces.update(content.replace("\u200b", " ").split())  # each distinct piece tested once, below
    words = {w for w in pieces if len(w) > 1 and _WORD.fullmatch(w)}
    return words, {c for c in chars if _HAN.match(c)}


def main(argv: list[str] | None = None) -> int:
    """`python -m generator.publish.search SITE FOLDER [--root ROOT] [--keep-fd N]`: one language's
    index (build.py runs it as soon as that language is built). A problem: one line, exit 1."""
    parser = argparse.ArgumentParser(prog="python -m generator.publish.search")
    parser.add_argument("site", type=Path)
    parser.add_argument("folder")
    parser.add_argument("--root", type=Path)
    parser.add_argument("--keep-fd", type=int, action="append", default=[], help="a descriptor Pagefind keeps open")
    args = parser.parse_args(argv)
    end_with_build()
    try:
        index(args.site, args.folder, args.root, tuple(args.keep_fd))
    except SearchError as err:
        print(err, file=sys.stderr)
        return 1
    except OSError as err:  # build.py turns this line back into the OSError (a full or read-only disk)
        print(f"OSError: [Errno {err.errno}] {err.strerror}: {err.filename!r}", file=sys.stderr)
        return 1
    return 0


# --- Traditional -> Simplified, one character at a time --------------------------------------

_T2S: dict[int, str] | None = None


def _t2s_table() -> dict[int, str]:
    """Every CJK character OpenCC's t2s writes as one other character."""
    global _T2S
    if _T2S is None:
        import opencc

        codes = [code for block in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for code in range(*block)]
        # One call, one character per line (a line break ends every phrase OpenCC matches): the
        # same as converting each character alone, at a sixth of the time
        converted = opencc.OpenCC("t2s").convert("\n".join(map(chr, codes))).split("\n")
        _T2S = {code: s for code, s in zip(codes, converted) if len(s) == 1 and s != chr(code)}
    return _T2S


def to_simplified(text: str) -> str:
    """Character for character (same length, same places): what the Traditional index reads."""
    return text.translate(_t2s_table())


def query_map(chars: set[str]) -> dict[str, str]:
    """The Traditional characters a query may hold -> the Simplified ones the Chinese indexes
    hold: every character OpenCC reads as one of `chars` (the indexes' characters)."""
    return {chr(code): s for code, s in _t2s_table().items() if s in chars}


# --- the index copy ------------------------------------------------------------------------

# The copy is written, read once by Pagefind and removed: in memory where the machine has a
# writable /dev/shm (tmpfs), else beside the build. On a disk (ext4 mounted with `discard`)
# making and removing each language's 1 000 folders and files per 1 000 pages took about
# 0.5 CPU-s of the kernel's, and most of a publish's variance (bench/README.md)
SCRATCH = Path("/dev/shm")


def _copy_places(site: Path) -> list[Path]:
    """Where the index copy of `site` goes, in order of preference: the next when one is full.
    Named after the build's folder, so that a killed run's copy is removed by the next one."""
    beside = site.with_name(f".{site.name}.search-index")
    if not (SCRATCH.is_dir() and os.access(SCRATCH, os.W_OK | os.X_OK)):
        return [beside]
    key = hashlib.sha256(os.fsencode(site.resolve())).hexdigest()[:16]
    return [SCRATCH / f"portal-search-index-{key}", beside]


def _index_copy(site: Path, folder: str, copy: Path, synonyms: dict[str, list[str]]) -> dict[str, str]:
    """Write the HTML Pagefind reads (the language's pages under site/folder, at their places)
    into `copy`; the titles (first heading) of the pages `synonyms` names.

    A page's copy keeps only what Pagefind reads (`_indexed_part`: without the header,
    navigation and footer, half to two thirds of a page; the index is the same)."""
    lang = language_of(folder)
    titles: dict[str, str] = {}
    start = site / folder
    for page in start.rglob("*.html"):
        rest = page.relative_to(start)
        if rest.parts[0] == BUNDLE:
            continue
        target = copy / folder / rest
        target.parent.mkdir(parents=True, exist_ok=True)
        path = rest.parent.as_posix()
        named = "" if path == "." else path + "/"
        extra = synonyms.get(named) if rest.name == "index.html" else None
        text = _indexed_part(page.read_text(encoding="utf-8"))
        if text is None:  # no data-pagefind-body: not indexed
            continue
        if extra:
            titles[named] = _title(text)
            text = _BODY.sub(lambda m: f'{m.group(0)}<p hidden data-pagefind-weight="{SYNONYM_WEIGHT}">'
                                         f'{SEPARATOR} {html.escape(" ".join(extra))} {SEPARATOR}</p>', text, count=1)
        if lang == HANT:
            text = _simplified_copy(text)
        target.write_text(text, encoding="utf-8")
    return titles


def best_matches(synonyms: dict[str, list[str]], titles: dict[str, str], lang: str) -> dict:
    """best.json: each term (as a query is compared with it, in the characters the index reads) ->
    its page, and each page's title, for the search dialog to show above the results."""
    from ..read.synonyms import best_key

    terms = {}
    for page, extra in synonyms.items():
        for term in [*extra, titles.get(page, "")]:  # its own title too (Zhaoqing New District)
            if term:
                terms.setdefault(best_key(to_simplified(term) if lang == HANT else term), page)
    return {"terms": terms, "titles": {page: titles.get(page, "") for page in synonyms}}


def _title(text: str) -> str:
    """A page's first heading, as Pagefind takes its title."""
    found = _Text()
    found.feed(text)
    found.close()
    return " ".join(found.title.split())


def _indexed_part(text: str) -> str | None:
    """A page as Pagefind needs it: its `<html>` tag (the language), `<body>` tag and the element
    with data-pagefind-body, which ends before the article does (overrides/main.html, home.html):
    Pagefind reads nothing else. None: a page without one (not indexed)."""
    at = text.find("data-pagefind-body")
    if at < 0:
        return None
    html_tag, body = _HTML.search(text), _BODY_TAG.search(text)
    if not html_tag or not body or body.end() > at:
        return text
    start = text.rfind("<", 0, at)
    end = text.find("</article>", at)
    end = len(text) if end < 0 else end + len("</article>")
    return (f"<!DOCTYPE html>{html_tag.group(0)}<head><meta charset=\"utf-8\"></head>{body.group(0)}"
            f"{text[start:end]}</body></html>")


_HTML = re.compile(r"<html\b[^>]*>")
_BODY_TAG = re.compile(r"<body\b[^>]*>")


def _simplified_copy(text: str) -> str:
    """A Traditional page as the index reads it: Simplified characters, the Traditional title
    and text as metadata (outside the indexed body: shown, never searched)."""
    found = _Text()
    found.feed(text)
    found.close()
    meta = (f'<span hidden data-pagefind-meta="title">{html.escape(found.title.strip())}</span>'
            f'<span hidden data-pagefind-meta="hant">{"".join(found.han)}</span>')
    simplified = to_simplified(text)
    body = _BODY_TAG.search(simplified)
    if not body:
        return simplified
    return simplified[:body.end()] + meta + simplified[body.end():]


class _Text(HTMLParser):
    """The Han characters of a page's indexed text, in order (what Pagefind reads: inside
    data-pagefind-body, outside data-pagefind-ignore and the excluded selectors), and the
    first heading's text (Pagefind's default title)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, in body, skipped)
        self.han: list[str] = []
        self.title = ""
        self.h1 = 0  # depth inside the first <h1>, or -1 once it ended

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        a = dict(attrs)
        body, skip = self.stack[-1][1:] if self.stack else (False, False)
        body = body or "data-pagefind-body" in a
        skip = skip or tag in _SKIP or "data-pagefind-ignore" in a or not EXCLUDED_CLASSES.isdisjoint((a.get("class") or "").split())
        self.stack.append((tag, body, skip))
        if tag == "h1" and body and self.h1 == 0:
            self.h1 = len(self.stack)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        for depth in range(len(self.stack) - 1, -1, -1):  # close up to the matching tag
            if self.stack[depth][0] == tag:
                if self.h1 > depth:
                    self.h1 = -1
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not self.stack or not self.stack[-1][1]:
            return
        if self.h1 > 0 and not any(s for _, _, s in self.stack[self.h1 - 1:]):
            self.title += data
        if not self.stack[-1][2]:
            self.han.extend(_HAN.findall(data))


def _synonyms(root: Path | None, site: Path, lang: str) -> dict[str, list[str]]:
    """{page path: the extra terms to index} of one language, as the generator left them
    (build/plugin-data: data/search_synonyms.yml, the Traditional terms converted); `site`:
    the language's folder of the site, which must hold every page named."""
    if root is None:
        return {}
    from ..core.paths import SEARCH_SYNONYMS, Layout

    path = Layout(root).plugin_data / SEARCH_SYNONYMS
    try:
        entries = json.loads(path.read_text(encoding="utf-8")).get(lang, [])
    except FileNotFoundError:
        raise SearchError(f"{Layout(root).show(path)} is missing: generate the pages first "
                          "(python -m generator build)") from None
    found: dict[str, list[str]] = {}
    for page, terms, where in entries:
        if not (site / page / "index.html").is_file():
            raise SearchError(f"{where}: no page {page}. Fix: name a page of the site")
        if terms:
            found[page] = terms
    return found

if __name__ == "__main__":
    sys.exit(main())
