"""The whole run: read seeds, catalogue and editor files, generate pages, validate, then write
into the layout's output folder (build/, or the preview's build/preview/; generator/paths.py).

Nothing is written unless every input is valid, so a bad file leaves the built
docs (and so the site) exactly as they were.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from . import writer
from .core import beside, memo, site_config
from .core.errors import InputError, Problem
from .core.model import Post
from .core.paths import SYSTEM_FILES, Layout, editor_name, files_in, lang_path, source_path
from .publish import admin
from .core.sanitise import GENERATED
from .kit import drawing, factsheet, investor_kit
from .pages import batch, charts, contacts, feeds, glossary, matching, news, traditional
from .pages.home import home_pages
from .pages.invest import invest_pages
from .pages.indexes import news_indexes
from .read import synonyms
from .pages.knowledge import knowledge_pages
from .pages.page import Page
from .pages.render import render
from .read import catalogue as catalogue_reader
from .read import editor_links, editor_pages
from .read import names as names_policy
from .read.catalogue import Catalogue
from .read.editor_news import EditorItem, blank_translations, read_editor_news
from .read import inputs
from .read.inputs import link_problems
from .read.schema import NewsMeta
from .read.seed_reader import decode, parse_seed, published_source
from .read.sources import SourceIndex, consistency_problems, inconsistent
from .text import chinese, corrections


@dataclass
class Generated:
    posts: list[Post]
    catalogue: Catalogue
    pages: list[Page]
    files: dict[str, bytes]  # everything the built docs tree must hold
    plugin_data: dict[str, bytes]  # tooltips for pymdownx.snippets

    def news(self) -> list[NewsMeta]:
        return [p.meta for p in self.pages if p.meta]


def _read_seeds(layout: Layout, problems: list[Problem]) -> tuple[list[Post], dict[str, str], dict[str, bytes]]:
    """Posts, their decoded texts (for quote checks), and the files as they are (published as sources/)."""
    posts, texts, raw = [], {}, {}
    for path in sorted(layout.seeds.glob("*.txt")):
        shown = layout.show(path)
        # a seed depends on its file alone: the preview reads it once (core/memo.py)
        found = memo.per_file("seed", path, "", lambda: _read_seed(path, shown))
        if isinstance(found, InputError):
            problems.extend(found.problems)
            continue
        post, text, raw[source_path(path.name)] = found
        posts.append(post)
        texts[shown] = text
    return posts, texts, raw


def _read_seed(path, shown: str) -> tuple[Post, str, bytes] | InputError:
    try:
        text = decode(path.read_bytes(), shown)  # the same decoding for parsing and for quote checks
        return parse_seed(text, shown), text, published_source(text)
    except InputError as err:
        return err


def generate(layout: Layout, drafts: bool = False) -> Generated:
    """Everything the built docs tree must hold; `drafts` (the preview) keeps draft items."""
    links = link_problems(layout) or inputs.missing_problems(layout)
    if links:  # nothing is read through a link, and every catalogue is there
        raise InputError(links)
    problems: list[Problem] = []
    # The docs/ files' names, front matter and HTML, and the names policy: checked beside the reading
    with beside.started(lambda: editor_pages.page_problems(layout) + names_policy.problems(layout)) as checked:
        posts, texts, sources = _read_seeds(layout, problems)
        problems.extend(names_policy.policy_problems(layout, texts, chinese.to_simplified))
        try:
            cat = catalogue_reader.load(layout.data, layout.root, [c for p in posts for c in p.contacts])
        except InputError as err:
            raise InputError(problems + err.problems) from None
        blank = blank_translations(layout)  # the CMS's empty languages: neither read nor published
        editor, found = read_editor_news(layout, cat.known_ids(), blank)
        problems.extend(found)
        problems.extend(checked())
    # Traditional news overrides: validated as every news file, then published as written
    hidden_hant = set() if drafts else {i.path for i in editor if i.meta.lang == traditional.LANG and i.meta.draft}
    editor = [i for i in editor if i.meta.lang != traditional.LANG]
    hidden = set() if drafts else {i.meta.slug for i in editor if i.meta.draft}
    hidden_paths = {i.path for i in editor if i.meta.slug in hidden}
    editor = [i for i in editor if i.meta.slug not in hidden]
    editor_paths = {item.path for item in editor}
    names = cat.names()

    try:
        fixes = corrections.load(layout.data / "corrections.yml", "data/corrections.yml")
        fixes_ok = not (found := corrections.problems(fixes, posts))
        problems.extend(found)
    except InputError as err:
        problems.extend(err.problems)
        fixes, fixes_ok = [], False
    try:
        chinese.load_phrases(layout.data / "zh_phrases.yml", "data/zh_phrases.yml")
    except InputError as err:
        problems.extend(err.problems)
    try:
        terms = glossary.load(layout.data / "glossary.yml", "data/glossary.yml")
    except InputError as err:
        problems.extend(err.problems)
        terms = []
    try:
        phrases = traditional.load_phrases(layout.data / traditional.PHRASES, f"data/{traditional.PHRASES}")
    except InputError as err:
        problems.extend(err.problems)
        phrases = []
    try:
        search_terms = synonyms.load(layout.data / synonyms.FILE, f"data/{synonyms.FILE}", synonyms.site_pages(cat))
    except InputError as err:
        problems.extend(err.problems)
    pages: list[Page] = []
    slugs: dict[str, str] = {}
    post_texts: dict[str, dict[str, str]] = {}
    catalogue_names = matching.names(cat)
    for post in posts:
        texts_by_lang = {v.lang: " ".join([v.title, *(p.text for p in v.paragraphs)]) for v in post.versions}
        if "zh" in texts_by_lang:
            texts_by_lang["zh"] = chinese.to_simplified(texts_by_lang["zh"])
        if not (post.version("en") or post.version("zh")):
            problems.append(Problem(post.seed, 1, "seed has neither an English nor a Chinese version",
                                    "add the English or Chinese text of the post"))
            continue
        post_fixes = corrections.for_post(fixes, post)
        meta = news.news_meta(post, matching.mentions(catalogue_names, {k: v for k, v in texts_by_lang.items() if k in ("en", "zh")}),
                              post_fixes)
        slugs[post.seed] = meta.slug
        post_texts[meta.slug] = texts_by_lang
        if post.version("en") is None:  # Chinese only: published in Chinese, a notice in English
            zh_page = news.chinese_page(post, meta, names)
            if zh_page.path not in editor_paths:
                pages.append(zh_page)
            if f"news/{meta.slug}.md" not in editor_paths:
                pages.append(news.missing_english_page(zh_page.meta, names))
            continue
        pages.append(news.english_page(post, meta, names, post_fixes))
        if lang_path(f"news/{meta.slug}.md", "zh") in editor_paths:
            continue  # an editor's translation wins over anything generated
        pages.append(news.chinese_page(post, meta, names) or news.missing_chinese_page(meta, names))
    for item in editor:
        if item.meta.lang == "en" and lang_path(item.path, "zh") not in editor_paths | {p.path for p in pages}:
            pages.append(news.missing_chinese_page(item.meta, names))
    problems.extend(_slug_problems(pages, editor))

    index = SourceIndex(posts, slugs, texts)
    problems.extend(index.problems(cat))
    problems.extend(consistency_problems(cat.figures))
    if fixes_ok:  # a broken corrections file would make every figure's correction look wrong too
        problems.extend(corrections.figure_problems(cat.figures, fixes))
    if problems:  # pages are rendered only from valid input
        raise InputError(problems)
    # An editor's translation of a generated item names what the original names
    generated_en = {p.meta.slug: p.meta for p in pages if p.meta and p.meta.lang == "en"}
    editor = [_inherit_tags(item, generated_en.get(item.meta.slug)) for item in editor]
    repost = {slugs[p.seed]: news.reposted(p) for p in posts if p.seed in slugs}  # the blog's date, shown second
    from_editors = [news.editor_page(item, names, repost.get(item.meta.slug)) for item in editor]
    pages.extend(from_editors)
    metas = [p.meta for p in pages if p.meta]
    pages.extend(news_indexes(metas))
    pages.extend(knowledge_pages(cat, metas, index, slugs))
    pages.extend(invest_pages(cat, index))
    for item in editor:
        post_texts.setdefault(item.meta.slug, {})[item.meta.lang] = f"{item.meta.title} {item.body}"
    pages.extend(glossary.glossary_pages(terms, post_texts, metas))
    site_names = site_config.site_names(layout.root)
    pages.extend(home_pages(cat, metas, index, site_names))
    url = site_config.site_url(layout.root)
    convert = traditional.converter(tuple(phrases))
    hant_news = [traditional.traditional_meta(m, convert) for m in metas if m.lang == "zh"]
    kit = investor_kit(cat, metas + hant_news, index, site_names, url, layout.root, convert)
    pages.extend(kit.attach(pages))

    editor_files = _editor_files(layout, blank)
    files = dict(editor_files)
    # The Traditional site: every Simplified page again, converted, unless an editor replaced it
    overrides = {path for path in editor_files if traditional.is_override(path)}
    for path in traditional.of_hidden(overrides, hidden_paths) | (overrides & hidden_hant):
        del files[path]
        overrides.discard(path)
    # A Traditional draft leaves its page to the conversion, as if it were not there
    editor_files = {path: data for path, data in editor_files.items() if path not in hidden_hant}
    problems.extend(traditional.override_problems(overrides, {p.path for p in pages} | set(files)))
    zh_pages = [p for p in pages if p.lang == "zh"]
    hant_pages = traditional.pages(zh_pages, overrides, convert)
    kit.attach(hant_pages)  # their own fact sheet
    pages.extend(hant_pages)
    page_clashes = _clash_problems(editor_files, pages, from_editors)
    problems.extend(page_clashes)
    for path in hidden_paths:  # drafts stay out of the published site
        del files[path]
    tooltips = glossary.abbreviations(terms)  # the editors' snippet for English and Simplified pages
    # Each page's tooltips in its own language; Traditional pages: English terms as they are,
    # Chinese ones and explanations converted
    tips = {lang: glossary.abbreviations(terms, lang) for lang in ("en", "zh")}
    tips[traditional.LANG] = traditional.abbreviations(tips["zh"], convert)
    # While the fact sheets are drawn, every page but those showing their sizes, the other files,
    # and the checks that need only the paths of what is written
    texts = batch.texts([p for p in pages if p.path not in kit.waiting], lambda page: tips[page.lang])
    generated = dict(sources)
    generated.update(contacts.contact_files([o for o in cat.offices if o.contact], convert, traditional.LANG))
    generated.update(kit.files)
    generated.update(feeds.feed_files(metas + hant_news, url, site_names))
    generated["robots.txt"] = render("robots.txt.j2", sitemap=url + "sitemap.xml").encode("utf-8")
    flagged = set(inconsistent(cat.figures))
    for lang in ("en", "zh"):
        for name, svg in charts.chart_files(cat.figures, flagged, lang).items():
            generated[lang_path(f"figures/{name}", lang)] = svg
    generated.update(traditional.files({**files, **generated}, convert))
    written = set(generated) | kit.sheets
    clashes = _clash_problems(editor_files, written)
    problems.extend(clashes)
    problems.extend(editor_pages.file_problems(layout, editor_files,
                                               {p.file[len("docs/"):] for p in clashes + page_clashes}))
    problems.extend(editor_links.link_problems(layout, written | set(files) | {p.path for p in pages}, url,
                                               drafts=hidden_paths | hidden_hant))
    plugin_data = {  # the tooltips as snippets, for editors' hand-written Traditional pages
        site_config.SNIPPETS[0]: tooltips.encode("utf-8"),
        traditional.TOOLTIPS: tips[traditional.LANG].encode("utf-8"),
        **kit.plugin_data,
        # The pages whose text is all the generator's: hooks/sanitise.py cleans every other one
        GENERATED: json.dumps(_generated_pages(pages, from_editors), indent=0).encode("utf-8"),
        # The search indexes' synonyms, per language (publish/search.py)
        synonyms.PLUGIN_FILE: json.dumps(synonyms.per_language(search_terms, convert, traditional.LANG),
                                         ensure_ascii=False, indent=0).encode("utf-8"),
        # The CMS's configuration, from the same schema and catalogue (publish/admin.py)
        admin.CONFIG: _cms_config(cat, sorted({m.slug for m in metas}), site_config.cms_settings(layout.root), url),
    }
    kit.finish()
    if problems:
        raise InputError(problems)
    texts.update(batch.texts([p for p in pages if p.path in kit.waiting], lambda page: tips[page.lang]))
    files.update((page.path, texts[page.path]) for page in pages)
    files.update(generated)
    files.update(kit.files)  # with the sheets
    return Generated(posts=posts, catalogue=cat, pages=pages, files=files, plugin_data=plugin_data)


def build(layout: Layout, drafts: bool = False) -> list[str]:
    """Generate and write the built docs tree; returns the paths that changed."""
    drawing.start_early(layout.cache, factsheet.CACHED)  # a cold build's fact sheets: WeasyPrint imported now
    try:
        generated = generate(layout, drafts)
    finally:
        drawing.stop_early()
    changed = writer.sync(generated.plugin_data, layout.plugin_data)
    return changed + writer.sync(generated.files, layout.built_docs)


def _cms_config(cat: Catalogue, slugs: list[str], settings: dict, url: str) -> bytes:
    """admin.dump(admin.config(…)); the preview writes it out again only when what it is made of
    changed (core/memo.py)."""
    return memo.encoded(memo.text(("cms config", cat, slugs, settings, url),
                                  lambda: admin.dump(admin.config(cat, slugs, settings, url)).decode("utf-8")))


def _generated_pages(pages: list, from_editors: list[Page]) -> list[str]:
    """Paths of the pages made by the generator alone: not an editor's item, nor its conversion."""
    editors = {p.path for p in from_editors}
    return sorted(p.path for p in pages
                  if p.path not in editors and getattr(getattr(p, "source", None), "path", None) not in editors)


