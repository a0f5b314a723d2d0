"""``python -m tests.pagegen OUT_DIR --pages N --seed S``"""

from __future__ import annotations

import argparse
import sys

from .generate import write_set


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.pagegen",
                                 description="Write synthetic newspaper pages and their gold.")
    ap.add_argument("out_dir")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-habits", action="store_true", help="do not write NAME.habits.json sidecars")
    args = ap.parse_args(argv)
    names = write_set(args.out_dir, args.pages, args.seed, sidecar=not args.no_habits)
    print(f"wrote {len(names)} pages to {args.out_dir}/pages and gold to {args.out_dir}/gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
