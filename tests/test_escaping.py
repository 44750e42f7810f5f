"""Escape by construction: whatever text a seed or a catalogue holds, the generator either refuses
it with a problem naming file and line, or nothing it builds carries live markup, an unsafe link
or a spreadsheet formula: pages (rendered as MkDocs renders them), SVG, XML, CSV, vCards, JSON-LD
and the fact sheets' HTML (what WeasyPrint turns into the PDFs and their links)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import vobject
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.core.errors import InputError
from generator.kit import factsheet
from generator.core.paths import Layout

from bad_input_steps import edit, expect_rejected, line_of, write
from conftest import ROOT, copy_project, run_generator, seed

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "' onmouseover='alert(1)",
    "[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)",
    "![x](data:text/html;base64,PHNjcmlwdD4=)", "<iframe src=//evil.example>", "]]><x>", "R&D & <b>", "{{ 7*7 }}",
    "{% raw %}", "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
    "<style>body{display:none}</style>", "<!-- x", "`<script>`", "*[x]: <script>", ":material-alert:",
]
PAYLOADS = st.one_of(st.sampled_from(HOSTILE),
                     st.tuples(st.text(alphabet="ab 中", max_size=4), st.sampled_from(HOSTILE)).map("".join))

# Where a payload goes: (seed prefix, line) or (catalogue, index, key path)
SEED_000 = seed("000")
SEED_LINES = {"title": (3, 5), "paragraph": (9,), "address": (41,), "tel": (31,), "website": (37,), "office": (39,)}
CATALOGUE_FIELDS = [("parks", 0, ("name", "en")), ("parks", 0, ("name", "zh")), ("parks", 1, ("facts", 0, "en")),
                    ("figures", 0, ("label", "en")), ("figures", 0, ("label", "zh")), ("offices", 0, ("name", "zh")),
                    ("sectors", 0, ("name", "en")), ("projects", 0, ("name", "en"))]

ALLOWED_SCHEMES = {"", "http", "https", "mailto", "tel"}
LIVE_TAGS = {"script", "iframe", "object", "embed", "base", "form", "style", "meta", "link", "foreignobject"}
URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "data"}
FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?%?$")


def scheme(url: str) -> str:
    cleaned = "".join(ch for ch in url if ch > " ").lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", cleaned)
    return match.group(1) if match else ""


class _Live(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            inert_image = tag == "img" and name == "src" and (value or "").startswith("data:image/")  # QR codes
            if name in URL_ATTRS and value and scheme(value) not in ALLOWED_SCHEMES and not inert_image:
                self.found.append(f"{tag} {name}={value!r}")


def live_markup(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def _markdown() -> markdown.Markdown:
    # The extensions of mkdocs.yml that turn text into markup (snippets only includes build files)
    from material.extensions.emoji import to_svg, twemoji
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "abbr", "tables", "footnotes", "toc",
                                         "pymdownx.emoji"],
                             extension_configs={"pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg}})


def unsafe_outputs(files: dict[str, bytes], plugin_data: dict[str, bytes]) -> list[str]:
    """Every live element, unsafe link, formula or broken document among the built files."""
    found, md = [], _markdown()
    for path, data in files.items():
        kind = path.rsplit(".", 1)[-1]
        if kind == "md":
            text = data.decode("utf-8")
            body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
            found += [f"{path}: {x}" for x in live_markup(md.reset().convert(body))]
        elif kind in ("svg", "xml"):
            try:
                tree = ET.fromstring(data)
            except ET.ParseError as err:
                found.append(f"{path}: not well-formed ({err})")
                continue
            feed = path.startswith("feed_rss")
            for el in tree.iter():
                tag = el.tag.rsplit("}", 1)[-1].lower()
                if feed:  # a feed reader shows titles and descriptions as HTML
                    found += [f"{path}: {tag}: {x}" for x in live_markup(el.text or "")]
                elif tag in LIVE_TAGS:
                    found.append(f"{path}: <{tag}>")
                for name, value in el.attrib.items():
                    name = name.rsplit("}", 1)[-1].lower()
                    if name.startswith("on") or (name in URL_ATTRS | {"href"} and scheme(value) not in ALLOWED_SCHEMES):
                        found.append(f"{path}: {tag} {name}={value!r}")
        elif kind == "csv":
            for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
                found += [f"{path}: formula {cell!r}" for cell in row if FORMULA.match(cell) and not NUMBER.match(cell)]
        elif kind == "vcf":
            cards = list(vobject.readComponents(data.decode("utf-8")))
            if len(cards) != 1:
                found.append(f"{path}: {len(cards)} cards")
            for url in getattr(cards[0], "url_list", []):
                if scheme(url.value) not in ALLOWED_SCHEMES - {""}:
                    found.append(f"{path}: URL {url.value!r}")
        elif kind == "pdf":  # the fact sheet's HTML (see the fixture): its links become the PDF's
            body = data.decode("utf-8").split("<body", 1)[1]  # the head is the template's own style
            found += [f"{path}: {x}" for x in live_markup("<body" + body)]
        elif kind == "json":
            json.loads(data)
    for page, scripts in json.loads(plugin_data.get("structured-data.json", b"{}")).items():
        found += [f"structured data of {page}: '<'" for text in scripts if "<" in text]
    return found


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("escaping") / "p")


@pytest.fixture(scope="module")
def sheets_as_html():
    # The fact sheets' HTML instead of their PDFs: WeasyPrint takes seconds per sheet, and the
    # HTML is what it draws (its <a href> become the PDF's /URI links)
    original = factsheet.draw_pdfs
    factsheet.draw_pdfs = lambda sheets, cache: lambda: {name: html.encode("utf-8") for name, (html, _) in sheets.items()}
    yield
    factsheet.draw_pdfs = original


def _put_in_seed(root: Path, where: str, payload: str) -> None:
    path = root / "seeds" / SEED_000.name
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    for n in SEED_LINES[where]:
        key, sep, _ = lines[n - 1].partition(": ")
        lines[n - 1] = f"{key}: {payload}" if where in ("address", "tel", "website") else payload
    path.write_text("\n".join(lines), encoding="utf-8")


def _put_in_catalogue(root: Path, field: tuple, payload: str) -> None:
    name, index, keys = field
    entries = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    target = entries[index]
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = payload
    (root / "data" / f"{name}.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


def _restore(root: Path) -> None:
    shutil.copy2(SEED_000, root / "seeds" / SEED_000.name)
    for path in (ROOT / "data").glob("*.yml"):
        shutil.copy2(path, root / "data" / path.name)


@pytest.fixture(scope="module")
def real_site(sandbox, sheets_as_html):
    """What the generator makes of the real inputs."""
    _restore(sandbox)
    return pipeline.generate(Layout(sandbox))


def test_the_real_site_carries_no_live_markup(real_site):
    assert unsafe_outputs(real_site.files, real_site.plugin_data) == []


def test_the_check_finds_live_markup():
    # The detector itself, on what it must catch
    assert live_markup('<p><a href=" JaVaScRiPt:alert(1)">x</a></p>') and live_markup("<img src=x onerror=y>")
    assert unsafe_outputs({"a.csv": b"x\r\n=1+1\r\n", "b.svg": b"<svg><script/></svg>"}, {}) == [
        "a.csv: formula '=1+1'", "b.svg: <script>"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(sorted(SEED_LINES) + [f"catalogue:{i}" for i in range(len(CATALOGUE_FIELDS))]),
       payload=PAYLOADS)
def test_hostile_text_anywhere_is_refused_or_inert(sandbox, sheets_as_html, real_site, where, payload):
    _restore(sandbox)
    if where.startswith("catalogue:"):
        _put_in_catalogue(sandbox, CATALOGUE_FIELDS[int(where.split(":")[1])], payload)
    else:
        _put_in_seed(sandbox, where, payload)
    try:
        generated = pipeline.generate(Layout(sandbox))
    except InputError as err:  # refused: each problem names a file and a line, on one line
        assert err.problems and all(p.line >= 1 and "\n" not in str(p) for p in err.problems)
        return
    # Every file the payload changed (the others are the real site's, checked above), and the
    # structured data whole (one file for every page)
    changed = {path: data for path, data in generated.files.items() if real_site.files.get(path) != data}
    assert changed, "the payload reached no output: the sweep would test nothing"
    assert unsafe_outputs(changed, generated.plugin_data) == []


@pytest.mark.parametrize("line, value", [("Website", "javascript:alert(1)"), ("Website", "https://x.example/\"><script>"),
                                         ("Tel", "<b>+86</b>"), ("Email", "a@b.example?subject=<script>")])
def test_a_contact_field_the_site_would_not_publish_names_file_and_line(tmp_path, line, value):
    root = copy_project(tmp_path / "p")
    path = root / "seeds" / SEED_000.name
    text = path.read_text(encoding="utf-8")
    old = next(l for l in text.splitlines() if l.startswith(f"{line}: "))
    path.write_text(text.replace(old, f"{line}: {value}", 1), encoding="utf-8")
    run = run_generator(root, "check")
    number = text.splitlines().index(old) + 1
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert f"seeds/{SEED_000.name}:{number}:" in run.stderr and "contact footer" in run.stderr


def test_another_posts_different_footer_does_not_replace_the_offices_details(tmp_path):
    root = copy_project(tmp_path / "p")
    later = root / "seeds" / seed("002").name  # a post whose dump ends with its body (no blog chrome)
    footer = "\n\nZhaoqing Investment Promotion Bureau\n\nTel: +86 758 1234567\n"
    later.write_text(later.read_text(encoding="utf-8").rstrip("\n") + footer, encoding="utf-8")
    run = run_generator(root, "check")
    line = later.read_text(encoding="utf-8").splitlines().index("Zhaoqing Investment Promotion Bureau") + 1
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert f"seeds/{later.name}:{line}:" in run.stderr and "data/offices.yml" in run.stderr


MANFU = "  name: {en: Manfu new energy vehicle battery parts production project, zh: Manfu 新能源汽车电池零部件生产项目}"
REFUSED = {
    # a guessed Chinese name for a company the seeds give only in Latin letters
    "guessed-name": (edit("data/projects.yml", "zh: Manfu 新能源汽车电池零部件生产项目", "zh: 曼福新能源汽车电池零部件生产项目"),
                     [f"data/projects.yml:{line_of('data/projects.yml', MANFU)}: '曼福' is a guessed Chinese name for Manfu"]),
    "names-policy-broken": (write("data/names.yml", "latin_only: [unclosed\n"), ["data/names.yml:2: cannot read the names policy"]),
    "change-not-a-percentage": (edit("data/figures.yml", 'change: "+66%"', 'change: "up a lot"'),
                                ["data/figures.yml:24: change 'up a lot' is not a percentage"]),
    "boundary-nan": (edit("data/boundaries/zhaoqing.geojson", "[112.5481,23.095]", "[NaN,23.095]"),
                     ["data/boundaries/zhaoqing.geojson:1: cannot read the district boundaries"]),
    "boundary-degenerate": (edit("data/boundaries/zhaoqing.geojson", '"label":[112.4811,23.0903]', '"label":[0,0]'),
                            ["data/boundaries/zhaoqing.geojson:1: cannot read the district boundaries"]),
    "seed-with-only-a-title": (write("seeds/920_title.txt", "Tuesday, May 7, 2024\n\nA title only\n\nA title only\n"),
                               ["seeds/920_title.txt:3: the en version has a title but no text"]),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_value_the_build_cannot_use_is_one_line_naming_file_and_line(project, case):
    change, expected = REFUSED[case]
    expect_rejected(project, change, expected)
