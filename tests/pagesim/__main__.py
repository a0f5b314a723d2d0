"""``python -m tests.pagesim OUT --config NAME --pages N --seed S [--layout]``

``--report`` prints the corpus parse report, ``--habits`` the habit space (markdown), instead.
"""

from __future__ import annotations

import argparse
import sys

from .corpus98 import parse_report
from .habits import habit_table
from .simulate import write_set


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.pagesim",
                                 description="Simulate newspaper pages (text as an extractor emits it) with gold.")
    ap.add_argument("out_dir", nargs="?")
    ap.add_argument("--config", default="gate")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layout", action="store_true", help="also write layout/NAME.layout.json (line positions)")
    ap.add_argument("--report", action="store_true", help="print the article pool's parse report and exit")
    ap.add_argument("--habits", action="store_true", help="print every habit with its ranges and exit")
    args = ap.parse_args(argv)
    if args.report:
        print(parse_report())
        return 0
    if args.habits:
        print(habit_table())
        return 0
    if not args.out_dir:
        ap.error("OUT is required")
    names = write_set(args.out_dir, args.config, args.pages, args.seed, layout=args.layout)
    print(f"wrote {len(names)} {args.config} pages to {args.out_dir}/pages and gold to {args.out_dir}/gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
