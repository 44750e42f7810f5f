"""Generator stage: one PDF fact sheet per language (WeasyPrint), from the catalogue.

Key figures with periods and sources, leading industries, parks and platforms,
the offices with their contact data, and a QR code of the site. A4, one CJK
font (Noto Sans CJK, Debian's fonts-noto-cjk) embedded as a subset, tagged
(PDF/UA) so the text is real text in reading order.

Rendering takes about a second, so each PDF is kept in build/cache/ under the
hash of its HTML: `mkdocs serve` regenerates without re-rendering it.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..core.errors import InputError, Problem
from ..pages.contacts import qr_svg
from ..pages.render import strings
from ..read.catalogue import TOPICS, Catalogue
from ..read.schema import NewsMeta
from ..read.sources import SourceIndex
from ..core.beside import may_fork
from ..text.textfmt import long_date
from . import drawing
from .common import lang_root, words
from .drawing import TEMPLATE, TEMPLATES

CACHED = "factsheet-"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # HTML, unlike the Markdown templates: every value is escaped
    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=select_autoescape(["j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def path(lang: str) -> str:
    """Where the sheet is published: one folder, one name per language (/downloads/…-zh.pdf)."""
    return f"downloads/zhaoqing-fact-sheet-{lang}.pdf"


@dataclass(frozen=True)
class _Ref:
    title: str
    date: str
    url: str


def html(cat: Catalogue, metas: list[NewsMeta], index: SourceIndex, site_url: str, site_name: str, lang: str,
         published: str | None = None) -> str:
    """The sheet's HTML: the catalogue's text in `lang`, addresses and words of the `published`
    site (the Traditional sheet is the Simplified one, converted afterwards)."""
    published = published or lang
    w = {**strings(published), **words(published)}  # the site's words (columns, contact labels) and the kit's
    titles = {(m.slug, m.lang): m for m in metas}
    refs: list[_Ref] = []

    def ref(source) -> int:
        """Number of the source post in the list at the end of the sheet."""
        at = index.locate(source)
        meta = titles.get((at.slug, lang)) or titles[(at.slug, "en")]
        item = _Ref(meta.title, long_date(meta.date, lang), f"{site_url}{lang_root(published)}news/{at.slug}/")
        if item not in refs:
            refs.append(item)
        return refs.index(item) + 1

    figures = [dict(label=f.label(lang), value=f.show_plain(lang, w["reading_format"]), doubtful=f.reading is not None,
                    note=w["doubtful"] if f.note else "", change=f.change or "",
                    period=f.show_period(lang, w["editors_reading_mark"]),
                    ref=ref(f.source)) for f in sorted(cat.figures, key=lambda f: f.period.sort_key, reverse=True)]
    sectors = [dict(name=s.name(lang), description=s.description(lang) if s.description else "")
               for s in cat.sectors if s.tier == "leading"]
    def name(entry) -> str:  # a Chinese name the portal translated says so, as on the site
        return entry.name(lang) + (w["name_translated"] if lang != "en" and entry.zh_name_is_translation else "")

    parks = [dict(name=name(p), fact=p.facts[0].text(lang), ref=ref(p.facts[0].source))
             for p in cat.parks if p.kind in ("platform", "park")]
    offices = [dict(name=name(o), contact=o.contact) for o in cat.offices if o.contact]
    # What investors ask first that no park or industry has an official figure for yet (the pages'
    # investor questions): on page 1, beside whom to ask
    given = {topic for entry in [*cat.parks, *cat.sectors] for topic in entry.investor_facts}
    gaps = [w["topics"][topic] for topic in TOPICS if topic not in given]
    home = site_url + lang_root(published)
    qr = qr_svg(home)  # drawn as the contact cards' codes are
    return _environment().get_template(TEMPLATE).render(
        w=w, lang=w["bcp47"], site_name=site_name, home=home, figures=figures, sectors=sectors, parks=parks,
        offices=offices, gaps=gaps, refs=refs, qr="data:image/svg+xml;base64," + base64.b64encode(qr).decode("ascii"))


def _key(text: str) -> str:
    # The installed version, read without importing WeasyPrint (loading it and Pango takes ~0.4 s)
    return hashlib.sha256(f"weasyprint {version('weasyprint')}\n{text}".encode("utf-8")).hexdigest()[:24]


def draw_pdfs(sheets: dict[str, tuple[str, str]], cache: Path) -> Callable[[], dict[str, bytes]]:
    """{name: (html, font)}: starts drawing the sheets build/cache does not hold (by their HTML);
    the function returned waits for them: {name: pdf}.

    Where the process may fork, the new sheets are drawn by a child process (drawing.py) while
    the generator goes on rendering pages; it writes each PDF beside the cache and the wait
    checks its fonts and keeps it. Otherwise the wait draws them."""
    keys = {name: _key(text) for name, (text, _) in sheets.items()}
    cached = {name: cache / f"{CACHED}{key}.pdf" for name, key in keys.items()}
    out = {name: path.read_bytes() for name, path in cached.items() if path.is_file()}
    todo = {name: (text, keys[name]) for name, (text, _) in sheets.items() if name not in out}
    if todo:
        _fonts_present({sheets[name][1] for name in todo})
    drawer, parts = drawing.take(), {}
    if todo and (drawer or may_fork()):
        drawer = drawer or drawing.Drawer()
        cache.mkdir(parents=True, exist_ok=True)
        parts = {name: cached[name].with_name(f".{cached[name].name}.{os.getpid()}.part") for name in todo}
        drawer.draw([(job, parts[name]) for name, job in todo.items()])
    elif drawer:
        drawer.close()  # nothing to draw
        drawer = None

    def wait() -> dict[str, bytes]:
        try:
            for name, job in todo.items():
                outcome = drawer.outcome() if drawer else None
                if drawer and outcome is None:  # Pango without fonts, or killed
                    raise InputError([_font_problem("the PDF renderer stopped")])
                if outcome == drawing.OK:
                    pdf = parts[name].read_bytes()
                else:  # drawn here, where an error is raised as a one-process run raises it
                    pdf = drawing.write_pdf(job)
                _check_fonts(pdf, sheets[name][1])
                cache.mkdir(parents=True, exist_ok=True)
                tmp = cached[name].with_suffix(".tmp")
                tmp.write_bytes(pdf)
                tmp.replace(cached[name])
                out[name] = pdf
        finally:
            if drawer:
                drawer.close()
                for part in parts.values():
                    part.unlink(missing_ok=True)
        return {name: out[name] for name in sheets}

    return wait


def _check_fonts(pdf: bytes, font: str) -> None:
    """Every font embedded, and the font the sheet asks for (its CJK font, or for English text its Latin
    face: not a fallback)."""
    from pypdf import PdfReader

    names, embedded = set(), True
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for used in (page["/Resources"].get("/Font") or {}).values():
            used = used.get_object()
            for desc in [used] + [d.get_object() for d in used.get("/DescendantFonts", [])]:
                fd = desc.get("/FontDescriptor")
                if fd is None:
                    continue
                fd = fd.get_object()
                names.add(str(fd.get("/FontName")))
                embedded &= any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    def squeeze(name: str) -> str:  # "/ABCDEF+Noto-Sans-CJK-SC-Bold" and "Noto Sans CJK SC" alike
        return "".join(ch for ch in name.lower() if ch.isalnum())

    if not embedded or not any(squeeze(font) in squeeze(n) for n in names):
        raise InputError([_font_problem(f"fonts used: {', '.join(sorted(names))}")])


def _font_problem(detail: str) -> Problem:
    return Problem("generator/templates/" + TEMPLATE, 1, f"the fact sheet's font is not available ({detail})",
                   "install Debian's fonts-noto-cjk and fonts-dejavu-core (apt-get install fonts-noto-cjk fonts-dejavu-core; "
                   "make build does it as root)")


def _fonts_present(fonts: set[str]) -> None:
    """The sheets' fonts as fontconfig lists them for WeasyPrint, checked before drawing: without
    them Pango falls back to glyphless fonts or stops."""
    fc_list = shutil.which("fc-list")
    listed = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True).stdout if fc_list else ""
    missing = sorted(font for font in fonts if font not in listed)
    if missing:
        raise InputError([_font_problem(f"fontconfig lists no {', '.join(missing)}")])


def prune(cache: Path, keep: list[bytes]) -> None:
    """Drop cached sheets of earlier inputs, and what a stopped run's children left."""
    for old in cache.glob(f"{CACHED}*.pdf"):
        if old.read_bytes() not in keep:
            old.unlink()
    for part in cache.glob(f".{CACHED}*.part"):
        part.unlink(missing_ok=True)


def size_label(data: bytes) -> str:
    return f"{round(len(data) / 1024)} KB"