def _inherit_tags(item: EditorItem, original: NewsMeta | None) -> EditorItem:
    meta = item.meta
    if original is None or meta.lang != "zh" or meta.sectors or meta.parks or meta.projects:
        return item
    return replace(item, meta=replace(meta, sectors=original.sectors, parks=original.parks, projects=original.projects))


def _editor_files(layout: Layout, blank: frozenset[Path]) -> dict[str, bytes]:
    files = {}
    for path in files_in(layout.docs):  # NAME.en.md (the CMS's English) is NAME.md; both at once: editor_pages says so
        if path.name in SYSTEM_FILES:  # what Windows leaves beside images: neither an error nor published
            continue
        if path in blank:
            continue
        # the preview keeps an unchanged file's bytes (core/memo.py): the writer knows them written
        files.setdefault(editor_name(path.relative_to(layout.docs).as_posix()),
                         memo.per_file("bytes", path, "", path.read_bytes))
    return files


def _clash_problems(editor_files: dict[str, bytes], generated, editor_pages: list[Page] = ()) -> list[Problem]:
    """An editor file at a path the generator writes: an error naming the editor's file, never a silent winner."""
    own = {id(p) for p in editor_pages}  # an editor's news item is rendered at its own path
    paths = [p.path for p in generated if id(p) not in own] if isinstance(generated, list) else list(generated)
    return [Problem(f"docs/{path}", 1, "the generator writes this path itself",
                    "rename or remove this file; generated pages, feeds, vCards and sources cannot be replaced")
            for path in sorted(set(paths)) if path in editor_files]


