"""MkDocs hook: the theme's templates compiled once, not in every MkDocs process.

Every `mkdocs build` makes a new Jinja environment and compiles the theme's templates again
(about 0.2 s of each language's build, most of a small site's; `make build` runs three, the
preview one per rebuild). Jinja's bytecode cache keeps the compiled code in build/cache/ and
uses it only while the template's source is the same (it compares a checksum), so an edited
template is compiled again. The code also depends on the environment's syntax settings and
extensions: each kind of environment has its own folder.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.core.paths import Layout  # noqa: E402

FOLDER = "templates"  # in build/cache/


def on_env(env, config, files):
    if callable(env.autoescape):
        return env  # decided per template as it is compiled: not one kind
    kind = repr((sorted(env.extensions), env.trim_blocks, env.lstrip_blocks, env.autoescape, env.optimized,
                 env.block_start_string, env.variable_start_string, env.comment_start_string))
    folder = Layout(Path(config.config_file_path).parent).cache / FOLDER / hashlib.sha256(kind.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
