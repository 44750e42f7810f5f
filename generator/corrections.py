"""Known errors of the source's machine translation, corrected in the English text.

"acres" in these posts is the Chinese unit mu (亩, about 667 m²), not the acre.
"""
from __future__ import annotations

import re

_ACRES = re.compile(r"\b(acres|acre)\b")


def correct_mu(text: str) -> tuple[str, int]:
    """Text with acres -> mu, and how many were corrected."""
    return _ACRES.subn("mu", text)
