"""One simulated page, end to end: draw rates, compose, lay out, extract, write gold.

A page is a pure function of (configuration, seed, index): every random choice comes from one
``random.Random`` seeded with the three, and nothing reads the global random state.

Files (``write_set``): ``pages/NAME.txt``, ``gold/NAME.gold.json`` (the scorer's shape) and
``gold/NAME.habits.json``: the rates the page drew, each habit's count, every habit event with the
gold article and output line it touched, each article's habits and pool key, and the residue
records (``text``, ``reason``, ``line``).  With ``layout=True`` also ``layout/NAME.layout.json``:
every printed line with its position in points, for a PDF renderer.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import compose as cp
from .geometry import Grid, Layout, Unit, place
from .habits import COLUMN_WIDTH_RANGE, Config, PageRates, draw, load
from .pool import Pool, for_config
from .stories import Story
from .chars import fold
from .extract import Extracted, extract


@dataclass
class SimPage:
    """A simulated page: name, text, gold, sidecar, and its layout."""

    name: str
    text: str
    gold: dict[str, Any]
    habits: dict[str, Any]
    layout: Layout


def page_name(config: str, seed: int, index: int) -> str:
    """``gate-s7-0003``."""
    return f"{config}-s{seed}-{index:04d}"


def grid_for(rates: PageRates, rng: random.Random) -> Grid:
    """The page's column grid: columns as many as fit the page width at 8-46 ems each."""
    width = rates.params["page_width"]
    gutter = rates.params["gutter"]
    n = max(1, rates.int("columns"))
    lo, hi = COLUMN_WIDTH_RANGE
    while n > 1 and (width - (n - 1) * gutter) / n < lo:
        n -= 1
    while (width - (n - 1) * gutter) / n > hi:
        n += 1
    colw = max(float(lo), (width - (n - 1) * gutter) / n)
    return Grid(n, colw, gutter, rates.params["leading"], rates.fires("punct_compression", rng),
                rates.fires("hanging_punct", rng), rates.params["head_scale"])


def simulate_page(config: Config | str, seed: int, index: int) -> SimPage:
    """Simulate page ``index`` of ``seed`` under ``config``."""
    cfg = load(config) if isinstance(config, str) else config
    rng = random.Random(f"banmian-pagesim:{cfg.name}:{seed}:{index}")
    rates = draw(cfg, rng)
    grid = grid_for(rates, rng)
    c = cp.Composer(rng, rates, for_config(cfg), grid)
    for habit, on in (("punct_compression", grid.compress), ("hanging_punct", grid.hang)):
        if on:
            c.note(habit)
    units = plan_page(c)
    layout = place(units, grid, rates.params["body_size"], rng)
    ex = extract(layout, rates, c.tags, rng)
    name = page_name(cfg.name, seed, index)
    gold, sidecar = finish(c, ex, name)
    sidecar.update({"config": cfg.name, "seed": seed, "index": index,
                    "rates": {k: round(v, 4) for k, v in rates.rates.items()},
                    "params": {k: round(v, 3) for k, v in rates.params.items()},
                    "grid": {"columns": grid.columns, "column_width": round(grid.colw, 2),
                             "compress": grid.compress, "hang": grid.hang}})
    return SimPage(name, ex.text, gold, sidecar, layout)


# --- what goes on the page ---------------------------------------------------------------------


def _pick(rng: random.Random, by_source: dict[str, tuple[Story, ...]], weights: dict[str, float],
          used: set[str]) -> Story | None:
    """A story not used yet, from a source chosen by the pool weights."""
    sources = [k for k, v in by_source.items() if v and weights.get(k, 0) > 0]
    if not sources:
        return None
    for _ in range(20):
        src = rng.choices(sources, weights=[weights[k] for k in sources])[0]
        s = rng.choice(by_source[src])
        if s.key not in used:
            used.add(s.key)
            return s
    return None


def plan_page(c: cp.Composer) -> list[Unit]:
    """All units of the page in make-up order: furniture, banner, feature, stories, photos."""
    rng, pool = c.rng, c.pool
    used: set[str] = set()
    groups: list[list[Unit]] = []
    day = 0
    for _ in range(max(1, c.rates.int("stories"))):
        s = _pick(rng, pool.main, pool.weights, used)
        if s is not None:
            day = day or s.day
            groups.append(cp.news_units(c, s))
    groups += _photo_groups(c, pool, used)
    groups += _extra_groups(c, pool, used)
    rng.shuffle(groups)
    order = [u for g in groups for u in g]
    order = _with_feature(c, pool, used, order)
    head: list[Unit] = cp.furniture_units(c, day)
    if c.fire("banner"):
        head.append(cp.banner_unit(c))
    return head + order


def _photo_groups(c: cp.Composer, pool: Pool, used: set[str]) -> list[list[Unit]]:
    out: list[list[Unit]] = []
    n = c.rates.int("photos")
    label = c.rates.fires("photo_label", c.rng) and n > 0
    for _ in range(n):
        s = _pick(c.rng, pool.photos, pool.weights, used)
        if s is None:
            break
        group = [s]
        if c.fire("multi_photo"):
            more = [_pick(c.rng, pool.photos, pool.weights, used) for _ in range(c.rng.randint(1, 2))]
            group += [m for m in more if m is not None]
        photos = [g.photos[0] for g in group]
        u = cp.photo_unit(c, photos[0], group=photos if len(photos) > 1 else None, key=s.key)
        units = [u]
        if label and not out:
            c.note("photo_label")
            units.insert(0, cp.label_unit(c, c.rng.choice(cp.PHOTO_LABELS), u.span))
        out.append(units)
    return out


