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
    """`make build`'s one command as two, the generator alone and then the publish (the profile
    and the languages' comparison need the generated tree without a published site)."""
    return [[PY, "-m", "generator", "--root", str(root), "build"],
            [PY, "-m", "generator", "--root", str(root), "publish", "--site-dir", str(root / "site")]]


def build_command(root: Path) -> list[str]:
    """What `make build` runs once its packages are installed: one process, generator then publish."""
    return [PY, "-m", "generator", "--root", str(root), "build", "--publish"]


def publish_stages(publish_output: str) -> dict[str, float]:
    """The publish's seconds per stage: `publish: languages 12.1 s, merge 0.2 s, search index 4.0 s`."""
    line = next(line for line in publish_output.splitlines() if line.startswith("publish:"))
    return {name.strip(): float(secs) for name, secs in re.findall(r"([a-z ]+) ([\d.]+) s", line.split(":", 1)[1])}


SCENARIOS = {"synthetic": synthetic.write_items, "realistic": realistic.write_items}


def build(root: Path) -> dict:
    """`make build`'s command in `root` (items written): wall and CPU seconds, the generator's part
    (until it reports the files it wrote), the publish stages, peak memory."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(build_command(root), cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=stderr,
                                text=True)
        lines, generated = [], None
        for line in proc.stdout:  # the generator's line comes when it has written build/docs
            lines.append(line)
            if generated is None and line.startswith("generator:"):
                generated = time.perf_counter() - start
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0 or generated is None:
            stderr.seek(0)
            raise SystemExit(f"failed: {' '.join(build_command(root))}\n{stderr.read().decode()[-2000:]}")
    return {"build_s": round(elapsed, 2), "generator_s": round(generated, 2), "publish_s": round(elapsed - generated, 2),
            "build_cpu_s": round(usage.ru_utime + usage.ru_stime, 2),  # wait4: with every process it waited for
            "publish_stages_s": publish_stages("".join(lines)), "peak_mib": usage.ru_maxrss // 1024}


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
