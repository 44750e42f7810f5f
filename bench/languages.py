"""`python -m bench.languages`: does building the languages side by side pay on this machine?

For N synthetic items (BENCH_SIZES, default 1000) in a temporary copy of the project: the
seconds of `make build`'s language stage (one MkDocs process per language, side by side)
against the same languages built one after another in one process, as mkdocs-static-i18n
does alone. Small enough for a CI runner (.github/workflows/bench-languages.yml writes the
result to the run's summary); `make bench` measures the same among everything else.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from bench import run, scenario, synthetic


def measure(n: int, work: Path) -> dict:
    root = scenario.copy_project(work / f"n{n}")
    synthetic.write_items(root, n)
    generator, publish = scenario.build_commands(root)
    scenario.timed(generator, root)
    out: dict = {}
    scenario.timed(publish, root, out)
    parallel = scenario.publish_stages(out["stdout"])["languages"]
    one = run.one_process(root)["languages_in_one_process_s"]
    return {"items": n, "cpus": os.cpu_count(), "languages_in_parallel_s": round(parallel, 2),
            "languages_in_one_process_s": one, "speedup": round(one / parallel, 2)}


def main() -> int:
    sizes = [int(x) for x in os.environ.get("BENCH_SIZES", "1000").split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(n, Path(tmp)) for n in sizes]
    print(json.dumps(results, indent=1))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("| items | CPUs | languages side by side (s) | in one process (s) | speed-up |\n|---|---|---|---|---|\n")
            for r in results:
                out.write(f"| {r['items']} | {r['cpus']} | {r['languages_in_parallel_s']} | "
                          f"{r['languages_in_one_process_s']} | {r['speedup']} × |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
