"""Every page's text, rendered on every core where the process may fork.

At 1000 items rendering the pages is about half of the generator's CPU time, and `make build`
waits for the generator on one core while the other is idle. A command-line run (one thread)
forks workers that inherit the pages as they are and render a share each; the texts are the
same as rendered here. The preview's server has threads (a forked child could inherit a held
lock) and its memo of texts: it renders here, one page after another, as does a small site,
for which starting workers costs more than it saves.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from ..core import memo
from ..core.beside import child_ignores_interrupt, interrupt_held, may_fork, usable_cores

# Fewer pages are rendered here: forking and collecting cost about as much as a few hundred pages
FORK_FROM = 600
_jobs: list[tuple[object, str]] = []  # (page, tooltips) of the run, inherited by the workers
processes = 1  # how many processes rendered the last run's pages


def texts(pages: list, tooltips: Callable[[object], str]) -> dict[str, bytes]:
    """{page path: its text as UTF-8} of every page, in the pages' order."""
    global _jobs, processes
    processes = 1
    workers = min(usable_cores(), 4)
    if workers > 1 and len(pages) >= FORK_FROM and may_fork():
        _jobs = [(page, tooltips(page)) for page in pages]
        try:
            # The workers leave Ctrl-C to this process (which then waits for their shares)
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                     initializer=child_ignores_interrupt) as pool:
                with interrupt_held():  # the workers are forked on the first submit
                    jobs = [pool.submit(_render, range(n, len(pages), workers)) for n in range(workers)]
                shares = [job.result() for job in jobs]
            rendered = [b""] * len(pages)
            for n, share in enumerate(shares):
                rendered[n::workers] = share
            processes = workers
            return {page.path: text for page, text in zip(pages, rendered)}
        except Exception:  # noqa: BLE001  rendered again below, where the error is raised as a one-process run raises it
            pass
        finally:
            _jobs = []
    return {page.path: memo.encoded(page.text(tooltips(page))) for page in pages}


def _render(share: range) -> list[bytes]:
    return [_jobs[i][0].text(_jobs[i][1]).encode("utf-8") for i in share]
