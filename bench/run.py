"""`make bench`: build the portal with N synthetic bilingual news items and measure it.

For each N (BENCH_SIZES, default 100,1000,5000) in a temporary copy of the project:
full cold build (generator + `generator publish`: the languages' strict MkDocs builds side
by side, merged, Pagefind) wall time and peak memory (the largest single process),
the same Markdown built by Hugo and by a plain Material + static-i18n + built-in search
peer (bench/peer.py), site size, a news page's and the news index's HTML, and in Chromium
(all requests, gzip as a server sends them) the first load of a Chinese news page and the
bytes of a first Chinese query, for the portal and the peer. At 1000 items (or the
largest N below it) also: edit-to-preview under `make serve`, how fast every page answers
after a bad edit, and a cProfile of the build. Results go to bench/results/.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench import hugo_site, peer, preview, scenario, synthetic  # noqa: E402
from bench.scenario import ENV, MKDOCS, PY, build_commands, copy_project, timed  # noqa: E402
from generator.core.site_config import site_names  # noqa: E402


RESULTS = ROOT / "bench" / "results"
QUERY_ZH = "招商引资"
LOCALES = tuple(site_names(ROOT))  # every language the site builds: en first, then zh, zh-hant


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def _file_for(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).removeprefix("/portal/")
    target = site / path
    if path.endswith("/") or path == "":
        target = target / "index.html"
    return target if target.is_file() else None


def browser_bytes(site: Path, page: str, query: str, portal: bool) -> dict:
    """Bytes (gzip as served) Chromium downloads for the first view of `page`, then for a first query."""
    from browser import browser, search, serve

    def total(urls: list[str]) -> int:
        files = {_file_for(site, u) for u in urls}
        return sum(gz(f.read_bytes()) for f in files if f)

    with serve(site, mount="portal") as base, browser() as chromium:
        context = chromium.new_context()
        seen: list[str] = []
        context.on("requestfinished", lambda request: seen.append(request.url))
        tab = context.new_page()
        tab.goto(f"{base}/{page}")
        tab.wait_for_load_state("networkidle")
        loaded = list(seen)
        seen.clear()
        if portal:
            search(tab, query)
        else:  # Material's own search box
            box = tab.locator("input[data-md-component=search-query]")
            box.click()
            box.fill(query)
            box.press("End")
            tab.wait_for_timeout(1500)
        tab.wait_for_load_state("networkidle")
        queried = list(seen)
        context.close()
    index = [u for u in loaded if "search_index.json" in u or "/pagefind/" in u]
    return {"first_load_gz_kib": round(total(loaded) / 1024, 1), "index_on_load_gz_kib": round(total(index) / 1024, 1),
            "first_query_gz_kib": round(total(queried) / 1024, 1)}


# One page of each type: a cold first view of each (a fresh browser context), in each language
PAGE_TYPES = {"home": "", "news item": "news/bench-item-0/", "news index": "news/", "sectors": "sectors/",
              "parks": "parks/", "figures": "figures/", "glossary": "glossary/", "contact": "contact/",
              "404": "no-such-page/"}


def page_weights(root: Path, site: Path) -> dict:
    """Requests and bytes (gzip, as GitHub Pages sends them) of a cold first view of each page
    type in Chromium, at the site's public address (tests/browser.py GitHubPages), and the
    requests that found nothing; the heaviest language of each type."""
    from browser import GitHubPages, browser, site_address, view

    weights: dict = {}
    with browser() as chromium:
        for lang in ("", *(f"{x}/" for x in LOCALES[1:])):
            for name, path in PAGE_TYPES.items():
                context = chromium.new_context()
                pages = GitHubPages(site, site_address(root))
                pages.attach(context)
                seen = view(context, pages, lang + path)
                context.close()
                now = {"requests": len(seen.requests), "gz_kib": round(seen.gzip_bytes / 1024, 1),
                       "failed": len(seen.failed) + len(seen.console_errors)}
                before = weights.get(name)
                weights[name] = {k: max(now[k], before[k]) if before else now[k] for k in now}
    return weights


# Where the build's time goes: cumulative seconds of the stages named in the issue
STAGES = {
    "Markdown to HTML (Python-Markdown and its extensions)": ("mkdocs/commands/build.py", "_populate_page"),
    "page templates (Material, Jinja)": ("mkdocs/commands/build.py", "_build_page"),
    "glossary abbreviations (abbr)": ("markdown/extensions/abbr.py", "run"),
    "mkdocs-static-i18n: files per language": ("mkdocs_static_i18n/reconfigure.py", "reconfigure_files"),
}


def profile(root: Path) -> dict:
    """cProfile of the languages' MkDocs builds in one process, as mkdocs-static-i18n runs them alone
    (the generator runs first, unprofiled; Pagefind is timed in the publish run): stages and top entries."""
    subprocess.run(build_commands(root)[0], check=True, env=ENV, stdout=subprocess.DEVNULL)
    out = root / "build.prof"
    subprocess.run([PY, "-m", "cProfile", "-o", str(out), MKDOCS, "build", "-q", "-f", str(root / "mkdocs.yml"),
                    "-d", str(root / "site-prof")], check=True, env=ENV, cwd=root,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = pstats.Stats(str(out))
    total = max(ct for _, _, _, ct, _ in stats.stats.values())
    stages = {"whole MkDocs build (three languages, one process)": round(total, 1)}
    for name, (path, func) in STAGES.items():
        stages[name] = round(sum(ct for (file, _, fn), (_, _, _, ct, _) in stats.stats.items()
                                 if file.endswith(path) and fn == func), 1)
    text = io.StringIO()
    pstats.Stats(str(out), stream=text).sort_stats("tottime").print_stats(15)
    lines = [line for line in text.getvalue().splitlines() if re.match(r"\s+\d", line)]
    top = [re.sub(r"\s+", " ", line.strip()).replace(str(Path(sys.prefix)), "") for line in lines[:15]]
    return {"profile_stages_s": stages, "profile_top": top}


def one_process(root: Path) -> dict:
    """The languages built the way mkdocs-static-i18n does alone, one after another in one
    process (`mkdocs build`, no search index), against the same stage of `make build`."""
    sequential, _ = timed([MKDOCS, "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"),
                           "-d", str(root / "site-one-process")], root)
    return {"languages_in_one_process_s": round(sequential, 2)}


def measure(n: int, work: Path, deep: bool) -> dict:
    root = copy_project(work / f"n{n}")
    synthetic.write_items(root, n)
    result: dict = {"items": n}
    built = scenario.build(root)
    seconds = built.pop("publish_stages_s")
    result.update(built, languages_in_parallel_s=round(seconds["languages"], 2),
                  search_index_s=round(seconds.get("search index", 0.0), 2))
    site = root / "site"
    result["site_mib"] = round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1)
    result["news_page_kib"] = round((site / "news" / "bench-item-0" / "index.html").stat().st_size / 1024, 1)
    result["news_index_kib"] = round(max((site / lang / "news" / "index.html").stat().st_size
                                         for lang in ("", *(f"{x}/" for x in LOCALES[1:]))) / 1024, 1)
    result["indexed_pages"] = {lang: v["page_count"] for bundle in (site / "pagefind", *site.glob("*/pagefind"))
                               for lang, v in json.loads((bundle / "pagefind-entry.json").read_text())["languages"].items()}
    result.update({f"portal_{k}": v for k, v in
                   browser_bytes(site, "zh/news/bench-item-0/", QUERY_ZH, portal=True).items()})
    result["page_types"] = page_weights(root, site)

    other, hugo = anchors(root, work, f"{n}", result)
    result["ratio_to_hugo"] = round(result["build_s"] / result["hugo_s"], 1)
    result.update({f"peer_{k}": v for k, v in
                   browser_bytes(other / "site", "zh/news/bench-item-0/", QUERY_ZH, portal=False).items()})
    shutil.rmtree(other, ignore_errors=True)
    shutil.rmtree(hugo, ignore_errors=True)
    if deep:
        result.update(preview.serve_latency(root, PY, MKDOCS, ENV))
        result.update(one_process(root))
        result.update(profile(root))
    shutil.rmtree(root, ignore_errors=True)
    return result


def anchors(root: Path, work: Path, name: str, result: dict) -> tuple[Path, Path]:
    """The peer's and Hugo's builds of `root`'s news Markdown, timed into `result` (with the
    portal's ratio to the peer); their folders, for the caller to read and remove."""
    hugo = hugo_site.make_site(root / "docs" / "news", work / f"hugo-{name}")
    result["hugo_s"] = round(timed(hugo_site.hugo_command(hugo), hugo)[0], 2)
    other = peer.make_site(root / "docs" / "news", work / f"peer-{name}")
    result["peer_s"] = round(timed([MKDOCS, "build", "-q", "-f", str(other / "mkdocs.yml"),
                                    "-d", str(other / "site")], other)[0], 2)
    result["ratio_to_peer"] = round(result["build_s"] / result["peer_s"], 2)
    return other, hugo


