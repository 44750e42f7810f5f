"""Which page exists in which language, and at what address: mkdocs-static-i18n's rules
for the suffix structure with fallback_to_default (mkdocs.yml), for a build that holds
one language only and must still link to the others.

`x.md` is the default language's page and every other language's fallback; `x.zh.md`
is the Simplified Chinese one. A language's pages live under its `link` (/zh/), the
default language's at the root. The switcher links and the sitemap entries made here are
the ones the plugin makes when it builds every language in one process.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from mkdocs.structure.files import File

# Each language's build leaves here, in its own output folder, its folder in the site and its
# sitemap entries, for the merge
BUILT = ".language-build.json"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    link: str  # as the plugin sets it from mkdocs.yml: "/" for the default language, "/zh/" otherwise

    @property
    def prefix(self) -> str:
        """Folder of this language's pages in the site: "" or "zh/"."""
        return self.link.lstrip("/")


def site_languages(i18n_config) -> list[Language]:
    """The languages of mkdocs.yml in their order. `link` is the one setting build_only_locale
    leaves as written (it makes the one built language the default)."""
    return [Language(lang.locale, lang.name, lang.link) for lang in i18n_config.languages]


def split(src_uri: str, codes: set[str]) -> tuple[str, str | None]:
    """`news/x.zh.md` -> (`news/x.md`, "zh"); `news/x.md` -> (`news/x.md`, None)."""
    path = PurePosixPath(src_uri)
    stem = PurePosixPath(path.stem)
    if stem.suffix and stem.suffix[1:] in codes:
        return str(path.with_name(stem.stem + path.suffix)), stem.suffix[1:]
    return src_uri, None


class Alternates:
    """Every language's address of every page, from the documentation pages' source paths."""

    def __init__(self, languages: list[Language], page_src_uris: list[str], use_directory_urls: bool):
        self.languages = languages
        codes = {lang.code for lang in languages}
        default = next(lang.code for lang in languages if lang.prefix == "")
        found: dict[str, set[str | None]] = {}
        for src_uri in page_src_uris:
            norm, code = split(src_uri, codes)
            found.setdefault(norm, set()).add(code)
        self._base_url = {norm: File(norm, "", "", use_directory_urls).url for norm in found}
        # A language has a page when it has its own version or the default one falls back to it
        self._has = {lang.code: {norm for norm, versions in found.items()
                                 if versions & {lang.code, None, default}} for lang in languages}

    def url(self, norm_src_uri: str, language: Language) -> str | None:
        """The site-relative URL of a page in a language (`zh/news/x/`), None if it has none."""
        if norm_src_uri not in self._has[language.code]:
            return None
        url = self._base_url[norm_src_uri]
        return (language.prefix or url) if url == "./" else language.prefix + url

    def switcher(self, norm_src_uri: str, site_url: str) -> list[dict]:
        """Material's `extra.alternate` for one page: each language's version of it, or its home
        page when it has none (and on the home pages themselves, absolute as the plugin writes them)."""
        base = urlsplit(site_url).path.rstrip("/")
        entries = []
        for lang in self.languages:
            link = self.url(norm_src_uri, lang)
            if link is None or norm_src_uri == "index.md":
                link = base + lang.link
            entries.append({"name": lang.name, "link": link, "lang": lang.code})
        return entries

    def sitemap_links(self, norm_src_uri: str, code: str, site_url: str) -> list[tuple[str, str]]:
        """(language, absolute URL) of a page's versions for the sitemap: its own first, then the others'."""
        order = sorted(self.languages, key=lambda lang: (lang.code != code, lang.code))
        links = []
        for lang in order:
            url = self.url(norm_src_uri, lang)
            if url is not None:
                links.append((lang.code, site_url + ("" if url == "./" else url)))
        return links
