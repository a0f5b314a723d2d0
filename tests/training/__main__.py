"""``python -m tests.training [--check]`` (``make model``): learn every model of the segmenter, in pipeline order.

The boundary model is learned first (the join model's examples come from
pages cut by it), then the join model, then the confidence model (its
examples are the articles both make).
"""

from __future__ import annotations

import sys

from banmian.tasks.text.segment import boundaries as boundary_model
from banmian.tasks.text.segment import confidence as confidence_model
from banmian.tasks.text.segment import joins as join_model
from tests.training import boundaries, confidence, joins

#: Each model's loader keeps the file it read: cleared after each step, so the next one reads the new weights.
_LOADERS = (boundary_model.load_model, join_model.load_join_model, confidence_model.load_confidence_model)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    status = 0
    for module in (boundaries, joins, confidence):
        status = max(status, module.main(args))
        for loader in _LOADERS:
            loader.cache_clear()
    return status


if __name__ == "__main__":
    sys.exit(main())
