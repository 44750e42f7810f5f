"""Generator: contact cards, with a vCard (vobject) and a QR code of it (segno) per office."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

import segno
import vobject

from ..core.paths import lang_path
from ..read.catalogue import Office
from ..read.schema import LANGS


@dataclass(frozen=True)
class OfficeCard:
    """An office as the contact page shows it."""

    office: Office
    slug: str  # news page of the seed that gives the contact details
    seed_titles: dict[str, str]  # that page's title per language

    def __getattr__(self, name):
        return getattr(self.office, name)

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.office.contact.tel)


def tel_uri(number: str) -> str:
    """'+86 758 3611228' -> '+867583611228' (RFC 3966 global number, click-to-call)."""
    digits = re.sub(r"[^\d+]", "", number)
    return digits if digits.startswith("+") else "+86" + digits.lstrip("0")


def vcard(office: Office) -> str:
    """vCard 3.0 text of the office, as the seed gives its details."""
    card = vobject.vCard()
    card.add("fn").value = office.name.en
    card.add("org").value = [office.name.en]
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


def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="svg", scale=4, border=2,
                                                   xmldecl=False, svgclass=None, lineclass=None)
    return out.getvalue()


def contact_files(offices: list[Office]) -> dict[str, bytes]:
    """The vCard and QR code of each office, for both language trees.

    mkdocs-static-i18n publishes `x.zh.vcf` as /zh/…/x.vcf, so each page links to
    a file beside it.
    """
    files = {}
    for office in offices:
        text = vcard(office)
        qr = qr_svg(text)
        for lang in LANGS:
            files[lang_path(f"contact/{office.id}.vcf", lang)] = text.encode("utf-8")
            files[lang_path(f"contact/{office.id}-qr.svg", lang)] = qr
    return files
