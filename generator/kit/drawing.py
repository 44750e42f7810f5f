"""The process that draws the fact sheets (WeasyPrint) beside the generator.

Importing WeasyPrint costs about 0.4 s of CPU (Pango, its libraries looked up one name after
another). Imported in the generator, before its sheets were forked, that was 0.4 s on one core
while the other idled. A `Drawer` is forked instead, as early as a cold build starts (no sheet
in build/cache: they must all be drawn), and imports WeasyPrint there, while the generator reads
its inputs on the other core; the sheets are sent to it once their HTML is known and drawn one
after another while the generator renders the pages. A process may fork only while it has one
thread and more than one core (core/beside.py `may_fork`): otherwise the sheets are drawn in the
process itself.
"""
from __future__ import annotations

import multiprocessing
from pathlib import Path

from ..core.beside import child_ignores_interrupt, interrupt_held, may_fork
from ..core.errors import InputError, Problem

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "kit/factsheet.html.j2"
OK, FAILED = "drawn", "failed"  # what the drawer says of each sheet


def write_pdf(text_and_key: tuple[str, str]) -> bytes:
    try:
        import weasyprint  # only when a sheet is not in the cache
    except OSError as err:  # Pango is not installed: WeasyPrint cannot load it
        raise InputError([Problem("generator/templates/" + TEMPLATE, 1, f"the PDF renderer cannot start ({err})",
                                  "install Debian's Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0; "
                                  "make build does it as root)")]) from None
    text, key = text_and_key
    return weasyprint.HTML(string=text, base_url=str(TEMPLATES)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=key.encode("ascii"))


class Drawer:
    """A child process that imports WeasyPrint now and draws what `draw` sends it later."""

    def __init__(self):
        fork = multiprocessing.get_context("fork")
        self._conn, theirs = fork.Pipe()
        # daemon: a run stopped by a bad input ends without waiting for it
        self._process = fork.Process(target=_serve, args=(theirs,), daemon=True)
        with interrupt_held():
            self._process.start()
        theirs.close()
        self._sent = False
        self._pending = 0  # outcomes not yet read

    def draw(self, jobs: list[tuple[tuple[str, str], Path]]) -> None:
        """((html, key), where its PDF goes) of each sheet: drawn in this order."""
        self._sent, self._pending = True, len(jobs)
        try:
            self._conn.send(jobs)
        except OSError:  # it stopped: `outcome` says so
            pass

    def outcome(self) -> str | None:
        """OK or FAILED for the next sheet sent; None if the drawer stopped (Pango without fonts, killed)."""
        try:
            found = self._conn.recv()
        except (EOFError, OSError):
            return None
        self._pending -= 1
        return found

    def close(self) -> None:
        """End the drawer: at once if it was sent nothing (it may still be importing WeasyPrint) or
        if its outcomes are no longer awaited (the run stopped on an error)."""
        if not self._sent or self._pending:
            self._process.terminate()
        self._conn.close()
        self._process.join()


def _serve(conn) -> None:
    child_ignores_interrupt()
    try:
        import weasyprint  # noqa: F401  the point of starting early
    except Exception:  # noqa: BLE001  Pango missing: write_pdf meets it again, and each sheet is FAILED
        pass
    try:
        for job, part in conn.recv():
            try:
                part.write_bytes(write_pdf(job))
                outcome = OK
            except Exception:  # noqa: BLE001  no traceback from a child: the wait draws it again, and raises
                outcome = FAILED
            conn.send(outcome)
    except (EOFError, OSError):  # the generator ended first
        pass


_early: Drawer | None = None


def start_early(cache: Path, prefix: str) -> None:
    """Fork the drawer now if this is a cold build (no sheet cached) that may fork."""
    global _early
    if _early is None and may_fork() and not any(cache.glob(f"{prefix}*.pdf")):
        _early = Drawer()


def take() -> Drawer | None:
    """The drawer started early, if any (the caller closes it)."""
    global _early
    drawer, _early = _early, None
    return drawer


def stop_early() -> None:
    """End a drawer started early that no one took (the run stopped before its sheets)."""
    drawer = take()
    if drawer is not None:
        drawer.close()
