"""Open-ended classes of hostile input, by property: whatever the value, one documented error or a safe result."""
from __future__ import annotations

import os
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import writer

from generator.core import frontmatter

from generator.pages import glossary

from generator.read import catalogue, editor_links, editor_pages
from generator.core.errors import InputError
from generator.read.seed_reader import read_seed

from conftest import ROOT

CATALOGUES = ("sectors", "parks", "projects", "offices", "figures", "glossary")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["../../etc", "/etc/passwd", "no", "yes", "1.50", "en", "zh",
                                                           "new-energy-vehicles", "000", "2024-Q1", "33.35 billion"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.sampled_from(["en", "zh", "seed", "quote", "date", "x"]),
                                                                       inner, max_size=3)), max_leaves=8)


@pytest.fixture(scope="module")
def contacts():
    return [c for p in sorted((ROOT / "seeds").glob("*.txt")) for c in read_seed(p, p.name).contacts]


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("catalogue")
    shutil.copytree(ROOT / "data", root / "data")
    return root


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(CATALOGUES), index=st.integers(0, 3), key=st.sampled_from(
    ["id", "name", "aliases", "sources", "tier", "kind", "district", "sectors", "facts", "park", "investment_yuan",
     "dates", "status", "description", "seed", "value", "unit", "period", "place", "source", "qualifier", "headline",
     "note", "term", "match", "explanation", "zh_from_seed", "zh_name_is_translation", "label", "metric"]), value=VALUES)
def test_any_catalogue_value_gives_a_catalogue_or_one_line_problems(data_copy, contacts, name, index, key, value):
    tmp_path, data = data_copy, data_copy / "data"
    for original in (ROOT / "data").glob("*.yml"):  # the other files as they are
        shutil.copy2(original, data / original.name)
    path = data / f"{name}.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries[index % len(entries)][key] = value
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    try:
        if name == "glossary":
            glossary.load(path, "data/glossary.yml")
        else:
            catalogue.load(data, tmp_path, contacts)
    except InputError as err:
        assert err.problems and all(p.file.startswith("data/") and p.line >= 1 and "\n" not in str(p)
                                    for p in err.problems)


PARTS = st.sampled_from(["a", "b.md", "..", ".", "", "/", "\\", "~", "x y", "%2e%2e", "link"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PARTS, min_size=1, max_size=6))
def test_the_writer_never_writes_outside_its_target(tmp_path, parts):
    base = tmp_path / "case"
    shutil.rmtree(base, ignore_errors=True)
    (base / "outside").mkdir(parents=True)
    target = base / "out"
    target.mkdir()
    os.symlink(base / "outside", target / "link")
    rel = "/".join(parts)
    try:
        writer.sync({rel: b"x"}, target)
    except InputError as err:
        assert "refused to write outside out/" in str(err)
    assert list((base / "outside").iterdir()) == []
    assert sorted(p.name for p in base.iterdir()) == ["out", "outside"]
    for path in target.rglob("*"):
        assert path.is_symlink() or path.resolve().is_relative_to(target.resolve())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_front_matter_gives_values_or_one_line_problems(header):
    try:
        doc = frontmatter.parse(f"---\n{header}\n---\nBody\n", "x.md")
    except InputError as err:
        assert all(p.file == "x.md" and "\n" not in str(p) for p in err.problems)
    else:
        assert isinstance(doc.meta, dict)


MARKUP = st.lists(st.sampled_from(["<script>", "</script>", "<img src=x onerror=alert(1)>", "```", "`", "{: onclick=x }",
                                   "[a](javascript:x)", "<a href='javascript:x'>", "text", "\n", "<!--", "-->", "<svg/onload=1>",
                                   "[x](../../nowhere/)", "<", ">", "'", '"']), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKUP, st.text(max_size=200)))
def test_markdown_checks_never_crash(text):
    for problem in editor_pages.html_problems(text, "docs/x.md"):
        assert problem.line >= 1
    for url in text.split():
        for source in (None, "news"):  # an HTML link, and a Markdown one in docs/news/
            editor_links._broken(url, "news/x/", {"index.md": b""}, "https://example.org/portal/", "/portal/",
                                 source)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["..", ".", "news", "x", "zh", "", "%2e%2e", "index.md"]), max_size=6).map("/".join))
def test_a_relative_link_is_accepted_only_inside_the_site(url):
    import posixpath
    from urllib.parse import unquote
    files = {"index.md": b"", "news/x.md": b"", "news/index.md": b""}
    # an HTML link is read from the page's address; a Markdown one (docs/news/x.md) from its file's folder
    for source, start in ((None, "news/x/"), ("news", "news")):
        if url.startswith("/"):  # an address from the site's root, or another site's (//host): checked as such
            source = None
        if editor_links._broken(url, "news/x/", files, "https://example.org/portal/", "/portal/",
                                source) is None and url:
            inside = [posixpath.normpath(posixpath.join(s, unquote(url))) for s in ("news/x/", start)]
            assert any(not p.startswith("..") for p in inside), (url, source)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MARKUP, st.text(max_size=200)))
def test_the_sanitiser_leaves_nothing_that_runs(text):
    """Whatever the HTML (raw, or as Markdown renders it), what the hook publishes runs no code."""
    import markdown
    from html.parser import HTMLParser

    from generator.core import sanitise

    class Live(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"):
                self.found.append(tag)
            for name, value in attrs:
                scheme = sanitise._scheme(value or "")
                if name.startswith("on") or name == "style" or (scheme and scheme not in sanitise.URL_SCHEMES):
                    self.found.append(f"{tag} {name}={value}")

    for html in (text, markdown.markdown(text, extensions=["attr_list", "md_in_html", "fenced_code", "tables"])):
        scan = Live()
        scan.found = []
        scan.feed(sanitise.clean(html))
        scan.close()
        assert scan.found == [], scan.found


LINKISH = st.lists(st.sampled_from(["[a](../x.md)", "[a](", "](", "]", "[", ")", "(", ":", "javascript", "&#58;", "&",
                                    "\\", "{", "}", "<", "*[A]: b", "[^1]", "[^1]: n", "\n", "    ", " ", "!", "'", '"',
                                    "text", "中文", "：", "data:x", "tel:1", "%3A", "# h", "| a |", "!!! note"]),
                   max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(MARKUP, LINKISH, st.text(max_size=200)))
def test_markdown_the_check_skips_renders_to_nothing_it_would_report(text):
    """The check renders only Markdown that might hold what the sanitiser removes (might_find):
    whatever it skips, rendered, holds nothing to report."""
    from generator.core import sanitise, site_config

    if sanitise.might_find(text):
        return
    extensions = site_config.markdown_extensions(ROOT)
    scan = sanitise._Scan()
    scan.feed(sanitise._converter(extensions).reset().convert(text))
    scan.close()
    assert scan.found == [], (text, scan.found)
