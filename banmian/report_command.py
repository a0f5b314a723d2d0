"""``banmian report``'s command line: the subcommand, its arguments and exit code (the report: ``banmian.report``).

Apart from ``banmian.report`` so that the ingest flow, which writes the same
report, does not import the command line.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from banmian.report import REPORT_FILE, write_report

if TYPE_CHECKING:
    from banmian.tasks.store.warehouse import Warehouse


def cmd_report(args: argparse.Namespace) -> int:
    """Write the report; exit 1 when the period holds no article (the report is written all the same)."""
    from banmian.cli import CliError, _existing_warehouse, output_file
    from banmian.tasks.store.warehouse import WarehouseBusy

    wh = _existing_warehouse(args.warehouse)
    out = output_file(args.out)
    try:
        headline = write_report(wh.root, out, args.date_from, args.date_to)
    except WarehouseBusy as exc:
        raise CliError(f"warehouse busy: {exc}") from None
    print(f"Wrote {out}: {headline.articles} articles on {headline.pages} page{'' if headline.pages == 1 else 's'}.")
    if out.resolve() == (wh.root / REPORT_FILE).resolve() and args.date_from is None and args.date_to is None:
        _clear_report_errors(wh)
    return 0 if headline.articles else 1


def _clear_report_errors(wh: Warehouse) -> None:
    """The warehouse's own report, whole, was re-made: no run's report is missing any more (``runs.report_error``).

    Only that file and period: a report written elsewhere or of a few days is not the one a run failed to draw.
    """
    from banmian.tasks.store.warehouse import WarehouseBusy

    try:
        cleared = wh.clear_report_errors()
    except WarehouseBusy as exc:
        print(f"runs.report_error left as it was (warehouse busy: {exc})", file=sys.stderr)
        return
    if cleared:
        print(f"Cleared runs.report_error of {cleared} run{'' if cleared == 1 else 's'}.")


def add_command(sub: Any) -> None:
    """Add ``report`` to banmian's subcommands (``sub`` from ``add_subparsers``)."""
    from banmian.cli import DEFAULT_WAREHOUSE, add_period_arguments

    parser = sub.add_parser(
        "report", help="write an HTML report of the warehouse (charts, no network needed)",
        description="Write one self-contained HTML file (inline SVG charts, no script): articles per issue and "
                    "kind, top authors, photographers, places and keywords, page coverage and residue, rejects, "
                    "the articles least sure of their segmentation, front-page stories. Exit 1 if the period "
                    "holds no article.")
    parser.add_argument("--out", default=REPORT_FILE, metavar="FILE",
                        help=f"the file to write (replaced if it exists; default ./{REPORT_FILE})")
    add_period_arguments(parser, "issues")
    parser.add_argument("--warehouse", default=DEFAULT_WAREHOUSE, metavar="DIR")
    parser.set_defaults(func=cmd_report)
