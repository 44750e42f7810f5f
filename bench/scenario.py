"""The bench's corpora, and one corpus built on its own (for profiling).

`synthetic` (bench/synthetic.py): items of about 600 English words and 1500 Chinese characters,
four sentences drawn anywhere to a paragraph. `realistic` (bench/realistic.py): six English and
five Chinese paragraphs of consecutive sentences, a real post's length.

    python -m bench.run --scenario realistic --sizes 1000 --only build [--keep DIR]

copies the project (into DIR, kept, or a temporary folder), writes the items, and times
`make build`'s two commands, printing the seconds and CPU seconds of each and the publish
stages as one JSON line per size. DIR then holds a built project to profile: e.g.
`cd DIR && py-spy record -o publish.svg -- python -m generator publish` (bench extra).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import realistic, synthetic
from generator.core.paths import copy_project as _copy

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
MKDOCS = str(Path(PY).with_name("mkdocs"))
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def copy_project(dest: Path) -> Path:
    """A copy of the build inputs; the CMS bundle (`publish` copies it into site/admin/) is the project's."""
    root = _copy(ROOT, dest)
    os.symlink(ROOT / "node_modules", root / "node_modules")
    return root


def timed(cmd: list[str], cwd: Path, out: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MiB) of one command (its largest process);
    its standard output in `out["stdout"]` and its CPU seconds (every process of it) in
    `out["cpu_s"]` if asked: on a shared machine the CPU seconds vary less than the wall time."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        stdout.seek(0)
        stderr.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{stderr.read().decode()[-2000:]}")
        if out is not None:
            out["stdout"] = stdout.read().decode()
            out["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 2)  # wait4: with the processes it waited for
    return elapsed, usage.ru_maxrss // 1024


def build_commands(root: Path) -> list[list[str]]:
    """What `make build` runs after install (there in one process: `build --publish`), as two
    commands so that each is timed."""
    return [[PY, "-m", "generator", "--root", str(root), "build"],
            [PY, "-m", "generator", "--root", str(root), "publish", "--site-dir", str(root / "site")]]


def publish_stages(publish_output: str) -> dict[str, float]:
    """The publish command's seconds per stage: `publish: languages 12.1 s, merge 0.2 s, search index 4.0 s`."""
    return {name.strip(): float(secs) for name, secs in re.findall(r"([a-z ]+) ([\d.]+) s", publish_output.split(":", 1)[1])}


SCENARIOS = {"synthetic": synthetic.write_items, "realistic": realistic.write_items}


def build(root: Path) -> dict:
    """`make build`'s commands in `root` (items written): wall and CPU seconds, stages, peak memory."""
    generate, publish = build_commands(root)
    gen_out: dict = {}
    generated = timed(generate, root, gen_out)
    out: dict = {}
    published = timed(publish, root, out)
    stages = publish_stages(out["stdout"])
    return {"build_s": round(generated[0] + published[0], 2), "generator_s": round(generated[0], 2),
            "publish_s": round(published[0], 2), "build_cpu_s": round(gen_out["cpu_s"] + out["cpu_s"], 2),
            "publish_cpu_s": out["cpu_s"], "publish_stages_s": stages,
            "peak_mib": max(generated[1], published[1])}


def only_build(scenario: str, sizes: list[int], keep: Path | None) -> int:
    """`--only build`: each size's build, one JSON line each."""
    work = keep or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        for n in sizes:
            root = work / f"{scenario}{n}"
            if root.exists():
                shutil.rmtree(root)
            copy_project(root)
            SCENARIOS[scenario](root, n)
            result = {"scenario": scenario, "items": n}
            result.update(build(root))
            if keep:
                result["kept"] = str(root)
            print(json.dumps(result), flush=True)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0
