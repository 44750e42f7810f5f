"""A generator step run beside it (generator/core/beside.py): in a forked child where the process
may fork, with the same result, error or not, as run in the process itself."""
from __future__ import annotations

import os
import signal
import threading

import pytest

from generator.core import beside
from generator.core.errors import InputError, Problem

pytestmark = pytest.mark.skipif(threading.active_count() != 1 or (os.cpu_count() or 1) < 2,
                                reason="a process with threads, or one core, runs the step itself")


def test_the_step_runs_in_a_child_and_its_result_comes_back():
    parent = os.getpid()
    pid, problems = beside.start(lambda: (os.getpid(), [Problem("docs/x.md", 3, "message", "fix")]))()
    assert pid != parent and problems == [Problem("docs/x.md", 3, "message", "fix")]


def test_an_error_of_the_step_is_raised_in_the_process_with_its_problems():
    def step():
        raise InputError([Problem("docs/x.md", 2, "bad", "fix it")])
    with pytest.raises(InputError) as err:
        beside.start(step)()
    assert err.value.problems == [Problem("docs/x.md", 2, "bad", "fix it")]


def test_a_child_that_stopped_leaves_the_step_to_the_process():
    parent = os.getpid()

    def step():
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return "ran here"
    assert beside.start(step)() == "ran here"
