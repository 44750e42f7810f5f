"""Errors where editors see them: the pull-request workflow, and problems as GitHub annotations."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.core.errors import Problem

from conftest import ROOT, copy_project

WORKFLOWS = ROOT / ".github" / "workflows"


def check(root: Path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | env
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "check"], cwd=ROOT,
                          capture_output=True, text=True, env=environment)


def test_check_prints_each_problem_as_an_annotation_on_github_actions(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "docs/news/new-plant.md").write_text(
        "---\ntitle: A new plant\ndate: 2099-06-01\n---\n\nSee [the sector](../../sectors/none/).\n", encoding="utf-8")
    on_github = check(root, GITHUB_ACTIONS="true")
    assert on_github.returncode == 1
    assert on_github.stdout.splitlines() == [
        "::error file=docs/news/new-plant.md,line=3::date 2099-06-01 is more than a year ahead. "
        "Fix: check the year; news is dated when it is published"]
    assert "docs/news/new-plant.md:3: date 2099-06-01" in on_github.stderr  # the log keeps the plain line
    elsewhere = check(root)
    assert elsewhere.returncode == 1 and "::error" not in elsewhere.stdout + elsewhere.stderr


def unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@given(st.text(min_size=1), st.integers(1, 10**6), st.text(), st.text())
def test_an_annotation_is_one_command_that_reads_back_as_the_problem(file, line, message, fix):
    out = Problem(file, line, message, fix).annotation()
    assert "\n" not in out and "\r" not in out
    head, data = out.split("::", 2)[1:]
    assert head.startswith("error file=")
    props = dict(p.split("=", 1) for p in head.removeprefix("error ").split(","))
    assert unescape(props["file"]) == file and props["line"] == str(line)
    assert unescape(data) == f"{message}. Fix: {fix}"


def test_workflows_are_valid_github_actions_workflows():
    tool = Path(sys.executable).with_name("check-jsonschema")
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    run = subprocess.run([str(tool), "--builtin-schema", "vendor.github-workflows", *files], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return [s for job in data["jobs"].values() for s in job.get("steps", [])]


def test_every_pull_request_is_checked_built_strictly_and_link_checked():
    data = yaml.safe_load((WORKFLOWS / "check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in data[True]  # YAML 1.1 reads the key `on` as true
    commands = [s["run"] for s in steps("check.yml") if "run" in s]
    assert commands[0] == "make check" and commands.index("make build") < len(commands) - 1
    # make build is strict: a warning in any language's build fails it (tests/test_publish.py)
    assert "-m generator build --publish" in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild:")[1].split("\n\n")[0]
    link_check = commands[-1].split()
    test_name = link_check[link_check.index("-k") + 1]
    assert f"def {test_name}(" in (ROOT / link_check[link_check.index("-k") - 1]).read_text(encoding="utf-8")


def test_every_workflow_sets_up_the_fact_sheets_fonts_before_it_builds():
    # The generator draws the PDF fact sheets and refuses one without its Noto Sans CJK font:
    # make build installs them (tools/system-packages pdf); a workflow that builds otherwise asks for them
    assert "tools/system-packages pdf" in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild:")[1].split("\n\n")[0]
    building = 0
    for workflow in sorted(p.name for p in WORKFLOWS.glob("*.yml")):
        commands = [s["run"] for s in steps(workflow) if "run" in s]
        builds = [i for i, c in enumerate(commands) if c == "make build" or "-m bench" in c]
        if builds:
            building += 1
            setup = next(i for i, c in enumerate(commands) if c == "make build" or "tools/system-packages pdf" in c)
            assert setup <= builds[0], workflow
    assert building == 3


def test_ci_only_runs_the_readme_test_command():
    lines = [l for l in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    assert lines[-1] == "make test" and not any("apt-get" in l or "npm" in l for l in lines)


def test_a_missing_package_without_root_is_one_line_naming_the_command():
    # As an unprivileged user on a machine without Chromium's headless shell: no traceback, no half install,
    # one line with the exact command to run
    import shutil, tempfile
    bin_dir = Path(tempfile.mkdtemp())  # readable by the unprivileged user, unlike pytest's tmp_path
    bin_dir.chmod(0o755)
    for tool in ("bash", "env", "id", "grep"):  # what the script runs, and no chromium-headless-shell, no sudo
        (bin_dir / tool).symlink_to(shutil.which(tool))
    try:
        run = subprocess.run([shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups",
                              str(bin_dir / "bash"), str(ROOT / "tools/system-packages"), "browser"],
                             env={"PATH": str(bin_dir)}, capture_output=True, text=True)
    finally:
        shutil.rmtree(bin_dir)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines() == [
        "Missing Debian packages; install them with: sudo apt-get update && sudo apt-get install -y chromium-headless-shell"]


def test_every_workflow_caches_pip_downloads():
    for workflow in sorted(p.name for p in WORKFLOWS.glob("*.yml")):
        setup = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
        assert setup and all(s["with"].get("cache") == "pip" for s in setup), workflow


def test_every_workflow_that_builds_caches_npm_downloads():
    # make build installs the CMS's bundle with npm ci
    assert "npm ci" in (ROOT / "Makefile").read_text(encoding="utf-8")
    for workflow in sorted(p.name for p in WORKFLOWS.glob("*.yml")):
        if "make build" in [s.get("run") for s in steps(workflow)]:
            setup = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-node@")]
            assert setup and all(s["with"].get("cache") == "npm" for s in setup), workflow
