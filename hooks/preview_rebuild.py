"""MkDocs hook (mkdocs.serve.yml only): what the preview's dirty rebuilds need not redo.

`mkdocs serve` builds each language again after every edit, each time with a new theme
environment and the theme's static pages (bench/README.md, "Where the targets stand"):

- the theme's templates were compiled again for every language of every rebuild: they are
  now kept compiled between builds (Jinja's bytecode cache, keyed by each template's source,
  so an edited template is compiled again);
- 404.html and the sitemap were rendered again (the 404 page with the whole navigation): the
  first build writes them, and a rebuild, which never empties the site, leaves them there.
"""
from __future__ import annotations

from jinja2 import BytecodeCache

_built: set[str] = set()  # the languages built once already (the first build writes every page)
# Static pages a rebuild leaves as the first build wrote them (MkDocs' and Material's own)
FIRST_BUILD_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


class _Compiled(BytecodeCache):
    """Compiled templates in memory, for the life of the preview."""

    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source's checksum differs

    def dump_bytecode(self, bucket):
        self.codes[bucket.key] = bucket.bytecode_to_string()


_caches: dict[str, _Compiled] = {}  # one per kind of environment: its extensions change the code


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ""
    # mkdocs-static-i18n names the default language's build in its own on_config, after this
    # hook's (and after every rebuild's new plugin): until then it is None
    return i18n.current_language or i18n.default_language


def on_config(config):
    if _language(config) in _built:
        config.theme.static_templates -= FIRST_BUILD_ONLY
    return config


def on_env(env, config, files):
    if callable(env.autoescape):
        return env  # decided per template as it is compiled: not compared here
    kind = repr((sorted(env.extensions), env.trim_blocks, env.lstrip_blocks, env.autoescape, env.optimized,
                 env.block_start_string, env.variable_start_string, env.comment_start_string))
    env.bytecode_cache = _caches.setdefault(kind, _Compiled())
    return env


def on_post_build(config):
    _built.add(_language(config))
