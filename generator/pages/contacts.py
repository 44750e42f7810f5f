"""Generator: contact cards, with a vCard (vobject) and a QR code of it (segno) per office."""
from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from typing import Callable

import segno
import vobject
from markupsafe import Markup, escape

from ..core.paths import lang_path
from ..core.urls import tel_uri
from ..read.catalogue import Office
from ..read.schema import LANGS
from .render import strings


@dataclass(frozen=True)
class OfficeCard:
    """An office as the contact page shows it."""

    office: Office
    slug: str  # news page of the seed that gives the contact details
    seed: str  # that seed (seeds/…): its footer gives them, published as /sources/NAME.txt
    seed_titles: dict[str, str]  # that page's title per language

    def __getattr__(self, name):
        return getattr(self.office, name)

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.office.contact.tel)


def vcard(office: Office, lang: str = "en", convert: Callable[[str], str] = str) -> str:
    """vCard 3.0 text of the office, as the seed gives its details. The Chinese and Traditional
    cards (`lang` "zh" or "zh-hant", whose `convert` turns the Simplified name Traditional) carry
    the Chinese name, and a note (UI words of the language) that gives the English one and says
    where the Chinese name is the site's translation."""
    card = vobject.vCard()
    name = office.name.en if lang == "en" else convert(office.name.zh)
    card.add("fn").value = name
    card.add("org").value = [name]
    if lang != "en":
        note = strings(lang)["vcard_note_translated" if office.zh_name_is_translation else "vcard_note_english"]
        card.add("note").value = note.format(en=office.name.en)
    contact = office.contact
    if contact.tel:
        tel = card.add("tel")
        tel.value = tel_uri(contact.tel)
        tel.type_param = ["WORK", "VOICE"]
    if contact.fax:
        fax = card.add("tel")
        fax.value = tel_uri(contact.fax)
        fax.type_param = ["WORK", "FAX"]
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.website:
        card.add("url").value = contact.website
    if contact.address:
        card.add("adr").value = vobject.vcard.Address(street=contact.address, country="China")
    return card.serialize()


@functools.lru_cache(maxsize=64)  # the same card on its page, in its files and in the preview's rebuilds
def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="svg", scale=4, border=2,
                                                   xmldecl=False, svgclass=None, lineclass=None)
    return out.getvalue()


def inline_qr(office: Office, lang: str, convert: Callable[[str], str], label: str) -> Markup:
    """The office's card as a QR code in the contact page itself, not a file: one request less on
    the page that shows two. The card of the page's language; on the Traditional page (rendered
    from the Simplified one with its converter) the Traditional card."""
    svg = qr_svg(vcard(office, lang if convert is str else "zh-hant", convert)).decode("ascii")
    # Drawn at 160 px whatever the card's length (as the image was), scaled from its own size
    svg = re.sub(r'width="(\d+)" height="(\d+)"', r'viewBox="0 0 \1 \2" width="160" height="160"', svg, count=1)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def contact_files(offices: list[Office], convert: Callable[[str], str] = str,
                  traditional: str = "zh-hant") -> dict[str, bytes]:
    """The vCard and QR code of each office, for every language tree: the English card with the
    English name, the Chinese and Traditional ones with the Chinese name.

    mkdocs-static-i18n publishes `x.zh.vcf` as /zh/…/x.vcf, so each page links to
    a file beside it.
    """
    files = {}
    for office in offices:
        for lang, conv in [(lang, str) for lang in LANGS] + [(traditional, convert)]:
            text = vcard(office, lang, conv)
            files[lang_path(f"contact/{office.id}.vcf", lang)] = text.encode("utf-8")
            files[lang_path(f"contact/{office.id}-qr.svg", lang)] = qr_svg(text)
    return files
