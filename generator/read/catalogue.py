"""Reader: the bilingual YAML catalogues in data/ -> typed, validated records.

Every problem names the file and line of the key. Facts must quote their seed
word for word; that check lives in sources.py so it can run on any record.
"""
from __future__ import annotations

import datetime as dt

import difflib
import re
from decimal import Decimal
from pathlib import Path


from ..core import periods, units
from ..core.errors import InputError, Problem
from ..core.model import Contact
# The records are defined in records.py; other stages import them from here too
from .records import (CITY, INVESTOR_FILES, PARK_KINDS, STATUSES, TIERS, TOPICS, Catalogue, Entry,  # noqa: F401
                      Fact, Figure, InvestorFact, Office, OfficeLink, Park, Project, Sector, Source,
                      Statement, Story, Text, Words)
from .entries import Item, read_items


# The keys each catalogue accepts, and whether every entry must have them (True) or may leave
# them out (False). load() reads exactly these; the CMS's configuration (/admin/config.yml,
# generator/publish/admin.py) is generated from them, and a test holds the two flags to what
# load() really refuses (tests/test_cms.py).
_ENTRY_KEYS = {"id": True, "name": True, "aliases": False, "sources": True, "zh_name_is_translation": False,
               "office": False}
KEYS: dict[str, dict[str, bool]] = {
    "sectors": {**_ENTRY_KEYS, "tier": True, "group": False, "description": True, "investor_facts": False},
    # Parks rest on their facts' sources; sectors and projects cite theirs directly
    "parks": {**_ENTRY_KEYS, "sources": False, "kind": True, "district": False, "sectors": False,
              "sectors_inferred": False, "facts": True, "investor_facts": False},
    "projects": {**_ENTRY_KEYS, "sectors": False, "park": False, "investment_yuan": False, "dates": False,
                 "status": True, "description": True, "park_inferred": False},
    "offices": {"id": True, "seed": True, "name": True, "zh_name_is_translation": False, "city": False},
    "figures": {"id": True, "metric": True, "label": True, "value": True, "unit": True, "period": True,
                "place": True, "source": True, "qualifier": False, "change": False, "headline": False,
                "note": False, "reading": False, "correction": False, "period_inferred": False},
}


_NOT_EMPTY = {"parks": "park", "sectors": "industry"}  # catalogues the site cannot do without
CHANGE = r"^[+-]?\d+(\.\d+)?%$"
_CHANGE = re.compile(CHANGE)  # a year-on-year change as the seeds state it


