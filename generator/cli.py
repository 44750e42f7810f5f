"""Command line: `python -m generator build|check`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .paths import Layout, project_root
from . import pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=project_root(),
                        help="project folder (default: the one holding this package)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="generate pages from seeds/, data/ and docs/ into build/docs/")
    sub.add_parser("check", help="validate every input; write nothing")
    args = parser.parse_args(argv)
    layout = Layout(args.root.resolve())
    try:
        if args.command == "build":
            changed = pipeline.build(layout)
            print(f"generator: {len(changed)} file(s) updated in {layout.show(layout.built_docs)}/")
        elif args.command == "check":
            pipeline.generate(layout)
            print("generator: all inputs are valid")
    except InputError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"generator: {len(err.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    return 0
