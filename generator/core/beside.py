"""A step of the generator run beside it, in a forked child, on a core it would leave idle.

The generator's reading runs on one core: at 1000 items, checking every docs/ file's HTML and
links while the news files are read kept the other core idle for about half a second of a cold
`make build`. Where the process may fork (one thread, more than one core: a command-line run;
the preview's server has threads, and a forked child could inherit a held lock), `start` forks
a child that runs the step on what the process holds now and sends back its result; elsewhere
the step runs when its result is asked for. Either way the result is the same.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def start(step: Callable[[], T]) -> Callable[[], T]:
    """Start `step`; the function returned gives its result, or raises what it raised."""
    if threading.active_count() != 1 or (os.cpu_count() or 1) < 2:
        return step
    fork = multiprocessing.get_context("fork")
    ours, theirs = fork.Pipe(duplex=False)
    # daemon: a run stopped by an earlier error ends without waiting for it
    child = fork.Process(target=_run, args=(step, theirs), daemon=True)
    child.start()
    theirs.close()

    def result() -> T:
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

    return result


def _run(step: Callable[[], object], conn) -> None:
    try:
        outcome = (False, step())
    except Exception as err:  # noqa: BLE001  raised again in the parent
        outcome = (True, err)
    try:
        conn.send(outcome)
    except Exception:  # noqa: BLE001  not picklable: the parent runs the step itself
        pass
