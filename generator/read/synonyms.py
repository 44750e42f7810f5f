"""data/search_synonyms.yml: what readers type that a page does not say, given to the search index.

Each entry names one page (its path without the language folder, as in the English site:
`parks/shuanglong-industrial-park/`) and the extra terms that should find it: `zh` in
Simplified (the Traditional index reads Simplified, see generator/publish/search.py) and `en`.
The terms are indexed with the page, never shown on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.errors import InputError, Problem
from ..core.paths import SEARCH_SYNONYMS
from .yaml_nodes import node_data, yaml_list

FILE = "search_synonyms.yml"
# What the generator leaves in build/plugin-data for the search indexes: each language's terms
# per page, the Traditional ones converted (the index processes need no converter of their own)
PLUGIN_FILE = SEARCH_SYNONYMS
_KEYS = {"page", "zh", "en", "why"}
_PAGE = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)*$")  # "" (home), "contact/", "parks/x/"


@dataclass(frozen=True)
class Synonym:
    page: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    line: int


def load(path: Path, shown: str, pages: set[str] | None = None) -> list[Synonym]:
    """The synonym list, validated; `pages`: the site's page paths, when known (each entry's
    page must be one of them). Raises InputError naming file and line."""
    items = yaml_list(path, shown, "entries", "write entries as '- page: parks/…/' with zh: [...] and/or en: [...]")
    problems: list[Problem] = []
    entries: list[Synonym] = []
    for item in items:
        line = item.start_mark.line + 1
        data = node_data(item) if isinstance(item, yaml.MappingNode) else None
        if not isinstance(data, dict) or "page" not in data or not set(data) <= _KEYS:
            problems.append(Problem(shown, line, "an entry needs page, and zh and/or en (why is optional); "
                                    f"found {', '.join(map(str, data)) if isinstance(data, dict) else 'no mapping'}",
                                    "write '- page: parks/shuanglong-industrial-park/', 'zh: [双龙]', 'en: [...]'"))
            continue
        page = data["page"]
        if not isinstance(page, str) or not _PAGE.match(page):
            problems.append(Problem(shown, line, f"page {page!r} is not a page path",
                                    "write the English site's path without the leading slash, ending in '/': "
                                    "'sectors/new-energy-storage/'"))
            continue
        if pages is not None and page not in pages:
            problems.append(Problem(shown, line, f"no page {page}", "name a park, sector or project page that exists "
                                    "(its id in data/), or contact/, glossary/, figures/, invest/support/"))
            continue
        terms, wrong = {}, False
        for lang in ("zh", "en"):
            value = data.get(lang, [])
            if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
                problems.append(Problem(shown, line, f"{lang} must be a list of terms, as text",
                                        f"write '{lang}: [term, other term]'"))
                value, wrong = [], True
            if lang == "zh" and any(re.search(r"[<>&]", t) for t in value + data.get("en", []) if isinstance(t, str)):
                problems.append(Problem(shown, line, "a term contains <, > or &", "write plain words"))
            terms[lang] = tuple(t.strip() for t in value if isinstance(t, str))
        if not terms["zh"] and not terms["en"] and not wrong:  # a list written wrong is reported above
            problems.append(Problem(shown, line, f"no terms for {page}", "add zh: [...] or en: [...], or remove the entry"))
            continue
        entries.append(Synonym(page, terms["zh"], terms["en"], line))
    problems.extend(_shared_terms(entries, shown))
    if problems:
        raise InputError(problems)
    return entries


def _shared_terms(entries: list[Synonym], shown: str) -> list[Problem]:
    """A term leads to one page: the search shows it as the best match for that term."""
    first: dict[str, Synonym] = {}
    problems = []
    for entry in entries:
        for term in dict.fromkeys(best_key(t) for t in (*entry.zh, *entry.en)):
            other = first.setdefault(term, entry)
            if other.page != entry.page:
                problems.append(Problem(shown, entry.line, f"'{term}' also leads to {other.page or 'the home page'} "
                                        f"(line {other.line})", "keep the term for the one page it should lead to"))
    return problems


def best_key(term: str) -> str:
    """A term as a query is compared with it: lower case, single spaces (portal-search-ui.js does the same)."""
    return " ".join(term.lower().split())


def site_pages(catalogue) -> set[str]:
    """The page paths an entry may name: every park, sector and project, and the fixed pages."""
    pages = {"", "contact/", "glossary/", "figures/", "news/", "parks/", "sectors/", "projects/"}
    for section in ("parks", "sectors", "projects"):
        pages |= {f"{section}/{item.id}/" for item in getattr(catalogue, section)}
    if catalogue.stories or catalogue.support or catalogue.events:  # the investors' guide (pages/invest.py)
        pages |= {"invest/", "invest/stories/", "invest/support/", "invest/events/"}
        pages |= {f"invest/stories/{story.id}/" for story in catalogue.stories}
    return pages


def per_language(entries: list[Synonym], convert, traditional: str) -> dict[str, list[tuple[str, list[str], str]]]:
    """{language: [(page, the terms to index with it, "data/search_synonyms.yml:LINE")]}: English
    terms for the English index; the Chinese ones and then the English for the Chinese indexes,
    written with `convert` for the `traditional` one."""
    out: dict[str, list[tuple[str, list[str], str]]] = {"en": [], "zh": [], traditional: []}
    for entry in entries:
        where = f"data/{FILE}:{entry.line}"
        out["en"].append((entry.page, list(entry.en), where))
        out["zh"].append((entry.page, [*entry.zh, *entry.en], where))
        out[traditional].append((entry.page, [*(convert(term) for term in entry.zh), *entry.en], where))
    return out