def _extra_groups(c: cp.Composer, pool: Pool, used: set[str]) -> list[list[Unit]]:
    out: list[list[Unit]] = []
    if c.rates.fires("briefs", c.rng):
        briefs = [_pick(c.rng, pool.briefs, pool.weights, used) for _ in range(c.rng.randint(*cp.BRIEFS_PER_COLUMN))]
        briefs = [b for b in briefs if b is not None]
        if briefs:
            out.append(cp.briefs_units(c, briefs))
    if pool.letters and c.rates.fires("letter", c.rng):
        out.append(cp.letter_units(c, c.rng.choice(pool.letters)))
    if c.rates.fires("cartoon", c.rng):
        out.append([cp.cartoon_unit(c)])
    return out


def _with_feature(c: cp.Composer, pool: Pool, used: set[str], order: list[Unit]) -> list[Unit]:
    """The lead feature first, its sections right after it or scattered; a moved tail last."""
    if not c.rates.fires("feature", c.rng):
        return order
    s = _pick(c.rng, pool.features, pool.weights, used)
    if s is None:
        return order
    lead, parts, tail = cp.feature_units(c, s)
    if len(parts) > 1:
        slots = sorted(c.rng.randint(0, len(order)) for _ in parts)
        for k, (slot, u) in enumerate(zip(slots, parts)):
            order.insert(slot + k, u)
        order = [lead] + order
    else:
        order = [lead] + parts + order
    if tail is not None:
        order.append(tail)
    return order


# --- gold and sidecar -------------------------------------------------------------------------------


def finish(c: cp.Composer, ex: Extracted, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Gold articles in order of their first printed line; the habits sidecar."""
    first, line_art = _first_lines(c, ex)
    _split_blocks(c, ex)
    missing = [a for a in range(len(c.articles)) if a not in first]
    if missing:
        raise AssertionError(f"{name}: articles {missing} printed nothing")
    order = sorted(range(len(c.articles)), key=lambda a: first[a])
    new = {old: i for i, old in enumerate(order)}
    events = []
    for h, no in ex.events:
        art = line_art.get(no)
        events.append({"habit": h, "article": new[art] if art is not None else None, "line": no})
    counts: Counter[str] = Counter(c.page_habits)
    counts.update(ex.page_events)
    for a in c.articles:
        counts.update(a.habits)
    counts.update(e["habit"] for e in events)
    gold = {"source": f"{name}.txt", "articles": [c.articles[a].gold for a in order]}
    sidecar = {
        "name": name,
        "habits": dict(sorted(counts.items())),
        "articles": [{"key": c.articles[a].key, "habits": sorted(c.articles[a].habits),
                      "split_blocks": sorted(c.articles[a].split_blocks)} for a in order],
        "events": events,
        "residue": ex.residue,
    }
    return gold, sidecar


def _first_lines(c: cp.Composer, ex: Extracted) -> tuple[dict[int, int], dict[int, int | None]]:
    """Each article's first output line, and each line's first article."""
    first: dict[int, int] = {}
    line_art: dict[int, int | None] = {}
    owner = [t.article for t in c.tags.tags]
    for no, ln in enumerate(ex.lines, 1):
        if ln is None:
            continue
        seen = [t for t in dict.fromkeys(ln.tags) if t >= 0 and owner[t] is not None]
        line_art[no] = owner[seen[0]] if seen else None
        for t in seen:
            first.setdefault(owner[t], no)  # type: ignore[arg-type]
    return first, line_art


def _split_blocks(c: cp.Composer, ex: Extracted) -> None:
    """Gold blocks that do not come out in one piece, in order (a paragraph cut across distant
    columns, interleaved with its other column, a credit dropped inside it): ``split_blocks``."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    chars: dict[int, list[str]] = {}
    pos = 0
    for ln in ex.lines:
        for ch, t in zip(ln.text, ln.tags) if ln else ():
            if t < 0 or ch.isspace():
                continue
            first.setdefault(t, pos)
            last[t] = pos
            chars.setdefault(t, []).append(ch)
            pos += 1
    for t, cs in chars.items():
        tag = c.tags[t]
        if tag.block < 0 or tag.article is None:
            continue
        art = c.articles[tag.article]
        whole = last[t] - first[t] + 1 == len(cs) and fold("".join(cs)) == art.gold["blocks"][tag.block]["text"]
        if not whole:
            art.split_blocks.append(tag.block)
            art.habits.add("paragraph_cut_apart")


def write_set(out_dir: str | Path, config: str, n: int, seed: int, *, layout: bool = False) -> list[str]:
    """Write ``n`` pages of a configuration: pages, gold, habits sidecars (and layouts)."""
    out = Path(out_dir)
    cfg = load(config)
    for sub in ("pages", "gold") + (("layout",) if layout else ()):
        (out / sub).mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        p = simulate_page(cfg, seed, i)
        (out / "pages" / f"{p.name}.txt").write_text(p.text, encoding="utf-8")
        _dump(out / "gold" / f"{p.name}.gold.json", p.gold, indent=1)
        _dump(out / "gold" / f"{p.name}.habits.json", p.habits)
        if layout:
            _dump(out / "layout" / f"{p.name}.layout.json", {"name": p.name, "lines": p.layout.lines()})
        names.append(p.name)
    return names


def _dump(path: Path, obj: Any, indent: int | None = None) -> None:
    """JSON, UTF-8; sidecars compact (they are read by programs, gold by people too)."""
    seps = (",", ": ") if indent else (",", ":")
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=indent, separators=seps) + "\n", encoding="utf-8")
