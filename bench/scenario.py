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
import shutil
import tempfile
from pathlib import Path

from bench import realistic, synthetic

SCENARIOS = {"synthetic": synthetic.write_items, "realistic": realistic.write_items}


def build(root: Path, timed, build_commands, publish_stages) -> dict:
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


def only_build(scenario: str, sizes: list[int], keep: Path | None, run) -> int:
    """`--only build`: each size's build, one JSON line each."""
    work = keep or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        for n in sizes:
            root = work / f"{scenario}{n}"
            if root.exists():
                shutil.rmtree(root)
            run.copy_project(root)
            SCENARIOS[scenario](root, n)
            result = {"scenario": scenario, "items": n}
            result.update(build(root, run.timed, run.build_commands, run.publish_stages))
            if keep:
                result["kept"] = str(root)
            print(json.dumps(result), flush=True)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0
