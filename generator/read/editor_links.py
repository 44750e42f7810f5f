"""Links in docs/ Markdown, checked before anything is published: each written as a URL
(`../sectors/x/`, the site's own address) or as a Markdown file of its own language leads to a
page or file the site will have; the other language's file, a draft, an empty address, a
mailto: without an address and an undefined reference are named at their line, with the fix.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core import frontmatter, memo
from ..core.errors import InputError, Problem
from ..core.paths import Layout, editor_name, lang_path
from .editor_pages import _markdown_files, _prose_lines

# Links: [text](url), ![alt](url), [ref]: url, and href/src in HTML
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)")  # [^1]: is a footnote, not a link
# Reference definitions wherever Markdown reads them (in a blockquote, an admonition), and their uses
_REFERENCE_LABEL = re.compile(r"^[\s>]*\[([^\]^][^\]]*)\]:")
_REFERENCE_USE = re.compile(r"(?<![\]\\])\[(?!\^)([^\]\n]+)\]\[(?!\^)([^\]\n]*)\]")  # [text][label], [text][]
_EMPTY_LINK = re.compile(r"\]\(\s*\)")  # [text](): an inline link's address, when on the line, is empty
_HTML_URL = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# What MkDocs and its plugins add to the site besides the pages and files of the docs tree
_BUILT_BY_MKDOCS = {"sitemap.xml", "sitemap.xml.gz", "404.html"}
_BUILT_PREFIXES = ("search/", "pagefind/", "assets/javascripts/", "assets/stylesheets/", "assets/images/")


def link_problems(layout: Layout, files: Collection[str], site_url: str,
                  drafts: Collection[str] = frozenset()) -> list[Problem]:
    """Links written as URLs in docs/ Markdown that lead to no page or file of the built site
    (`files`: the paths of the built docs tree; `drafts`: the docs paths left out as drafts)."""
    problems = []
    site_path = urlsplit(site_url).path or "/"
    for path, rel, shown in _markdown_files(layout):
        here, source = _page_dir(rel), posixpath.dirname(editor_name(rel))
        urls, undefined = memo.per_file("links", path, "", lambda: _urls(path, shown))
        problems += [Problem(shown, n, f"link [{label}] is not defined: Markdown shows it as text",
                             f"add a line '[{label}]: address' to the file, or write the link as [text](address)")
                     for n, label in undefined]
        for n, url, markdown in urls:
            broken = _broken(url, here, files, site_url, site_path, source if markdown else None, editor_name(rel))
            draft = broken and markdown and _draft_target(url, source, drafts)
            if draft:
                broken = (f"link '{url}' leads to docs/{draft}, a draft: drafts are not published",
                          "publish that item first (remove 'draft: true'), or add the link once it is published")
            if broken:
                problems.append(Problem(shown, n, *broken))
    return problems


def _draft_target(url: str, source: str, drafts: Collection[str]) -> str | None:
    """The draft a Markdown link names, as the docs tree names it, or None."""
    path = unquote(urlsplit(url).path)
    target = posixpath.normpath(posixpath.join(source, path)) if path.endswith(".md") else ""
    return next((d for d in drafts if editor_name(d) == target), None)


def _label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(label.split()).lower()


def _urls(path: Path, shown: str) -> tuple[list[tuple[int, str, bool]], list[tuple[int, str]]]:
    """The URLs a docs file's prose links to, with their lines, and whether each is a Markdown link
    (MkDocs resolves those from the file's folder) or an HTML one (a URL, from the page's); and the
    reference links whose label the file never defines, with their lines (Markdown shows them as text)."""
    try:
        text = frontmatter.decode(path.read_bytes(), shown)
    except InputError:
        return [], []  # reported by page_problems
    lines = _prose_lines(text)
    defined = {_label(label) for line in lines for label in _REFERENCE_LABEL.findall(line)}
    urls = [(n, url.strip(), markdown) for n, line in enumerate(lines, start=1)
            for found, markdown in (([u for u in _INLINE.findall(line) if u] + _REFERENCE.findall(line)
                                     + ["" for _ in _EMPTY_LINK.finditer(line)], True),
                                    (_HTML_URL.findall(line), False)) for url in found]
    undefined = [(n, label or text_) for n, line in enumerate(lines, start=1)
                 for text_, label in _REFERENCE_USE.findall(line)
                 if _label(label or text_) not in defined and not (text_ + label).isdigit()]  # [1][2]: text
    return urls, undefined


def _page_dir(rel: str) -> str:
    """Where a docs file is served, relative to the site root: news/x.zh.md -> zh/news/x/."""
    rel = editor_name(rel)
    lang = next((code for code in ("zh-hant", "zh") if rel.endswith(f".{code}.md")), "")
    stem = rel.removesuffix(".md").removesuffix(f".{lang}")
    folder, _, name = stem.rpartition("/")
    where = (folder + "/" if folder else "") if name == "index" else stem + "/"
    return (lang + "/" if lang else "") + where


_FIX = ("link to a page or file that exists: from this file's folder for a Markdown link (an image beside "
        "it: pic.png; a page: ../sectors/hydrogen-energy.md), or as the site's address (/portal/assets/pic.png)")


_EMAIL = re.compile(r"[^@\s/?,]+@[^@\s/?,]+\.[^@\s/?.,]+")
_TEL = re.compile(r"\+?[0-9(][0-9()\-. ]*|\+?[0-9(][0-9()\-.]*(%20[0-9()\-.]+)*")


def _lang_ending(path: str) -> str:
    return next((code for code in (".zh-hant.md", ".zh.md") if path.endswith(code)), ".md")


def _broken(url: str, here: str, files: Collection[str], site_url: str, site_path: str,
            source: str | None, here_file: str = "") -> tuple[str, str] | None:
    """(message, fix) for a link that leads nowhere. `here`: the page's folder in the site; `source`:
    the Markdown file's folder in docs/, for a Markdown link (None for an HTML one); `here_file`:
    the Markdown file, as the built docs tree names it."""
    if not url:
        return "a link has no address", "write the address between its brackets or quotes, or remove the link"
    if url.startswith("#"):
        return None
    if url[:7].lower() == "mailto:" and not all(_EMAIL.fullmatch(a) for a in unquote(url[7:].split("?", 1)[0]).split(",") if a):
        return (f"link '{url}' is not an e-mail address",
                "write mailto: and the whole address, e.g. mailto:zqszsj@126.com")
    if url[:4].lower() == "tel:" and not _TEL.fullmatch(url[4:]):
        return (f"link '{url}' is not a telephone number",
                "write tel: and the number in digits, e.g. tel:+86-758-2899202 (+, -, spaces and brackets allowed)")
    relative = not (url.startswith((site_url, "/", "//")) or _SCHEME.match(url))
    if relative and source is not None:
        # MkDocs reads a Markdown link from the file's folder, and rewrites it when it names a docs file
        path = unquote(urlsplit(url).path)
        in_docs = posixpath.normpath(posixpath.join(source, path)) if path else ""
        if in_docs in files and _lang_ending(in_docs) not in (".md", _lang_ending(here_file)):
            # each language is built on its own: the other language's file is not among its pages
            own = in_docs.removesuffix(_lang_ending(in_docs)) + _lang_ending(here_file)
            return (f"link '{url}' leads to a page of another language, which this page's site does not hold",
                    f"link to it by its address, {site_path}{_page_dir(in_docs)}"
                    + (f" (or, for this language's version, {posixpath.relpath(own, source or '.')})" if own in files else ""))
        if in_docs in files:
            return None
        if path.endswith(".md"):
            if in_docs.startswith(".."):
                return f"link '{url}' leads outside the site", _FIX
            # a page of the link's own language: x.md, x.zh.md and x.zh-hant.md differ by one ending
            ending = _lang_ending(in_docs)
            close = difflib.get_close_matches(in_docs, [f for f in files if f.endswith(".md") and _lang_ending(f) == ending], n=1)
            return (f"link '{url}' leads to no page (docs/{in_docs} does not exist)",
                    f"did you mean {posixpath.relpath(close[0], source or '.')}?" if close else _FIX)
    message = _broken_url(url, here, files, site_url, site_path)
    return (message, _FIX) if message else None


def _broken_url(url: str, here: str, files: Collection[str], site_url: str, site_path: str) -> str | None:
    if url.startswith(site_url):
        target = url[len(site_url):]
    elif _SCHEME.match(url) or url.startswith("//"):
        return None  # another site: the link checker's business
    elif url.startswith("/"):
        if not url.startswith(site_path):
            return f"link '{url}' leaves the site's address ({site_path})"
        target = url[len(site_path):]
    else:
        target = posixpath.join(here, url)
    parts = urlsplit(target)
    target = unquote(parts.path)
    normal = posixpath.normpath(target) if target else "."
    if normal.startswith("..") or normal.startswith("/"):
        return f"link '{url}' leads outside the site"
    if target.endswith(".md") or parts.path.endswith(".md"):
        return None  # an HTML link to a .md file: MkDocs validates it itself
    return None if _exists("" if normal == "." else normal, files) else f"link '{url}' leads to no page or file" + (
        " (a page's address ends with its folder: write it without index.html)" if url.endswith("index.html") else "")


def _exists(target: str, files: Collection[str]) -> bool:
    lang = "en"
    for code in ("zh-hant", "zh"):
        if target == code or target.startswith(code + "/"):
            lang, target = code, target[len(code) + 1:]
            break
    if target in _BUILT_BY_MKDOCS or target.startswith(_BUILT_PREFIXES):
        return True
    candidates = [target] if target else []
    candidates += [f"{target}.md", f"{target}/index.md"] if target else ["index.md"]
    for candidate in candidates:
        if candidate in files or (lang != "en" and lang_path(candidate, lang) in files):
            return True
    return False
