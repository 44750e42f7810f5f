"""Realistic news items: posts of a real post's length, in the seeds' own sentences.

Each item: six English paragraphs and five Chinese paragraphs, each a run of consecutive
sentences of the seeds (in their order; the Chinese in Simplified, as an editor writes it),
two sectors and a park. A paragraph holds EN_SENTENCES (or ZH_SENTENCES) sentences, so an item
is about 1400 English words and 1900 Chinese characters, the length of the seeds' English
versions (about 1300 words on average). Deterministic: the same N gives the same items. The
synthetic items (bench/synthetic.py) join four sentences drawn anywhere into a paragraph and
stop at about 600 words and 1500 characters.
"""
from __future__ import annotations

import random
from pathlib import Path

from bench import synthetic

ENGLISH_PARAGRAPHS, EN_SENTENCES = 6, 8
CHINESE_PARAGRAPHS, ZH_SENTENCES = 5, 6


def _paragraphs(rng: random.Random, sentences: list[str], count: int, length: int, joiner: str) -> list[str]:
    """`count` paragraphs, each `length` consecutive sentences from a random place."""
    out = []
    for _ in range(count):
        start = rng.randrange(len(sentences))
        out.append(joiner.join(sentences[(start + k) % len(sentences)] for k in range(length)))
    return out


def _bodies(rng: random.Random, english: list[str], chinese_text: list[str]) -> tuple[list[str], list[str]]:
    return (_paragraphs(rng, english, ENGLISH_PARAGRAPHS, EN_SENTENCES, " "),
            _paragraphs(rng, chinese_text, CHINESE_PARAGRAPHS, ZH_SENTENCES, ""))


def write_items(root: Path, count: int) -> list[Path]:
    return synthetic.write_items(root, count, _bodies)