def realistic_run(n: int, work: Path) -> dict:
    """The realistic items (bench/realistic.py): the portal's build, the peer's and Hugo's on the same Markdown."""
    root = copy_project(work / f"realistic{n}")
    scenario.SCENARIOS["realistic"](root, n)
    result: dict = {"items": n, **scenario.build(root)}
    other, hugo = anchors(root, work, f"realistic{n}", result)
    for tree in (root, other, hugo):
        shutil.rmtree(tree, ignore_errors=True)
    return result


def seeds_build() -> tuple[float, float]:
    """The real seeds: `make build`'s command after install (generator and publish), in a fresh
    copy (the fact sheets rendered) and again (build/cache kept, as on an editor's machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "seeds")
        command = [PY, "-m", "generator", "--root", str(root), "build", "--publish"]
        cold = timed(command, root)[0]
        warm = timed(command, root)[0]
        return round(cold, 2), round(warm, 2)


# The targets of the search-and-build issue: (what, measured value, limit, unit)
def targets(report: dict) -> list[tuple[str, float | None, float, str]]:
    runs = {r["items"]: r for r in report["runs"]}

    def get(n, key):
        return runs.get(n, {}).get(key)

    index_on_load = [r.get("portal_index_on_load_gz_kib") for r in report["runs"]]
    real = report.get("realistic", {}) if report.get("realistic", {}).get("items") == 1000 else {}
    return [
        ("1000 items: cold build (make build's commands)", get(1000, "build_s"), 18, "s"),
        ("1000 realistic items: cold build as a multiple of the peer's", real.get("ratio_to_peer"), 1.5, "×"),
        ("1000 items: cold build as a multiple of Hugo's", get(1000, "ratio_to_hugo"), 6, "×"),
        ("1000 items: cold build as a multiple of the peer's", get(1000, "ratio_to_peer"), 0.5, "×"),
        ("1000 items: an edit shows in make serve", get(1000, "serve_edit_s"), 2, "s"),
        ("1000 items: after a bad edit, the slowest page answer", get(1000, "serve_bad_edit_answer_s"), 1, "s"),
        ("search index bytes on page load, any size (gzip)",
         max(index_on_load) if index_on_load and None not in index_on_load else None, 0, "KiB"),
        ("5000 items: first load of a Chinese news page (gzip)", get(5000, "portal_first_load_gz_kib"), 100, "KiB"),
        ("5000 items: first Chinese query (gzip)", get(5000, "portal_first_query_gz_kib"), 150, "KiB"),
        ("5000 items: news index page HTML", get(5000, "news_index_kib"), 60, "KiB"),
        ("real seeds: make build after install (cold copy)", report["seeds_build_s"], 4, "s"),
        ("real seeds: make build again (build/cache kept)", report.get("seeds_build_warm_s"), 4, "s"),
    ]


def target_lines(report: dict) -> list[str]:
    lines = ["| target | measured | limit | verdict |", "|---|---|---|---|"]
    for what, value, limit, unit in targets(report):
        if value is None:
            verdict = "not measured"
        elif value <= limit:
            verdict = "met"
        else:
            verdict = f"missed ({value / limit:.1f}× the limit)" if limit else "missed"
        lines.append(f"| {what} | {value if value is not None else '–'} {unit} | {limit} {unit} | {verdict} |")
    return lines


KEYS = ["items", "build_s", "build_cpu_s", "generator_s", "publish_s", "search_index_s", "peak_mib", "site_mib", "news_page_kib", "news_index_kib",
        "hugo_s", "ratio_to_hugo", "peer_s", "ratio_to_peer",
        "portal_first_load_gz_kib", "portal_index_on_load_gz_kib", "portal_first_query_gz_kib",
        "peer_first_load_gz_kib", "peer_index_on_load_gz_kib", "peer_first_query_gz_kib",
        "serve_edit_s", "serve_bad_edit_answer_s", "languages_in_one_process_s", "languages_in_parallel_s"]


def realistic_lines(report: dict) -> list[str]:
    real = report.get("realistic")
    if not real:
        return []
    return [f"Realistic items (bench/realistic.py), {real['items']}: build {real['build_s']} s (generator "
            f"{real['generator_s']} s, publish {real['publish_s']} s: " +
            ", ".join(f"{k} {v} s" for k, v in real["publish_stages_s"].items()) +
            f"; {real['build_cpu_s']} CPU s, peak {real['peak_mib']} MiB), the peer {real['peer_s']} s "
            f"({real['ratio_to_peer']} ×), Hugo {real['hugo_s']} s.", ""]


def markdown_table(report: dict) -> str:
    rows = report["runs"]
    lines = ["| " + " | ".join(KEYS) + " |", "|" + "---|" * len(KEYS)]
    for row in rows:
        lines.append("| " + " | ".join(str(row.get(k, "")) for k in KEYS) + " |")
    out = [f"# Benchmark ({report['date']})", "",
           f"Machine: {report['cpus']} CPUs, Python {report['python']}; " +
           ", ".join(f"{k} {v}" for k, v in report["versions"].items()), "",
           f"Real seeds, `make build` after install (cold copy): {report['seeds_build_s']} s; "
           f"again, with build/cache kept: {report.get('seeds_build_warm_s', '–')} s", "",
           "Where each target stands and why: [the notes](../README.md#where-the-targets-stand).", "",
           "Sizes in KiB; bytes measured in Chromium are gzip as served, for the Chinese page",
           f"`zh/news/bench-item-0/` and the query `{QUERY_ZH}`.", "", *lines, "",
           *realistic_lines(report), "## Targets", "", *target_lines(report), "",
           "## Page types: cold first view in Chromium (the heaviest language)", "",
           "Requests, bytes (gzip, KiB) and requests that found nothing or console errors, at the site's",
           "public address as GitHub Pages serves it; limits: 8 requests, 70 KiB.", ""]
    for row in rows:
        if "page_types" in row:
            out += [f"{row['items']} items:", "", "| page type | requests | KiB gzip | failed |", "|---|---|---|---|"]
            out += [f"| {name} | {w['requests']} | {w['gz_kib']} | {w['failed']} |" for name, w in row["page_types"].items()]
            out += [""]
    for row in rows:
        if "profile_top" in row:
            out += [f"## Profile at {row['items']} items", "", "Cumulative seconds (cProfile, so slower than the plain build):", ""]
            out += [f"- {name}: {secs} s" for name, secs in row["profile_stages_s"].items()]
            out += ["", "Top entries by own time:", "", "```", *row["profile_top"], "```", ""]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="rewrite results.md from the last results.json")
    parser.add_argument("--scenario", choices=scenario.SCENARIOS, default="synthetic")
    parser.add_argument("--sizes", help="item counts, e.g. 1000 (default: BENCH_SIZES or 100,1000,5000)")
    parser.add_argument("--only", choices=["build"], help="build: only time make build's commands (bench/scenario.py)")
    parser.add_argument("--keep", type=Path, help="with --only build: build in this folder and keep it")
    args = parser.parse_args()
    if args.report:  # rewrite the Markdown from the last results.json
        report = json.loads((RESULTS / "results.json").read_text())
        (RESULTS / "results.md").write_text(markdown_table(report))
        print(markdown_table(report))
        return 0
    sizes = [int(x) for x in (args.sizes or os.environ.get("BENCH_SIZES", "100,1000,5000")).split(",")]
    if args.only == "build":
        return scenario.only_build(args.scenario, sizes, args.keep and args.keep.resolve())
    deep = max([n for n in sizes if n <= 1000] or [min(sizes)])
    report = {"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "python": platform.python_version(),
              "languages": list(LOCALES),
              "versions": {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                                                            "pagefind", "jieba")}
              | {"hugo": hugo_site.hugo_version()},
              "runs": []}
    report["seeds_build_s"], report["seeds_build_warm_s"] = seeds_build()
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(f"bench: {n} items …", flush=True)
            report["runs"].append(measure(n, Path(tmp), deep=(n == deep)))
            print(json.dumps({k: v for k, v in report["runs"][-1].items() if not k.startswith("profile")}), flush=True)
        print(f"bench: {deep} realistic items …", flush=True)
        report["realistic"] = realistic_run(deep, Path(tmp))
        print(json.dumps(report["realistic"]), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "results.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    (RESULTS / "results.md").write_text(markdown_table(report))
    print(markdown_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
