"""One build at a time per project: an exclusive flock on build/.lock.

`make build` (generate + publish) and the preview's regeneration share build/ (the
fact sheet cache, and build/docs, which the publish step reads while it runs); two at
once could publish a half-written tree. The kernel drops a flock when the last process
holding its file closes it, so a killed build never leaves the lock behind. The publish
step passes the lock's descriptor to its MkDocs and search processes (`held()`): if the build
is killed, the next one still waits until those orphans have stopped writing. On Linux they
end with the build (`end_with_build()`) instead of running on to no use.
"""
from __future__ import annotations

import ctypes
import fcntl
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK = ".lock"  # in build/
BUILD_PID = "PORTAL_BUILD_PID"  # in the environment of a publishing child: the build that started it
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


def child_environment(**values: str) -> dict[str, str]:
    """The environment of a publishing child: this one's, the build's process id and `values`."""
    return {**os.environ, BUILD_PID: str(os.getpid()), **values}


def end_with_build() -> None:
    """In a publishing child: be killed when the build that started it dies (Linux's
    PR_SET_PDEATHSIG), so a killed `make build` leaves nothing working on. Elsewhere, or
    outside a build, nothing changes: the child runs to its end, holding the lock."""
    build = os.environ.get(BUILD_PID)
    if not build or not sys.platform.startswith("linux"):
        return
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != int(build):  # the build died before the line above: end now
        os._exit(1)
