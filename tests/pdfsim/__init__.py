"""Simulated pages as real PDFs, with gold (issue 20).

``tests.pagesim`` lays each page out geometrically; ``render`` draws that layout with reportlab
into a PDF page (CJK font, headlines at their size, pictures, rules); ``pdfset`` writes a set:
``OUT/pdf/NAME.pdf``, ``OUT/gold/`` (the simulator's gold, unchanged) and ``OUT/pages/NAME.txt``,
the real ``pdftotext`` output of the PDF, so that the text path is scored on a real extractor's text.

CLI: ``python -m tests.pdfsim OUT --config NAME --pages N --seed S``.
"""
