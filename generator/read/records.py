"""Content objects: the catalogue's typed records (data/*.yml), as catalogue.py reads them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..core import periods, units
from ..core.model import Contact

TIERS = ("leading", "characteristic", "traditional", "future", "growth-points")
PARK_KINDS = ("platform", "park", "district", "county")
STATUSES = ("signed", "settled", "under-construction", "in-production")
CITY = "zhaoqing"  # place id of the whole city in figures

# What investors ask first and the seeds do not give yet (data/parks.yml, data/sectors.yml:
# `investor_facts`): each topic with the units a figure for it may have (core/units.py RATES)
TOPICS = {
    "land_price": ("yuan-per-mu", "yuan-per-m2"),
    "electricity_price": ("yuan-per-kwh",),
    "water_price": ("yuan-per-m3", "yuan-per-tonne"),
    "labour": ("yuan-per-month", "yuan-per-hour", "person"),
    "logistics": ("km", "hour", "yuan-per-tonne", "yuan-per-teu"),
    "incentives": ("percent", "yuan", "yuan-per-mu", "yuan-per-m2"),
}


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Source:
    seed: str  # "000": the seed file whose name starts with it
    quote: str  # word for word from the seed
    file: str  # where the reference stands, for messages
    line: int


@dataclass(frozen=True)
class Fact:
    text: Text
    source: Source


@dataclass(frozen=True)
class Milestone:
    date: str
    text: Text
    inferred: bool = False  # the editors' reading (e.g. a year the seed leaves out), marked as such


@dataclass(frozen=True)
class OfficeLink:
    """The office a source names for an entry (`office:` in the catalogue)."""

    id: str  # an id from data/offices.yml
    source: Source  # the sentence that names it


@dataclass(frozen=True)
class InvestorFact:
    """An official figure an editor adds for a topic of TOPICS, with where it was published."""

    topic: str
    value: Decimal
    unit: str  # a key of core/units.py RATES allowed for the topic
    period: periods.Period
    checked: dt.date  # when the editor last checked it against the source
    url: str | None = None  # the source's address (https or http)
    document: Text | None = None  # the source document's title
    label: Text | None = None  # what exactly the figure is ("industrial land, transfer price")

    def show(self, lang: str) -> str:
        return units.show_rate(self.value, self.unit, lang)


@dataclass(frozen=True)
class Entry:
    """What sectors, parks and projects share: an id, names, aliases, sources."""

    id: str
    name: Text
    aliases: dict[str, list[str]]
    sources: list[Source]
    zh_name_is_translation: bool = False
    office: OfficeLink | None = None  # None: the sources name no office for it (the city's office answers)


@dataclass(frozen=True)
class Sector(Entry):
    tier: str = ""
    group: str | None = None
    description: Text | None = None
    investor_facts: dict[str, InvestorFact] = field(default_factory=dict)  # topic -> figure


@dataclass(frozen=True)
class Park(Entry):
    kind: str = ""
    district: str | None = None
    sectors: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # Industries the editors infer for the park (from a project whose park is itself inferred, say),
    # marked as their reading wherever the park's industries are shown
    sectors_inferred: list[str] = field(default_factory=list)
    investor_facts: dict[str, InvestorFact] = field(default_factory=dict)  # topic -> figure


@dataclass(frozen=True)
class Project(Entry):
    sectors: list[str] = field(default_factory=list)
    park: str | None = None
    investment_yuan: Decimal | None = None
    dates: list[Milestone] = field(default_factory=list)
    status: str = ""
    description: Text | None = None
    park_inferred: bool = False  # the park is the editors' reading of the seed, marked as such


@dataclass(frozen=True)
class Office:
    id: str
    seed: str
    name: Text
    zh_name_is_translation: bool
    contact: Contact | None = None  # filled from the seed's contact footer
    city: bool = False  # the city's office: listed first, and the route where the sources name none


@dataclass(frozen=True)
class Figure:
    id: str
    metric: str
    label: Text
    value: Decimal
    unit: str
    period: periods.Period
    place: str
    source: Source
    qualifier: str | None = None
    change: str | None = None
    headline: bool = False
    note: Text | None = None
    reading: Decimal | None = None  # the editors' reading of a doubtful value (data/corrections.yml)
    correction: str | None = None  # the correction entry that explains the reading
    period_inferred: bool = False  # the period is the editors' reading ("since the beginning of this year")

    @property
    def effective(self) -> Decimal:
        """The value to compare and chart: the editors' reading where the source's is doubtful."""
        return self.reading if self.reading is not None else self.value

    def show_reading(self, lang: str) -> str:
        return units.show(self.reading, self.unit, lang, self.qualifier)

    def show(self, lang: str) -> str:
        return units.show(self.value, self.unit, lang, self.qualifier)

    def show_as_stated(self, lang: str) -> str:
        """A doubtful value as the source's wording gives it, beside the reading: the number and
        its qualifier without the unit, which the wording may not carry ("more than 100 billion")."""
        return units.show(self.value, self.unit, lang, self.qualifier, with_unit=False)

    def show_period(self, lang: str, inferred_mark: str) -> str:
        """The period, marked where the editors inferred it (the seed gives none or a relative one)."""
        return self.period.show(lang) + (inferred_mark if self.period_inferred else "")

    def show_marked(self, lang: str, reading_format: str) -> str:
        """The value in Markdown bold; a doubtful one as the editors' reading beside the source's
        wording (reading_format), never alone."""
        if self.reading is None:
            return f"**{self.show(lang)}**"
        return reading_format.format(reading=self.show_reading(lang), value=self.show_as_stated(lang))

    def show_plain(self, lang: str, reading_format: str) -> str:
        """show_marked as plain text (fact sheets, the home page)."""
        return self.show_marked(lang, reading_format).replace("**", "")


@dataclass(frozen=True)
class Statement:
    """One sentence of the site's own (a summary), resting on one quoted source sentence."""
    text: Text
    source: Source
    inferred: bool = False  # the editors' reading (a year the seed leaves out), marked as such


