"""The preview's memo (generator/core/memo.py): what it keeps between regenerations must never
hide a change. Each test runs the generator as the preview does, in this process, run after run."""
from __future__ import annotations

import pytest
import yaml
from markupsafe import Markup

from generator import writer
from generator.core import memo
from generator.core.paths import Layout
from generator.pipeline import build


@pytest.fixture(autouse=True)
def fresh_memo():
    memo.forget()
    yield
    memo.forget()


def counted(text: str):
    """A render function that counts its calls."""
    def render():
        render.calls += 1
        return text
    render.calls = 0
    return render


class Opaque:
    """An object without a repr of its fields: the memo cannot tell two of them apart."""


def run(parts: tuple, render) -> str:
    with memo.remembering():
        return memo.text(parts, render)


def test_a_page_is_rendered_again_when_a_value_deep_in_its_context_changes():
    items = [{"title": "One", "tags": ["a"]}, {"title": "Two", "tags": ["b"]}]
    render = counted("page")
    run(("Page", "x.md", {"items": items}), render)
    run(("Page", "x.md", {"items": [dict(i) for i in items]}), render)  # equal values, new objects
    assert render.calls == 1
    items[1] = {"title": "Two", "tags": ["c"]}
    run(("Page", "x.md", {"items": items}), render)
    assert render.calls == 2
    run(("Page", "x.md", {"items": [("title", "One"), ("tags", ["a"])]}), render)  # a tuple is not a dict
    assert render.calls == 3
    run(("Page", "x.md", {"body": "**a**"}), render)
    run(("Page", "x.md", {"body": Markup("**a**")}), render)  # Markup is not escaped: another text
    assert render.calls == 5


def test_a_page_holding_a_value_without_a_repr_of_its_data_is_always_rendered():
    render = counted("page")
    for _ in range(2):
        run(("Page", "x.md", {"rows": [("term", [Opaque()])]}), render)
    assert render.calls == 2


def test_what_was_found_in_a_value_is_found_again_only_for_a_new_value():
    calls = []

    def derive(key):
        with memo.remembering():
            return memo.derived("kind", key, lambda: calls.append(key) or len(calls))

    assert derive(("a", "text")) == derive(("a", "text")) == 1
    assert derive(("a", "other text")) == 2
    assert memo.derived("kind", ("a", "text"), lambda: "off") == "off"  # outside a run: always computed


def test_an_output_changed_behind_the_writer_is_written_again(tmp_path):
    text = "# Page\n"
    for _ in range(2):
        with memo.remembering():
            assert writer.sync({"page.md": memo.encoded(text)}, tmp_path) in (["page.md"], [])
    (tmp_path / "page.md").write_text("# Changed by hand, longer\n")
    with memo.remembering():
        assert writer.sync({"page.md": memo.encoded(text)}, tmp_path) == ["page.md"]
    assert (tmp_path / "page.md").read_text() == text


def preview(root) -> list[str]:
    with memo.remembering():
        return build(Layout.preview(root), drafts=True)


def built(root, rel: str) -> str:
    return (Layout.preview(root).built_docs / rel).read_text(encoding="utf-8")


ITEM = "---\ntitle: Memo test item\ndate: 2024-06-05\nsummary: Checks the preview's memo.\n---\n\n{body}\n"


def test_the_glossary_follows_an_edit_that_adds_or_removes_a_term(project):
    item = project / "docs" / "news" / "memo-test-item.md"
    item.write_text(ITEM.format(body="Plain words."), encoding="utf-8")
    preview(project)
    assert "memo-test-item" not in built(project, "glossary/index.md")
    item.write_text(ITEM.format(body="Plain words about the Ten Actions."), encoding="utf-8")
    assert "glossary/index.md" in preview(project)
    assert "memo-test-item" in built(project, "glossary/index.md")
    item.write_text(ITEM.format(body="Plain words."), encoding="utf-8")
    preview(project)
    assert "memo-test-item" not in built(project, "glossary/index.md")


def sectors(page: str) -> list[str]:
    return yaml.safe_load(page.split("---\n", 2)[1]).get("sectors", [])


def test_a_seed_item_names_a_sector_as_soon_as_the_catalogue_gives_it_an_alias_the_item_holds(project):
    preview(project)
    pages = sorted(Layout.preview(project).built_docs.glob("news/*.md"))
    before = {page.name: page.read_text(encoding="utf-8") for page in pages if "\nseed: seeds/" in page.read_text()}
    without = [name for name, text in before.items() if "hydrogen-energy" not in sectors(text) and "Zhaoqing" in text]
    assert without
    catalogue = project / "data" / "sectors.yml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("    en: [hydrogen]\n", "    en: [hydrogen, Zhaoqing]\n", 1), encoding="utf-8")
    preview(project)
    for name in without:
        assert "hydrogen-energy" in sectors(built(project, f"news/{name}")), name


def test_the_cms_configuration_and_structured_data_follow_a_new_item(project):
    preview(project)
    plugin_data = Layout.preview(project).plugin_data
    assert "memo-new-item" not in (plugin_data / "cms-config.yml").read_text(encoding="utf-8")
    (project / "docs" / "news" / "memo-new-item.md").write_text(ITEM.format(body="New."), encoding="utf-8")
    changed = preview(project)
    assert {"cms-config.yml", "structured-data.json"} <= set(changed)
    assert "memo-new-item" in (plugin_data / "cms-config.yml").read_text(encoding="utf-8")
    assert "Memo test item" in (plugin_data / "structured-data.json").read_text(encoding="utf-8")
