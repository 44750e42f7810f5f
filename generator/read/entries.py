"""Reader: one catalogue file's entries, each with the line of every key, read into typed values.

`read_items` parses a YAML list with its line numbers; an `Item` hands out its keys as typed
values (texts in both languages, sources, choices, investor figures), and records a problem at
the key's line for anything it cannot use. The catalogue reader (catalogue.py) builds the
records from them.
"""
from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import yaml

from ..core import frontmatter, periods
from ..core.errors import InputError, Problem, described
from ..core.slugs import SLUG_HINT, is_slug
from .investor_facts import FACT_KEYS, InvestorFactReader
from .records import TOPICS, InvestorFact, Milestone, OfficeLink, Source, Statement, Text, Words
from .schema import HTML_TAG
from .yaml_nodes import compose, duplicate_keys


# What a value of each kind looks like, for the fix an editor reads
_KINDS = {str: 'a text (in double quotes if it holds ": " or starts with a digit)', int: "a whole number",
          bool: "true or false", list: "a list: [a, b]", dict: "a mapping: {en: …, zh: …}"}


def _what_is_wrong(value: dict) -> str:
    """What a two-language text lacks, in words: ': en is the number 2024', ': zh is empty'."""
    said = [f"{lang} is missing" for lang in ("en", "zh") if lang not in value]
    said += [f"'{other}' is not a language here" for other in value if other not in ("en", "zh")]
    for lang, text in ((lang, value[lang]) for lang in ("en", "zh") if lang in value):
        if text is None or text == "":
            said.append(f"{lang} is empty")
        elif not isinstance(text, str):
            said.append(f"{lang} is {described(text)}")
        elif not text.strip():
            said.append(f"{lang} is only spaces")
    return f": {', '.join(said)}" if said else ""


