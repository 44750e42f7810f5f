"""`make bench`: build the portal with N synthetic bilingual news items and measure it.

For each N (BENCH_SIZES, default 100,1000,5000) in a temporary copy of the project:
full build wall time and peak memory, site size, one news page's HTML size, the
search index per language (raw and gzip), the first load of a news page, and the
same Markdown built by Hugo for comparison. At 1000 items (or the largest N below
it) also: the time `mkdocs serve` takes to show an edit, and a cProfile of the build.
Results go to bench/results/ as JSON and as a Markdown table.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import platform
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import hugo_site, synthetic  # noqa: E402
from generator.paths import copy_project as _copy  # noqa: E402


def copy_project(dest: Path) -> Path:
    return _copy(ROOT, dest)

PY = sys.executable
MKDOCS = str(Path(PY).with_name("mkdocs"))
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
RESULTS = ROOT / "bench" / "results"
SERVE_ARGS = ["--livereload"]  # as `make serve` runs it (--dirty does not show edits with mkdocs-static-i18n)


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MiB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def build_commands(root: Path) -> list[list[str]]:
    return [[PY, "-m", "generator", "--root", str(root), "build"],
            [MKDOCS, "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def first_load(site: Path, page: Path, lang: str) -> dict:
    """Bytes a first visit to `page` downloads (gzip): HTML, CSS, JS, and this language's search index."""
    html = page.read_bytes()
    assets = re.findall(rb'<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"', html)
    total = gz(html)
    for asset in set(assets):
        path = (page.parent / asset.decode()).resolve()
        if path.is_file():
            total += gz(path.read_bytes())
    index = site / (lang + "/" if lang != "en" else "") / "search" / "search_index.json"
    index_gz = gz(index.read_bytes())
    return {"page_and_assets_gz": total, "search_index_gz": index_gz, "total_gz": total + index_gz}


def serve_latency(root: Path) -> float:
    """Seconds from saving an edit to one news item until `mkdocs serve` shows it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([MKDOCS, "serve", *SERVE_ARGS, "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
                            cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/portal/news/bench-item-0/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 900
        while "Bench item 0" not in page():
            if time.monotonic() > deadline:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.5)
        time.sleep(3)
        item = root / "docs" / "news" / "bench-item-0.md"
        start = time.perf_counter()
        item.write_text(item.read_text(encoding="utf-8") + "\nZebrafinchmarker.\n", encoding="utf-8")
        while "Zebrafinchmarker" not in page():
            if time.perf_counter() - start > 900:
                raise SystemExit("edit never showed")
            time.sleep(0.1)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def profile(root: Path) -> list[str]:
    """Top entries of a cProfile of the MkDocs build (the generator runs first, unprofiled)."""
    subprocess.run(build_commands(root)[0], check=True, env=ENV, stdout=subprocess.DEVNULL)
    out = root / "build.prof"
    subprocess.run([PY, "-m", "cProfile", "-o", str(out), MKDOCS, "build", "-q", "-f", str(root / "mkdocs.yml"),
                    "-d", str(root / "site-prof")], check=True, env=ENV, cwd=root,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = io.StringIO()
    pstats.Stats(str(out), stream=text).sort_stats("tottime").print_stats(15)
    lines = [line for line in text.getvalue().splitlines() if re.match(r"\s+\d", line)]
    return [re.sub(r"\s+", " ", line.strip()) for line in lines[:15]]


def measure(n: int, work: Path, deep: bool) -> dict:
    root = copy_project(work / f"n{n}")
    synthetic.write_items(root, n)
    result: dict = {"items": n}
    walls, peaks = zip(*(timed(cmd, root) for cmd in build_commands(root)))
    result.update(build_s=round(sum(walls), 2), generator_s=round(walls[0], 2), mkdocs_s=round(walls[1], 2),
                  peak_mib=max(peaks))
    site = root / "site"
    result["site_mib"] = round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1)
    page = site / "news" / "bench-item-0" / "index.html"
    result["news_page_kib"] = round(page.stat().st_size / 1024, 1)
    for lang, index in (("en", site / "search" / "search_index.json"), ("zh", site / "zh" / "search" / "search_index.json")):
        data = index.read_bytes()
        result[f"search_{lang}_kib"] = round(len(data) / 1024)
        result[f"search_{lang}_gz_kib"] = round(gz(data) / 1024)
    load = first_load(site, site / "zh" / "news" / "bench-item-0" / "index.html", "zh")
    result["first_load_zh_news_gz_kib"] = round(load["total_gz"] / 1024)
    hugo = hugo_site.make_site(root / "docs" / "news", work / f"hugo{n}")
    hugo_s, _ = timed(hugo_site.hugo_command(hugo), hugo)
    result["hugo_s"] = round(hugo_s, 2)
    result["ratio_to_hugo"] = round(result["build_s"] / hugo_s, 1)
    if deep:
        result["serve_edit_s"] = round(serve_latency(root), 2)
        result["profile_top"] = profile(root)
    shutil.rmtree(root / "site", ignore_errors=True)
    return result


def seeds_build() -> float:
    """The real seeds: the whole `make build` work after install (generator + strict build)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "seeds")
        return round(sum(timed(cmd, root)[0] for cmd in build_commands(root)), 2)


