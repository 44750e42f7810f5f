"""Synthetic bilingual news items of realistic size, written as an editor would write them.

About 600 English words and 1500 Chinese characters each, built from the real
seeds' sentences (deterministic: the same N gives the same items), with sector
and park references from the catalogue.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import yaml

from generator.text import chinese
from generator.read.seed_reader import read_seed


def sentences(seeds: Path) -> tuple[list[str], list[str]]:
    """The seeds' English and (Simplified) Chinese sentences, in their order."""
    english, chinese_text = [], []
    for path in sorted(seeds.glob("*.txt")):
        post = read_seed(path, path.name)
        for version in post.versions:
            for paragraph in version.body:
                if version.lang == "en":
                    english += [s for s in re.split(r"(?<=[.!?])\s+", paragraph.text) if len(s.split()) > 6]
                elif version.lang == "zh":
                    text = chinese.to_simplified(paragraph.text)
                    chinese_text += [s for s in re.split(r"(?<=[。！？])", text) if len(s) > 10]
    return english, chinese_text


def _bodies(rng: random.Random, english: list[str], chinese_text: list[str]) -> tuple[list[str], list[str]]:
    """About 600 English words and 1500 Chinese characters, four sentences drawn anywhere a paragraph."""
    en_body, words = [], 0
    while words < 600:
        paragraph = " ".join(rng.sample(english, 4))
        en_body.append(paragraph)
        words += len(paragraph.split())
    zh_body, chars = [], 0
    while chars < 1500:
        paragraph = "".join(rng.sample(chinese_text, 4))
        zh_body.append(paragraph)
        chars += len(paragraph)
    return en_body, zh_body


def write_items(root: Path, count: int, bodies=_bodies) -> list[Path]:
    """`count` bilingual items in docs/news/, each with two sectors and a park; `bodies(rng,
    english sentences, chinese sentences)` gives an item's English and Chinese paragraphs."""
    rng = random.Random(count)
    english, chinese_text = sentences(root / "seeds")
    sectors = [e["id"] for e in yaml.safe_load((root / "data" / "sectors.yml").read_text(encoding="utf-8"))]
    parks = [e["id"] for e in yaml.safe_load((root / "data" / "parks.yml").read_text(encoding="utf-8"))]
    folder = root / "docs" / "news"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        tags = f"sectors: [{', '.join(rng.sample(sectors, 2))}]\nparks: [{rng.choice(parks)}]\n"
        en_body, zh_body = bodies(rng, english, chinese_text)
        title = f"Bench item {i}: {' '.join(en_body[0].split()[:8])}"
        en = folder / f"bench-item-{i}.md"
        en.write_text(f'---\ntitle: "{title.replace(chr(34), "")}"\ndate: {day}\nsummary: "{en_body[0][:150].replace(chr(34), "")}"\n'
                      f"{tags}---\n\n" + "\n\n".join(en_body) + "\n", encoding="utf-8")
        zh = folder / f"bench-item-{i}.zh.md"
        zh.write_text(f'---\ntitle: "测试条目{i}：{zh_body[0][:20].replace(chr(34), "")}"\ndate: {day}\n'
                      f'summary: "{zh_body[0][:60].replace(chr(34), "")}"\n'
                      f"origin: translated\n{tags}---\n\n" + "\n\n".join(zh_body) + "\n", encoding="utf-8")
        written += [en, zh]
    return written
