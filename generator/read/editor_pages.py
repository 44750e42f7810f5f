"""Every file in docs/ is checked before it is published, not only news items.

Pages in any folder: UTF-8, names in the slug form, front matter that parses and
holds only known keys, no HTML the sanitiser would remove (generator/core/sanitise.py: the
Markdown is rendered and its HTML read, so what is reported is what would reach the page),
and every link written as a URL (`../sectors/x/`, the site's own address) leads to a page
or file that the site will have. `.md` links are MkDocs' own check (strict build).
Other files: only inert types (images, PDF, CSV), never at a path the build writes itself.
"""
from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core import frontmatter, memo, sanitise, site_config
from ..core.errors import InputError, Problem, described
from ..core.paths import CMS_ENGLISH, Layout, editor_name, files_in, lang_path, project_root
from ..core.slugs import SLUG_HINT, is_slug

# Material's page keys an editor may set on a page that is not a news item
PAGE_KEYS = {"title": str, "description": str, "hide": list, "icon": str, "status": str, "tags": list, "search": dict}
_PAGE_KINDS = {str: "a text", list: "a list: [a, b]", dict: "a mapping: {key: value}"}  # in the fix editors read
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
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


def _is_news_item(rel: tuple[str, ...]) -> bool:
    """docs/news/NAME.md: read and validated as a news item by editor_news."""
    return len(rel) == 2 and rel[0] == "news"


def _stem(name: str) -> str:
    stem = name.removesuffix(".md")
    # the Traditional site's override suffix too, and the CMS's name for English (NAME.en.md)
    return stem.removesuffix(".zh-hant").removesuffix(".zh").removesuffix(".en")


def _markdown_files(layout: Layout) -> list[tuple[Path, str, str]]:
    """Each Markdown file of docs/: its path, its path in docs/ and as messages name it (the
    strings cut from the listing's paths: no path arithmetic for each of 2 000 files)."""
    docs = str(layout.docs)
    shown_docs = layout.show(layout.docs)
    return [(path, rel, f"{shown_docs}/{rel}")
            for path in files_in(layout.docs, ".md") for rel in [str(path)[len(docs) + 1:]]]


def page_problems(layout: Layout) -> list[Problem]:
    """Names, encoding, front matter and live HTML of every Markdown file in docs/."""
    problems: list[Problem] = []
    extensions = site_config.markdown_extensions(layout.root)
    depends = repr(extensions)
    for path, rel_path, shown in _markdown_files(layout):
        rel = tuple(rel_path.split("/"))
        if path.name.endswith(CMS_ENGLISH) and path.with_name(editor_name(path.name)).is_file():
            problems.append(Problem(shown, 1, f"two English versions: {path.name} and {editor_name(path.name)}",
                                    f"keep one: {path.name} is how the CMS names the English file, "
                                    f"{editor_name(path.name)} how git users do"))
            continue
        if rel[0] == "news" and len(rel) > 2:
            problems.append(Problem(shown, 1, "news items are read only from docs/news/ itself, not its sub-folders",
                                    f"move the file to docs/news/{path.name}"))
            continue
        # the rest depends on the file alone (and the extensions): the preview remembers it (core/memo.py)
        problems.extend(memo.per_file("page", path, depends,
                                      lambda: _file_problems(path, shown, rel, extensions)))
    return problems


def _file_problems(path: Path, shown: str, rel: tuple[str, ...], extensions) -> list[Problem]:
    news_item = _is_news_item(rel)
    if not news_item:  # news names are checked with the item
        bad = [part for part in (*rel[:-1], _stem(rel[-1])) if not is_slug(part)]
        if bad:
            return [Problem(shown, 1, f"'{bad[0]}' in the path is not lower-case words joined by '-'",
                            f"rename it; {SLUG_HINT}")]
    try:
        text = frontmatter.decode(path.read_bytes(), shown)
    except InputError as err:
        return [] if news_item else err.problems  # editor_news reports its own files
    problems: list[Problem] = []
    body, body_line = text, 1
    if text.split("\n", 1)[0].rstrip() == "---":
        try:
            doc = frontmatter.parse(text, shown)
        except InputError as err:
            return [] if news_item else err.problems  # editor_news reports its own files
        if not news_item:
            problems.extend(_page_meta_problems(doc, shown))
        body, body_line = doc.body, doc.body_line
    if not news_item and not body.strip():  # published as a blank page (editor_news asks the same of an item)
        problems.append(Problem(shown, body_line, "the page has no text", "write its text, or delete the file"))
    return problems + _snippet_problems(body, body_line, shown) + sanitise.problems(body, body_line, shown, extensions)


