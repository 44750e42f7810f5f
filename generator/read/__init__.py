"""Reading: the project's input turned into typed, validated data; nothing is written.

A raw blog dump in seeds/ becomes a Post (seed_reader); the YAML catalogues in data/ become
typed records (catalogue, records; entries reads each file's entries with their lines, from yaml_nodes), each fact checked word for word against its seed
(sources); editor news in docs/news/ is validated against the one news schema (editor_news,
schema) and every other editor page is checked before it is published (editor_pages), and
every page's links (editor_links); what
may be read at all is a regular file inside the project (inputs); no guessed Chinese name for
one the seeds give only in Latin letters, and each catalogue's Chinese name a seed's, an official
one or marked (names, from data/names.yml). Every problem names its file
and line and says how to fix it. Imports only from core.
"""
