"""Synthetic newspaper page generator for banmian's tests.

``generate_set(n, seed)`` returns ``[(name, page_text, gold_dict)]``: pages laid
out with the habits of real extracted pages (hard wraps, column-break blanks,
letterspacing, headlines before or after bodies, credits of many shapes, photo
captions, a scattered lead feature, page furniture ...) and gold in the shape
``banmian score`` reads.  See ``generate.py`` for the layout rules and
``credits.py`` for how bylines are normalised in gold.

CLI: ``python -m tests.pagegen OUT_DIR --pages N --seed S``.
"""

from .generate import GeneratedPage, generate_page, generate_set, write_set

__all__ = ["GeneratedPage", "generate_page", "generate_set", "write_set"]