def load(data_dir: Path, root: Path, contacts: list[Contact]) -> Catalogue:
    problems: list[Problem] = []
    lines: dict[tuple[str, str, str], int] = {}  # (file, entry id, key) -> line: where a reference is written

    def items(name, keys):
        path = data_dir / f"{name}.yml"
        shown = path.relative_to(root).as_posix()
        if not path.is_file():
            problems.append(Problem(shown, 1, "catalogue file is missing", f"restore {shown} (an empty list is [])"))
            return []
        before = len(problems)
        found = read_items(path, shown, problems, keys)
        if not found and len(problems) == before and name in _NOT_EMPTY:
            # every page and catalogue refers to these: each reference would look wrong instead
            problems.append(Problem(shown, 1, f"no {_NOT_EMPTY[name]} is listed",
                                    f"restore {shown} from the repository's history (each entry starts with '- id: …')"))
        problems.extend(_duplicate_ids(found))
        for i in found:
            lines.update({(shown, str(i.data.get("id")), key): line for key, line in i.lines.items()})
        return found

    def entry_fields(i: Item, sources_required: bool = True) -> dict:
        # Parks rest on their facts' sources; sectors and projects cite theirs directly
        return dict(id=i.ident(), name=i.text("name") or Text("", ""), aliases=i.aliases(),
                    sources=i.sources(sources_required),
                    zh_name_is_translation=i.flag("zh_name_is_translation"), office=i.office())

    sectors = [Sector(**entry_fields(i), tier=i.choice("tier", TIERS), group=i.get("group", str, False),
                      description=i.text("description"), investor_facts=i.investor_facts())
               for i in items("sectors", tuple(KEYS["sectors"]))]
    parks = []
    for i in items("parks", tuple(KEYS["parks"])):
        facts, written = [], i.get("facts", list, default=[])
        for fact in written:
            if isinstance(fact, dict) and isinstance(fact.get("en"), str) and isinstance(fact.get("zh"), str) \
                    and fact["en"] and fact["zh"]:
                source = i.source(fact.get("source"), "facts")
                if source:
                    facts.append(Fact(Text(fact["en"], fact["zh"]), source))
            else:
                i.problem("facts", "a fact needs en, zh and source", "write {en: …, zh: …, source: {seed: …, quote: …}}")
        if not written:  # (a fact written wrongly is reported as such)
            i.problem("facts", "a park needs at least one fact from the seeds", "add facts: - {en: …, zh: …, source: …}")
        parks.append(Park(**entry_fields(i, sources_required=False), kind=i.choice("kind", PARK_KINDS), district=i.get("district", str, False),
                          sectors=i.strings("sectors"), facts=facts, sectors_inferred=i.strings("sectors_inferred"),
                          investor_facts=i.investor_facts()))
        if not set(parks[-1].sectors_inferred) <= set(parks[-1].sectors):
            i.problem("sectors_inferred", "an inferred industry must be one of the park's sectors",
                      "list it under sectors too, or remove it from sectors_inferred")
    projects = []
    for i in items("projects", tuple(KEYS["projects"])):
        amount = i.get("investment_yuan", int, required=False)
        projects.append(Project(**entry_fields(i), sectors=i.strings("sectors"), park=i.get("park", str, False),
                                investment_yuan=Decimal(amount) if amount is not None else None, dates=i.milestones(),
                                status=i.choice("status", STATUSES), description=i.text("description"),
                                park_inferred=i.flag("park_inferred")))
    offices = []
    for i in items("offices", tuple(KEYS["offices"])):
        name = i.text("name") or Text("", "")
        seed = i.get("seed", (str, int), default="")
        if type(seed) is int:
            continue  # unquoted: reported when the entry was read
        footers = [c for c in contacts if c.name == name.en]
        # The details come from the office's one source post; another post's footer that differs
        # would change them silently, so it is a problem to settle, not an override
        contact = next((c for c in footers if Path(c.seed).name.startswith(f"{seed}_")), None)
        if name.en and contact is None:
            i.problem("name", f"no contact footer for '{name.en}' in seed {seed}",
                      "use the office name exactly as the seed's contact footer writes it, and the seed that gives it")
        for other in footers:
            if contact and other.details() != contact.details():
                problems.append(Problem(other.seed, other.line,
                                        f"this contact footer for '{name.en}' differs from the one in {contact.seed} (line {contact.line}), "
                                        "which data/offices.yml names as the office's source",
                                        "the site publishes one set of details per office: ask the bureau which is right and "
                                        "set `seed:` in data/offices.yml to that post"))
        offices.append(Office(i.ident(), seed, name, i.flag("zh_name_is_translation"), contact, i.flag("city")))
        if offices[-1].city and sum(o.city for o in offices) > 1:
            i.problem("city", "a second office marked 'city: true'",
                      "mark only the city's office; it is listed first and answers where the sources name no office")
    figures = []
    for i in items("figures", tuple(KEYS["figures"])):
        try:
            value = units.parse_en(str(i.get("value", (str, int), default="0")))
        except units.UnitError as err:
            i.problem("value", str(err).split(" (")[0], "write the number as the seed does: 186, 13,000, 33.35 billion")
            value = Decimal(0)
        try:
            period = periods.parse(i.get("period", (str, int), default="2000"))
        except ValueError as err:
            i.problem("period", str(err).split(" (")[0], periods.HINT)
            period = periods.parse("2000")
        qualifier = i.get("qualifier", str, required=False)
        if qualifier and qualifier not in units.QUALIFIERS:
            i.problem("qualifier", f"unknown qualifier {qualifier!r}", f"use {' or '.join(units.QUALIFIERS)}")
            qualifier = None
        source = i.source(i.data.get("source"), "source")
        reading = None
        if i.data.get("reading") is not None:
            try:
                reading = units.parse_en(str(i.data["reading"]))
            except units.UnitError as err:
                i.problem("reading", str(err).split(" (")[0], "write the reading as a number: 10 billion")
            if not i.data.get("correction"):
                i.problem("reading", "a reading needs the correction that explains it",
                          "add 'correction: <id from data/corrections.yml>'")
        change = i.get("change", str, required=False)
        if change is not None and not _CHANGE.match(change):
            i.problem("change", f"change {change!r} is not a percentage", "write it as the seed does: +66% or -3.5%")
            change = None
        figures.append(Figure(
            id=i.ident(), metric=i.get("metric", str, default=""), label=i.text("label") or Text("", ""),
            value=value, unit=i.choice("unit", tuple(units.UNITS)), period=period,
            place=i.get("place", str, default=CITY), source=source or Source("", "", i.file, i.line),
            qualifier=qualifier, change=change,
            headline=i.flag("headline"), note=i.text("note", required=False),
            reading=reading, correction=i.get("correction", str, required=False),
            period_inferred=i.flag("period_inferred")))
    investor = {}
    for name, keys in INVESTOR_FILES.items():  # a site without stories writes []
        investor[name] = [_story(i, dated=name == "events") for i in items(name, keys)]
    catalogue = Catalogue(sectors, parks, projects, offices, figures, **investor)
    if problems:  # ids in a broken file would look unknown everywhere else
        raise InputError(problems)
    problems.extend(_reference_problems(catalogue, lines))
    if problems:
        raise InputError(problems)
    return catalogue


