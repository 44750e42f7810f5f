"""Reader: one raw blog dump in seeds/ -> a typed Post.

The dumps are noisy: blog chrome, the title twice, a source line in several
forms, photo captions, a contact footer, and sometimes several language
versions one after another. Each rule below names the form it handles.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from charset_normalizer import from_bytes

from ..core import script
from ..core.errors import InputError, Problem
from ..core.model import Contact, Paragraph, Post, SourceLine, Version
from ..core.urls import contact_problem

CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "CST")

# Blog chrome: a line that ends the post (everything after it is teasers of other posts)
_END_OF_POST = re.compile(r"^(No comments:|\d+ comments?:|Post a Comment|精选的博文|精選的博文)$", re.I)
# Blog chrome: lines dropped wherever they stand
_CHROME = re.compile(r"^(Showing posts with label .*|Labels?: .*|Share to .*)$", re.I)
# Separator between language versions; language is still told by script
_SEPARATOR = re.compile(r"^[=＝\-]{5,}$")

_BLOG_DATE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%A, %d %B %Y", "%Y-%m-%d")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日")

# `Invest in Zhaoqing 2024-05-07 22:09 Guangdong, China`,
# `Investment Zhaoqing 2024-05-08 21:30 China`, a bare `2024-01-31 17:35`,
# `Invest in Zhaoqing Published in Guangdong on 2023-10-11 22:41`, `投資肇慶 2024-05-07 22:09 中國廣東`
_SOURCE = re.compile(
    r"^(?P<pre>.*?)\s*(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(?P<time>\d{1,2}:\d{2})(?::\d{2})?\s*(?P<place>.*)$"
)
_PUBLISHED_IN = re.compile(r"^(?P<name>.*?)\s*Published in\s+(?P<place>.+?)\s+on$", re.I)

# Photo credits and captions: `Photo by …`, `Picture …`, `… Xingyan Hall. Photo by Liu Chunlin`
_CAPTION_START = re.compile(r"^(Picture|Photo|Image|Pictured|图|圖|图片|圖片|写真)\b[\s:：]?", re.I)
_CAPTION_CREDIT = re.compile(r"\b(Photo|Picture) (by|taken by|courtesy of|credit)\b|摄影|攝影|供图|供圖|撮影", re.I)

# Contact footer: an office name line, then `Contact information` or `Key: value` lines
_OFFICE = re.compile(r"^[A-Z][\w ,()&'-]{0,80}(Investment Promotion|Commerce|Investment) (Center|Centre|Bureau|Office)$")
_CONTACT_FIELD = re.compile(r"^(?P<key>Tel|Telephone|Phone|Fax|E-?mail|Website|Web|Address|Add)\s*[:：]\s*(?P<value>.+)$", re.I)
_CONTACT_KEYS = {"tel": "tel", "telephone": "tel", "phone": "tel", "fax": "fax", "email": "email",
                 "e-mail": "email", "website": "website", "web": "website", "address": "address", "add": "address"}
_CONTACT_HEADING = re.compile(r"^Contact (information|us|details):?$", re.I)


def read_seed(path: Path, shown_as: str) -> Post:
    """Parse one seed file; raises InputError naming `shown_as` and the line."""
    return parse_seed(decode(path.read_bytes(), shown_as), shown_as)


def parse_seed(text: str, shown_as: str) -> Post:
    """Parse a seed's decoded text (see `decode`)."""
    lines = [(n, _clean(raw)) for n, raw in enumerate(text.splitlines(), start=1)]
    lines = _cut_chrome(lines)
    blog_date, lines = _take_blog_date(lines, shown_as)
    groups = _split_versions(lines)
    if not groups:
        raise InputError([Problem(shown_as, 1, "seed has no title",
                                  "put the post title on the line after the blog date")])
    versions: list[Version] = []
    contacts: list[Contact] = []
    problems: list[Problem] = []
    for lang, group in groups:
        try:
            version, found = _read_version(lang, group)
        except _BadSourceDate as bad:  # the line would otherwise become the summary and first paragraph
            raise InputError([Problem(shown_as, bad.line, f"source line has an impossible date or time: {bad.text!r}",
                                      "correct the date (YYYY-MM-DD) and time (HH:MM) in the source line")]) from None
        if not any(not p.caption for p in version.paragraphs):  # it would be published as an empty article
            problems.append(Problem(shown_as, group[0][0], f"the {lang} version has a title but no text",
                                    "add the post's text after its title, or remove the title"))
        versions.append(version)
        contacts.extend(replace(c, seed=shown_as) for c in found)
        problems.extend(Problem(shown_as, line, f"contact footer: {key} {value!r} is not published as it is", fix)
                        for c in found for key, value, line in c.fields() if (fix := contact_problem(key, value)))
    if problems:
        raise InputError(problems)
    return Post(seed=shown_as, blog_date=blog_date, versions=tuple(versions), contacts=tuple(contacts))


