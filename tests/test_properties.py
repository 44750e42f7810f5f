"""Property-based tests of the seed reader and the front matter writer/reader."""
from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.core import frontmatter
from generator.core.errors import InputError
from generator.core.model import Post
from generator.read.schema import NewsMeta, validate
from generator.read.seed_reader import decode, read_seed

TRICKY = ["title: with colon", "\"quoted\" and 'single'", "# not a comment", "yes", "no", "null", "1.0",
          "2024-06-01", "肇庆：两新一电", "emoji 🚗🔋", "- dash", "[bracket", "{brace}", "a\nb", " padded ",
          "<script>alert(1)</script>", "{{ jinja }}", "---", "…", "\t"]


@settings(max_examples=200, deadline=None)
@given(st.text())
@example("Tuesday, May 7, 2024\n\n" + "\n".join(TRICKY))
@example("Tuesday, May 7, 2024\n")
def test_reader_raises_only_its_documented_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("seed") / "s.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        post = read_seed(path, "s.txt")
    except InputError as err:
        assert err.problems and all(p.file == "s.txt" and p.line >= 1 for p in err.problems)
    else:
        assert isinstance(post, Post) and post.versions and all(v.title for v in post.versions)


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_decoding_any_bytes_gives_text_or_the_documented_error(data):
    try:
        assert isinstance(decode(data, "x.txt"), str)
    except InputError as err:
        assert err.problems[0].file == "x.txt"


text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda s: s.strip() == s and s)


@settings(max_examples=300, deadline=None)
# Plain text, as an editor's title and summary must be (a tag is refused: test_editor_mistakes_cms.py)
@given(title=st.one_of(st.sampled_from(TRICKY).filter(lambda s: s.strip() == s and s), text).filter(lambda s: "<" not in s),
       summary=st.one_of(st.sampled_from(TRICKY), st.text()).filter(lambda s: "<" not in s),
       sectors=st.lists(st.sampled_from(["hydrogen-energy", "6g", "yes"]), max_size=3),
       day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_front_matter_round_trips(title, summary, sectors, day):
    meta = NewsMeta(title=title, date=day, slug="x", summary=summary, sectors=sectors,
                    source_published=dt.datetime(2024, 5, 7, 22, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    doc = frontmatter.parse(frontmatter.dump(meta.to_front_matter(), "Body"), "x.md")
    back, problems = validate(doc.meta, doc.key_lines, "x.md")
    assert problems == []
    assert back == meta
    assert doc.body.strip() == "Body"
