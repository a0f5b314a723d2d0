"""A page PDF file as the ingest flow sees it: one page of the warehouse per PDF page, or a reject.

Every page of a PDF is a page; a multi-page PDF (an issue) gives one page per PDF page, each at the
path ``FILE.pdf#page=N`` (the PDF fragment form) and with the identity ``sha256("<file sha256>#page=N")``,
so that pages of one issue are told apart and the same issue read twice is the same pages. A one-page
PDF is its file: its path and its identity are the file's, as for text.

What the warehouse keeps of a PDF page: its text in reading order (``DecodedPage.text``, so its
segmentation can be set beside the text path's), ``encoding`` ``pdf``, and in the page ``meta`` map
``source_kind`` = ``pdf`` and ``geometry`` (JSON: body size, leading, columns, display sizes, regions).

A file PDFium cannot open is a ``damaged_pdf`` reject, one that needs a password an ``encrypted_pdf``
one, and a page with no text layer (a scan) a ``no_text_layer`` one, with the hint to OCR it first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Final

import pypdfium2.raw as pdfium_c

from banmian.tasks.model import DecodedPage, PageResult, Reject
from banmian.tasks.pdf.extract import PdfError, PdfPage, read_pdf
from banmian.tasks.pdf.segment import PdfPageResult, segment_pdf_page

#: What a PDF file starts with (after at most a little junk, which PDF readers allow).
PDF_MAGIC: Final = b"%PDF-"
#: Bytes at the head of a file searched for ``PDF_MAGIC`` (the PDF reference allows it within 1,024).
PDF_MAGIC_WINDOW: Final = 1024
#: What ``DecodedPage.encoding`` says of a page read from a PDF's text layer.
PDF_ENCODING: Final = "pdf"
#: A page with fewer printed characters than this has no text layer worth reading: a scan (whose OCR
#: layer, if any, would have hundreds) or a blank page. Newspaper pages print thousands.
MIN_TEXT_GLYPHS: Final = 1

NO_TEXT_HINT: Final = ("This PDF page has no text layer (a scanned image): run OCR on it first "
                       "(e.g. `ocrmypdf -l chi_sim` or Tesseract with chi_sim) and ingest the result.")


def is_pdf(path: str, data: bytes) -> bool:
    """A PDF by its name or by its bytes (a page file is sometimes saved without its suffix).

    >>> is_pdf("a/b.PDF", b""), is_pdf("x.txt", b"%PDF-1.7 ..."), is_pdf("x.txt", "第1版".encode())
    (True, True, False)
    """
    return path.lower().endswith(".pdf") or PDF_MAGIC in data[:PDF_MAGIC_WINDOW]


def pdf_pages(path: str, data: bytes, mtime: float,
              skip_page_ids: frozenset[str] | set[str] = frozenset()) -> Iterator[tuple[DecodedPage | Reject,
                                                                                      PageResult | Reject | None]]:
    """Each page of a PDF file: ``(page, result)``; ``result`` is None for a page whose identity is in
    ``skip_page_ids`` (already loaded, not segmented again); ``(reject, None)`` for a file or page that
    cannot be read, and ``(page, reject)`` for a page whose segmentation failed (a bug: the run goes on)."""
    try:
        pages = read_pdf(data)
    except PdfError as exc:
        yield unreadable_pdf(path, exc, len(data)), None
        return
    file_id = hashlib.sha256(data).hexdigest()
    for page in pages:
        where, page_id = page_identity(path, file_id, page.number, len(pages))
        if len(page.glyphs) < MIN_TEXT_GLYPHS:
            yield Reject(where, "no_text_layer", NO_TEXT_HINT, len(data)), None
            continue
        yield read_page(where, page_id, page, len(data), mtime, skip_page_ids)


def read_page(where: str, page_id: str, page: PdfPage, size: int, mtime: float,
              skip_page_ids: frozenset[str] | set[str]) -> tuple[DecodedPage, PageResult | Reject | None]:
    """One PDF page segmented (unless its identity is known), as a decoded page and its result."""
    if page_id in skip_page_ids:  # its characters, for the run's coverage; no need to lay them out
        return DecodedPage(where, page_id, size, mtime, PDF_ENCODING, "".join(g.text for g in page.glyphs)), None
    try:
        done = segment_pdf_page(page)
    except Exception as exc:  # noqa: BLE001 - any bug on any page must not stop the run
        text = "".join(g.text for g in page.glyphs)
        return DecodedPage(where, page_id, size, mtime, PDF_ENCODING, text), Reject(
            where, "segment_error", f"Segmentation of this PDF page failed: {type(exc).__name__}: {exc}"[:500], size)
    return DecodedPage(where, page_id, size, mtime, PDF_ENCODING, done.text), with_source_meta(done)


def with_source_meta(done: PdfPageResult) -> PageResult:
    """The page's result, its meta telling it came from a PDF and what the PDF says of its make-up."""
    result = done.result
    result.meta["source_kind"] = "pdf"
    result.meta["geometry"] = json.dumps(done.geometry.to_json(), separators=(",", ":"))
    return result


def page_identity(path: str, file_id: str, number: int, count: int) -> tuple[str, str]:
    """``(path, page_id)`` of page ``number`` of ``count``: the file's own for a one-page PDF.

    >>> page_identity("/a/issue.pdf", "ab", 2, 4)[0], page_identity("/a/p.pdf", "ab", 1, 1)
    ('/a/issue.pdf#page=2', ('/a/p.pdf', 'ab'))
    """
    if count == 1:
        return path, file_id
    return f"{path}#page={number}", hashlib.sha256(f"{file_id}#page={number}".encode()).hexdigest()


def unreadable_pdf(path: str, exc: PdfError, size: int) -> Reject:
    """The reject of a file PDFium cannot open: ``encrypted_pdf`` when it wants a password, else ``damaged_pdf``."""
    if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return Reject(path, "encrypted_pdf", "This PDF is encrypted and opens only with a password; "
                      "save an unlocked copy (e.g. `qpdf --decrypt`) and ingest that.", size)
    return Reject(path, "damaged_pdf", f"This PDF cannot be opened ({exc}); it may be truncated or damaged.", size)
