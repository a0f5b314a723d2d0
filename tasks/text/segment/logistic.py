"""The learned part of segmentation: logistic weights over named signals, read from a committed file.

The rules recognise forms (a dateline, a heading, a credit) and measure
signals (shared words, column widths, how a paragraph opens); where several
signals bear on one decision, a small logistic model weighs them. Its
weights are learned from generated pages (``make model``) and kept as JSON
beside the module that uses them; a model's version is the first 12 hex
digits of its file's sha256, recorded with every run.

>>> m = LogisticModel({"a": 2.0, "b": -1.0}, intercept=0.0, threshold=0.5)
>>> round(m.probability({"a": 1.0, "b": 0.0}), 3), m.says_yes({"a": 0.0, "b": 1.0})
(0.881, False)
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar, cast

from banmian.tasks.text.model_files import MODELS_PACKAGE, model_version

#: A signal's name: each model names its signals with a Literal of strings.
Name = TypeVar("Name", bound=str)


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """Weights by signal name, an intercept, and the probability at or above which the decision is yes."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    version: str = ""

    def probability(self, signals: Mapping[Name, float]) -> float:
        """The model's probability that the decision is yes, given the signals (by name; a model's names are a Literal)."""
        by_name = cast(Mapping[str, float], signals)  # a Literal's values are strs: the keys of ``weights``
        # each weight times its signal, mapped at C level (the products are the generator's; fsum's sum is exact)
        z = self.intercept + math.fsum(map(operator.mul, self.weights.values(), map(by_name.__getitem__, self.weights)))
        return 1.0 / (1.0 + math.exp(-z))

    def says_yes(self, signals: Mapping[Name, float]) -> bool:
        return self.probability(signals) >= self.threshold


def load_model(file: str, features: Sequence[str], threshold_key: str) -> LogisticModel:
    """A committed model file, checked to weigh exactly ``features``."""
    raw = (resources.files(MODELS_PACKAGE) / file).read_bytes()
    doc = json.loads(raw)
    if set(doc["weights"]) != set(features):
        raise ValueError(f"{file} weighs {sorted(doc['weights'])}, the code measures {sorted(features)}: "
                         "retrain it (make model)")
    return LogisticModel({name: float(doc["weights"][name]) for name in features}, float(doc["intercept"]),
                         float(doc[threshold_key]), model_version(raw))