# The published copy of a seed (sources/<file>): the post as the blog dump holds it, unchanged, with
# what the blog added around it marked, and a byte order mark so that a browser reads it as UTF-8
# (GitHub Pages serves .txt as text/plain without a charset)
SOURCE_HEADER = (
    "Source post as the blog published it: the blog's own page text is marked {mark}; nothing else is changed.",
    "来源文章（博客发布的原文）：博客页面自带的文字标有 {mark}，其余未作任何改动。",
)
SOURCE_MARK = "[blog page, not the post]"
SOURCE_END = "{mark} Below: the blog's page after the post (comments, links to other posts)."


def published_source(text: str) -> bytes:
    """A seed's decoded text as sources/<file> publishes it: blog chrome marked line by line."""
    raw = text.splitlines()
    kept = {n for n, _ in _cut_chrome([(n, _clean(line)) for n, line in enumerate(raw, start=1)])}
    last = max(kept, default=0)
    out = [h.format(mark=SOURCE_MARK) for h in SOURCE_HEADER] + ["=" * 40, ""]
    for n, line in enumerate(raw, start=1):
        if n == last + 1:
            out.append(SOURCE_END.format(mark=SOURCE_MARK))
        chrome = _clean(line) and (n > last or n not in kept)
        out.append(f"{SOURCE_MARK} {line}" if chrome else line)
    return ("\ufeff" + "\n".join(out) + "\n").encode("utf-8")