def _story(i: Item, dated: bool) -> Story:
    """An entry of stories, support or events; an event (`dated`) needs its date."""
    date = None
    if dated or "date" in i.data or "date_inferred" in i.data:
        raw = i.get("date", (str, int), default="")
        try:
            date = periods.day(raw) if raw != "" else None
        except ValueError as err:
            i.problem("date", str(err).split(" (")[0], "write 2024-05-29, 2024-05, 2024-Q1 or 2024")
        today = dt.date.today()
        if dated and date and (date.start, date.day or 0) > (today.year * 12 + today.month - 1, today.day):
            i.problem("date", f"date {raw} is after today: the page lists past events",
                      "check the year; an event still to come goes in once it has happened")
    return Story(id=i.ident(), title=i.text("title") or Text("", ""), statements=i.statements(),
                 project=i.get("project", str, required=False), park=i.get("park", str, required=False),
                 date=date, date_inferred=i.flag("date_inferred"), words=i.words() if "words" in i.data else None,
                 project_inferred=i.flag("project_inferred"))


def _duplicate_ids(items: list[Item]) -> list[Problem]:
    """A second entry with an id already used, reported at its own id line."""
    problems, seen = [], {}
    for i in items:
        entry_id = i.data.get("id")
        if not isinstance(entry_id, str) or not entry_id:
            continue
        if entry_id in seen:
            problems.append(Problem(i.file, i.lines["id"], f"duplicate id '{entry_id}' (first on line {seen[entry_id]})",
                                    "give each entry its own id"))
        else:
            seen[entry_id] = i.lines["id"]
    return problems


def _reference_problems(cat: Catalogue, lines: dict[tuple[str, str, str], int]) -> list[Problem]:
    """Ids that point nowhere, at the line that writes them (`lines`: (file, entry id, key) -> line)."""
    problems = []
    known = cat.known_ids()

    def check(file: str, ids: list[str], kind: str, where: str, key: str):
        for ref in ids:
            if ref and ref not in known[kind]:
                close = difflib.get_close_matches(ref, known[kind], n=3)
                problems.append(Problem(file, lines.get((file, where, key), 1), f"unknown {kind[:-1]} id '{ref}' in {where}",
                                        f"did you mean {' or '.join(close)}?" if close else f"use an id from data/{kind}.yml"))

    for park in cat.parks:
        check("data/parks.yml", park.sectors, "sectors", park.id, "sectors")
        check("data/parks.yml", [park.district] if park.district else [], "parks", park.id, "district")
    for project in cat.projects:
        check("data/projects.yml", project.sectors, "sectors", project.id, "sectors")
        check("data/projects.yml", [project.park] if project.park else [], "parks", project.id, "park")
    offices = {o.id for o in cat.offices}
    if not offices:  # every page names whom to call: without offices each reference would look wrong instead
        problems.append(Problem("data/offices.yml", 1, "no office is listed",
                                "restore data/offices.yml from the repository's history: every page names the "
                                "office to contact, and the city's office is marked 'city: true'"))
    for kind, entry in cat.entries():
        if offices and entry.office and entry.office.id not in offices:
            close = difflib.get_close_matches(entry.office.id, offices, n=1)
            problems.append(Problem(entry.office.source.file, entry.office.source.line,
                                    f"unknown office id '{entry.office.id}' in {entry.id}",
                                    f"did you mean '{close[0]}'?" if close else "use an id from data/offices.yml"))
    if cat.offices and not any(o.city for o in cat.offices):
        problems.append(Problem("data/offices.yml", 1, "no office is marked 'city: true'",
                                "mark the city's office with 'city: true': it answers where the sources name no office"))
    for name in INVESTOR_FILES:
        for story in getattr(cat, name):
            check(f"data/{name}.yml", [story.project] if story.project else [], "projects", story.id, "project")
            check(f"data/{name}.yml", [story.park] if story.park else [], "parks", story.id, "park")
    for figure in cat.figures:
        if figure.place != CITY:
            check("data/figures.yml", [figure.place], "parks", figure.id, "place")
    return problems
