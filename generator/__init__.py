"""Turns the raw blog posts in seeds/ and the catalogues in data/ into the Markdown pages of the
portal, and publishes them with MkDocs.

Stages, one sub-package each, lowest first; a module imports only from its own stage and
those below it (tests/test_layers.py):

- core/: foundations: errors, paths, the content model, slugs, units, periods, front matter.
- read/: input -> typed, validated data: seeds (seed_reader), catalogues, editor pages and news.
- text/: wording: corrections of the seeds' English, mainland Chinese, text and date formats, links.
- pages/: data and text -> pages: news, catalogue pages, indexes, glossary, feeds, home, the
  Traditional tree, rendered from templates/ with the UI words in strings/.
- kit/: the investor kit: open data, JSON-LD, fact sheets, accessibility statement, district map.
- publish/: build/docs -> site/: one MkDocs build per language, merged and indexed.

At the top: pipeline.py wires the stages together, writer.py writes build/docs atomically,
skeleton.py starts a new item, status.py reports the Chinese versions, cli.py is the command line.
"""