# pymdownx.snippets: `--8<-- "name"` on a line of its own, or a block of names between two `--8<--`
# lines (`;--8<--` is the escaped, literal form). It runs before code blocks are recognised, so
# every line counts, fenced or not
_SNIPPET_LINE = re.compile(r"""^\s*--8<--\s+(["'])(.*?)\1\s*$""")
_SNIPPET_BLOCK = re.compile(r"^\s*--8<--\s*$")


def _snippet_problems(body: str, body_line: int, shown: str) -> list[Problem]:
    problems, block = [], False
    for n, line in enumerate(body.split("\n"), start=body_line):
        if _SNIPPET_BLOCK.match(line):
            block = not block
            continue
        m = _SNIPPET_LINE.match(line)
        name = m.group(2) if m else line.strip() if block and line.strip() else None
        # a section or line range after the name: "abbreviations.md:2:4", "abbreviations.md:name"
        if name is not None and name.split(":", 1)[0] not in site_config.SNIPPETS:
            problems.append(Problem(shown, n, f"the page includes '{name}', which the site does not provide",
                                    f'write --8<-- "{site_config.SNIPPETS[0]}" (English and Simplified pages) or '
                                    f'--8<-- "{site_config.SNIPPETS[1]}" (Traditional pages) for the glossary '
                                    "tooltips, or remove the line"))
    return problems


def _page_meta_problems(doc: frontmatter.Document, shown: str) -> list[Problem]:
    problems = []
    for key, value in doc.meta.items():
        line = doc.key_lines.get(str(key), 1)
        if key not in PAGE_KEYS:
            close = difflib.get_close_matches(str(key), list(PAGE_KEYS), n=1)
            problems.append(Problem(shown, line, f"unknown front matter key '{key}'",
                                    f"did you mean '{close[0]}'?" if close else
                                    f"remove it; pages may set {', '.join(PAGE_KEYS)}"))
        elif value is not None and not isinstance(value, PAGE_KEYS[key]):
            problems.append(Problem(shown, line, f"'{key}' is {described(value)}",
                                    f"give '{key}' {_PAGE_KINDS[PAGE_KEYS[key]]}"))
    return problems


def _prose_lines(text: str) -> list[str]:
    """The file's lines with code blocks and code spans blanked: code shows as text, never runs."""
    out, fence = [], None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1) == fence:
                fence = None
            out.append("")
        elif m:
            fence = m.group(1)
            out.append("")
        else:
            out.append(_CODE_SPAN.sub(lambda c: " " * len(c.group(0)), line))
    return out


def html_problems(text: str, shown: str, extensions: tuple[str, ...] | None = None) -> list[Problem]:
    """What the sanitiser would remove from a Markdown file with no front matter."""
    return sanitise.problems(text, 1, shown, extensions or site_config.markdown_extensions(project_root()))


def link_problems(layout: Layout, files: Collection[str], site_url: str,
                  drafts: Collection[str] = frozenset()) -> list[Problem]:
    """Links written as URLs in docs/ Markdown that lead to no page or file of the built site
    (`files`: the paths of the built docs tree; `drafts`: the docs paths left out as drafts)."""
    problems = []
    site_path = urlsplit(site_url).path or "/"
    for path, rel, shown in _markdown_files(layout):
        here, source = _page_dir(rel), posixpath.dirname(editor_name(rel))
        for n, url, markdown in memo.per_file("links", path, "", lambda: _urls(path, shown)):
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


def _urls(path: Path, shown: str) -> list[tuple[int, str, bool]]:
    """The URLs a docs file's prose links to, with their lines, and whether each is a Markdown link
    (MkDocs resolves those from the file's folder) or an HTML one (a URL, from the page's). A
    reference link whose label the file never defines is `[label]` (Markdown shows it as text)."""
    try:
        text = frontmatter.decode(path.read_bytes(), shown)
    except InputError:
        return []  # reported by page_problems
    lines = _prose_lines(text)
    defined = {_label(label) for line in lines for label in _REFERENCE_LABEL.findall(line)}
    return [(n, url.strip(), markdown) for n, line in enumerate(lines, start=1)
            for urls, markdown in (([u for u in _INLINE.findall(line) if u] + _REFERENCE.findall(line)
                                    + ["" for _ in _EMPTY_LINK.finditer(line)], True),
                                   (_HTML_URL.findall(line), False)) for url in urls] + \
        [(n, f"[{label}]", True) for n, line in enumerate(lines, start=1)
         for text_, label in _REFERENCE_USE.findall(line)
         if _label(label or text_) not in defined and not (text_ + label).isdigit()]  # [1][2]: text


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
    if url.startswith("[") and url.endswith("]"):  # a reference label the file does not define (_urls)
        return (f"link {url} is not defined: Markdown shows it as text",
                f"add a line '{url}: address' to the file, or write the link as [text](address)")
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


