"""A step of the generator run beside it, in a forked child, on a core it would leave idle.

The generator's reading runs on one core: at 1000 items, checking every docs/ file's HTML and
links while the news files are read kept the other core idle for about half a second of a cold
`make build`. Where the process may fork (`may_fork`), `started` forks a child that runs the step
on what the process holds now and sends back its result; elsewhere the step runs when its result
is asked for. Either way the result is the same.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from . import memo

T = TypeVar("T")


def usable_cores() -> int:
    """The cores this process may run on (`taskset` and containers may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def may_fork() -> bool:
    """A command-line run on more than one core. Not the preview's server: it has threads (a forked
    child could inherit a held lock), and its memo (core/memo.py) keeps what each step found only
    when the step runs in the process itself."""
    return threading.active_count() == 1 and usable_cores() > 1 and not memo.active()


@contextmanager
def interrupt_held() -> Iterator[None]:
    """Around a fork: a Ctrl-C waits until the parent has its child and the child has set what it
    does with one (in between, the child would print a traceback of its own)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def child_ignores_interrupt() -> None:
    """In a child forked under `interrupt_held`: Ctrl-C is the parent's to report (it ends its
    children), and a child would print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def started(step: Callable[[], T]) -> Iterator[Callable[[], T]]:
    """Start `step`; the function given gives its result, or raises what it raised. Leaving the
    block without asking for it (an error in between) ends the child."""
    if not may_fork():
        yield step
        return
    fork = multiprocessing.get_context("fork")
    ours, theirs = fork.Pipe(duplex=False)
    child = fork.Process(target=_run, args=(step, theirs), daemon=True)
    with interrupt_held():
        child.start()
    theirs.close()
    asked = False

    def result() -> T:
        nonlocal asked
        asked = True
        try:
            failed, value = ours.recv()
        except Exception:  # noqa: BLE001  the child stopped, or its answer did not come back whole: run the step here
            failed, value = None, step()
        finally:
            ours.close()
            child.join()
        if failed:
            raise value
        return value

    try:
        yield result
    finally:
        if not asked:
            child.terminate()
            ours.close()
            child.join()


def _run(step: Callable[[], object], conn) -> None:
    child_ignores_interrupt()
    try:
        outcome = (False, step())
    except Exception as err:  # noqa: BLE001  raised again in the parent
        outcome = (True, err)
    try:
        conn.send(outcome)
    except Exception:  # noqa: BLE001  not picklable: the parent runs the step itself
        pass
