"""The preview's memo: what the last regeneration read and rendered, kept for the next one
(hooks/regenerate_on_serve.py runs the generator once per edit in one long-running process;
an edit changes one file, and the pages made from it or listing it).

- A page's text: its fingerprint is the repr of everything the text is made from (template
  name, path, front matter, context, tooltips); a value whose repr names a memory address (an
  object without a repr of its fields) makes the page unremembered: it is rendered as always.
- What was read from one input file: while its size, modification time and inode are what
  they were (as generator/core/paths.py inputs_state compares them) and so is `extra`, what
  it depends on besides the file.
- A written output file: while its size, modification time and inode are what the last write
  or read saw, its bytes are known and need not be read again to compare.

Off unless a caller asks (`remembering`): `make build` reads and renders everything, as before.
"""
from __future__ import annotations

import hashlib
import os
import stat
from contextlib import contextmanager
from pathlib import Path
from types import FunctionType

from markupsafe import Markup

_texts: dict[bytes, str] = {}  # fingerprint digest -> text, from the runs before
_run: dict[bytes, str] | None = None  # this run's texts; None: the memo is off
_TEXTS = (str, Markup)
_reprs: dict[int, tuple[object, str]] = {}  # this run's shared values (the object kept: its id stays its own)
_input_stamps: dict[str, tuple] = {}  # this run's: each input file looked at once
_read: dict[tuple[str, str], tuple[tuple, object]] = {}  # (kind, path) -> (stamp, what was read)
_outputs: dict[str, tuple[tuple, bytes]] = {}  # written file -> (stamp, digest of its bytes)


@contextmanager
def remembering():
    """Within: page texts are taken from the last run's where their fingerprints match."""
    global _run, _texts
    _run = {}
    _reprs.clear()
    _input_stamps.clear()
    done = False
    try:
        yield
        done = True
    finally:
        # A run stopped by a bad input keeps what it rendered beside what was there; a finished
        # one keeps only its own pages (the memo does not grow with every edit)
        _texts = _run if done else {**_texts, **_run}
        _run = None
        _reprs.clear()


def active() -> bool:
    """Whether a run is remembering (the preview's generator, inside its server process)."""
    return _run is not None


def forget() -> None:
    """Drop everything remembered (the generator's own templates or code changed)."""
    _texts.clear()
    _read.clear()
    _outputs.clear()


def _stamp(path: Path) -> tuple:
    info = os.lstat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino, stat.S_ISREG(info.st_mode)


def per_file(kind: str, path: Path, extra: str, read):
    """`read()`, or what it gave for this file at an earlier run while the file and `extra`
    (all else the result depends on, written out) are unchanged. The result is shared: callers
    must not change it."""
    if _run is None:
        return read()
    try:
        stamp = _input_stamps.get(str(path)) or _input_stamps.setdefault(str(path), _stamp(path))
    except OSError:
        return read()  # gone: read() says so as always
    stamp = (*stamp, extra)
    known = _read.get((kind, str(path)))
    if known is not None and known[0] == stamp:
        return known[1]
    result = read()
    _read[(kind, str(path))] = (stamp, result)
    return result


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file (not a link) holding `data`; read only when its stamp is not
    the one the last write or read left."""
    try:
        stamp = _stamp(path)
    except OSError:
        return False
    if not stamp[3]:
        return False
    if _run is not None:
        known = _outputs.get(str(path))
        if known is not None and known[0] == stamp:
            return known[1] == _digest(data)
    same = stamp[0] == len(data) and path.read_bytes() == data
    if same:
        wrote(path, data, stamp)
    return same


def wrote(path: Path, data: bytes, stamp: tuple | None = None) -> None:
    """`path` now holds `data` (just written, or read)."""
    if _run is not None:
        _outputs[str(path)] = (stamp or _stamp(path), _digest(data))


def _repr(value) -> str | None:
    entry = _reprs.get(id(value))
    if entry is None or entry[0] is not value:
        # a text (an item's body) as it is, with its kind (Markup is not escaped): cheaper than its repr
        if type(value) in _TEXTS:
            shown = "".join((type(value).__name__, ":", value))
        elif isinstance(value, FunctionType) and "<locals>" not in value.__qualname__ and not value.__closure__:
            shown = f"function {value.__module__}.{value.__qualname__}"  # a module's own: its code (forget())
        else:
            shown = repr(value)
        entry = (value, None if " at 0x" in shown else shown)
        _reprs[id(value)] = entry
    return entry[1]


def text(parts: tuple, render) -> str:
    """`render()`, or the text it gave for the same `parts` at the last run. `parts`: what the
    text is made from; a dict among them is taken value by value (a value shared by many
    pages is written out once per run)."""
    if _run is None:
        return render()
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        items = sorted(part.items()) if isinstance(part, dict) else [(None, part)]
        for key, value in items:
            shown = _repr(value)
            if shown is None:
                return render()
            digest.update(f"{key!r}\0{len(shown)}\0{shown}\0".encode("utf-8", "surrogatepass"))
    key = digest.digest()
    found = _run.get(key)
    if found is None:
        found = _texts.get(key)
        if found is None:
            found = render()
        _run[key] = found
    return found
