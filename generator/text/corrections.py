"""Reader and applier of data/corrections.yml: known errors of the seeds' machine-translated English.

Each entry names its seed and the exact wrong wording; the English news page shows the
corrected wording as segments the template marks (the editor's mark with the source's
wording and the note). The seed itself stays unchanged and published under sources/.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import InputError, Problem
from ..core.model import Post
from ..read.catalogue import Text
from ..read.entries import read_items
from ..read.sources import normalize

KEYS = ("id", "seed", "wrong", "corrected", "note", "evidence", "uncertain")


@dataclass(frozen=True)
class Correction:
    id: str
    seed: str  # "001"
    wrong: str  # exactly as the seed's English has it
    corrected: Text | None  # None: a query, the wording stays and is marked doubtful
    note: Text
    evidence: str
    uncertain: bool
    file: str
    line: int

    def shown(self, lang: str) -> str:
        """The wording the page shows in `lang`: the correction, or the source's own for a query."""
        return self.corrected(lang) if self.corrected else self.wrong

    @property
    def quoted(self) -> str:
        """The source's wording to set inside the page's own quotation marks: without the straight
        quotes it opens and closes with (“"…"” would show the marks twice)."""
        return unquote(self.wrong)


def unquote(text: str) -> str:
    """The wording to set inside “…”: '"starting is a sprint"' -> 'starting is a sprint', and quotes
    within it nested as ‘…’ ('"half hearted" projects' -> '‘half hearted’ projects')."""
    m = re.fullmatch(r'"([^"]*)"([.,;:!?]?)', text.strip())
    if m:
        return m.group(1) + m.group(2)
    return re.sub(r'"([^"]*)"', "‘\\1’", text)


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph: plain seed text, or a corrected passage."""

    text: str
    correction: Correction | None = None


def load(path: Path, shown: str) -> list[Correction]:
    problems: list[Problem] = []
    found, seen = [], set()
    for i in read_items(path, shown, problems, KEYS):
        entry = Correction(id=i.get("id", str, default=""), seed=str(i.get("seed", (str, int), default="")),
                           wrong=i.get("wrong", str, default=""), corrected=i.text("corrected", required=False),
                           note=i.text("note") or Text("", ""), evidence=i.get("evidence", str, default=""),
                           uncertain=bool(i.get("uncertain", bool, required=False, default=False)),
                           file=shown, line=i.line)
        if entry.corrected is None and not entry.uncertain:
            i.problem("corrected", "a correction needs 'corrected: {en: …, zh: …}'",
                      "give the right wording, or write 'uncertain: true' to mark the wording as doubtful")
        if entry.id in seen:
            i.problem("id", f"duplicate id '{entry.id}'", "give each entry its own id")
        seen.add(entry.id)
        found.append(entry)
    if problems:
        raise InputError(problems)
    return found


def _seed_id(post: Post) -> str:
    return post.seed.rsplit("/", 1)[-1].split("_", 1)[0]


def problems(corrections: list[Correction], posts: list[Post]) -> list[Problem]:
    """Every wrong wording must stand in its seed's English, so no correction silently stops applying."""
    by_id = {_seed_id(p): p for p in posts}
    found = []
    for c in corrections:
        post = by_id.get(c.seed)
        if post is None:
            found.append(Problem(c.file, c.line, f"correction '{c.id}': no seed '{c.seed}'",
                                 f"use the start of a file name in seeds/ ({', '.join(sorted(by_id))})"))
        elif not any(normalize(c.wrong) in normalize(p.text) for p in post.english.paragraphs):
            found.append(Problem(c.file, c.line, f"correction '{c.id}': wording not found in seed {c.seed}: "
                                 f"\"{c.wrong[:60]}\"", "copy the wrong wording word for word from the seed's English"))
    return found


def for_post(corrections: list[Correction], post: Post) -> list[Correction]:
    return [c for c in corrections if c.seed == _seed_id(post)]


def segments(text: str, corrections: list[Correction]) -> list[Segment]:
    """The paragraph cut into plain and corrected pieces (longest wording first where they overlap)."""
    if not corrections:
        return [Segment(text)]
    by_wrong = {normalize(c.wrong): c for c in corrections}
    text = normalize(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(by_wrong, key=len, reverse=True)))
    out, at = [], 0
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append(Segment(text[at:m.start()]))
        out.append(Segment(m.group(0), by_wrong[m.group(0)]))
        at = m.end()
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def plain(segs: list[Segment], lang: str, says: str) -> str:
    """Segments as plain text (summaries, feeds): an uncertain value never stands alone.

    `says` formats the source's wording beside the reading, e.g. ' (the source says “{wrong}”)'.
    """
    parts = []
    for seg in segs:
        c = seg.correction
        if c is None:
            parts.append(seg.text)
        elif c.uncertain and c.corrected:
            parts.append(c.shown(lang) + says.format(wrong=unquote(c.wrong)))
        else:
            parts.append(c.shown(lang))
    return "".join(parts)


def figure_problems(figures, corrections: list[Correction]) -> list[Problem]:
    """A figure's `correction` must name an entry of the same seed whose wording its quote holds."""
    by_id = {c.id: c for c in corrections}
    found = []
    for f in figures:
        if not f.correction:
            continue
        c = by_id.get(f.correction)
        if c is None:
            found.append(Problem(f.source.file, f.source.line, f"figure '{f.id}': unknown correction '{f.correction}'",
                                 "use an id from data/corrections.yml"))
        elif c.seed != f.source.seed or normalize(c.wrong) not in normalize(f.source.quote):
            found.append(Problem(f.source.file, f.source.line,
                                 f"figure '{f.id}': correction '{c.id}' is not about this figure's quote",
                                 "name the correction whose wrong wording stands in the quote"))
    return found
