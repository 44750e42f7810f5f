"""The preview's memo: what the last regeneration read and rendered, kept for the next one
(hooks/regenerate_on_serve.py runs the generator once per edit in one long-running process;
an edit changes one file, and the pages made from it or listing it).

- A page's text: its fingerprint is a digest of the reprs of everything the text is made from
  (template name, path, front matter, context, tooltips; lists, tuples and dicts element by
  element); a value whose repr names a memory address (an object without a repr of its fields)
  makes the page unremembered: it is rendered as always.
- What was read from one input file: while its size, modification time and inode are what
  they were (as generator/core/paths.py inputs_state compares them) and so is `extra`, what
  it depends on besides the file.
- A written output file: while its size, modification time and inode are what the last write
  or read saw, its bytes are known and need not be read again to compare; a remembered page's
  text gives the same bytes object as at the last run (`encoded`), known without comparing.

- What was found in a value (a text's glossary terms, its catalogue mentions): while the value
  and all it depends on are equal (`derived`).

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
_CONTAINERS = (list, tuple, dict)  # taken apart: their elements' digests are shared
_reprs: dict[int, tuple[object, bytes | None]] = {}  # this run's digests of values (the object kept: its id stays its own)
_input_stamps: dict[str, tuple] = {}  # this run's: each input file looked at once
_run_values: dict = {}  # this run's: what every stage of it may share (a folder's listing)
_read: dict[tuple[str, str], tuple[tuple, object]] = {}  # (kind, path) -> (stamp, what was read)
_outputs: dict[str, tuple[tuple, bytes]] = {}  # written file -> (stamp, its bytes)
_derived: dict[tuple, object] = {}  # (kind, key) -> what was found from it, from the runs before
_run_derived: dict[tuple, object] = {}  # this run's
_bytes: dict[int, tuple[str, bytes]] = {}  # a remembered text's id -> (the text, its UTF-8), from the runs before
_run_bytes: dict[int, tuple[str, bytes]] = {}  # this run's


@contextmanager
def remembering():
    """Within: page texts are taken from the last run's where their fingerprints match."""
    global _run, _texts, _bytes, _run_bytes, _derived, _run_derived
    _run = {}
    _run_bytes = {}
    _run_derived = {}
    _reprs.clear()
    _input_stamps.clear()
    _run_values.clear()
    done = False
    try:
        yield
        done = True
    finally:
        # A run stopped by a bad input keeps what it rendered beside what was there; a finished
        # one keeps only its own pages (the memo does not grow with every edit)
        _texts = _run if done else {**_texts, **_run}
        _bytes = _run_bytes if done else {**_bytes, **_run_bytes}
        _derived = _run_derived if done else {**_derived, **_run_derived}
        _run = None
        _run_bytes = {}
        _run_derived = {}
        _reprs.clear()
        _run_values.clear()


def active() -> bool:
    """Whether a run is remembering (the preview's generator, inside its server process)."""
    return _run is not None


def forget() -> None:
    """Drop everything remembered (the generator's own templates or code changed)."""
    _texts.clear()
    _bytes.clear()
    _derived.clear()
    _read.clear()
    _outputs.clear()


def per_run(key, compute):
    """`compute()`, once a run for the same `key` (outside a run: every time). The result is
    shared: callers must not change it."""
    if _run is None:
        return compute()
    if key not in _run_values:
        _run_values[key] = compute()
    return _run_values[key]


def derived(kind: str, key, compute):
    """`compute()`, or what it gave at the last run for an equal `key` (hashable, compared by
    value: it must hold all the result depends on). The result is shared: callers must not
    change it."""
    if _run is None:
        return compute()
    key = (kind, key)
    found = _run_derived.get(key, _derived.get(key, _derived))
    if found is _derived:  # not known (None may be a result)
        found = compute()
    _run_derived[key] = found
    return found


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


def encoded(text: str) -> bytes:
    """`text` in UTF-8. A text remembered from the last run gives the bytes it gave then, the same
    object: the writer knows them unchanged without comparing them (holds)."""
    if _run is None:
        return text.encode("utf-8")
    entry = _run_bytes.get(id(text)) or _bytes.get(id(text))
    if entry is None or entry[0] is not text:
        entry = (text, text.encode("utf-8"))
    _run_bytes[id(text)] = entry
    return entry[1]


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file (not a link) holding `data`; read only when its stamp is not
    the one the last write or read left (then the bytes written are compared, or found to be
    the very same object)."""
    try:
        stamp = _stamp(path)
    except OSError:
        return False
    if not stamp[3]:
        return False
    if _run is not None:
        known = _outputs.get(str(path))
        if known is not None and known[0] == stamp:
            return known[1] == data  # the same object when the text was remembered: no byte compared
    same = stamp[0] == len(data) and path.read_bytes() == data
    if same:
        wrote(path, data, stamp)
    return same


def wrote(path: Path, data: bytes, stamp: tuple | None = None) -> None:
    """`path` now holds `data` (just written, or read)."""
    if _run is not None:
        _outputs[str(path)] = (stamp or _stamp(path), data)


def _digest_of(value) -> bytes | None:
    """A digest of `value` as its repr shows it (None: the repr names a memory address). Lists,
    tuples and dicts are taken element by element, each element's digest made once per run: a
    value shared by many pages (a list of news items, the catalogue's names) is written out once,
    not once per page that holds it. A text is hashed as it is, with its kind (Markup is not
    escaped)."""
    entry = _reprs.get(id(value))
    if entry is not None and entry[0] is value:
        return entry[1]
    kind = type(value)
    if kind in _TEXTS:
        digest = _digest(b"".join((kind.__name__.encode(), b":", value.encode("utf-8", "surrogatepass"))))
    elif kind in _CONTAINERS:
        whole = hashlib.blake2b(kind.__name__.encode(), digest_size=20)
        for element in (x for pair in value.items() for x in pair) if kind is dict else value:
            part = _digest_of(element)
            if part is None:
                digest = None
                break
            whole.update(part)
        else:
            digest = whole.digest()
    else:
        if isinstance(value, FunctionType) and "<locals>" not in value.__qualname__ and not value.__closure__:
            shown = f"function {value.__module__}.{value.__qualname__}"  # a module's own: its code (forget())
        else:
            shown = repr(value)
        digest = None if " at 0x" in shown else _digest(b"repr:" + shown.encode("utf-8", "surrogatepass"))
    _reprs[id(value)] = (value, digest)
    return digest


def text(parts: tuple, render) -> str:
    """`render()`, or the text it gave for the same `parts` at the last run. `parts`: what the
    text is made from; a dict among them is taken value by value, in key order."""
    if _run is None:
        return render()
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        items = sorted(part.items()) if isinstance(part, dict) else [(None, part)]
        for key, value in items:
            shown = _digest_of(value)
            if shown is None:
                return render()
            digest.update(f"{key!r}\0".encode("utf-8", "surrogatepass"))
            digest.update(shown)
    key = digest.digest()
    found = _run.get(key)
    if found is None:
        found = _texts.get(key)
        if found is None:
            found = render()
        _run[key] = found
    return found
