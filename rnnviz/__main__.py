"""``python -m rnnviz``: see :mod:`rnnviz.cli`."""

import sys

from rnnviz.cli import main

if __name__ == "__main__":
    sys.exit(main())
