"""Score a pdfsim set by both paths: ``python -m tests.pdfsim.score OUT --config NAME --pages N --seed S``.

Writes the set under OUT (as ``python -m tests.pdfsim``), segments every PDF with the PDF path and its
``pdftotext`` text with the text path, writes the PDF path's predictions to OUT/pred (for ``banmian score``
and ``python -m tests.pagesim.errors``), and prints one line per path and the pages where the PDF path is
behind the text path. For an unread configuration (unread-a, unread-b) read only the score lines
(``--quiet`` prints nothing else): its pages and predictions are not for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from banmian.score import summarize
from tests.gates.measure import PdfScored, pdf_figures, score_pdf_set


def score_line(label: str, figures: dict[str, float]) -> str:
    """``label: name=value ...`` as ``banmian score`` ends its report."""
    return f"{label}: " + " ".join(f"{name}={value}" for name, value in figures.items())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.pdfsim.score", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--config", default="gate")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quiet", action="store_true", help="only the score lines (for unread configurations)")
    args = ap.parse_args(argv)
    out = Path(args.out_dir)
    scored: list[PdfScored] = score_pdf_set(out, args.config, args.pages, args.seed, pred_dir=out / "pred")
    print(score_line("pdf", pdf_figures(scored)))
    print(score_line("text", dict(summarize(page.text for page in scored))))
    if not args.quiet:
        behind = [page.name for page in scored if not page.not_behind_text()]
        print(f"pdf behind text on {len(behind)} pages: {' '.join(behind)}")
        print(json.dumps({p.name: p.unaccounted for p in scored if p.unaccounted}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
