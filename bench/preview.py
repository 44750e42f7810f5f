"""`make bench`: the preview as `make serve` runs it, timed (bench/run.py calls it).

Seconds from saving an edit until the preview shows it, and the slowest answer after a bad edit.
"""
from __future__ import annotations

import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()
    except OSError:
        return ""


def serve_latency(root: Path, python: str, mkdocs: str, env: dict) -> dict:
    """As `make serve` runs it: seconds from saving an edit until the preview shows it (median
    of three edits), and after a bad edit the slowest answer among a few pages."""
    subprocess.run([python, "-m", "generator", "--root", str(root), "build", "--drafts"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    port = _free_port()
    log = open(root / "serve.log", "w")
    proc = subprocess.Popen([mkdocs, "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}",
                             "-f", str(root / "mkdocs.serve.yml")], cwd=root, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}/portal/"
    item = root / "docs" / "news" / "bench-item-0.md"
    original = item.read_text(encoding="utf-8")

    def shows(marker: str, limit: float = 600) -> float:
        start = time.perf_counter()
        while marker not in _fetch(base + "news/bench-item-0/"):
            if time.perf_counter() - start > limit:
                raise SystemExit(f"the preview never showed {marker}; see {root / 'serve.log'}")
            time.sleep(0.05)
        return time.perf_counter() - start

    try:
        shows("Bench item 0", 900)
        time.sleep(3)
        edits = []
        for n in range(3):
            marker = f"Zebrafinchmarker{n}"
            start = time.perf_counter()
            item.write_text(original + f"\n{marker}.\n", encoding="utf-8")
            shows(marker)
            edits.append(time.perf_counter() - start)
            time.sleep(2)
        item.write_text(original.replace("date: ", "date: 2024-13-45\nx: ", 1), encoding="utf-8")
        time.sleep(3)  # the rebuild that finds the problem
        slowest = 0.0
        for page in ("news/bench-item-0/", "news/", "zh/", "sectors/", "zh/news/bench-item-1/"):
            start = time.perf_counter()
            ok = bool(_fetch(base + page))
            slowest = max(slowest, time.perf_counter() - start if ok else float("inf"))
        return {"serve_edit_s": round(statistics.median(edits), 2), "serve_bad_edit_answer_s": round(slowest, 2)}
    finally:
        item.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGINT)  # as Ctrl-C: mkdocs serve removes its temporary site
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
