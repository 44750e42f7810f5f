"""Every catalogue fact and figure against the seed text it cites.

A quote must stand word for word in its seed, and a figure's value must be
one of the amounts written in its quote; otherwise the build stops.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..core import units
from ..core.errors import Problem
from ..core.model import Post
from .catalogue import Catalogue, Figure, Source


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@dataclass(frozen=True)
class Located:
    seed: str  # seeds/… path
    slug: str  # the news page made from that seed
    line: int  # the paragraph's line in the seed: anchor #line-N on the page of its language
    lang: str = "en"  # the version it is in: a Chinese version's lines are on the Chinese pages


class SourceIndex:
    """Seeds by their short id ("000"), with the news slug each became."""

    def __init__(self, posts: list[Post], slugs: dict[str, str], texts: dict[str, str]):
        self.posts = {p.seed.rsplit("/", 1)[-1].split("_", 1)[0]: p for p in posts}
        self.slugs = slugs  # seed path -> slug
        self.texts = {k: normalize(v) for k, v in texts.items()}  # seed path -> whole text
        # Each seed's paragraphs, normalised once: every source of every page is located in them
        self.paragraphs = {seed: [(normalize(paragraph.text), paragraph.line, version.lang)
                                  for version in post.versions for paragraph in version.paragraphs]
                           for seed, post in self.posts.items()}
        self._shown: str | None = None

    def __repr__(self) -> str:
        """What it answers from, in short: the preview's memo of pages compares it
        (generator/core/memo.py); built once, when the pages are rendered."""
        if self._shown is None:
            whole = repr((sorted(self.posts.items()), sorted(self.slugs.items()), sorted(self.texts.items())))
            self._shown = f"SourceIndex({hashlib.blake2b(whole.encode('utf-8', 'surrogatepass')).hexdigest()})"
        return self._shown

    def locate(self, source: Source) -> Located | None:
        post = self.posts.get(source.seed)
        if post is None:
            return None
        quote = normalize(source.quote)
        for text, line, lang in self.paragraphs[source.seed]:
            if quote in text:
                return Located(post.seed, self.slugs[post.seed], line, lang)
        return Located(post.seed, self.slugs[post.seed], 0) if quote in self.texts[post.seed] else None

    def problems(self, catalogue: Catalogue) -> list[Problem]:
        problems = []
        for source in _all_sources(catalogue):
            if source.seed not in self.posts:
                problems.append(Problem(source.file, source.line, f"no seed '{source.seed}'",
                                        f"use the start of a file name in seeds/ ({', '.join(sorted(self.posts))})"))
            elif self.locate(source) is None:
                problems.append(Problem(source.file, source.line,
                                        f"quote not found in seed {source.seed}: \"{source.quote[:60]}…\"",
                                        "copy the sentence word for word from the seed"))
        for figure in catalogue.figures:
            if figure.source.quote and figure.value not in units.amounts_en(figure.source.quote):
                problems.append(Problem(figure.source.file, figure.source.line,
                                        f"figure '{figure.id}': {figure.value.normalize():f} is not in its quote",
                                        "give the value exactly as the quoted sentence states it"))
        return problems


def _all_sources(cat: Catalogue) -> list[Source]:
    found: list[Source] = []
    for _, entry in cat.entries():
        found.extend(entry.sources)
        if entry.office:
            found.append(entry.office.source)
    for park in cat.parks:
        found.extend(f.source for f in park.facts)
    found.extend(f.source for f in cat.figures if f.source.seed)
    for story in cat.stories + cat.support + cat.events:
        found.extend(story.sources)
    return found


def inconsistent(figures: list[Figure]) -> dict[str, list[Figure]]:
    """Figures that exceed the figure of a period containing theirs (same metric, place, unit)."""
    flagged: dict[str, list[Figure]] = {}
    for part in figures:
        for whole in figures:
            if (part.metric, part.place, part.unit) == (whole.metric, whole.place, whole.unit) \
                    and part.period.within(whole.period) and part.effective > whole.effective:
                flagged.setdefault(part.id, []).append(whole)
    return flagged


def consistency_problems(figures: list[Figure]) -> list[Problem]:
    problems = []
    for figure_id, wholes in inconsistent(figures).items():
        figure = next(f for f in figures if f.id == figure_id)
        if figure.note is None:
            whole = wholes[0]
            problems.append(Problem(figure.source.file, figure.source.line,
                                    f"figure '{figure.id}' ({figure.show('en')}, {figure.period.show('en')}) exceeds "
                                    f"'{whole.id}' ({whole.show('en')}, {whole.period.show('en')}) for a period containing it",
                                    "check the source; to publish it as the source says, add a note: {en: …, zh: …}"))
    return problems
