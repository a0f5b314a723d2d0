"""An independent page simulator: real articles laid out on a column grid, read by an emulated
PDF-to-text extractor, with exact gold.

It shares nothing with ``tests/pagegen`` but that generator's article data (``localpool``).
Stages: ``corpus98``/``localpool`` (the article pool) -> ``compose`` (what is printed, and how;
gold written alongside) -> ``geometry`` (units on a grid, every line with its position) ->
``extract`` (reading order and an extractor's damage) -> ``simulate`` (files).  Every habit has a
probability range in a configuration (``configs/*.json``, ``habits.py``); each page draws its own
rates.  A page is a pure function of (configuration, seed, index).

CLI: ``python -m tests.pagesim OUT --config NAME --pages N --seed S``.
"""

from .habits import Config, available, load
from .simulate import SimPage, simulate_page, write_set

__all__ = ["Config", "SimPage", "available", "load", "simulate_page", "write_set"]
