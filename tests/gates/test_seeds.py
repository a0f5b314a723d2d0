"""Golden pages: the bundled seeds must segment perfectly, scored by shared/eval/score.py."""

import json
import subprocess
import sys

import pytest

from banmian.tasks.text.accounting import invented_characters, lost_characters
from banmian.tasks.text.segment import segment_page
from tests.support.paths import SAMPLE, shared

#: Issue 2's bar on the seeds: every figure 1.0, body_cer 0.0.
SEED_TARGETS = {"article_f1": 1.0, "exact_body": 1.0, "headline_acc": 1.0,
                "credit_acc": 1.0, "kind_acc": 1.0, "crosshead_f1": 1.0}


def score(gold_dir, pred_dir) -> dict:
    """Run the shared scorer as users do and return its totals."""
    out = subprocess.run([sys.executable, str(shared("eval", "score.py")), str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["total"]


def write_predictions(files, out_dir) -> None:
    for f in files:
        result = segment_page(f.read_text(encoding="utf-8"))
        (out_dir / f"{f.stem}.json").write_text(json.dumps(result.to_eval(), ensure_ascii=False), encoding="utf-8")


def test_seed_scores_are_perfect(tmp_path):
    gold = shared("gold")
    write_predictions(sorted(SAMPLE.glob("*.txt")), tmp_path)
    total = score(gold, tmp_path)
    assert total["pages"] == 2
    for metric, target in SEED_TARGETS.items():
        assert total[metric] >= target, (metric, total)
    assert total["body_cer"] == 0.0, total


@pytest.mark.parametrize("page", sorted(SAMPLE.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_loses_and_invents_nothing(page):
    text = page.read_text(encoding="utf-8")
    result = segment_page(text)
    assert not lost_characters(text, result)
    assert not invented_characters(text, result)


@pytest.mark.parametrize("page", sorted(SAMPLE.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_residue_is_only_decoration(page):
    """On the seeds, residue is the subtitle dashes and the second copies of crossheads."""
    result = segment_page(page.read_text(encoding="utf-8"))
    assert {r.reason for r in result.residue} <= {"decoration", "duplicate_crosshead"}


def test_bundled_sample_is_the_seed_set():
    seeds = shared("seeds")
    assert sorted(p.name for p in SAMPLE.glob("*.txt")) == sorted(p.name for p in seeds.glob("*.txt"))
