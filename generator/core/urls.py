"""The one allow-list for addresses that come from inputs (seed footers, catalogues, editor pages)."""
from __future__ import annotations

import re
from urllib.parse import quote

SCHEMES = ("https", "http", "mailto", "tel")  # what a published link may use

# What a seed's contact footer may hold, field by field: anything else is not published
CONTACT_FORMS = {
    "tel": (re.compile(r"^\+?[\d ()\-/]{5,40}$"), "write the number with digits, spaces, +, - and ( ) only"),
    "fax": (re.compile(r"^\+?[\d ()\-/]{5,40}$"), "write the number with digits, spaces, +, - and ( ) only"),
    "email": (re.compile(r"^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$", re.A), "write one e-mail address, such as name@example.gov.cn"),
    "website": (re.compile(r"^https?://[\w\-]+(\.[\w\-]+)+(:\d+)?(/[\w\-./%~+=&?#;,]*)?$", re.A),
                "write one web address starting with https:// or http://"),
}


def contact_problem(key: str, value: str) -> str | None:
    """The fix for a contact field the site would not publish as it is, or None."""
    form = CONTACT_FORMS.get(key)
    if form and not form[0].match(value):
        return form[1]
    return None


SOURCE_SCHEMES = ("https", "http")  # a source document's address: a web page, never mail or phone
assert set(SOURCE_SCHEMES) <= set(SCHEMES)


def source_url_problem(url: str) -> str | None:
    """The fix for a source address the site would not link to, or None."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SOURCE_SCHEMES or not CONTACT_FORMS["website"][0].match(url):
        return "write the full address of the published source, starting with https:// (or http://)"
    return None


def mailto(address: str, subject: str, body: str, **values: str) -> str:
    """A pre-filled e-mail link (RFC 6068). `subject` and `body` are format strings filled with
    `values`, all as plain text; then percent-encoded as UTF-8, spaces as %20 (not +, which mail
    programs show as it is), line breaks as %0D%0A."""
    values = {key: str(value) for key, value in values.items()}

    def encode(text) -> str:
        text = str.__str__(text).format(**values)  # plain text: a UI string may arrive as Markup
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    if CONTACT_FORMS["email"][0].match(address) is None:
        raise ValueError(f"not an e-mail address: {address!r}")
    return f"mailto:{address}?subject={encode(subject)}&body={encode(body)}"


def tel_uri(number: str) -> str:
    """'+86 758 3611228' -> '+867583611228' (RFC 3966 global number, click-to-call)."""
    digits = re.sub(r"[^\d+]", "", number)
    return digits if digits.startswith("+") else "+86" + digits.lstrip("0")
