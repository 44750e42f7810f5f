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

import datetime as dt
import random
from pathlib import Path

import yaml

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


def write_items(root: Path, count: int) -> list[Path]:
    rng = random.Random(count)
    english, chinese_text = synthetic.sentences(root / "seeds")
    sectors = [e["id"] for e in yaml.safe_load((root / "data" / "sectors.yml").read_text(encoding="utf-8"))]
    parks = [e["id"] for e in yaml.safe_load((root / "data" / "parks.yml").read_text(encoding="utf-8"))]
    folder = root / "docs" / "news"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        tags = f"sectors: [{', '.join(rng.sample(sectors, 2))}]\nparks: [{rng.choice(parks)}]\n"
        en_body = _paragraphs(rng, english, ENGLISH_PARAGRAPHS, EN_SENTENCES, " ")
        zh_body = _paragraphs(rng, chinese_text, CHINESE_PARAGRAPHS, ZH_SENTENCES, "")
        title = f"Bench item {i}: {' '.join(en_body[0].split()[:8])}".replace('"', "")
        en = folder / f"bench-item-{i}.md"
        en.write_text(f'---\ntitle: "{title}"\ndate: {day}\nsummary: "{en_body[0][:150].replace(chr(34), "")}"\n'
                      f"{tags}---\n\n" + "\n\n".join(en_body) + "\n", encoding="utf-8")
        zh = folder / f"bench-item-{i}.zh.md"
        zh.write_text(f'---\ntitle: "测试条目{i}：{zh_body[0][:20].replace(chr(34), "")}"\ndate: {day}\n'
                      f'summary: "{zh_body[0][:60].replace(chr(34), "")}"\n'
                      f"origin: translated\n{tags}---\n\n" + "\n\n".join(zh_body) + "\n", encoding="utf-8")
        written += [en, zh]
    return written