# The targets of the performance issue: (what, measured value, limit, unit)
def targets(report: dict) -> list[tuple[str, float | None, float, str]]:
    runs = {r["items"]: r for r in report["runs"]}
    def get(n, key):
        return runs.get(n, {}).get(key)
    rows = [("real seeds: generator + strict build", report["seeds_build_s"], 5, "s"),
            ("1000 items: build time as a multiple of Hugo's", get(1000, "ratio_to_hugo"), 4, "×"),
            ("build time at 5000 / at 1000", round(get(5000, "build_s") / get(1000, "build_s"), 2)
             if get(5000, "build_s") and get(1000, "build_s") else None, 5.5, "×"),
            ("news page HTML at 5000 / at 100", round(get(5000, "news_page_kib") / get(100, "news_page_kib"), 2)
             if get(5000, "news_page_kib") and get(100, "news_page_kib") else None, 1.1, "×"),
            ("peak memory at 5000 items", get(5000, "peak_mib"), 1024, "MiB"),
            ("first load of a Chinese news page at 1000 items (gzip)", get(1000, "first_load_zh_news_gz_kib"), 120, "KiB"),
            ("an edit shows in mkdocs serve at 1000 items", get(1000, "serve_edit_s"), 3, "s")]
    return rows


def target_lines(report: dict) -> list[str]:
    lines = ["| target | measured | limit | verdict |", "|---|---|---|---|"]
    for what, value, limit, unit in targets(report):
        if value is None:
            verdict = "not measured"
        elif value <= limit:
            verdict = "met"
        else:
            verdict = f"missed by {value / limit:.1f}×"
        lines.append(f"| {what} | {value if value is not None else '–'} {unit} | {limit} {unit} | {verdict} |")
    return lines


def markdown_table(report: dict) -> str:
    rows = report["runs"]
    keys = ["items", "build_s", "generator_s", "mkdocs_s", "peak_mib", "site_mib", "news_page_kib",
            "search_en_kib", "search_en_gz_kib", "search_zh_kib", "search_zh_gz_kib", "first_load_zh_news_gz_kib",
            "hugo_s", "ratio_to_hugo", "serve_edit_s"]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        lines.append("| " + " | ".join(str(row.get(k, "")) for k in keys) + " |")
    out = [f"# Benchmark ({report['date']})", "",
           f"Machine: {report['cpus']} CPUs, Python {report['python']}; " +
           ", ".join(f"{k} {v}" for k, v in report["versions"].items()), "",
           f"Real seeds, generator + strict build: {report['seeds_build_s']} s", "", *lines, "",
           "## Targets", "", *target_lines(report), ""]
    for row in rows:
        if "profile_top" in row:
            out += [f"cProfile of the MkDocs build at {row['items']} items (top by own time):", "", "```",
                    *row["profile_top"], "```", ""]
    return "\n".join(out)


def main() -> int:
    if sys.argv[1:] == ["--report"]:  # rewrite the Markdown from the last results.json
        report = json.loads((RESULTS / "results.json").read_text())
        (RESULTS / "results.md").write_text(markdown_table(report))
        print(markdown_table(report))
        return 0
    sizes = [int(x) for x in os.environ.get("BENCH_SIZES", "100,1000,5000").split(",")]
    deep = max([n for n in sizes if n <= 1000] or [min(sizes)])
    report = {"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "python": platform.python_version(),
              "versions": {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba")}
              | {"hugo": hugo_site.hugo_version()},
              "seeds_build_s": seeds_build(), "runs": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(f"bench: {n} items …", flush=True)
            report["runs"].append(measure(n, Path(tmp), deep=(n == deep)))
            print(json.dumps({k: v for k, v in report["runs"][-1].items() if k != "profile_top"}), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "results.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    (RESULTS / "results.md").write_text(markdown_table(report))
    print(markdown_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
