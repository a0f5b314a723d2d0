"""``python -m tests.pdfsim OUT --config NAME --pages N --seed S [--issue K]``"""

from __future__ import annotations

import argparse
import sys

from .pdfset import write_set


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.pdfsim",
                                 description="Simulated newspaper pages drawn as PDFs, with gold and pdftotext text.")
    ap.add_argument("out_dir")
    ap.add_argument("--config", default="gate")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--issue", type=int, default=0, metavar="K", help="also write issue/*.pdf: every K pages in one PDF")
    args = ap.parse_args(argv)
    names = write_set(args.out_dir, args.config, args.pages, args.seed, issue=args.issue)
    print(f"wrote {len(names)} {args.config} PDF pages to {args.out_dir}/pdf, their pdftotext text to "
          f"{args.out_dir}/pages and gold to {args.out_dir}/gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