def decode(data: bytes, shown_as: str) -> str:
    """UTF-8, or a Chinese legacy encoding when it is detected with confidence."""
    if not data.strip():
        raise InputError([Problem(shown_as, 1, "seed is empty", "add the post text or delete the file")])
    if b"\x00" in data:
        raise InputError([Problem(shown_as, 1, "seed is a binary file, not text",
                                  "save the post as plain UTF-8 text")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = data[: err.start].count(b"\n") + 1
    best = from_bytes(data).best()
    if best is not None and best.encoding in {"gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950", "cp936"} \
            and best.chaos < 0.1:
        return str(best)
    raise InputError([Problem(shown_as, bad_line, "seed is not UTF-8 and its encoding cannot be told with confidence",
                              "re-save the file as UTF-8")])


def _clean(raw: str) -> str:
    return raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").strip()


def _cut_chrome(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    kept = []
    for n, text in lines:
        if _END_OF_POST.match(text):
            break
        if not text or _CHROME.match(text):
            continue
        kept.append((n, text))
    # Label pages have no "Post a Comment": teasers of other posts (a title, then a
    # snippet that repeats it and breaks off with "...") close the dump instead.
    while len(kept) >= 2 and _is_teaser(kept[-2][1], kept[-1][1]):
        kept = kept[:-2]
    return kept


def _is_teaser(title: str, snippet: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W", "", s).lower()[:24]
    return snippet.endswith(("...", "…")) and len(key(title)) >= 8 and key(snippet).startswith(key(title))


def _parse_blog_date(text: str) -> dt.date | None:
    for fmt in _BLOG_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    m = _CN_DATE.match(text)
    if m:
        try:
            return dt.date(*map(int, m.groups()))
        except ValueError:
            return None
    return None


def _take_blog_date(lines, shown_as):
    for i, (n, text) in enumerate(lines[:3]):
        found = _parse_blog_date(text)
        if found:
            return found, lines[:i] + lines[i + 1:]
    first = lines[0][0] if lines else 1
    raise InputError([Problem(shown_as, first, "seed has no blog date line",
                              "start the file with the blog date, e.g. 'Tuesday, May 7, 2024'")])


def _split_versions(lines):
    """Language versions, split only where the post really changes version; every line is kept.

    A version ends at a separator line, or where a title in another script is
    followed by a body in that script (a title repeated, a source line, or the
    rest of the post). One Chinese paragraph in an English post, or an English
    photo credit in a Chinese version, stays where it stands.
    """
    versions: list[tuple[str, list[tuple[int, str]]]] = []
    for segment in _separated(lines):
        for lang, part in _split_segment(segment):
            same = next((v for v in versions if v[0] == lang), None)
            if same is not None:  # the same language again: keep its lines, never drop them
                same[1].extend(part)
            else:
                versions.append((lang, part))
    return versions


def _separated(lines):
    """Runs of lines between separator lines (the separators themselves are chrome)."""
    segments: list[list[tuple[int, str]]] = [[]]
    for n, text in lines:
        if _SEPARATOR.match(text):
            segments.append([])
        else:
            segments[-1].append((n, text))
    return [s for s in segments if s]


def _language_of(lines) -> str | None:
    return script.detect(" ".join(text for _, text in lines))


def _split_segment(lines):
    """[(lang, lines)]: one version, or several where a version in another script starts."""
    for i in range(1, len(lines) - 1):
        lang = script.detect(lines[i][1])
        if lang is None or not _starts_version(lines[i:]):
            continue
        before = _language_of(lines[:i])
        if before not in (None, lang) and _language_of(lines[i:]) == lang:
            return [(before, lines[:i])] + _split_segment(lines[i:])
    return [(_language_of(lines) or "en", lines)]


def _starts_version(rest) -> bool:
    """A title followed by a body: the blog repeats it, a source line follows, or a body of some lines."""
    title = _strip_title(rest[0][1])
    following = [text for _, text in rest[1:4]]
    if following and _strip_title(following[0]) == title:
        return True
    if any(_SOURCE.match(text) for text in following):
        return True
    return len(title) <= 100 and len(rest) >= 4


def _strip_title(text: str) -> str:
    return text.rstrip("→ ").strip()


def _read_version(lang, lines) -> tuple[Version, list[Contact]]:
    title = _strip_title(lines[0][1])
    rest = lines[1:]
    # The blog repeats the title (sometimes with a stray space or arrow)
    while rest and _strip_title(rest[0][1]) == title:
        rest = rest[1:]
    source = None
    for i, (n, text) in enumerate(rest[:3]):
        source = _parse_source(n, text)
        if source:
            rest = rest[:i] + rest[i + 1:]
            break
    rest, contacts = _take_contacts(rest)
    paragraphs = _mark_structure(tuple(Paragraph(text, n, caption=_is_caption(text)) for n, text in rest))
    return Version(lang=lang, title=title, source=source, paragraphs=paragraphs), contacts


class _BadSourceDate(ValueError):
    def __init__(self, line: int, text: str):
        super().__init__(text)
        self.line, self.text = line, text


def _parse_source(n: int, text: str) -> SourceLine | None:
    m = _SOURCE.match(text)
    if not m or len(text) > 120:
        return None
    try:
        day = dt.date(*map(int, re.split(r"[-/.]", m["date"])))
        hour, minute = map(int, m["time"].split(":"))
        published = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CHINA_TIME)
    except ValueError:
        raise _BadSourceDate(n, text) from None
    name, place = m["pre"].strip() or None, m["place"].strip() or None
    if name:
        pub = _PUBLISHED_IN.match(name)
        if pub:
            name, place = pub["name"].strip() or None, place or pub["place"].strip()
    return SourceLine(name=name, published=published, place=place, line=n)


def _is_caption(text: str) -> bool:
    if _CAPTION_START.match(text):
        return True
    return len(text) < 400 and bool(_CAPTION_CREDIT.search(text))


def _take_contacts(lines):
    """Split off the contact footer at the end of a version into Contact records."""
    start = None
    for i, (_, text) in enumerate(lines):
        if _OFFICE.match(text) and any(
            _CONTACT_HEADING.match(t) or _CONTACT_FIELD.match(t) for _, t in lines[i + 1:i + 3]
        ):
            start = i
            break
    if start is None:
        return lines, []
    contacts: list[Contact] = []
    current: dict | None = None
    for n, text in lines[start:]:
        field = _CONTACT_FIELD.match(text)
        if field and current is not None:
            key = _CONTACT_KEYS[field["key"].lower()]
            if key not in current:
                current[key] = field["value"].strip()
                current["lines"] = current["lines"] + ((key, n),)
        elif _CONTACT_HEADING.match(text):
            continue
        elif _OFFICE.match(text):
            if current:
                contacts.append(Contact(**current))
            current = {"name": text, "line": n, "lines": ()}
        else:
            # Anything else ends the footer: keep it in the body rather than lose it
            break
    else:
        n = None
    if current:
        contacts.append(Contact(**current))
    end = len(lines) if n is None else next(i for i, (m, _) in enumerate(lines) if m == n)
    return lines[:start] + lines[end:], contacts


# Section structure: short lines that introduce the paragraphs after them (seeds 002, 004)
_SENTENCE_END = re.compile(r"[.!?。！？][\"”’」)）]*$")
_OPEN_END = re.compile(r"[.,:;!?，。：；！？、][\"”’」]*$")  # a heading may end in a closing quote
# A line naming a speaker introduces a quotation, not a section ("… person in charge … said")
_LEAD_IN = re.compile(r"\b(said|stated|stated that|that|emphasized|explained)$|person in charge|responsible person"
                      r"|负责人|表示$|强调$|介绍$", re.I)


def _mark_structure(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Mark section headings; a lone heading-like line in a post without sections is a photo caption."""
    found = [i for i in range(len(paragraphs)) if _looks_like_heading(paragraphs, i)]
    if len(found) == 1:  # sections come at least in pairs; one short line between paragraphs labels a photo
        i = found[0]
        return paragraphs[:i] + (replace(paragraphs[i], caption=True),) + paragraphs[i + 1:]
    marked = set(found)
    return tuple(replace(p, heading=True) if i in marked else p for i, p in enumerate(paragraphs))


def _looks_like_heading(paragraphs: tuple[Paragraph, ...], i: int) -> bool:
    p = paragraphs[i]
    if p.caption or i + 1 >= len(paragraphs) or _OPEN_END.search(p.text) or _LEAD_IN.search(p.text):
        return False
    han = script.detect(p.text) in ("zh", "ja")
    if len(p.text) > (30 if han else 110) or (not han and len(p.text.split()) < 3):
        return False
    after = next((q for q in paragraphs[i + 1:] if not q.caption), None)
    before = next((q for q in reversed(paragraphs[:i]) if not q.caption), None)
    # It opens a section: the text after it is a full paragraph, the text before it has ended
    return bool(after and len(after.text) > len(p.text) and _SENTENCE_END.search(after.text)
                and (before is None or _SENTENCE_END.search(before.text)))
