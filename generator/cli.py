"""Command line: `python -m generator build|publish|check|status|new`."""
from __future__ import annotations

import argparse
import os
import datetime as dt
import sys
from pathlib import Path

from . import pipeline
from .core.errors import InputError, os_problem
from .core.lock import exclusive
from .core.paths import PREVIEW, Layout, project_root
from .skeleton import TitleError, new_item
from .status import chinese_status


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2024-06-01") from None


def _publish(root: Path, site: Path) -> int:
    from .publish.build import PublishError, publish as publish_site  # MkDocs and Pagefind: only to publish

    try:
        seconds = publish_site(root, site)
    except PublishError as err:
        print(f"publish: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # site/ is as it was; say which folder and what to do, no traceback
        print(f"publish: {os_problem(err, root)}", file=sys.stderr)
        return 1
    print("publish: " + ", ".join(f"{stage} {s:.1f} s" for stage, s in seconds.items()))
    return 0


def _waiting(line: str) -> None:
    print(f"generator: {line}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=project_root(),
                        help="project folder (default: the one holding this package)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="generate pages from seeds/, data/ and docs/ into build/docs/")
    build.add_argument("--drafts", action="store_true",
                       help=f"keep draft items, writing into {PREVIEW}/ (the preview's folder), never published")
    build.add_argument("--publish", action="store_true",
                       help="then publish into site/ (as the publish command; what `make build` does, in one process)")
    publish = sub.add_parser("publish", help="build the site from build/docs with MkDocs, one process per "
                             "language, and index it for search; replaces site/ only if all of it succeeds")
    publish.add_argument("--site-dir", type=Path, help="where the site goes (default: site/ in the project)")
    sub.add_parser("check", help="validate every input; write nothing")
    sub.add_parser("status", help="list every news page and the status of its Simplified and Traditional Chinese versions")
    new = sub.add_parser("new", help="write a news item skeleton in English and Chinese into docs/news/")
    new.add_argument("--title", required=True, help="English title")
    new.add_argument("--title-zh", help="Chinese title (optional)")
    new.add_argument("--date", required=True, type=_date, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    if args.command == "build" and args.drafts and args.publish:
        parser.error("--drafts is the preview's (make serve); drafts are never published")
    root = args.root.resolve()
    layout = Layout.preview(root) if args.command == "build" and args.drafts else Layout(root)
    site = layout.root / "site"
    try:
        if args.command == "build":
            # One build at a time (generator/core/lock.py): generating and publishing read and write build/
            with exclusive(root, _waiting):
                changed = pipeline.build(layout, drafts=args.drafts)
                print(f"generator: {len(changed)} file(s) updated in {layout.show(layout.built_docs)}/", flush=True)
                if args.publish:
                    return _publish(layout.root, site)
        elif args.command == "publish":
            with exclusive(root, _waiting):
                return _publish(layout.root, args.site_dir.resolve() if args.site_dir else site)
        elif args.command == "check":
            pipeline.generate(layout)
            print("generator: all inputs are valid")
        elif args.command == "status":
            print(f"{'zh':<10}  {'zh-hant':<10}  slug  title")
            for zh, hant, slug, title in chinese_status(pipeline.generate(layout, drafts=True)):
                print(f"{zh:<10}  {hant:<10}  {slug}  {title}")
        elif args.command == "new":
            try:
                written = new_item(layout, args.title, args.date, args.title_zh)
            except TitleError as err:
                parser.error(str(err))
            for path in written:
                print(f"generator: wrote {layout.show(path)}")
    except InputError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(problem.annotation(), flush=True)  # workflow commands are read from stdout
        print(f"generator: {len(err.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    except OSError as err:  # build/ read-only, a full disk: one line, no traceback
        print(f"generator: {os_problem(err, root)}", file=sys.stderr)
        return 1
    return 0
