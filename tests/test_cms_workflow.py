"""The CMS's editorial workflow (publish_mode: editorial_workflow), in Chromium: an editor's save is a
draft of its own, never main, and the pull-request check runs on it with its line annotations;
review, ready and publish put it on main.

On GitHub, Decap saves a draft to a branch `cms/<collection>/<slug>` and opens a pull request from it
(check.yml runs on it); publishing merges it. The local backend does the same on a local repository
when decap-server runs in git mode (MODE=git: the branch, the status as the branch's description,
publish merges into main and deletes the branch); in its default file mode Decap falls back to
saving straight into the files, so this test runs it in git mode on a git copy of the project."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from cms_browser import GIT_ENV, NEWS_SLUG, admin_site, choose, decap_server, set_date, write_news_item
from conftest import ROOT

pytestmark = pytest.mark.browser
BRANCH = f"cms/news/{NEWS_SLUG}"
FILES = [f"docs/news/{NEWS_SLUG}.en.md", f"docs/news/{NEWS_SLUG}.zh.md"]  # as the CMS names them


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=GIT_ENV).stdout.strip()


def tree(repo: Path, ref: str) -> set[str]:
    return set(git(repo, "ls-tree", "-r", "--name-only", ref).splitlines())


def status(repo: Path) -> str:
    """The draft's status as decap-server keeps it, the branch's description (decap-cms/draft,
    …/pending_review, …/pending_publish), set last when a draft is saved; "" without the branch."""
    return subprocess.run(["git", "-C", str(repo), "config", f"branch.{BRANCH}.description"], capture_output=True,
                          text=True, env=GIT_ENV).stdout.strip()


def until(condition, what: str, timeout: float = 30):
    """Wait for the repository to show what the editor's click did (decap-server's own log is
    decap-server.log in the test's tmp_path)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def pull_request_check(tree_dir: Path) -> subprocess.CompletedProcess:
    """The first step of check.yml on every pull request, `make check` (the Makefile's
    `python -m generator check`), as GitHub Actions runs it: problems also as annotations."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    steps = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ncheck:")[1].split("\n\n")[0]
    assert "pull_request" in workflow[True] and steps[0] == "make check" and "$(PY) -m generator check" in recipe
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(tree_dir), "check"], cwd=ROOT,
                          capture_output=True, text=True, env=GIT_ENV | {"GITHUB_ACTIONS": "true"})


def checked_out(repo: Path, ref: str, dest: Path) -> Path:
    """The files of `ref` in a folder of their own, as the pull request's checkout has them
    (decap-server owns the repository's working tree); the fact-sheet cache comes along."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", ref], check=True,
                             capture_output=True, env=GIT_ENV).stdout
    dest.mkdir()
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    cache = repo / "build" / "cache"
    if cache.is_dir():
        shutil.copytree(cache, dest / "build" / "cache")
    return dest


@pytest.fixture
def repository(project):
    """The project as a git repository of its own: everything committed on main, what the build
    writes ignored (as in the real repository: decap-server commits with `git add .`)."""
    shutil.copy2(ROOT / ".gitignore", project / ".gitignore")
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.name", "Editor")
    git(project, "config", "user.email", "editor@example.org")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The portal")
    return project


def test_a_save_is_a_checked_draft_until_it_is_reviewed_and_published(repository, tmp_path):
    from browser import browser, serve

    repo = repository
    main = git(repo, "rev-parse", "main")
    files_on_main = tree(repo, "main")
    log = tmp_path / "decap-server.log"
    with decap_server(repo, mode="git", log=log) as api, serve(admin_site(repo, tmp_path / "site", api)) as base, \
            browser() as chromium:
        page = chromium.new_page()
        page.on("dialog", lambda dialog: dialog.accept())  # "Are you sure you want to publish this entry?"
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Login").click()
        # The editorial workflow is on: Decap shows its Workflow board (with the workflow off, or
        # decap-server in file mode, there is none and a save would go straight to main)
        page.get_by_role("link", name="Workflow").wait_for(timeout=15_000)

        # Saved as a draft, with a date the CMS lets through and the schema refuses
        write_news_item(page, base, "2099-06-01")
        page.get_by_role("button", name="Save", exact=True).click()
        until(lambda: status(repo) == "decap-cms/draft", f"the draft on the branch {BRANCH}")
        page.get_by_role("button", name="Status: Draft").wait_for(timeout=15_000)  # the editor shows it too
        assert tree(repo, BRANCH) - files_on_main == set(FILES)  # the item, nothing else
        assert git(repo, "rev-parse", "main") == main and tree(repo, "main") == files_on_main  # main untouched
        assert "date: 2099-06-01" in git(repo, "show", f"{BRANCH}:{FILES[0]}")
        # The pull request's check fails, with an annotation on the line of each file
        check = pull_request_check(checked_out(repo, BRANCH, tmp_path / "draft"))
        assert check.returncode == 1
        assert sorted(check.stdout.splitlines()) == [
            f"::error file={name},line=3::date 2099-06-01 is more than a year ahead. "
            "Fix: check the year; news is dated when it is published" for name in FILES]

        # Fixed and saved again: the same draft, one commit more, and its check passes
        draft = git(repo, "rev-parse", BRANCH)
        set_date(page, "input[type=date] >> nth=0", "2024-06-05")  # the English date; the Chinese follows
        page.get_by_role("button", name="Save", exact=True).click()
        until(lambda: git(repo, "rev-parse", BRANCH) != draft, "the second save")
        assert git(repo, "rev-list", "--count", f"main..{BRANCH}") == "2"
        for name in FILES:
            assert "date: 2024-06-05" in git(repo, "show", f"{BRANCH}:{name}"), name
        assert git(repo, "rev-parse", "main") == main and tree(repo, "main") == files_on_main
        check = pull_request_check(checked_out(repo, BRANCH, tmp_path / "fixed"))
        assert check.returncode == 0 and "::error" not in check.stdout, check.stdout + check.stderr

        # Reviewed, ready, published
        for now, new, label in (("Draft", "In review", "pending_review"), ("In review", "Ready", "pending_publish")):
            choose(page, f"Status: {now}", new)
            until(lambda label=label: status(repo) == f"decap-cms/{label}", new)
        assert git(repo, "rev-parse", "main") == main
        choose(page, "Publish", "Publish now")
        until(lambda: not git(repo, "branch", "--list", BRANCH), "the draft merged and its branch deleted")
        assert tree(repo, "main") - files_on_main == set(FILES)
        assert git(repo, "merge-base", "--is-ancestor", main, "main") == ""  # main moved forward, nothing lost

    # What the site is built from (pages.yml on every push to main) passes the same check
    assert git(repo, "status", "--porcelain") == "" and git(repo, "branch", "--show-current") == "main"
    check = pull_request_check(repo)
    assert check.returncode == 0 and "::error" not in check.stdout, check.stdout + check.stderr
    assert "Platypustest" in (repo / FILES[0]).read_text(encoding="utf-8")