# Files besides Markdown that docs/ may publish: inert, nothing a browser runs
INERT_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv")
# Paths the build writes itself (MkDocs, Material, the language builds, Pagefind, the preview)
_BUILD_FOLDERS = ("pagefind/", "search/", "assets/javascripts/", "assets/stylesheets/", "admin/")  # admin/: the CMS
_BUILD_FILES = {"sitemap.xml", "sitemap.xml.gz", "404.html", "preview-problems.json"}
_LANGUAGE_FOLDERS = ("zh", "zh-hant")  # the Chinese sites' addresses (mkdocs-static-i18n)


def _theme_file(root: Path, rel: str, tops: dict[tuple[Path, str], bool]) -> bool:
    """Whether Material or overrides/ put `rel` in the site: an editor file there would replace it.
    `tops`: whether each folder holds the first part of a path (asked once, not for each of 2 000
    news files: a path whose first part is not there is not there either)."""
    import material
    top = rel.split("/", 1)[0]
    for folder in (Path(material.__file__).parent / "templates", root / "overrides"):
        if (folder, top) not in tops:
            tops[folder, top] = os.path.lexists(folder / top)
        if tops[folder, top] and (folder / rel).is_file():
            return True
    return False


def file_problems(layout: Layout, editor_files: dict[str, bytes], already: set[str] = frozenset()) -> list[Problem]:
    """Editor files of a type that is not inert, or at a path the build itself writes.
    `already`: paths reported otherwise (the generator's own paths)."""
    problems = []
    own_css = site_config.extra_css(layout.root)
    tops: dict[tuple[Path, str], bool] = {}
    for rel in sorted(editor_files):
        if rel in already or any(part.startswith(".") for part in rel.split("/")):
            continue  # dot files are not published (MkDocs' exclude_docs)
        shown = f"docs/{rel}"
        top = rel.split("/", 1)[0]
        if "/" in rel and top in _LANGUAGE_FOLDERS or rel in {f"{code}.md" for code in _LANGUAGE_FOLDERS}:
            problems.append(Problem(shown, 1, f"/{top.removesuffix('.md')}/ is where the build puts the Chinese site",
                                    "name a page's Chinese versions NAME.zh.md and NAME.zh-hant.md next to NAME.md"))
        elif rel in own_css:
            continue  # the site's own stylesheet (mkdocs.yml extra_css)
        elif rel.startswith(_BUILD_FOLDERS) or rel in _BUILD_FILES or _theme_file(layout.root, rel, tops):
            problems.append(Problem(shown, 1, "the build writes this path itself (theme, search or site files)",
                                    "rename or move this file; the site's scripts, styles and search cannot be replaced from docs/"))
        elif rel.endswith(".md"):
            continue
        elif rel.lower().endswith(".md"):  # sihui-fair.MD: Markdown all the same, but MkDocs reads only .md
            problems.append(Problem(shown, 1, "a Markdown file's name must end in .md (lower-case)",
                                    f"rename it to {rel.rsplit('/', 1)[-1][:-3]}.md"))
        elif rel.lower().endswith(".svg"):
            problems.append(Problem(shown, 1, "SVG images are not published from docs/ (an SVG can hold scripts)",
                                    "export the image as PNG and link that"))
        elif not rel.lower().endswith(INERT_TYPES):
            kind = rel.rsplit(".", 1)[-1] if "." in rel.rsplit("/", 1)[-1] else "without an extension"
            problems.append(Problem(shown, 1, f"a file of type '{kind}' is not published from docs/",
                                    "docs/ holds Markdown, images (PNG, JPEG, GIF, WebP), PDF and CSV files; "
                                    "scripts, styles and HTML belong to the site's code (overrides/)"))
        elif not _is_what_it_says(rel, editor_files[rel]):
            kind = rel.rsplit(".", 1)[-1].upper()
            problems.append(Problem(shown, 1, f"this file is not a {kind} file, whatever its name says",
                                    f"save it again as {kind} from the program that made it (a page or a script "
                                    "renamed .png is published as neither)"))
    return problems


# How each inert type's files begin (its "magic number"); CSV is text, checked as UTF-8 elsewhere
_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
               ".gif": (b"GIF87a", b"GIF89a"), ".pdf": (b"%PDF-",), ".webp": (b"RIFF",)}


def _is_what_it_says(rel: str, data: bytes) -> bool:
    ext = "." + rel.rsplit(".", 1)[-1].lower()
    starts = _SIGNATURES.get(ext)
    if starts is None:
        return True
    if ext == ".pdf":  # readers look for the header within the first kilobyte
        return b"%PDF-" in data[:1024]
    return data.startswith(starts) and (ext != ".webp" or data[8:12] == b"WEBP")
