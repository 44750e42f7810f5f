"""Content objects: what the seed reader extracts from one raw blog post."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceLine:
    """`Invest in Zhaoqing 2024-05-07 22:09 Guangdong, China` and its variants."""

    name: str | None  # "Invest in Zhaoqing"; None for a bare timestamp
    published: dt.datetime  # China Standard Time, tz-aware
    place: str | None  # "Guangdong, China"
    line: int  # 1-based line in the seed


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    caption: bool = False  # photo credit or caption, not body text
    heading: bool = False  # a section heading inside the post


@dataclass(frozen=True)
class Contact:
    """One office from a post's contact footer, exactly as the seed gives it."""

    name: str
    tel: str | None = None
    fax: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None
    line: int = 0  # the office name's line
    lines: tuple[tuple[str, int], ...] = ()  # (field, line) as the footer gives them
    seed: str = ""  # the seed file, as shown in messages

    def details(self) -> tuple:
        return (self.tel, self.fax, self.email, self.website, self.address)

    def fields(self) -> list[tuple[str, str, int]]:
        """(field, value, line) of each field the footer gives."""
        return [(key, getattr(self, key), line) for key, line in self.lines]


@dataclass(frozen=True)
class Version:
    """One language version of a post (seed 001 holds three)."""

    lang: str  # "en", "zh" (as written, possibly Traditional) or "ja"
    title: str
    source: SourceLine | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if not p.caption and not p.heading)

    @property
    def captions(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.caption)


@dataclass(frozen=True)
class Post:
    seed: str  # "seeds/000_e03d15819a0c308f.txt"
    blog_date: dt.date
    versions: tuple[Version, ...]
    contacts: tuple[Contact, ...] = field(default=())

    def version(self, lang: str) -> Version | None:
        return next((v for v in self.versions if v.lang == lang), None)

    @property
    def english(self) -> Version:
        return self.version("en") or self.versions[0]
