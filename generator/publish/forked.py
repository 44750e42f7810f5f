"""Each language's `mkdocs build`, in a child process forked from the publishing one.

Every `python -m mkdocs` started anew imports MkDocs, Material, the plugins, the Markdown
extensions and the hooks (with the generator modules they use): about 0.3 s of CPU before
its build begins, three times per publish. Here they are imported once (by loading the
configuration), and each child forked afterwards runs MkDocs' own command line, as
`mkdocs build` would, with its output in a pipe: the same arguments, environment, messages
and exit code. The children are forked from this thread before any other starts; each waits
for `start()` before it builds, so that the publish decides how many build at once.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from pathlib import Path

from ..core.beside import interrupt_held


def prepare(config_file: Path) -> None:
    """Import what every build loads: the theme, plugins, extensions and hooks of the configuration.
    Quietly: a configuration that does not load is the builds' to report, as before."""
    logger = logging.getLogger("mkdocs")
    quiet = logging.NullHandler()
    logger.addHandler(quiet)
    try:
        from mkdocs import __main__  # noqa: F401  MkDocs' command line
        from mkdocs.commands import build  # noqa: F401
        from mkdocs.config import load_config

        load_config(str(config_file))
    except Exception:  # noqa: BLE001,S110
        pass
    finally:
        logger.removeHandler(quiet)


class Build:
    """`mkdocs ARGS` in a forked child with `env` as its environment, from `start()` on; `wait()`
    gives its output and exit code."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str], keep: tuple[int, ...]):
        read, write = os.pipe()
        gate, go = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        with interrupt_held():  # a Ctrl-C waits until the child's output goes to the pipe
            self.pid = os.fork()
            if self.pid == 0:  # the child: never returns
                os.close(read)
                _run(args, cwd, env, write, keep, gate)
        os.close(write)
        os.close(gate)
        self._read = read
        self._go: int | None = go

    def start(self) -> None:
        """Let the child build (until then it waits, forked and idle)."""
        os.write(self._go, b"1")
        os.close(self._go)
        self._go = None

    def cancel(self) -> None:
        """End the child if it was never started: it exits without building."""
        if self._go is not None:
            os.close(self._go)
            self._go = None
            os.close(self._read)
            os.waitpid(self.pid, 0)

    def wait(self) -> tuple[str, int]:
        chunks = []
        with os.fdopen(self._read, "rb") as out:
            while chunk := out.read(65536):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        return b"".join(chunks).decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def _run(args: list[str], cwd: Path, env: dict[str, str], out: int, keep: tuple[int, ...], gate: int) -> None:
    code = 1
    try:
        os.dup2(out, 1)
        os.dup2(out, 2)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held by the parent around the fork
        # Only the output, the gate and the build lock stay open (not the other children's pipes:
        # their reader would wait for this child too)
        _close_all_but({1, 2, gate, *keep})
        if os.read(gate, 1) != b"1":  # the publishing process ended without starting this build
            os._exit(code)
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.argv = ["mkdocs", *args]
        from mkdocs.__main__ import cli

        try:
            cli.main(args=args, prog_name="mkdocs")
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # noqa: BLE001  reported as the command line reports it
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _close_all_but(keep: set[int]) -> None:
    """Close every descriptor above 2 but `keep` (os.closerange: one system call per gap)."""
    start = 3
    for fd in sorted(fd for fd in keep if fd >= start):
        os.closerange(start, fd)
        start = fd + 1
    os.closerange(start, os.sysconf("SC_OPEN_MAX"))
