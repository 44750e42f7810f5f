"""The editors' CMS at /admin/: Decap CMS, configured from the project's one schema.

`config()` writes Decap's configuration (admin/config.yml) from the news schema
(read/schema.py NewsMeta and its required keys) and the catalogue readers (read/catalogue.py
KEYS: the keys each catalogue accepts and which an entry must have; read/records.py: their
types), with the catalogue's ids as the choices of every reference. Nothing is written twice by
hand: a key added to the schema or to a catalogue shows in the CMS, or, if no widget fits its
type, `config()` fails and so does the build and tests/test_cms.py.

`install()` puts the CMS into the merged site (publish/build.py, after the language builds and
before Pagefind): static files only, copied from node_modules (never a CDN), not MkDocs pages,
so /admin/ is in no sitemap, feed, language switch or search index.
"""
from __future__ import annotations

import datetime as dt
import functools
import shutil
import typing
from decimal import Decimal
from pathlib import Path

import yaml

from ..core import frontmatter, periods, units
from ..core.paths import project_root
from ..core.slugs import SLUG
from ..read import catalogue as catalogue_reader
from ..read import records, schema

CONFIG = "cms-config.yml"  # in build/plugin-data/, written by the generator (pipeline.py)
FILES = Path(__file__).with_name("admin_files")  # index.html, zh/index.html, portal-cms.js
# The catalogues editors maintain in the CMS, and the record type of each entry
CATALOGUES = {"parks": records.Park, "offices": records.Office, "figures": records.Figure}
# News keys the CMS leaves out, and why (a test holds every other NewsMeta field to the CMS)
NEWS_LEFT_OUT = {
    "lang": "told by the file name (NAME.en.md, NAME.zh.md)",
    "slug": "the file name is the slug",
    "seed": "set only on translations of generated items",
    "generated_from": "set only on files the generator writes",
}
# Keys that name another catalogue's entries: chosen from its ids, never typed
REFERENCES = {"sectors": "sectors", "sectors_inferred": "sectors", "parks": "parks", "projects": "projects",
              "district": "parks", "park": "parks", "place": "places"}
CHOICES = {"kind": records.PARK_KINDS, "tier": records.TIERS, "status": records.STATUSES,
           "unit": tuple(units.UNITS), "qualifier": tuple(units.QUALIFIERS), "origin": schema.EDITOR_ORIGINS}
PATTERNS = {  # [regular expression, the message Decap shows when a value does not match]
    # Decap names the file after the title: a title of a paragraph made a name the disk refused
    "title": ["^[\\s\\S]{1,200}$", "at most 200 characters · 不超过200个字符"],
    "id": [f"^{SLUG.pattern}$", "lower-case words joined by '-' (new-energy-storage) · 小写英文单词以“-”连接"],
    "seed": ["^[0-9]{3}$", "the seed's three-digit number, e.g. 004 · 种子文件的三位编号，如 004"],
    "change": [catalogue_reader.CHANGE, "a percentage as the seed states it: +66% or -3.5% · 百分比，如 +66%"],
    "source_published": [r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$",
                         "YYYY-MM-DDTHH:MM+08:00 (China time) · 北京时间"],
}
_AMOUNT = [r"^\d[\d,]*(\.\d+)?( (thousand|million|billion|trillion))?$",
           "a number as the seed writes it: 186, 13,000, 33.35 billion · 数字，如 33.35 billion"]
_PERIOD = [r"^(as of \d{4}-\d{2}(-\d{2})?|\d{4}(-(Q[1-4]|\d{2}))?(/\d{4}(-(Q[1-4]|\d{2}))?)?)$",
           periods.HINT]


class ConfigError(Exception):
    """A schema key with no widget for its type: give it one here (`_widget`)."""


@functools.lru_cache(maxsize=None)
def _labels() -> dict:
    return frontmatter.safe_load((Path(__file__).parent / "cms_labels.yml").read_text(encoding="utf-8"))


def _label(name: str) -> str:
    """English · Chinese (cms_labels.yml): /admin/zh/ shows the same labels as /admin/."""
    label = _labels().get(name)
    return f"{label['en']} · {label['zh']}" if label else name.replace("_", " ").capitalize()


