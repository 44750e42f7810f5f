"""The search index: Pagefind over the whole built site, once every language is in it.

Pagefind replaces Material's search plugin: nothing of the index is downloaded on
page load, every page is indexed whole, and each `<html lang>` gets its own index
(Chinese segmented at index time). Pages opt in with `data-pagefind-body`
(overrides/main.html, overrides/home.html), so the 404 page and chrome stay out.

Pagefind reads an *index copy* of the site's HTML (`.search-index/` beside it; hard links
where a page is read as it is), not the site itself:

- **Traditional pages are read in Simplified.** Pagefind's Chinese segmenter (jieba) has a
  Simplified dictionary: Traditional text comes out one character at a time, and a query
  such as 電話 ranked 電子信息 first. So each zh-hant page is indexed as its Simplified
  rendering, character for character (OpenCC `t2s`, one character at a time, so every
  character keeps its place), under its own URL, in the zh-hant index. The page's
  Traditional title and the Traditional characters of its text go along as metadata
  (`title`, `hant`): the browser shows those (portal-search-ui.js, `processResult`), and turns a
  Traditional query into Simplified with `t2s.json` (written here, beside the bundle: the
  characters of the Chinese indexes, and every Traditional form OpenCC reads as one of them).
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

import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from ..core.lock import held

# Inside an indexed article, the heading permalinks (¶) are chrome
EXCLUDE_SELECTORS = ".headerlink"
HANT = "zh-hant"  # the Traditional site's folder
MAP = "t2s.json"  # in the bundle folder: Traditional character -> Simplified, and the indexed words
SEPARATOR = "⁂"  # synonyms are indexed between two: never shown in an excerpt
# A synonym names the page it should find: it counts as a heading does (h1 is 7, text 1)
SYNONYM_WEIGHT = 5
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_BODY = re.compile(r"<[^>]*\bdata-pagefind-body\b[^>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "noscript", "template", "svg"}


class SearchError(Exception):
    pass


def index(site: Path, languages: int, root: Path | None = None) -> None:
    """Index `site` (its pagefind/ folder is replaced): one index for each of its `languages`.
    `root`: the project (data/search_synonyms.yml, data/traditional_phrases.yml), if any."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    copy = site.with_name(f".{site.name}.search-index")
    shutil.rmtree(copy, ignore_errors=True)
    try:
        chars = _index_copy(site, copy, _synonyms(root, site))
        command = [sys.executable, "-m", "pagefind", "--site", str(copy), "--output-path", str(site / "pagefind"),
                   "--exclude-selectors", EXCLUDE_SELECTORS, "--silent"]
        run = subprocess.run(command, capture_output=True, text=True, pass_fds=held())  # holds the build lock too
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    if run.returncode != 0:
        raise SearchError(f"Pagefind failed ({run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    indexed = sorted(p.name.split("_")[0].removeprefix("pagefind.")
                     for p in (site / "pagefind").glob("pagefind.*.pf_meta"))
    if len(indexed) < languages:
        raise SearchError(f"Pagefind built {len(indexed)} index(es) ({', '.join(indexed)}) for {languages} "
                          "languages: check that pages carry data-pagefind-body and <html lang>")
    words = sorted(_indexed_words(site / "pagefind"))
    (site / "pagefind" / MAP).write_text(json.dumps({"t2s": query_map(chars), "words": words}, ensure_ascii=False,
                                                    separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _indexed_words(bundle: Path) -> set[str]:
    """The Chinese words of the Chinese indexes, as Pagefind segmented them (each page's content
    carries its word breaks as U+200B): the browser segments a long query with them."""
    import gzip

    words: set[str] = set()
    for path in (bundle / "fragment").glob("zh*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        content = json.loads(data[data.index(b"{"):])["content"]
        words.update(w for w in re.split(r"[\u200b\s]+", content) if len(w) > 1 and _WORD.fullmatch(w))
    return words


# --- Traditional -> Simplified, one character at a time --------------------------------------

_T2S: dict[int, str] | None = None


def _t2s_table() -> dict[int, str]:
    """Every CJK character OpenCC's t2s writes as one other character."""
    global _T2S
    if _T2S is None:
        import opencc

        convert = opencc.OpenCC("t2s").convert
        table = {}
        for block in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
            for code in range(*block):
                simplified = convert(chr(code))
                if len(simplified) == 1 and simplified != chr(code):
                    table[code] = simplified
        _T2S = table
    return _T2S


def to_simplified(text: str) -> str:
    """Character for character (same length, same places): what the Traditional index reads."""
    return text.translate(_t2s_table())


def query_map(chars: set[str]) -> dict[str, str]:
    """The Traditional characters a query may hold -> the Simplified ones the Chinese indexes
    hold: every character OpenCC reads as one of `chars` (the indexes' characters)."""
    return {chr(code): s for code, s in _t2s_table().items() if s in chars}


# --- the index copy ------------------------------------------------------------------------

def _index_copy(site: Path, copy: Path, synonyms: dict[str, dict[str, str]]) -> set[str]:
    """Write the HTML Pagefind reads into `copy`; the Han characters of the Chinese indexes."""
    chars: set[str] = set()
    for page in site.rglob("*.html"):
        relative = page.relative_to(site)
        if relative.parts[0] == "pagefind":
            continue
        target = copy / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        path = relative.parent.as_posix()
        path = "" if path == "." else path + "/"
        lang, _, rest = path.partition("/") if path.startswith(("zh/", f"{HANT}/")) else ("en", "", path)
        extra = synonyms.get(lang, {}).get(rest if relative.name == "index.html" else None)
        if lang == "en" and not extra:
            os.link(page, target)
            continue
        text = page.read_text(encoding="utf-8")
        if extra:
            text = _BODY.sub(lambda m: f'{m.group(0)}<p hidden data-pagefind-weight="{SYNONYM_WEIGHT}">'
                                         f'{SEPARATOR} {html.escape(extra)} {SEPARATOR}</p>', text, count=1)
        if lang == HANT:
            text = _simplified_copy(text)
        if lang != "en":
            chars.update(_HAN.findall(text))
        if text == page.read_text(encoding="utf-8"):
            os.link(page, target)
        else:
            target.write_text(text, encoding="utf-8")
    return chars


def _simplified_copy(text: str) -> str:
    """A Traditional page as the index reads it: Simplified characters, the Traditional title
    and text as metadata (outside the indexed body: shown, never searched)."""
    found = _Text()
    found.feed(text)
    found.close()
    meta = (f'<span hidden data-pagefind-meta="title">{html.escape(found.title.strip())}</span>'
            f'<span hidden data-pagefind-meta="hant">{"".join(found.han)}</span>')
    simplified = to_simplified(text)
    body = re.search(r"<body\b[^>]*>", simplified)
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
        skip = skip or tag in _SKIP or "data-pagefind-ignore" in a or "headerlink" in (a.get("class") or "").split()
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


def _synonyms(root: Path | None, site: Path) -> dict[str, dict[str, str]]:
    """{language: {page path: the extra text to index}} from data/search_synonyms.yml."""
    if root is None:
        return {}
    from ..core.errors import InputError
    from ..pages import traditional
    from ..read import synonyms

    try:
        entries = synonyms.load(root / "data" / synonyms.FILE, f"data/{synonyms.FILE}")
    except InputError as err:
        raise SearchError("; ".join(map(str, err.problems))) from None
    found: dict[str, dict[str, str]] = {"en": {}, "zh": {}, HANT: {}}
    convert = None
    for entry in entries:
        if not (site / entry.page / "index.html").is_file():
            raise SearchError(f"data/{synonyms.FILE}:{entry.line}: no page {entry.page}. Fix: name a page of the site")
        zh = " ".join(entry.zh)
        found["en"][entry.page] = " ".join(entry.en)
        found["zh"][entry.page] = " ".join(filter(None, [zh, found["en"][entry.page]]))
        if zh and convert is None:
            convert = traditional.converter(tuple(traditional.load_phrases(
                root / "data" / traditional.PHRASES, f"data/{traditional.PHRASES}")))
        found[HANT][entry.page] = " ".join(filter(None, [convert(zh) if zh else "", found["en"][entry.page]]))
    return {lang: {page: text for page, text in pages.items() if text} for lang, pages in found.items()}