def _slug_problems(pages: list[Page], editor: list[EditorItem]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], str] = {}
    owners = [(p.meta.slug, p.meta.lang, p.meta.generated_from) for p in pages if p.meta and p.meta.lang == "en"]
    owners += [(i.meta.slug, i.meta.lang, i.file or f"docs/{i.path}") for i in editor]  # before editor pages join `pages`
    for slug, lang, owner in owners:
        if (slug, lang) in seen and seen[(slug, lang)] != owner:
            first = seen[(slug, lang)]
            if editor_name(first) == editor_name(owner):  # NAME.md and NAME.en.md: "two English versions" says it
                continue
            problems.append(Problem(owner, 1, f"duplicate slug '{slug}' (also used by {first})",
                                    f"the English page '{slug}' is made from {first}: remove this file (a correction "
                                    "of the seed's English goes in data/corrections.yml)" if first.startswith("seeds/")
                                    else "give one of them another title or file name"))
        seen.setdefault((slug, lang), owner)
    known_en = {slug for slug, lang, _ in owners if lang == "en"}
    for item in editor:
        if item.meta.lang == "zh" and item.meta.slug not in known_en:
            problems.append(Problem(f"docs/{item.path}", 1, "Chinese page without its English sibling",
                                    f"add docs/news/{item.meta.slug}.md or rename this file to match an English item"))
    return problems
