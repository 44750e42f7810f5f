"""MkDocs hook: under `mkdocs serve`, regenerate pages when seeds, data or docs change.

The generator writes only files whose bytes changed, before MkDocs reads the docs tree of
the same build; the server does not watch that generated tree (on_serve), so its writes set
off no second rebuild. The generator runs only when an input changed since its last run.
`mkdocs build` does not regenerate here; `make build` runs the generator first, as its own step.

The preview writes into its own folder, build/preview/ (mkdocs.serve.yml's docs_dir), so its
drafts never reach build/docs, which `make build` publishes; and it regenerates under the
project's build lock (generator/core/lock.py), waiting while a `make build` runs.

The generator's problems are also written to the served site (PROBLEMS), which every
preview page reads after each reload and shows above the content
(overrides/partials/preview-problems.html): the editor sees why the page did not change.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.generator")
_serving = False
_inputs = None  # the inputs' state at the generator's last run
_problems: list[str] = []  # what that run found wrong
_site_root: str | None = None  # the served site's root (static-i18n moves site_dir per language)
_built_once = False  # the first build has started every language's (rebuilds may leave some out)
_rebuild: set[str] | None = None  # the languages this regeneration changed (None: all)
PROBLEMS = "preview-problems.json"


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    # The generated tree is this hook's own output, written before MkDocs reads the files of the
    # same build: watching it too set off a second, useless rebuild after every edit (which
    # held back every page while it ran), and polled thousands of generated files twice a
    # second. The editors' folders are watched (mkdocs.yml `watch:`).
    server.unwatch(config.docs_dir)
    return server


def on_pre_build(config):
    if not _serving:
        return
    # mkdocs-static-i18n runs one build per language; the generator writes all of them at once
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language not in (None, i18n.default_language):
        return
    global _inputs, _problems, _site_root, _rebuild
    _site_root = config.site_dir
    _rebuild = None
    root = Path(config.config_file_path).resolve().parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from generator.core import memo
    from generator.core.errors import InputError
    from generator.core.lock import exclusive
    from generator.core.paths import Layout, inputs_state
    from generator.pipeline import build

    state = inputs_state(root)
    if state == _inputs:
        _rebuild = set()  # nothing changed: the other languages' rebuilds would write nothing
        return
    code = os.path.join(root, "generator", "")
    if _inputs is not None and any(path.startswith(code) for path, *_ in state ^ _inputs):
        memo.forget()  # a template may have changed: Jinja reloads it, the memo must not hide it
    _inputs = state
    try:
        # Pages whose inputs are unchanged since the last run keep their text (generator/core/memo.py)
        with exclusive(root, lambda line: log.info(f"generator: {line}")), memo.remembering():
            changed = build(Layout.preview(root), drafts=True)  # the preview shows drafts
    except InputError as err:
        _problems = [str(problem) for problem in err.problems]
        for problem in _problems:
            log.error(problem)
        log.error("generator: pages not updated; the preview shows the last good version")
        _rebuild = set()  # every page stays as it was (the problems file is the site root's)
        return
    _problems = []
    docs = Layout.preview(root).built_docs
    if changed:
        log.info(f"generator: {len(changed)} page(s) regenerated")
        _forget_outputs([rel for rel in changed if not (docs / rel).exists()], config, i18n)
    _rebuild = _languages(changed, docs, i18n)


def _languages(changed: list[str], docs: Path, i18n) -> set[str] | None:
    """The languages whose pages these changed files are built into: a file's own, and for a
    default-language file each language without its own version (mkdocs-static-i18n builds the
    default one there); None, every language, when a file was removed or is not a page's."""
    if i18n is None:
        return None
    from generator.core.paths import lang_path

    codes = [code for code in i18n.all_languages if code != "null"]
    found = set()
    for rel in changed:
        if not (docs / rel).exists():
            return None
        parts = rel.rsplit("/", 1)[-1].split(".")
        if len(parts) > 2 and parts[-2] in codes:
            found.add(parts[-2])
            continue
        found.add(i18n.default_language)
        found.update(code for code in codes if not (docs / lang_path(rel, code)).exists())
    return found


def _build_only(languages: set[str] | None, i18n) -> None:
    """At the end of the default language's build, mkdocs-static-i18n builds each other language
    whose `build` setting is on: a rebuild leaves out those none of whose files changed (a dirty
    build of them would write nothing), once every language has been built. Set here, not
    earlier: the pages of this build list every language (the language switcher). The setting
    is this build's own: MkDocs reads the configuration again for the next one."""
    if i18n is None or languages is None or not _built_once:
        return
    for language in i18n.config.languages:
        if language.locale != i18n.default_language and language.locale not in languages:
            language.build = False


def _forget_outputs(removed: list[str], config, i18n) -> None:
    """A dirty build rebuilds only what changed and never removes: drop what a removed or renamed
    file was built into, in every language (its fallback copies included), so the preview stops
    serving it and rebuilds the versions that still have a source."""
    from mkdocs.structure.files import File

    codes = [code for code in i18n.all_languages if code != "null"] if i18n is not None else []
    default = i18n.default_language if i18n is not None else None
    for rel in removed:
        stem, _, ext = rel.rpartition(".")
        base = next((f"{stem[: -len(code) - 1]}.{ext}" for code in codes if stem.endswith(f".{code}")), rel)
        dest = File(base, "", "", config.use_directory_urls).dest_uri
        for code in codes or [None]:
            folder = Path(_site_root) if code in (None, default) else Path(_site_root, code)
            target = folder / dest
            if target.is_file():
                target.unlink()


def on_post_build(config):
    global _built_once
    if not _serving or _site_root is None:
        return
    Path(_site_root, PROBLEMS).write_text(json.dumps(_problems, ensure_ascii=False), encoding="utf-8")
    # Before mkdocs-static-i18n's own on_post_build, which then builds the other languages
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language in (None, i18n.default_language):
        _build_only(_rebuild, i18n)
        _built_once = True
