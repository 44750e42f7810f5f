"""A generator step run beside it (generator/core/beside.py): in a forked child where the process
may fork, with the same result, error or not, as run in the process itself; in the process itself
under the preview's memo. Each case runs in a fresh interpreter, as `make build` does: a test
worker that has run a browser test has threads, and would run every step in itself."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from generator.core import beside

pytestmark = pytest.mark.skipif(beside.usable_cores() < 2, reason="one core: every step runs in the process")

PRELUDE = """
import os, signal, sys, time
from generator.core import beside, memo
from generator.core.errors import InputError, Problem
PROBLEM = Problem("docs/x.md", 3, "message", "fix")
"""


def run(code: str, tmp_path=None) -> str:
    """`code` after PRELUDE in a new interpreter (one thread); what it printed."""
    done = subprocess.run([sys.executable, "-c", PRELUDE + code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_step_runs_in_a_child_and_its_result_comes_back():
    assert run("""
with beside.started(lambda: (os.getpid(), [PROBLEM])) as result:
    pid, problems = result()
print(pid != os.getpid(), problems == [PROBLEM])
""") == "True True"


def test_an_error_of_the_step_is_raised_in_the_process_with_its_problems():
    assert run("""
def step():
    raise InputError([PROBLEM])
try:
    with beside.started(step) as result:
        result()
except InputError as err:
    print(err.problems == [PROBLEM])
""") == "True"


def test_a_child_that_stopped_leaves_the_step_to_the_process():
    assert run("""
parent = os.getpid()
def step():
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return "ran here"
with beside.started(step) as result:
    print(result())
""") == "ran here"


def test_leaving_before_the_result_ends_the_child(tmp_path):
    """An error between the start and the result (a bad catalogue): the child does not linger."""
    assert run(f"""
started = {str(tmp_path / "pid")!r}
def step():
    open(started, "w").write(str(os.getpid()))
    time.sleep(30)
try:
    with beside.started(step):
        deadline = time.monotonic() + 20
        while not (os.path.exists(started) and open(started).read()) and time.monotonic() < deadline:
            time.sleep(0.01)
        raise InputError([PROBLEM])
except InputError:
    pass
try:
    os.kill(int(open(started).read()), 0)
    print("still there")
except ProcessLookupError:
    print("ended")
""") == "ended"


def test_under_the_preview_s_memo_the_step_runs_in_the_process():
    assert run("""
with memo.remembering(), beside.started(lambda: os.getpid()) as result:
    print(result() == os.getpid())
""") == "True"
