"""banmian.score (`banmian score GOLD PRED`): exact figures on small hand-made gold/prediction pairs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import banmian.score
from banmian.cli import main as banmian_main
from banmian.score import PAIR_THRESHOLD, main, pure_python_distance, score_page, summarize
from tests.support.paths import SEED_GOLD

METRICS = ("article_f1", "exact_body", "body_cer", "headline_acc", "credit_acc", "kind_acc", "crosshead_f1")


def han(n: int, start: int) -> str:
    """``n`` distinct Han characters from the ``start``-th one: no two texts made apart share a character."""
    return "".join(chr(0x4E00 + start + k) for k in range(n))


A, B = han(20, 0), han(20, 100)  # two bodies of 20 characters, nothing alike
C = han(4, 200)                  # a short one: A + C is 5/6 like A, above the pairing threshold


def art(body: str, *, kind: str = "news", headline: str | None = "标题", subheadline: str | None = None,
        authors: tuple[str, ...] = (), photographers: tuple[str, ...] = (),
        heads: tuple[str, ...] = ()) -> dict[str, Any]:
    """An article in the evaluation shape: one paragraph, then its crossheads."""
    blocks = [{"kind": "p", "text": body}] + [{"kind": "h", "text": h} for h in heads]
    return {"kind": kind, "headline": headline, "subheadline": subheadline, "byline": None,
            "authors": list(authors), "photographers": list(photographers), "blocks": blocks}


def figures(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[float, ...]:
    total = summarize([score_page({"articles": gold}, {"articles": pred})])
    return tuple(total[m] for m in METRICS)


#: (gold articles, predicted articles, figures in METRICS order:
#:  article_f1, exact_body, body_cer, headline_acc, credit_acc, kind_acc, crosshead_f1)
CASES = {
    "perfect": ([art(A), art(B)], [art(A), art(B)], (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    "whitespace does not count": (
        [art(A, headline="春风 又绿")], [art(f" {A[:7]}\n{A[7:]} ", headline=" 春风  又绿\n")],
        (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    # 1 of 2 found: precision 1, recall 1/2; the missed body costs all its 20 of 40 characters
    "a missed article": ([art(A), art(B)], [art(A)], (0.6667, 0.5, 0.5, 0.5, 0.5, 0.5, 1.0)),
    "an invented article": ([art(A)], [art(A), art(B)], (0.6667, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    # A + C pairs with A (similarity 20/24); edits: C's 4 in the pair, C's 4 unpaired, of 24
    "a merged pair, one short": ([art(A), art(C)], [art(A + C)], (0.6667, 0.0, 0.3333, 0.5, 0.5, 0.5, 1.0)),
    "a merged pair, alike in length": ([art(A), art(B)], [art(A + B)], (0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
    "a story split, its tail apart": ([art(A + C)], [art(A), art(C)], (0.6667, 0.0, 0.1667, 1.0, 1.0, 1.0, 1.0)),
    # 4 of 20 characters wrong is similarity 0.8, paired; 5 wrong is 0.75, not
    "a body 4/20 wrong": ([art(A)], [art(han(4, 300) + A[4:])], (1.0, 0.0, 0.2, 1.0, 1.0, 1.0, 1.0)),
    "a body 5/20 wrong": ([art(A)], [art(han(5, 300) + A[5:])], (0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
    "a wrong headline": ([art(A, headline="春风"), art(B)], [art(A, headline="秋风"), art(B)],
                         (1.0, 1.0, 0.0, 0.5, 1.0, 1.0, 1.0)),
    "a wrong subheadline": ([art(A, subheadline="副题")], [art(A, subheadline="副")],
                            (1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0)),
    "a headline where gold has none": ([art(A, headline=None)], [art(A, headline="标题")],
                                       (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    "a wrong kind": ([art(A, kind="photo"), art(B)], [art(A), art(B)], (1.0, 1.0, 0.0, 1.0, 1.0, 0.5, 1.0)),
    "credits in another order": ([art(A, authors=("王伟", "李娜"))], [art(A, authors=("李娜", "王伟"))],
                                 (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    "a photographer missed": ([art(A, kind="photo", photographers=("张三",))], [art(A, kind="photo")],
                              (1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0)),
    # crossheads: 1 of 2 right each way
    "crossheads half right": ([art(A, heads=("一", "二"))], [art(A, heads=("一", "三"))],
                              (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.5)),
    # an unpaired prediction's crossheads count against precision: 1 of 2 predicted, 1 of 1 expected
    "crossheads of an invented article": ([art(A, heads=("一",))], [art(A, heads=("一",)), art(B, heads=("二",))],
                                          (0.6667, 1.0, 0.0, 1.0, 1.0, 1.0, 0.6667)),
    "crossheads missed": ([art(A, heads=("一", "二"))], [art(A)], (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0)),
    "a page without articles": ([], [], (1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    "articles on a page without any": ([], [art(A)], (0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0)),
    "nothing predicted": ([art(A), art(B)], [], (0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
}


@pytest.mark.parametrize("gold, pred, expected", CASES.values(), ids=CASES.keys())
def test_figures(gold: list[dict[str, Any]], pred: list[dict[str, Any]], expected: tuple[float, ...]) -> None:
    assert dict(zip(METRICS, figures(gold, pred), strict=True)) == dict(zip(METRICS, expected, strict=True))


def test_pairing_threshold_is_the_documented_one() -> None:
    assert PAIR_THRESHOLD == 0.8
    assert "80%" in banmian.score.__doc__


def test_pages_are_summed_before_the_ratios() -> None:
    """Totals weigh every article alike, not every page: 2 of 3 found is 0.8 F1, not the mean of 1.0 and 0.0."""
    pages = [score_page({"articles": [art(A), art(B)]}, {"articles": [art(A), art(B)]}),
             score_page({"articles": [art(C)]}, {"articles": []})]
    total = summarize(pages)
    assert (total["pages"], total["articles_gold"], total["articles_pred"]) == (2, 3, 2)
    assert (total["article_f1"], total["exact_body"], total["body_cer"]) == (0.8, 0.6667, 0.0909)


def test_pure_python_distance_matches_rapidfuzz_on_examples() -> None:
    for a, b in [("", ""), ("春风", ""), ("春风又绿江南岸", "春风绿了江南"), (A, A + C), (A, B)]:
        assert pure_python_distance(a, b) == Levenshtein.distance(a, b) == pure_python_distance(b, a)


@given(st.text(alphabet="春风又绿江南岸 ", max_size=12), st.text(alphabet="春风又绿江南岸 ", max_size=12))
def test_pure_python_distance_matches_rapidfuzz_on_any_text(a: str, b: str) -> None:
    assert pure_python_distance(a, b) == Levenshtein.distance(a, b)


# ---------------------------------------------------------------------------
# Directories and the command line
# ---------------------------------------------------------------------------

def write_pages(folder: Path, suffix: str, pages: dict[str, list[dict[str, Any]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, articles in pages.items():
        (folder / f"{name}{suffix}").write_text(json.dumps({"articles": articles}, ensure_ascii=False),
                                                encoding="utf-8")
    return folder


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """Gold of pages a (A, B) and b (C); predictions for a only (A), and for a page without gold."""
    gold = write_pages(tmp_path / "gold", ".gold.json", {"a": [art(A), art(B)], "b": [art(C)]})
    pred = write_pages(tmp_path / "pred", ".json", {"a": [art(A)], "zz": [art(B)]})
    return gold, pred


def test_text_report(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(d) for d in dirs]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "a: paired 1/2 gold, 1 predicted, exact 1, edits 20/40",
        "b: paired 0/1 gold, 0 predicted, exact 0, edits 4/4",
        "pages=2 articles_gold=3 articles_pred=1 article_f1=0.5 exact_body=0.3333 body_cer=0.5455 "
        "headline_acc=0.3333 credit_acc=0.3333 kind_acc=0.3333 crosshead_f1=1.0"]


def test_json_report(dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert banmian_main(["score", *map(str, dirs), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["total", "pages"]
    assert list(doc["total"]) == ["pages", "articles_gold", "articles_pred", *METRICS]
    assert doc["pages"]["b"] == {"gold": 1, "pred": 0, "paired": 0, "exact": 0, "edits": 4, "chars": 4,
                                 "with_headline": 1, "headline_ok": 0, "credit_ok": 0, "kind_ok": 0,
                                 "h_gold": 0, "h_pred": 0, "h_ok": 0}


@pytest.mark.parametrize("breakage, message", [
    ("no gold", "no *.gold.json files in"),
    ("no pred dir", "is not a directory"),
    ("bad json", "not readable as JSON"),
    ("no articles", "not a JSON object with a list of articles"),
])
def test_bad_input_is_one_line_and_exit_2(dirs: tuple[Path, Path], breakage: str, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = dirs
    if breakage == "no gold":
        gold = gold / "missing"
    elif breakage == "no pred dir":
        pred = pred / "a.json"
    elif breakage == "bad json":
        (pred / "a.json").write_text("{", encoding="utf-8")
    else:
        (gold / "b.gold.json").write_text('{"pages": []}', encoding="utf-8")
    assert banmian_main(["score", str(gold), str(pred)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("banmian score: ") and message in err and len(err.splitlines()) == 1


def test_help_documents_every_metric(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        banmian_main(["score", "--help"])
    helped = capsys.readouterr().out
    for metric in METRICS:
        line = next(ln for ln in helped.splitlines() if ln.strip().startswith(metric))
        assert len(line.split(None, 1)[1]) > 20, line  # the name, then what it measures on the same line


def test_vendored_seed_gold_scores_perfectly_against_itself(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    for gold in SEED_GOLD.glob("*.gold.json"):
        shutil.copy(gold, tmp_path / gold.name.replace(".gold.json", ".json"))
    assert main([str(SEED_GOLD), str(tmp_path), "--json"]) == 0
    total = json.loads(capsys.readouterr().out)["total"]
    assert total["pages"] == 2 and total["articles_gold"] == total["articles_pred"] > 0
    assert {m: total[m] for m in METRICS} == {m: (0.0 if m == "body_cer" else 1.0) for m in METRICS}
