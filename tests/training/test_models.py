"""The committed models are exactly what training gives (``make model``), and they load."""

from banmian.tasks.text.segment.boundaries import load_model
from banmian.tasks.text.segment.confidence import load_confidence_model
from banmian.tasks.text.segment.joins import load_join_model
from tests.training.__main__ import main as train


def test_the_committed_models_are_what_training_gives() -> None:
    assert train(["--check"]) == 0, "a model file differs from what training gives: run make model and commit it"


def test_every_model_loads_with_a_version() -> None:
    models = [load_model(), load_join_model(), load_confidence_model()]
    assert all(len(m.version) == 12 and 0 < m.threshold < 1 for m in models)
