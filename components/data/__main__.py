"""Command line for annotators: ``python -m components.data validate [DIR]``.

Prints every problem found in a data folder (file, record, field, what was expected), then
the coverage check's (components/data/coverage.py: quotations and reporting sentences no
statement covers), and exits 1 while there is one; prints the table sizes and exits 0 when
the folder is valid.
"""

from __future__ import annotations

import argparse
import sys

from .coverage import coverage_problems
from .errors import DatasetError
from .loader import load_dataset, resolve_data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.data")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder and list every problem")
    validate.add_argument(
        "data_dir", nargs="?", help="data folder (default: $DASHBOARD_DATA_DIR or data/)"
    )
    args = parser.parse_args(argv)

    folder = resolve_data_dir(args.data_dir)
    try:
        # The real files, every time: the build cache is for the app's start.
        dataset = load_dataset(folder, use_cache=False)
    except DatasetError as error:
        count = len(error.problems)
        print(f"{folder}: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        for problem in error.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    gaps = coverage_problems(dataset)
    if gaps:
        count = len(gaps)
        print(
            f"{folder}: {count} coverage problem{'s' if count != 1 else ''} found",
            file=sys.stderr,
        )
        for problem in gaps:
            print(f"- {problem}", file=sys.stderr)
        return 1
    sizes = ", ".join(f"{len(frame)} {name}" for name, frame in dataset.tables().items())
    print(f"{folder}: valid ({sizes})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
