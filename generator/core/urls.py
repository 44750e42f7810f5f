"""The one allow-list for addresses that come from inputs (seed footers, catalogues, editor pages)."""
from __future__ import annotations

import re

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
