"""Tests of the page simulator itself: configurations, pools, determinism, accounting, gold, habits."""

from __future__ import annotations

import copy
import doctest
import importlib
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pagesim import available, corpus98, load, simulate_page, write_set
from tests.pagesim.chars import NO_LINE_END, NO_LINE_START, fold
from tests.pagesim.habits import HABITS, ConfigError, validate
from tests.pagesim.pool import for_config
from tests.pagesim.tagged import RESIDUE_REASONS, TText
from tests.pagesim.typeset import Measure, set_paragraph, tokens

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ("gate", "unread-a", "unread-b")
#: Pages per configuration for the habit census (enough for rare habits to show).
N_CENSUS = 120
MODULES = ("chars", "corpus98", "credits", "extract", "geometry", "habits", "localpool", "tagged", "typeset")


def gold_strings(article):
    for key in ("headline", "subheadline", "kicker", "byline", "continued_from", "continued_to"):
        if article.get(key):
            yield key, article[key]
    for b in article["blocks"]:
        yield b["kind"], b["text"]


@pytest.fixture(scope="module")
def census():
    return {name: [simulate_page(name, 5, i) for i in range(N_CENSUS)] for name in CONFIGS}


# --- configurations ---------------------------------------------------------------------------------


def test_the_three_configurations_exist_and_load():
    assert set(CONFIGS) <= set(available())
    for name in CONFIGS:
        cfg = load(name)
        assert set(cfg.habits) == set(HABITS)
        assert all(0.0 <= lo <= hi <= 1.0 for lo, hi in cfg.habits.values())


