"""`python -m generator`. Ctrl-C is caught here, around the imports too: a build interrupted while
it is still importing gets the same one line as one interrupted while it writes."""
import sys

try:
    from .cli import main

    code = main()
except KeyboardInterrupt:  # its children end with it (core/lock.py end_with_build)
    print("generator: stopped (Ctrl-C); site/ is whole, the old site or the new one. "
          "Run the command again to finish", file=sys.stderr)
    code = 130
sys.exit(code)
