"""data/search_synonyms.yml: typed, checked by file and line (no build needed)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from generator.core.errors import InputError
from generator.read import synonyms


def test_the_project_list_reads():
    entries = synonyms.load(ROOT / "data" / synonyms.FILE, "data/search_synonyms.yml")
    assert any(e.page == "parks/shuanglong-industrial-park/" and "双龙" in e.zh for e in entries)


def test_problems_name_file_and_line(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text("- page: contact/\n  zh: [联络]\n- page: parks/nowhere/\n  zh: [x]\n"
                    "- page: /contact\n  zh: [y]\n- page: glossary/\n  zh: 地价\n- page: figures/\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        synonyms.load(path, "data/search_synonyms.yml", {"contact/", "glossary/", "figures/"})
    lines = sorted({p.line for p in err.value.problems})
    assert lines == [3, 5, 7, 9], [str(p) for p in err.value.problems]
    assert all(str(p).startswith("data/search_synonyms.yml:") for p in err.value.problems)


def test_a_term_leads_to_one_page(tmp_path):
    """A term is shown as the best match for its page: listed for two pages (in any case or
    spacing), the second is refused at its line, naming the first."""
    path = tmp_path / "s.yml"
    path.write_text("- page: contact/\n  en: [Investment Bureau, phone]\n"
                    "- page: glossary/\n  en: [investment  bureau]\n  zh: [电话]\n"
                    "- page: figures/\n  en: [PHONE]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        synonyms.load(path, "data/search_synonyms.yml", {"contact/", "glossary/", "figures/"})
    found = [(p.line, p.message) for p in err.value.problems]
    assert found == [(3, "'investment bureau' also leads to contact/ (line 1)"),
                     (6, "'phone' also leads to contact/ (line 1)")], found


def test_each_bundle_lists_the_best_match_of_every_term(built):
    """best.json in each language's bundle: the terms as a query is compared with them (the
    Traditional ones in the Simplified characters the index reads) and each page's own title."""
    import json

    bundles = {lang: json.loads((built.site / folder / "pagefind" / "best.json").read_text(encoding="utf-8"))
               for lang, folder in (("en", ""), ("zh", "zh"), ("zh-hant", "zh-hant"))}
    assert bundles["en"]["terms"]["investment promotion bureau"] == "contact/"
    assert bundles["en"]["terms"]["zhaoqing new district"] == "parks/zhaoqing-new-district/"  # its title
    assert bundles["en"]["titles"]["contact/"] == "Contact"
    assert bundles["zh"]["terms"]["投资推广"] == "contact/" and bundles["zh"]["terms"]["battery"]
    # the Traditional site: 投資推廣 converted, then read back in Simplified as the index reads it
    assert bundles["zh-hant"]["terms"]["投资推广"] == "contact/"
    assert bundles["zh-hant"]["titles"]["contact/"] == "聯絡我們"
    for lang, best in bundles.items():
        assert set(best["terms"].values()) <= set(best["titles"]), lang
        assert all(best["titles"].values()), lang