class Item:
    """One YAML mapping with the line of each key, read with typed getters that record problems."""

    def __init__(self, node: yaml.MappingNode, file: str, problems: list[Problem], allowed: tuple[str, ...]):
        self.file, self.problems = file, problems
        self.line = node.start_mark.line + 1
        self.values, self.lines = {}, {}
        joined = False
        for k, v in node.value:
            line = k.start_mark.line + 1
            if not isinstance(k, yaml.ScalarNode):
                self.problems.append(Problem(file, line, "a key is not a plain name", "write 'key: value'"))
                continue
            if k.value in self.values and k.value == "id" and not joined:  # a second entry lost its '- '
                joined = True
                self.problems.append(Problem(file, line, f"a second 'id' in the entry of line {self.line}: this entry's "
                                             "'- ' is missing, so it joins the one above",
                                             f"start this line with '- ' ('- id: {v.value if isinstance(v, yaml.ScalarNode) else '…'}'), "
                                             "as the other entries start"))
                continue
            if k.value in self.values:  # YAML would let the last one win silently
                if not joined:  # after a lost '- ', each key of the joined entry is given twice: one message is enough
                    self.problems.append(Problem(file, line, f"duplicate key '{k.value}' (first on line {self.lines[k.value]})",
                                                 "keep one of the two lines"))
                continue
            self.values[k.value], self.lines[k.value] = v, line
        constructor = yaml.SafeLoader("")  # builds values from the nodes already parsed
        self.data = {}
        for k, v in self.values.items():
            try:
                self.data[k] = constructor.construct_object(v, deep=True)
            except ValueError as err:  # a value YAML cannot build, such as the date 2024-13-01
                self.data[k] = None
                if k != "investor_facts":  # read node by node, each problem at its own line
                    self.problem(k, f"'{k}' holds a value YAML cannot read ({err})", "check the dates and numbers in it")
        for key, node in self.values.items():  # `seed: 004` unquoted is the number 4 to YAML (000 is 0)
            for written in _seed_nodes(node, key == "seed"):
                self.problems.append(Problem(file, written.start_mark.line + 1, f"seed {written.value} is read as a number",
                                             f'write it in double quotes: seed: "{written.value.zfill(3)}"'))
        for key, value in self.data.items():
            tag = _html_in(value)
            if tag:  # shown as written: a tag would show as text (and a script never runs)
                self.problem(key, f"'{key}' holds HTML ({tag[:40]})",
                             "write plain text: catalogue texts are shown as written; links and formatting belong "
                             "in the pages' own words")
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                self.problem(key, f"unknown key '{key}'",
                             f"did you mean '{close[0]}'?" if close else f"remove it; keys here are {', '.join(allowed)}")

    def problem(self, key: str | None, message: str, fix: str):
        self.problems.append(Problem(self.file, self.lines.get(key, self.line), message, fix))

    def get(self, key: str, kind: type | tuple, required: bool = True, default=None):
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, f"missing '{key}'", f"add '{key}:' to this entry (line {self.line})")
            return default
        accepts = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, dt.date) and str in accepts:
            return value.isoformat()  # `date: 2024-05-29` unquoted: YAML reads a date; the text asked for
        if isinstance(value, str) and int in accepts and str not in accepts and value.strip().isascii() \
                and value.strip().isdigit():
            return int(value)  # "1000000000" in quotes is the number, as the CMS may save it
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.problem(key, f"'{key}' is {described(value)}",
                         f"give '{key}' {' or '.join(_KINDS.get(k, k.__name__) for k in accepts)}")
            return default
        return value

    def ident(self, key: str = "id") -> str:
        """An id: it becomes a file name and a URL, so only the slug form passes."""
        value = self.get(key, str, default="")
        if value and not is_slug(value):
            self.problem(key, f"'{key}' {value!r} is not lower-case words joined by '-'", SLUG_HINT)
            return ""
        return value

    def flag(self, key: str) -> bool:
        """true or false, nothing else ('no' in quotes is text, and text is not false)."""
        return bool(self.get(key, bool, required=False, default=False))

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.get(key, str, default="")
        if value and value not in choices:
            self.problem(key, f"'{key}' is {value!r}", f"use one of {', '.join(choices)}")
        return value

    def text(self, key: str, required: bool = True) -> Text | None:
        value = self.get(key, dict, required)
        if value is None:
            return None
        if set(value) != {"en", "zh"} or not all(isinstance(value[lang], str) and value[lang].strip() for lang in ("en", "zh")):
            self.problem(key, f"'{key}' needs exactly an en and a zh text{_what_is_wrong(value)}",
                         f"write '{key}: {{en: \"…\", zh: …}}' and quote text that holds a comma or is a number")
            return Text(str(value.get("en", "")), str(value.get("zh", "")))
        return Text(value["en"], value["zh"])

    def strings(self, key: str) -> list[str]:
        value = self.get(key, list, required=False, default=[])
        if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            self.problem(key, f"'{key}' must be a list of names", f"write '{key}: [first, second]'")
            return []
        return [str(v) for v in value]

    def aliases(self) -> dict[str, list[str]]:
        return self.aliases_of("aliases")

    def aliases_of(self, key: str) -> dict[str, list[str]]:
        """{en: [...], zh: [...]}: other names or forms of the entry in each language."""
        value = self.get(key, dict, required=False, default={}) or {}
        out = {}
        for lang in ("en", "zh"):
            forms = value.get(lang) or []
            if isinstance(forms, str):
                forms = [forms]
            if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
                self.problem(key, f"'{key}' {lang} must be a list of texts (found {forms!r})",
                             f"write '{key}: {{en: [\"…\"], zh: [\"…\"]}}'")
                forms = []
            out[lang] = forms
        extra = [str(k) for k in value if k not in ("en", "zh")]
        if extra:
            self.problem(key, f"'{key}' has unknown language(s) {', '.join(extra)}", "use en and zh")
        return out

    def source(self, value, key: str) -> Source | None:
        if isinstance(value, dict) and type(value.get("seed")) is int:
            return None  # an unquoted seed: reported when the entry was read
        if not isinstance(value, dict) or not value.get("seed") or not value.get("quote"):
            self.problem(key, f"'{key}' needs a seed and a quote",
                         "write {seed: \"000\", quote: \"the sentence, word for word\"}")
            return None
        return Source(str(value["seed"]), str(value["quote"]), self.file, self.lines.get(key, self.line))

    def office(self) -> OfficeLink | None:
        """`office: {id: …, source: {seed: …, quote: …}}`: the office a source names for the entry."""
        value = self.get("office", dict, required=False)
        if value is None:
            return None
        if not isinstance(value.get("id"), str) or not value.get("id") or set(value) - {"id", "source"}:
            self.problem("office", "'office' needs an office id and the source that names it",
                         "write office: {id: <id from data/offices.yml>, source: {seed: \"000\", quote: \"…\"}}")
            return None
        source = self.source(value.get("source"), "office")
        return OfficeLink(value["id"], source) if source else None

    def investor_facts(self) -> dict[str, InvestorFact]:
        """`investor_facts: {land_price: {value, unit, period, source: {url, document}, checked}}`:
        official figures an editor adds; each problem at the line of its own key."""
        node = self.values.get("investor_facts")
        if node is None or isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~"):
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem("investor_facts", "'investor_facts' must be a mapping of topics",
                         f"write 'investor_facts:' then one topic per line ({', '.join(TOPICS)})")
            return {}
        if node.value and all(str(key.value) in FACT_KEYS for key, _ in node.value):  # a figure without its topic line
            self.problem("investor_facts", "the topic is missing: the figure's keys stand directly under 'investor_facts'",
                         f"add the topic's line ({', '.join(TOPICS)}) and indent the figure's keys under it")
            return {}
        constructor = yaml.SafeLoader("")
        out = {}
        for key, value in node.value:
            topic, line = str(key.value), key.start_mark.line + 1
            if topic not in TOPICS:
                close = difflib.get_close_matches(topic, TOPICS, n=1)
                self.problems.append(Problem(self.file, line, f"unknown investor topic '{topic}'",
                                             f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(TOPICS)}"))
                continue
            if not isinstance(value, yaml.MappingNode):
                self.problems.append(Problem(self.file, line, f"'{topic}' must give value, unit, period, source and checked",
                                             "write them one per line under the topic, indented"))
                continue
            fact = InvestorFactReader(topic, line, value, constructor, self).read()  # investor_facts.py
            if fact:
                out[topic] = fact
        return out

    def milestones(self) -> list[Milestone]:
        """`dates: [{date, en, zh, inferred: true?}]`: a project's steps, each dated as its source
        dates it; `inferred` marks the editors' reading (a year the seed leaves out, say)."""
        found = []
        node = self.values.get("dates")
        lines = [child.start_mark.line + 1 for child in node.value] if isinstance(node, yaml.SequenceNode) else []
        for n, raw in enumerate(self.get("dates", list, required=False, default=[])):
            line = lines[n] if n < len(lines) else self.line  # each problem at its entry's own line
            date = raw.get("date") if isinstance(raw, dict) else None
            if not isinstance(raw, dict) or set(raw) - {"date", "en", "zh", "inferred"} \
                    or not isinstance(date, (str, int, dt.date)) or isinstance(date, bool) \
                    or not all(isinstance(raw.get(k), str) and raw[k] for k in ("en", "zh")) \
                    or not isinstance(raw.get("inferred", False), bool):
                self.problems.append(Problem(self.file, line, "a date needs date, en and zh (and inferred: true if it "
                                             "is the editors' reading)", 'write - {date: "2024-01-27", en: …, zh: …}'))
                continue
            try:
                when = periods.day(date.isoformat() if isinstance(date, dt.date) else str(date))
            except ValueError as err:
                self.problems.append(Problem(self.file, line, str(err).split(" (")[0],
                                             "write 2024-05-29, 2024-05, 2024-Q1 or 2024"))
                continue
            found.append(Milestone(when.text, Text(raw["en"], raw["zh"]), raw.get("inferred", False)))
        return found

    def statements(self) -> list[Statement]:
        """`statements: [{en, zh, source: {seed, quote}, inferred: true?}]`: the site's words, each on its sentence."""
        found = []
        for raw in self.get("statements", list, default=[]):
            if not isinstance(raw, dict) or set(raw) - {"en", "zh", "source", "inferred"} \
                    or not all(isinstance(raw.get(k), str) and raw[k] for k in ("en", "zh")) \
                    or not isinstance(raw.get("inferred", False), bool):
                self.problem("statements", "a statement needs en, zh and source (and inferred: true if it is the editors' reading)",
                             "write - {en: \"…\", zh: …, source: {seed: \"000\", quote: \"…\"}}")
                continue
            source = self.source(raw.get("source"), "statements")
            if source:
                found.append(Statement(Text(raw["en"], raw["zh"]), source, raw.get("inferred", False)))
        if not found:
            self.problem("statements", "an entry needs at least one statement from the seeds",
                         "add statements: - {en: …, zh: …, source: {seed: …, quote: …}}")
        return found

    def words(self) -> Words | None:
        """`words: {by: {en, zh}, zh: translation, source: {seed, quote}}`: an investor's own words."""
        raw = self.get("words", dict, required=False)
        if raw is None:
            return None
        by = raw.get("by")
        if set(raw) != {"by", "zh", "source"} or not isinstance(raw.get("zh"), str) or not raw["zh"] \
                or not isinstance(by, dict) or set(by) != {"en", "zh"} or not all(isinstance(v, str) and v for v in by.values()):
            self.problem("words", "'words' needs by: {en, zh}, zh (the site's translation) and source",
                         "write words: {by: {en: \"…\", zh: …}, zh: …, source: {seed: \"000\", quote: \"the words\"}}")
            return None
        source = self.source(raw.get("source"), "words")
        return Words(Text(by["en"], by["zh"]), raw["zh"], source) if source else None

    def sources(self, required: bool = True) -> list[Source]:
        found = [self.source(v, "sources") for v in self.get("sources", list, required, default=[])]
        return [s for s in found if s]


def _html_in(value) -> str | None:
    """The first HTML tag in a catalogue value (texts, lists and mappings of them), or None."""
    if isinstance(value, str):
        found = HTML_TAG.search(value)
        return found.group(0) if found else None
    for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
        tag = _html_in(item)
        if tag:
            return tag
    return None


def _seed_nodes(node, is_seed: bool = False) -> list[yaml.ScalarNode]:
    """The unquoted numbers written as `seed:` values in `node` (itself one when `is_seed`), in the
    file's order."""
    if isinstance(node, yaml.ScalarNode):
        return [node] if is_seed and node.tag.endswith(":int") else []
    if isinstance(node, yaml.MappingNode):
        return [found for k, v in node.value for found in _seed_nodes(v, k.value == "seed")]
    if isinstance(node, yaml.SequenceNode):
        return [found for child in node.value for found in _seed_nodes(child)]
    return []


def read_items(path: Path, shown: str, problems: list[Problem], allowed) -> list[Item]:
    try:
        text = frontmatter.decode(path.read_bytes(), shown)
        node = compose(text)
    except InputError as err:
        problems.extend(err.problems)
        return []
    except yaml.YAMLError as err:
        line, fix = frontmatter.yaml_error(err, text, line_offset=1)
        problems.append(Problem(shown, line, f"not valid YAML ({getattr(err, 'problem', err)})", fix))
        return []
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(shown, 1, "expected a list of entries", "start each entry with '- id: …'"))
        return []
    items = []
    for child in node.value:
        if isinstance(child, yaml.MappingNode):
            items.append(Item(child, shown, problems, allowed))  # its own keys: Item reports a second one
            for _, value in child.value:
                problems.extend(duplicate_keys(value, shown))
        else:
            problems.append(Problem(shown, child.start_mark.line + 1, "entry is not a mapping",
                                    "write the entry as 'key: value' lines"))
    return items
