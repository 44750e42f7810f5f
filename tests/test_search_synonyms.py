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