def _raw(name):
    return json.loads((ROOT / "tests" / "pagesim" / "configs" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("breakage", [
    lambda c: c["habits"].update(no_such_habit=[0, 1]),
    lambda c: c["habits"].pop("head_after_body"),
    lambda c: c["habits"].update(head_after_body=[0.6, 0.2]),
    lambda c: c["habits"].update(head_after_body=[0.0, 1.5]),
    lambda c: c["habits"].update(head_after_body=0.5),
    lambda c: c["params"].pop("columns"),
    lambda c: c["pool"].update(rmrb98_days=[0, 40]),
    lambda c: c["pool"].update(local=["everything"]),
    lambda c: c["pool"].pop("weights"),
])
def test_a_broken_configuration_is_refused(breakage):
    raw = copy.deepcopy(_raw("gate"))
    breakage(raw)
    with pytest.raises(ConfigError):
        validate(raw, "broken")


def test_configurations_differ_in_their_mix():
    gate, a, b = (load(n) for n in CONFIGS)
    for other in (a, b):
        differing = [h for h in HABITS if gate.habits[h] != other.habits[h]]
        assert len(differing) >= len(HABITS) // 2


def test_unread_configurations_use_articles_the_gate_never_uses():
    keys = {n: set(for_config(load(n)).keys()) for n in CONFIGS}
    assert all(keys.values())
    assert not keys["gate"] & keys["unread-a"]
    assert not keys["gate"] & keys["unread-b"]
    assert not keys["unread-a"] & keys["unread-b"]


def test_pages_only_print_their_own_pool(census):
    for name, pages in census.items():
        allowed = set(for_config(load(name)).keys())
        for p in pages:
            for a in p.habits["articles"]:
                key = a["key"].split("#")[0]
                assert not key or key in allowed, (p.name, key)


# --- determinism ------------------------------------------------------------------------------------


def test_a_page_is_a_function_of_config_seed_and_index():
    a = simulate_page("gate", 3, 7)
    random.seed(99)
    random.random()
    b = simulate_page("gate", 3, 7)
    assert (a.text, a.gold, a.habits) == (b.text, b.gold, b.habits)
    assert simulate_page("gate", 4, 7).text != a.text
    assert simulate_page("unread-a", 3, 7).text != a.text


def test_cli_writes_pages_gold_and_habits(tmp_path):
    out = tmp_path / "set"
    r = subprocess.run([sys.executable, "-m", "tests.pagesim", str(out), "--config", "gate", "--pages", "3",
                        "--seed", "5", "--layout"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    pages = sorted((out / "pages").glob("*.txt"))
    assert [p.name for p in pages] == [f"gate-s5-{i:04d}.txt" for i in range(3)]
    for i, pf in enumerate(pages):
        sim = simulate_page("gate", 5, i)
        assert pf.read_text(encoding="utf-8") == sim.text
        gold = json.loads((out / "gold" / f"{sim.name}.gold.json").read_text(encoding="utf-8"))
        assert gold == sim.gold and gold["source"] == pf.name
        assert (out / "gold" / f"{sim.name}.habits.json").exists()
        layout = json.loads((out / "layout" / f"{sim.name}.layout.json").read_text(encoding="utf-8"))
        assert all(ln["size"] > 0 and ln["width"] >= 0 for ln in layout["lines"])


def test_write_set_matches_simulate_page(tmp_path):
    names = write_set(tmp_path, "unread-b", 2, seed=8)
    assert names == [simulate_page("unread-b", 8, i).name for i in range(2)]


# --- accounting: nothing lost, nothing invented -----------------------------------------------------


def _check_accounting(p):
    expect = Counter()
    for a in p.gold["articles"]:
        for _, s in gold_strings(a):
            expect.update(fold(s))
    for r in p.habits["residue"]:
        expect.update(fold(r["text"]))
    got = Counter(fold(p.text))
    assert got == expect, (p.name, got - expect, expect - got)
    lines = p.text.split("\n")
    for r in p.habits["residue"]:
        assert r["reason"] in RESIDUE_REASONS
        assert fold(r["text"]) in fold(lines[r["line"] - 1]), (p.name, r)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(config=st.sampled_from(CONFIGS), seed=st.integers(0, 10**6), index=st.integers(0, 10**4))
def test_every_printed_character_is_in_gold_or_residue(config, seed, index):
    _check_accounting(simulate_page(config, seed, index))


def test_accounting_on_the_census(census):
    for pages in census.values():
        for p in pages:
            _check_accounting(p)


# --- gold ---------------------------------------------------------------------------------------------


def _check_strings(p, a):
    """Gold text conventions: no whitespace runs, full-width Chinese marks, ASCII digits."""
    for key, s in gold_strings(a):
        assert s == s.strip() and "\n" not in s and "\u3000" not in s, (key, s)
        assert not any(c in s for c in ",():;"), (p.name, key, s)
        assert not any("０" <= c <= "９" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ" for c in s), (key, s)
        assert key not in ("p", "h") or " " not in s, s
    if a["headline"]:
        assert a["headline"].count(" ") <= 1 and "  " not in a["headline"]


def _check_article(p, a):
    assert a["kind"] in ("news", "photo", "feature")
    for key in ("headline", "subheadline", "byline", "authors", "photographers", "blocks"):
        assert key in a
    assert a["blocks"] and all(b["kind"] in ("p", "h") and b["text"] for b in a["blocks"])
    _check_strings(p, a)
    for n in a["authors"] + a["photographers"]:
        assert 2 <= len(n) <= 4 and " " not in n and n in a["byline"], (p.name, n, a["byline"])
    if a["photographers"]:
        assert a["kind"] == "photo" or "文/图" in a["byline"]
    assert a["kind"] != "feature" or any(b["kind"] == "h" for b in a["blocks"])


def _check_gold(p):
    g = p.gold
    assert g["source"] == f"{p.name}.txt"
    assert g["articles"]
    for a in g["articles"]:
        _check_article(p, a)
    bodies = ["".join(b["text"] for b in a["blocks"] if b["kind"] == "p") for a in g["articles"]]
    assert len(set(bodies)) == len(bodies), p.name


def test_gold_is_well_formed(census):
    for pages in census.values():
        for p in pages:
            _check_gold(p)


def test_gold_strings_are_printed_where_the_sidecar_says(census):
    """Every gold string is on the page (folded); a split paragraph in its two pieces."""
    for pages in census.values():
        for p in pages:
            hay = fold(p.text)
            for a, side in zip(p.gold["articles"], p.habits["articles"]):
                for i, b in enumerate(a["blocks"]):
                    if i not in side["split_blocks"]:
                        assert fold(b["text"]) in hay or b["kind"] == "h", (p.name, b["text"][:20])


def test_kinds_and_shapes_appear(census):
    seen = Counter()
    for pages in census.values():
        for p in pages:
            for a in p.gold["articles"]:
                seen[a["kind"]] += 1
                seen["kicker"] += bool(a.get("kicker"))
                seen["continued_to"] += bool(a.get("continued_to"))
                seen["continued_from"] += bool(a.get("continued_from"))
                seen["couplet"] += bool(a["headline"] and " " in a["headline"])
                seen["untitled"] += not a["headline"]
                seen["no_byline"] += not a["byline"]
    for key in ("news", "photo", "feature", "kicker", "continued_to", "continued_from", "couplet", "untitled",
                "no_byline"):
        assert seen[key] >= 5, (key, seen)


# --- habits --------------------------------------------------------------------------------------------


def test_every_habit_fires_over_a_set(census):
    """Every habit of the space shows on pages; on gate pages, every habit the gate gives a real
    chance (upper bound at least 0.1) shows at least once.  (An unread configuration may give a
    habit few opportunities: couplets need headlines with a comma, rare in the 1998 pool.)"""
    total = Counter()
    for name, pages in census.items():
        seen = Counter()
        for p in pages:
            seen.update(set(p.habits["habits"]))
        total.update(seen)
        if name == "gate":
            silent = [h for h in HABITS if load(name).habits[h][1] >= 0.1 and not seen[h]]
            assert not silent, (name, silent)
    assert not [h for h in HABITS if total[h] < 3], {h: total[h] for h in HABITS if total[h] < 3}


def test_rates_are_drawn_per_page_within_the_ranges(census):
    for name, pages in census.items():
        cfg = load(name)
        for h, (lo, hi) in cfg.habits.items():
            drawn = [p.habits["rates"][h] for p in pages]
            assert all(lo - 1e-4 <= r <= hi + 1e-4 for r in drawn)
            if hi - lo > 0.2:
                assert len(set(drawn)) > N_CENSUS // 2


def test_events_point_at_lines_and_articles(census):
    for pages in census.values():
        for p in pages:
            n_lines = len(p.text.split("\n"))
            n_art = len(p.gold["articles"])
            for e in p.habits["events"]:
                assert e["habit"] in HABITS
                assert 1 <= e["line"] <= n_lines
                assert e["article"] is None or 0 <= e["article"] < n_art


# --- pieces ------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="中国人民，。、“”（）《》：；12345abc", min_size=1, max_size=120),
       width=st.integers(2, 46), compress=st.booleans(), hang=st.booleans())
def test_typesetting_keeps_text_and_kinsoku(text, width, compress, hang):
    lines = set_paragraph(TText.of(text, 0), Measure(lambda i: float(width), compress=compress, hang=hang))
    assert "".join(ln.text.text for ln in lines) == text
    for prev, ln in zip(lines, lines[1:]):
        # a line opens with a closing mark (or the one before ends with an opening mark) only
        # when the line before is one unbreakable piece that nothing could be taken from
        single = len(tokens(prev.text.text)) == 1
        assert ln.text.text[0] not in NO_LINE_START or single, [x.text.text for x in lines]
        assert prev.text.text[-1] not in NO_LINE_END or single, [x.text.text for x in lines]


def test_units_never_overlap_on_the_page(census):
    for pages in census.values():
        for p in pages[:40]:
            rects = [r for uid, r in p.layout.rects.items()]
            for i, a in enumerate(rects):
                for b in rects[i + 1:]:
                    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                    assert overlap_x <= 1e-6 or overlap_y <= 1e-6, (p.name, a, b)


def test_corpus_parse_keeps_well_formed_articles():
    parsed = corpus98.parse()
    assert len(parsed.stories) > 1500
    kinds = Counter(s.kind for s in parsed.stories)
    assert {"news", "essay", "brief", "photo", "feature"} <= set(kinds)
    days = {s.day for s in parsed.stories}
    assert set(range(1, 11)) <= days and set(range(11, 21)) <= days and set(range(21, 30)) <= days
    for s in parsed.stories:
        for text in s.paras + tuple(p for _, ps in s.sections for p in ps):
            assert text[-1] in "。！？…”’』」）：；—" and " " not in text
            assert not any("０" <= c <= "９" for c in text)
        if s.credit:
            assert all(2 <= len(n) <= 4 for n in s.credit.names)
    assert "kept by kind" in corpus98.parse_report()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"tests.pagesim.{name}")
    result = doctest.testmod(module, verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} fail"
