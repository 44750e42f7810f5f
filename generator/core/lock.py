"""One build at a time per project: an exclusive flock on build/.lock.

`make build` (generate + publish) and the preview's regeneration share build/ (the
fact sheet cache, and build/docs, which the publish step reads while it runs); two at
once could publish a half-written tree. The kernel drops a flock when the last process
holding its file closes it, so a killed build never leaves the lock behind. The publish
step passes the lock's descriptor to its MkDocs processes (`held()`): if the build is
killed, the next one still waits until those orphans have stopped writing.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK = ".lock"  # in build/
_held: list[int] = []  # this process's lock descriptor, while it holds the lock


@contextmanager
def exclusive(root: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the project's build lock; if another build holds it, `say` one line, then wait for it."""
    build = root / "build"
    build.mkdir(parents=True, exist_ok=True)
    fd = os.open(build / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for another build of this project to finish (build/.lock)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        _held.append(fd)
        try:
            yield
        finally:
            _held.remove(fd)
    finally:
        os.close(fd)  # releases the lock


def held() -> tuple[int, ...]:
    """The lock's descriptor, for child processes that must keep the lock until they end."""
    return tuple(_held)
