"""Every file in docs/ is checked before it is published, not only news items.

Pages in any folder: UTF-8, names in the slug form, front matter that parses and
holds only known keys, no HTML the sanitiser would remove (generator/core/sanitise.py: the
Markdown is rendered and its HTML read, so what is reported is what would reach the page).
Their links are checked by editor_links.py.
Other files: only inert types (images, PDF, CSV), never at a path the build writes itself.
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from ..core import frontmatter, memo, sanitise, site_config
from ..core.errors import InputError, Problem, described
from ..core.paths import CMS_ENGLISH, Layout, editor_name, files_in, project_root
from ..core.slugs import SLUG_HINT, is_slug

# Material's page keys an editor may set on a page that is not a news item
PAGE_KEYS = {"title": str, "description": str, "hide": list, "icon": str, "status": str, "tags": list, "search": dict}
_PAGE_KINDS = {str: "a text", list: "a list: [a, b]", dict: "a mapping: {key: value}"}  # in the fix editors read
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


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
