"""A generator step run beside it (generator/core/beside.py): in a forked child where the process
may fork, with the same result, error or not, as run in the process itself; in the process itself
under the preview's memo."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from generator.core import beside, memo
from generator.core.errors import InputError, Problem

pytestmark = pytest.mark.skipif(threading.active_count() != 1 or beside.usable_cores() < 2,
                                reason="a process with threads, or one core, runs the step itself")

PROBLEM = Problem("docs/x.md", 3, "message", "fix")


def test_the_step_runs_in_a_child_and_its_result_comes_back():
    with beside.started(lambda: (os.getpid(), [PROBLEM])) as result:
        pid, problems = result()
    assert pid != os.getpid() and problems == [PROBLEM]


def test_an_error_of_the_step_is_raised_in_the_process_with_its_problems():
    def step():
        raise InputError([PROBLEM])
    with pytest.raises(InputError) as err, beside.started(step) as result:
        result()
    assert err.value.problems == [PROBLEM]


def test_a_child_that_stopped_leaves_the_step_to_the_process():
    parent = os.getpid()

    def step():
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return "ran here"
    with beside.started(step) as result:
        assert result() == "ran here"


def test_leaving_before_the_result_ends_the_child(tmp_path):
    """An error between the start and the result (a bad catalogue): the child does not linger."""
    started = tmp_path / "pid"

    def step():
        started.write_text(str(os.getpid()))
        time.sleep(30)
    with pytest.raises(InputError), beside.started(step):
        while not (started.exists() and started.read_text()):
            time.sleep(0.01)
        raise InputError([PROBLEM])
    with pytest.raises(ProcessLookupError):  # ended and reaped
        os.kill(int(started.read_text()), 0)


def test_under_the_preview_s_memo_the_step_runs_in_the_process():
    with memo.remembering(), beside.started(lambda: os.getpid()) as result:
        assert result() == os.getpid()
