"""Generator: Posts -> news pages in English and Chinese."""
from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from ..core.model import Paragraph, Post, Version
from ..core.paths import lang_path, source_path
from ..core.slugs import SLUG, chinese_slug, slugify
from ..read.schema import NewsMeta
from ..text import chinese, corrections, textfmt
from .page import Page
from .render import strings


def news_meta(post: Post, mentions: dict[str, list[str]] | None = None,
              fixes: list[corrections.Correction] | None = None) -> NewsMeta:
    """The English page's front matter, from the seed as corrected, with what it mentions."""
    en = post.english
    says = strings("en")["source_says_plain"]
    mentions = mentions or {}
    src = en.source
    return NewsMeta(
        title=en.title,
        date=publication_date(post),
        lang="en",
        slug=post_slug(post),
        summary=textfmt.summary([corrections.plain(corrections.segments(p.text, fixes or []), "en", says)
                                  for p in en.body], "en"),
        source=src.name if src else None,
        source_published=src.published if src else None,
        source_place=src.place if src else None,
        seed=post.seed,
        origin="original",
        sectors=mentions.get("sectors", []),
        parks=mentions.get("parks", []),
        projects=mentions.get("projects", []),
        generated_from=post.seed,
    )


def post_slug(post: Post) -> str:
    """The English title's words; for a post without English, the Chinese title in pinyin;
    the blog date if neither gives a word. Stable: the same post always gets the same slug."""
    en, zh = post.version("en"), post.version("zh")
    if en is not None:
        slug = slugify(en.title)
    elif zh is not None:
        slug = chinese_slug(chinese.to_simplified(zh.title))
    else:
        slug = ""
    return slug if slug and slug != "untitled" and SLUG.fullmatch(slug) else post.blog_date.isoformat()


def publication_date(post: Post):
    """The source's original publication day where the seed has a source line; else the blog's date."""
    src = post.english.source or next((v.source for v in post.versions if v.source), None)
    return src.published.date() if src else post.blog_date


def reposted(post: Post):
    """The blog's repost date, shown second, when it differs from the publication day."""
    return post.blog_date if post.blog_date != publication_date(post) else None


def _simplified(version: Version) -> Version:
    src = version.source
    if src:
        src = replace(src, name=src.name and chinese.to_simplified(src.name),
                      place=src.place and chinese.to_simplified(src.place))
    return replace(
        version,
        title=chinese.to_simplified(version.title),
        source=src,
        paragraphs=tuple(Paragraph(chinese.to_simplified(p.text), p.line, p.caption) for p in version.paragraphs),
    )


def source_link(seed: str | None) -> str | None:
    return "../" + source_path(seed) if seed else None  # from news/NAME.md


def english_page(post: Post, meta: NewsMeta, names: dict, fixes: list[corrections.Correction] | None = None) -> Page:
    """The seed's English with the catalogue's corrections marked (data/corrections.yml)."""
    paragraphs = [(p, corrections.segments(p.text, fixes or [])) for p in post.english.paragraphs]
    used = {seg.correction.id: seg.correction for _, segs in paragraphs for seg in segs if seg.correction}
    return Page(path=f"news/{meta.slug}.md", template="news.md.j2", meta=meta,
                context={"paragraphs": paragraphs, "source_link": source_link(meta.seed),
                         "corrections": list(used.values()), "names": names, "reposted": reposted(post)})


def chinese_page(post: Post, en_meta: NewsMeta, names: dict) -> Page | None:
    """The Chinese version the seed holds, in Simplified Chinese; None if it has none."""
    zh = post.version("zh")
    if zh is None:
        return None
    origin = "converted" if chinese.is_traditional(zh.title + "".join(p.text for p in zh.paragraphs)) else "original"
    zh = _simplified(zh)
    src = zh.source
    meta = replace(
        en_meta,
        title=zh.title,
        lang="zh",
        summary=textfmt.summary([p.text for p in zh.body], "zh"),
        source=src.name if src else en_meta.source,
        source_place=src.place if src else en_meta.source_place,
        origin=origin,
    )
    return Page(path=lang_path(f"news/{meta.slug}.md", "zh"), template="news.md.j2", meta=meta,
                context={"paragraphs": [(p, [corrections.Segment(p.text)]) for p in zh.paragraphs],
                         "source_link": source_link(meta.seed), "corrections": [], "names": names,
                         "reposted": reposted(post)})


def missing_chinese_page(en_meta: NewsMeta, names: dict) -> Page:
    """A Chinese notice instead of a silently English page."""
    meta = replace(en_meta, lang="zh", origin="missing", generated_from=en_meta.generated_from or "news")
    return Page(path=lang_path(f"news/{en_meta.slug}.md", "zh"), template="news_missing.md.j2", meta=meta,
                context={"original": en_meta, "original_link": f"../../../news/{en_meta.slug}/", "names": names})


def missing_english_page(zh_meta: NewsMeta, names: dict) -> Page:
    """An English notice for a post that has only Chinese, never the Chinese text passed off as English."""
    meta = replace(zh_meta, lang="en", origin="missing")
    return Page(path=f"news/{zh_meta.slug}.md", template="news_missing.md.j2", meta=meta,
                context={"original": zh_meta, "original_link": f"../../zh/news/{zh_meta.slug}/", "names": names})


def editor_page(item, names: dict, reposted_on=None) -> Page:
    """An editor's item with the same date line, tags and notices as generated ones; body as written."""
    return Page(path=item.path, template="news.md.j2", meta=item.meta,
                context={"body": Markup(item.body.strip()), "source_link": source_link(item.meta.seed),
                         "corrections": [], "names": names, "reposted": reposted_on})