def _text(name: str, required: bool, hint: str = "") -> dict:
    """A text in English and Simplified Chinese ({en: …, zh: …}), as the catalogues hold them."""
    return {"name": name, "label": _label(name), "widget": "object", "required": required, "collapsed": False,
            **({"hint": hint} if hint else {}),
            "fields": [{"name": "en", "label": _label("en"), "widget": "string", "required": required},
                       {"name": "zh", "label": _label("zh"), "widget": "string", "required": required}]}


def _source(name: str, required: bool) -> dict:
    return {"name": name, "label": _label(name), "widget": "object", "required": required, "collapsed": False,
            "hint": "the seed and its sentence, word for word · 种子文件与原句（逐字）",
            "fields": [{"name": "seed", "label": _label("seed"), "widget": "string", "required": required,
                        "pattern": PATTERNS["seed"]},
                       {"name": "quote", "label": _label("quote"), "widget": "text", "required": required}]}


def _select(name: str, options: list, required: bool, multiple: bool) -> dict:
    return {"name": name, "label": _label(name), "widget": "select", "required": required,
            "multiple": multiple, "options": options}


def _base(hint) -> tuple[object, bool]:
    """(the type, whether it is a list) of a field's type hint, Optional unwrapped."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is list:
        return args[0], True
    if origin is dict:
        return hint, False
    if args and origin is not None:  # X | None
        return _base(args[0])
    return hint, False


def _investor_facts(name: str, required: bool) -> dict:
    """{topic: figure}, one optional figure per topic of records.TOPICS, each with the units its
    topic accepts (the reader's own list), its source (address or document) and the day checked."""
    # Decap checks an optional object's required fields even when it is left empty: the fields
    # are optional here, and the reader names what a figure lacks (make check, the pull request)
    def fact(topic: str, units_: tuple) -> dict:
        return {"name": topic, "label": _label(topic), "widget": "object", "required": False, "collapsed": True,
                "fields": [{"name": "value", "label": _label("value"), "widget": "string", "required": False, "pattern": _AMOUNT},
                           _select("unit", list(units_), False, multiple=False),
                           {"name": "period", "label": _label("period"), "widget": "string", "required": False,
                            "pattern": _PERIOD, "hint": periods.HINT},
                           _text("label", False),
                           {"name": "source", "label": _label("source"), "widget": "object", "required": False,
                            "collapsed": False, "fields": [
                                {"name": "url", "label": _label("url"), "widget": "string", "required": False,
                                 "pattern": [r"^https?://\S+$", "https://… or http://…"]},
                                _text("document", False)]},
                           _widget("checked", dt.date, False, {})]}
    return {"name": name, "label": _label(name), "widget": "object", "required": required, "collapsed": True,
            "fields": [fact(topic, units_) for topic, units_ in records.TOPICS.items()]}


def _widget(name: str, hint, required: bool, ids: dict[str, list]) -> dict:
    """The Decap field of one schema key, by its name (references, choices) and its type."""
    base, many = _base(hint)
    if name == "investor_facts":
        return _investor_facts(name, required)
    if base is records.OfficeLink:  # the office a source names: chosen from data/offices.yml, with its quote
        return {"name": name, "label": _label(name), "widget": "object", "required": required, "collapsed": True,
                "fields": [_select("id", ids["offices"], required, multiple=False), _source("source", required)]}
    if name in REFERENCES:
        return _select(name, ids[REFERENCES[name]], required, multiple=many)
    if name in CHOICES:
        return _select(name, list(CHOICES[name]), required, multiple=many)
    if base is records.Text and not many:
        return _text(name, required)
    if base is records.Source:
        if many:
            return {"name": name, "label": _label(name), "widget": "list", "required": required,
                    "summary": "{{fields.seed}}: {{fields.quote}}",
                    "fields": _source("source", True)["fields"]}
        return _source(name, required)
    if base is records.Fact and many:
        return {"name": name, "label": _label(name), "widget": "list", "required": required,
                "summary": "{{fields.en}}", "min": 1 if required else 0, "collapsed": False,
                "fields": [{"name": "en", "label": _label("en"), "widget": "text", "required": True},
                           {"name": "zh", "label": _label("zh"), "widget": "text", "required": True},
                           _source("source", True)]}
    if typing.get_origin(base) is dict:  # aliases: {en: [...], zh: [...]}
        return {"name": name, "label": _label(name), "widget": "object", "required": required, "collapsed": True,
                "fields": [{"name": "en", "label": _label("en"), "widget": "list", "required": False},
                           {"name": "zh", "label": _label("zh"), "widget": "list", "required": False}]}
    if base is bool and not many:
        return {"name": name, "label": _label(name), "widget": "boolean", "required": False, "default": False}
    if base is dt.date and not many:
        return {"name": name, "label": _label(name), "widget": "datetime", "required": required,
                "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
                "picker_utc": True}
    if base is Decimal and not many:
        return {"name": name, "label": _label(name), "widget": "string", "required": required, "pattern": _AMOUNT}
    if base is periods.Period:
        return {"name": name, "label": _label(name), "widget": "string", "required": required, "pattern": _PERIOD,
                "hint": periods.HINT}
    if base in (str, dt.datetime) and not many:
        field = {"name": name, "label": _label(name), "widget": "string", "required": required}
        if name in PATTERNS:
            field["pattern"] = PATTERNS[name]
        return field
    if base is str and many:
        return {"name": name, "label": _label(name), "widget": "list", "required": required}
    raise ConfigError(f"no CMS widget for '{name}' ({hint}): add one in generator/publish/admin.py (_widget)")


def news_fields(ids: dict[str, list]) -> list[dict]:
    """Every NewsMeta key the CMS edits, in the schema's order, then the body."""
    hints = typing.get_type_hints(schema.NewsMeta)
    out = []
    for name in schema.KEYS:
        if name in NEWS_LEFT_OUT:
            continue
        field = _widget(name, hints[name], name in schema.REQUIRED, ids)
        # Translated per language: the words; the same in both files: date, tags and draft
        field["i18n"] = "translate" if name in ("title", "summary", "source", "source_place", "origin") else "duplicate"
        if name == "summary":
            field["widget"] = "text"
        if name == "title":  # a string that refuses a Chinese English title (admin_files/portal-cms.js)
            field["widget"] = "title"
        out.append(field)
    out.append({"name": "body", "label": _label("body"), "widget": "markdown", "i18n": "translate", "required": True})
    return out


def catalogue_fields(kind: str, ids: dict[str, list]) -> list[dict]:
    """The fields of one entry of data/<kind>.yml: every key the reader accepts, required as it requires."""
    hints = typing.get_type_hints(CATALOGUES[kind])
    return [_widget(name, hints.get(name), required, ids)
            for name, required in catalogue_reader.KEYS[kind].items()]


def _options(entries, with_city: bool = False) -> list[dict]:
    out = [{"label": f"{e.name.en} · {e.name.zh} ({e.id})", "value": e.id} for e in entries]
    if with_city:
        out.insert(0, {"label": f"Zhaoqing (whole city) · 肇庆全市 ({records.CITY})", "value": records.CITY})
    return out


def config(cat: records.Catalogue, news_slugs: list[str], settings: dict, site_url: str) -> dict:
    """Decap CMS's configuration (admin/config.yml) for this catalogue."""
    ids = {"sectors": _options(cat.sectors), "parks": _options(cat.parks), "projects": _options(cat.projects),
           "places": _options(cat.parks, with_city=True), "offices": _options(cat.offices)}
    backend = {"name": "github", "repo": settings.get("repo", "OWNER/REPO"), "branch": settings.get("branch", "main"),
               "squash_merges": True,
               "commit_messages": {"create": "CMS: new {{collection}} “{{slug}}”",
                                   "update": "CMS: {{collection}} “{{slug}}”",
                                   "delete": "CMS: delete {{collection}} “{{slug}}”",
                                   "uploadMedia": "CMS: upload “{{path}}”", "deleteMedia": "CMS: delete “{{path}}”"}}
    for key in ("base_url", "auth_endpoint"):  # the OAuth endpoint (README: Editing in the browser)
        if settings.get(key):
            backend[key] = settings[key]
    hant_fields = [_select("slug", sorted(news_slugs), True, multiple=False)] + [
        {k: v for k, v in f.items() if k != "i18n"} | ({"widget": "string"} if f["name"] == "title" else {})
        for f in news_fields(ids)]
    hant_fields[0].update(label="News item · 新聞條目",
                          hint="the item this page translates · 本頁所譯的新聞")
    catalogues = [{
        "name": kind, "label": f"{_label(kind)} · data/{kind}.yml", "file": f"data/{kind}.yml",
        "fields": [{"name": "entries", "label": _label(kind), "widget": "list", "collapsed": False,
                    "summary": "{{fields.id}}", "fields": catalogue_fields(kind, ids)}],
    } for kind in CATALOGUES]
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every save is a pull request: check.yml runs on it
        "local_backend": True,  # decap-server on this machine (README); only tried on localhost
        "site_url": site_url.rstrip("/"),
        "display_url": site_url.rstrip("/"),
        "locale": "en",
        "media_folder": "docs/assets/images",
        "public_folder": "../assets/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": ["en", "zh"], "default_locale": "en"},
        "collections": [
            {"name": "news", "label": "News · 新闻", "label_singular": "News item · 新闻",
             "folder": "docs/news", "extension": "md", "format": "yaml-frontmatter", "create": True,
             "identifier_field": "title", "slug": "{{slug}}", "summary": "{{title}} ({{date}})",
             "sortable_fields": ["date", "title"], "i18n": True, "fields": news_fields(ids)},
            {"name": "news-traditional", "label": "Traditional news · 繁體新聞",
             "label_singular": "Traditional version · 繁體版本", "folder": "docs/news", "extension": "zh-hant.md",
             "format": "yaml-frontmatter", "create": True, "identifier_field": "slug", "slug": "{{slug}}",
             "summary": "{{title}} ({{slug}})", "fields": hant_fields},
            # yaml-list: registered by portal-cms.js; each file is a YAML list, as the reader reads it
            {"name": "catalogues", "label": "Catalogues · 资料目录", "format": "yaml-list", "extension": "yml",
             "files": catalogues},
        ],
    }


