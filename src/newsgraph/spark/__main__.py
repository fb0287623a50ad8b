"""``spark-submit …/newsgraph/spark/__main__.py INPUT... --out DIR`` (or ``python -m newsgraph.spark``).

The same command as ``newsgraph spark``, for the launchers that take a Python file.
"""

import sys

from newsgraph.cli import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]], prog_name="newsgraph spark")
