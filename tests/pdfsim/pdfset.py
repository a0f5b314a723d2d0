"""Write a set of simulated PDF pages with gold and their ``pdftotext`` text.

Files: ``pdf/NAME.pdf`` (one page), ``gold/NAME.gold.json`` and ``gold/NAME.habits.json`` (the
simulator's, so a PDF page and its text page share one gold), ``pages/NAME.txt`` (``pdftotext``
of the PDF, default reading order, UTF-8). With ``issue=K`` also ``issue/ISSUE.pdf``: every K
pages in one PDF (an issue), for the input side.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.pagesim.habits import load
from tests.pagesim.simulate import simulate_page

from .render import render


def pdftotext(pdf: Path, txt: Path) -> None:
    """Poppler's ``pdftotext`` (poppler-utils), as e-paper archives made the text banmian reads."""
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(txt)], check=True, capture_output=True)


def write_set(out_dir: str | Path, config: str, n: int, seed: int, *, issue: int = 0) -> list[str]:
    """Simulate ``n`` pages of ``config``, draw each as a PDF, extract its text; the page names."""
    out = Path(out_dir)
    for sub in ("pdf", "gold", "pages") + (("issue",) if issue else ()):
        (out / sub).mkdir(parents=True, exist_ok=True)
    cfg = load(config)
    names: list[str] = []
    layouts = []
    for i in range(n):
        page = simulate_page(cfg, seed, i)
        pdf = out / "pdf" / f"{page.name}.pdf"
        render([(page.name, page.layout)], pdf)
        pdftotext(pdf, out / "pages" / f"{page.name}.txt")
        _dump(out / "gold" / f"{page.name}.gold.json", page.gold, indent=1)
        _dump(out / "gold" / f"{page.name}.habits.json", page.habits)
        names.append(page.name)
        layouts.append((page.name, page.layout))
    for k in range(0, len(layouts) if issue else 0, max(1, issue)):
        render(layouts[k:k + issue], out / "issue" / f"{config}-s{seed}-issue{k // issue:03d}.pdf")
    return names


def _dump(path: Path, obj: Any, indent: int | None = None) -> None:
    seps = (",", ": ") if indent else (",", ":")
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=indent, separators=seps) + "\n", encoding="utf-8")