@dataclass(frozen=True)
class Words:
    """An investor's own words: the English is the seed's sentence, the Chinese the site's translation."""
    by: Text
    zh: str
    source: Source


@dataclass(frozen=True)
class Story:
    """An entry of data/stories.yml, data/support.yml or data/events.yml: a titled list of statements."""
    id: str
    title: Text
    statements: list[Statement]
    project: str | None = None
    park: str | None = None
    date: periods.Period | None = None  # events
    date_inferred: bool = False
    words: Words | None = None  # stories
    project_inferred: bool = False  # that the sources mean this project is the editors' reading

    @property
    def sources(self) -> list[Source]:
        return [s.source for s in self.statements] + ([self.words.source] if self.words else [])


# The investor catalogues: file -> the keys an entry may have
INVESTOR_FILES = {
    "stories": ("id", "title", "project", "project_inferred", "park", "words", "statements"),
    "support": ("id", "title", "project", "project_inferred", "park", "statements"),
    "events": ("id", "title", "project", "project_inferred", "park", "date", "date_inferred", "statements"),
}


@dataclass
class Catalogue:
    sectors: list[Sector]
    parks: list[Park]
    projects: list[Project]
    offices: list[Office]
    figures: list[Figure]
    stories: list[Story] = field(default_factory=list)
    support: list[Story] = field(default_factory=list)
    events: list[Story] = field(default_factory=list)

    def known_ids(self) -> dict[str, set[str]]:
        return {"sectors": {s.id for s in self.sectors}, "parks": {p.id for p in self.parks},
                "projects": {p.id for p in self.projects}}

    def names(self) -> dict[str, dict[str, Text]]:
        """{'sectors': {id: name}, 'parks': …, 'projects': …}, for links between pages."""
        return {kind: {e.id: e.name for e in items}
                for kind, items in (("sectors", self.sectors), ("parks", self.parks), ("projects", self.projects))}

    @property
    def city_office(self) -> Office | None:
        return next((o for o in self.offices if o.city and o.contact), None)

    def offices_city_first(self) -> list[Office]:
        """The offices with contact details, the city's first (contact and home pages)."""
        return sorted((o for o in self.offices if o.contact), key=lambda o: not o.city)

    def office_for(self, entry: Entry) -> Office | None:
        """The office the sources name for the entry, or None."""
        return next((o for o in self.offices if entry.office and o.id == entry.office.id and o.contact), None)

    def entries(self) -> list[tuple[str, Entry]]:
        return [("sectors", e) for e in self.sectors] + [("parks", e) for e in self.parks] + \
               [("projects", e) for e in self.projects]