class _PlainDumper(yaml.SafeDumper):
    """Every value written out where it is used: no &id001 anchors for an editor reading the file."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump(data: dict) -> bytes:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")


class InstallError(Exception):
    pass


def node_modules(root: Path) -> Path:
    """The project's node_modules (a copy of the project uses the original's)."""
    for base in (root, project_root()):
        if (base / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
            return base / "node_modules"
    raise InstallError("node_modules/decap-cms is missing: run `npm ci` (make build does)")


def install(site: Path, config_file: Path, root: Path) -> None:
    """Put the CMS into `site`/admin/: its pages, the configuration and the bundle from node_modules."""
    if not config_file.is_file():
        raise InstallError(f"{config_file} is missing: generate first (python -m generator build)")
    modules = node_modules(root)
    admin = site / "admin"
    if admin.exists():
        raise InstallError("the site already has an admin/ folder: /admin/ is the CMS's")
    shutil.copytree(FILES, admin)
    shutil.copy2(config_file, admin / "config.yml")
    dist = modules / "decap-cms" / "dist"
    bundle = admin / "decap"
    bundle.mkdir()
    # The entry and the chunks it loads on demand (from its own folder), their licences, no source maps
    for path in sorted(dist.iterdir()):
        if path.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
            shutil.copy2(path, bundle / path.name)
    shutil.copy2(modules / "js-yaml" / "dist" / "js-yaml.min.js", admin / "js-yaml.min.js")
    styles = sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "stylesheets").glob("*.css"))
    for page in (admin / "index.html", admin / "zh" / "index.html"):
        depth = "../" * (len(page.relative_to(site).parts) - 1)
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("{{ preview_styles }}", " ".join(depth + s for s in styles)), encoding="utf-8")
