"""Tests of the synthetic page generator itself (tests/pagegen)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from banmian.score import score_dirs, summarize
from tests.pagegen import corpus, generate_page, generate_set, write_set
from tests.pagegen.layout import display_width, fold, wrap
from tests.support.paths import REPO

N_DIVERSITY = 200

#: Every habit the generator claims, with the least number of pages (out of
#: N_DIVERSITY) that must show it.
HABITS = {
    # wrapping and columns
    "wrap_narrow": 5, "wrap_wide": 5, "column_break_mid_para": 20, "para_no_blank": 10,
    "hanging_punct": 10,
    # justification artefacts
    "letterspaced_line": 10, "spaced_numbers": 10, "ascii_punct": 10, "fullwidth_alnum": 5,
    # headlines
    "head_before": 20, "head_after": 20, "headline_couplet_two_lines": 10,
    "headline_couplet_one_line": 10, "headline_single": 5, "headline_letterspaced": 3,
    "subheadline_subject": 10, "subheadline_dash": 10, "headline_blank_between": 10,
    "headline_no_sub": 10, "kicker": 5,
    # credits
    "byline_dateline": 20, "byline_multi": 10, "byline_ascii_parens": 5,
    "byline_place_dateline": 5, "byline_other_paper": 5, "byline_xinhua": 5, "byline_source": 3,
    "byline_box": 3, "byline_line": 10, "byline_quanmeiti": 3, "byline_trailing": 5,
    "byline_wrapped": 10, "byline_letterspaced": 3, "byline_own_line": 5, "name_inner_space": 10,
    # photos
    "photo": 20, "photo_title": 5, "photo_label": 5, "caption_narrow": 5, "caption_wide": 5,
    "photo_multi_para": 3, "photo_credit_split": 5, "photo_credit_tongxun": 5,
    "photo_credit_jizhe": 5, "photo_credit_bare": 3, "photo_credit_tight": 3,
    "photo_credit_wentu": 3, "photo_credit_xinhua": 2,
    # lead feature
    "feature": 60, "feature_intro_wide": 60, "feature_crosshead_doubled": 10,
    "feature_scattered": 20, "feature_tail_moved": 5, "crosshead": 60,
    # furniture, jumps, briefs
    "furniture_date": 20, "furniture_page": 20, "furniture_editor": 20, "furniture_top": 20,
    "furniture_bottom": 20, "continued_from": 3, "continued_to": 3, "briefs": 3,
    "form_feed": 5,
    # material
    "seed_corpus": 20, "synthetic_corpus": 20, "recombined": 10, "varied_places": 20,
    "varied_numbers": 10, "varied_dates": 10,
}


@pytest.fixture(scope="module")
def pages():
    return [generate_page(7, i) for i in range(N_DIVERSITY)]


def _gold_strings(article):
    for key in ("headline", "subheadline", "kicker", "byline", "continued_from", "continued_to"):
        if article.get(key):
            yield key, article[key]
    for b in article["blocks"]:
        yield b["kind"], b["text"]


# --- determinism ----------------------------------------------------------------------------


def test_deterministic_for_a_seed():
    a = generate_set(6, seed=123)
    b = generate_set(6, seed=123)
    assert a == b
    c = generate_set(6, seed=124)
    assert [t for _, t, _ in a] != [t for _, t, _ in c]


def test_independent_of_global_random():
    import random

    random.seed(1)
    a = generate_set(3, seed=5)
    random.seed(2)
    random.random()
    b = generate_set(3, seed=5)
    assert a == b


def test_page_is_a_function_of_seed_and_index():
    assert generate_page(9, 4).text == generate_set(5, 9)[4][1]


# --- gold shape ------------------------------------------------------------------------------


def _check_gold_strings_are_clean(article):
    """No letterspacing, ASCII Chinese punctuation or full-width digits in any gold string."""
    for _, s in _gold_strings(article):
        assert s == s.strip()
        assert not any(c in s for c in ",():;\u3000\n"), s
        assert not any("０" <= c <= "９" or "Ａ" <= c <= "Ｚ" for c in s), s
    for b in article["blocks"]:
        assert " " not in b["text"], b["text"]


def _check_gold_article(a):
    assert a["kind"] in ("news", "photo", "feature")
    for key in ("headline", "subheadline", "byline", "authors", "photographers", "blocks"):
        assert key in a
    assert a["blocks"] and all(b["kind"] in ("p", "h") and b["text"] for b in a["blocks"])
    assert isinstance(a["authors"], list) and isinstance(a["photographers"], list)
    _check_gold_strings_are_clean(a)
    if a["kind"] == "photo":
        assert a["photographers"] and a["byline"]
    for name in a["authors"] + a["photographers"]:
        assert 2 <= len(name) <= 3 and " " not in name
        assert name in a["byline"]


def test_gold_shape(pages):
    for p in pages:
        g = p.gold
        assert g["source"] == f"{p.name}.txt"
        assert 3 <= len(g["articles"]) <= 10
        for a in g["articles"]:
            _check_gold_article(a)
        counts = Counter(a["kind"] for a in g["articles"])
        assert counts["photo"] <= 3 and counts["feature"] <= 1
        bodies = ["".join(b["text"] for b in a["blocks"] if b["kind"] == "p") for a in g["articles"]]
        assert len(set(bodies)) == len(bodies)


def test_byline_normalisation(pages):
    for p in pages:
        for a in p.gold["articles"]:
            by = a["byline"]
            if not by:
                assert a["authors"] == [] or a["kind"] == "feature"
                continue
            assert "  " not in by and "□" not in by and "(" not in by
            for n in a["authors"] + a["photographers"]:
                assert f" {n}" in by or by.startswith(n)


# --- text covers gold ---------------------------------------------------------------------------


def _covered(hay: str, needle: str, may_split: bool) -> bool:
    if needle in hay:
        return True
    if may_split:
        return any(needle[:k] in hay and needle[k:] in hay for k in range(1, len(needle)))
    return False


def test_page_text_contains_every_gold_string(pages):
    for p in pages:
        hay = fold(p.text)
        for a, side in zip(p.gold["articles"], p.habits["articles"]):
            split = set(side["split_blocks"])
            blocks = iter(range(len(a["blocks"])))
            for key, s in _gold_strings(a):
                idx = next(blocks) if key in ("p", "h") else None
                assert _covered(hay, fold(s), idx in split), (p.name, key, s)


def test_page_text_is_gold_plus_residue_exactly(pages):
    """Character multiset: the page is exactly its gold strings and its residue."""
    for p in pages:
        expect = Counter()
        for a in p.gold["articles"]:
            for _, s in _gold_strings(a):
                expect.update(fold(s))
        for r in p.habits["residue"]:
            expect.update(fold(r["text"]))
        got = Counter(fold(p.text))
        assert got == expect, (p.name, got - expect, expect - got)


def test_residue_lines_point_at_their_text(pages):
    for p in pages:
        lines = p.text.split("\n")
        for r in p.habits["residue"]:
            assert fold(r["text"]) in fold(lines[r["line"] - 1]), (p.name, r)
            assert r["reason"] in ("page_furniture", "duplicate_crosshead", "decoration", "unassigned")


def test_feature_crosshead_doubling_is_residue(pages):
    seen = 0
    for p in pages:
        for r in p.habits["residue"]:
            if r["reason"] == "duplicate_crosshead":
                seen += 1
                assert r["text"] + r["text"] in p.text
    assert seen


# --- layout habits -----------------------------------------------------------------------------------


def test_wrap_widths_and_indent():
    import random

    text = corpus.NEWS[0].paras[1]
    for width in (8, 9, 13, 17, 24, 46):
        w = wrap(text, width, random.Random(width), hang_prob=0.5)
        assert "".join(w.lines) == text
        assert display_width(w.lines[0]) <= width - 2 + 1
        for ln in w.lines:
            assert display_width(ln) <= width + 1
            assert ln[0] not in "，。、；：”）》"
            assert ln[-1] not in "“（《"


def test_line_widths_on_pages_stay_near_columns(pages):
    # a sanity bound: nothing but headlines/furniture goes past 47 units
    for p in pages:
        for ln in p.text.split("\n"):
            assert display_width(ln) <= 60, (p.name, ln)


def test_diversity_of_habits(pages):
    seen = Counter()
    for p in pages:
        for h in p.habits["habits"]:
            seen[h] += 1
    missing = {h: (seen[h], n) for h, n in HABITS.items() if seen[h] < n}
    assert not missing, missing
    n_feature = sum(1 for p in pages if any(a["kind"] == "feature" for a in p.gold["articles"]))
    assert 0.35 * len(pages) <= n_feature <= 0.65 * len(pages)


def test_kickers_and_jumps_in_gold(pages):
    kick = cont_from = cont_to = 0
    for p in pages:
        for a in p.gold["articles"]:
            kick += bool(a.get("kicker"))
            if a.get("continued_from"):
                cont_from += 1
                assert a["continued_from"].startswith("上接第")
            if a.get("continued_to"):
                cont_to += 1
                assert a["continued_to"].startswith("下转第")
    assert kick and cont_from and cont_to


def _headline_owners(articles):
    """Folded headline part or subheadline -> indices of the headed news articles that print it."""
    heads = [a for a in articles if a["kind"] == "news" and a["headline"]]
    owner = {}
    for i, a in enumerate(heads):
        for part in a["headline"].split(" "):
            owner.setdefault(fold(part), set()).add(i)
        if a["subheadline"]:
            owner.setdefault(fold(a["subheadline"]), set()).add(i)
    return owner


def _owners_of_line(folded_line, owner):
    """The articles whose headline line this is (dashes aside), or None; the last match wins."""
    key = folded_line.lstrip("—")
    found = None
    for part, arts in owner.items():
        if key == part or key.replace("—", "") == part:
            found = arts
    return found


def test_no_adjacent_headline_groups(pages):
    """A headline-after article is never directly followed by a headline-before one.

    Checked on the page text: between the last line of one article's headline
    group and the first line of another article's headline there is body text.
    """
    for p in pages:
        owner = _headline_owners(p.gold["articles"])
        # two headline lines of different articles are never on consecutive non-blank lines
        prev = None
        for fl in (fold(ln) for ln in p.text.split("\n") if ln.strip()):
            cur = _owners_of_line(fl, owner)
            if cur is not None and prev is not None:
                assert cur & prev, (p.name, fl)
            prev = cur


# --- writing and scoring ------------------------------------------------------------------------------


def test_cli_writes_pages_and_gold(tmp_path):
    out = tmp_path / "set"
    r = subprocess.run([sys.executable, "-m", "tests.pagegen", str(out), "--pages", "4", "--seed", "3"],
                       cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    pages_ = sorted((out / "pages").glob("*.txt"))
    golds = sorted((out / "gold").glob("*.gold.json"))
    assert len(pages_) == 4 and len(golds) == 4
    assert len(list((out / "gold").glob("*.habits.json"))) == 4
    for pf, gf in zip(pages_, golds):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        assert gold["source"] == pf.name
    assert [p.read_text(encoding="utf-8") for p in pages_] == [t for _, t, _ in generate_set(4, 3)]


def test_gold_against_itself_scores_perfectly(tmp_path):
    write_set(tmp_path, 40, seed=11)
    pred = tmp_path / "pred"
    pred.mkdir()
    for gf in (tmp_path / "gold").glob("*.gold.json"):
        (pred / gf.name.replace(".gold.json", ".json")).write_text(gf.read_text(encoding="utf-8"),
                                                                   encoding="utf-8")
    total = summarize(score_dirs(tmp_path / "gold", pred).values())
    assert total["pages"] == 40
    for key in ("article_f1", "exact_body", "headline_acc", "credit_acc", "kind_acc", "crosshead_f1"):
        assert total[key] == 1.0, (key, total)
    assert total["body_cer"] == 0.0
