"""The publish runs the languages' builds and search indexes on the cores it has: no more at once
than there are cores, a waiting build before a waiting index, each index after its own build,
the language with the most Markdown first, and a failure raised only once nothing it started
still runs (generator/publish/build.py). Real threads, jobs that sleep; the workload of real
generated trees."""
from __future__ import annotations

import threading
import time

import pytest

from generator.publish.build import _schedule

CODES = ["en", "zh", "zh-hant"]  # mkdocs.yml's order


class Jobs:
    def __init__(self, seconds: dict[tuple[str, str], float], fail: str | None = None):
        self.seconds, self.fail = seconds, fail
        self.events: list[tuple[str, str, str]] = []  # (start|end, build|index, code)
        self.running = self.most = 0
        self.lock = threading.Lock()

    def job(self, kind: str):
        def run(code: str) -> None:
            with self.lock:
                self.events.append(("start", kind, code))
                self.running += 1
                self.most = max(self.most, self.running)
            time.sleep(self.seconds.get((kind, code), 0.05))
            with self.lock:
                self.running -= 1
                self.events.append(("end", kind, code))
            if (kind, code) == ("build", self.fail):
                raise OSError(28, "No space left on device")
        return run

    def at(self, what: str, kind: str, code: str) -> int:
        return self.events.index((what, kind, code))


# The seeds' tree and the bench's at 1000 items: the Traditional pages a little longer than the others'
WORK = {"en": 7_040_000, "zh": 7_100_000, "zh-hant": 7_240_000}


def schedule(jobs: Jobs, cores: int, indexed=lambda code: True, workload=WORK) -> float:
    return _schedule(CODES, jobs.job("build"), jobs.job("index"), cores, indexed, workload)


def test_two_cores_run_two_jobs_builds_first_and_the_most_work_first():
    jobs = Jobs({})
    schedule(jobs, cores=2)
    assert jobs.most == 2
    starts = [(kind, code) for what, kind, code in jobs.events if what == "start"]
    assert set(starts[:2]) == {("build", "zh-hant"), ("build", "zh")}  # two threads: either may log first
    # the third build starts before any index: a waiting build goes first
    assert starts[2] == ("build", "en")
    for code in CODES:
        assert jobs.at("end", "build", code) < jobs.at("start", "index", code)
    assert [code for kind, code in starts if kind == "index"][0] == "zh-hant"
    assert len(starts) == 6


def test_long_english_items_start_first():
    # the realistic items: English twice the bytes of either Chinese tree
    jobs = Jobs({})
    schedule(jobs, cores=1, workload={"en": 13_510_000, "zh": 7_890_000, "zh-hant": 8_030_000})
    starts = [(kind, code) for what, kind, code in jobs.events if what == "start"]
    assert starts[:3] == [("build", "en"), ("build", "zh-hant"), ("build", "zh")]
    assert [code for kind, code in starts if kind == "index"] == ["en", "zh-hant", "zh"]


def test_the_workload_is_each_language_s_markdown(built):
    from generator.core.paths import Layout
    from generator.publish.build import _workload

    docs = Layout(built.root).built_docs
    work = _workload(docs, CODES)
    assert work["zh-hant"] == sum(p.stat().st_size for p in docs.rglob("*.zh-hant.md"))
    assert work["zh"] == sum(p.stat().st_size for p in docs.rglob("*.zh.md"))
    assert work["en"] == sum(p.stat().st_size for p in docs.rglob("*.md")) - work["zh"] - work["zh-hant"]
    assert min(work.values()) > 100_000


def test_an_index_starts_as_soon_as_its_build_ends_and_a_core_is_free():
    # English builds long: the Traditional index runs beside it, not after it
    jobs = Jobs({("build", "en"): 0.4, ("build", "zh-hant"): 0.05, ("build", "zh"): 0.05})
    schedule(jobs, cores=2)
    assert jobs.at("start", "index", "zh-hant") < jobs.at("end", "build", "en")


def test_one_core_runs_one_job_at_a_time():
    jobs = Jobs({})
    schedule(jobs, cores=1)
    assert jobs.most == 1
    assert len(jobs.events) == 12


def test_a_language_whose_build_failed_gets_no_index():
    jobs = Jobs({})
    schedule(jobs, cores=2, indexed=lambda code: code != "zh")
    assert ("start", "index", "zh") not in jobs.events
    assert ("start", "index", "en") in jobs.events


def test_an_error_is_raised_once_the_running_jobs_have_ended_and_nothing_new_starts():
    # the Traditional build fails at once; the Chinese build beside it still runs for a while
    jobs = Jobs({("build", "zh-hant"): 0.01, ("build", "zh"): 0.3}, fail="zh-hant")
    with pytest.raises(OSError):
        schedule(jobs, cores=2)
    assert ("end", "build", "zh") in jobs.events  # waited for, not left running
    assert ("start", "build", "en") not in jobs.events
    assert not any(kind == "index" for _, kind, _ in jobs.events)
