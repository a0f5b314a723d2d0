"""Credits (bylines) as printed and as gold.

Gold ``byline`` is the credit as printed, normalised:

* full-width brackets ``（）``;
* no letterspacing, names without inner spaces (``侯 缜`` -> ``侯缜``);
* one space between a role and its names, one space between names, and one
  space before ``摄``/``文/图`` in photo credits (``记者X摄`` -> ``记者 X 摄``);
* decoration such as the box mark ``□`` is dropped (it goes to residue).

``authors`` are the names of writers (记者, 通讯员, 特派记者 ...);
``photographers`` the names in a photo credit.  For ``X 文/图`` the one
person both wrote and photographed, so the name is in both lists.
Source lines without names (``（据新华社郑州9月9日电）``) have no authors.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import corpus
from .layout import letterspace, spaced_name


@dataclass
class Credit:
    gold: str
    authors: list[str]
    photographers: list[str]
    pieces: list[str]  # printed pieces; the one-line form joins them with a space
    habits: set[str] = field(default_factory=set)
    box: bool = False  # printed with a leading ``□`` (residue)

    @property
    def printed(self) -> str:
        return " ".join(self.pieces)

    def lines(self, rng: random.Random, *, allow_split: bool = True,
              letterspace_prob: float = 0.0) -> list[str]:
        """The credit as standalone line(s): maybe broken between pieces, maybe letterspaced."""
        if allow_split and len(self.pieces) > 1 and rng.random() < 0.3:
            k = rng.randint(1, len(self.pieces) - 1)
            out = [" ".join(self.pieces[:k]), " ".join(self.pieces[k:])]
            self.habits.add("byline_wrapped")
        else:
            out = [self.printed]
        if letterspace_prob and rng.random() < letterspace_prob:
            out = [letterspace(x, rng, rng.choice(("seed", "wide"))) for x in out]
            self.habits.add("byline_letterspaced")
        if self.box:
            out[0] = "□" + out[0]
        return out


class NamePool:
    """Distinct names for one page."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.left = list(corpus.NAMES)
        rng.shuffle(self.left)

    def take(self, n: int = 1) -> list[str]:
        out = [self.left.pop() for _ in range(n)]
        return out


def _print_group(rng: random.Random, role: str, names: list[str], habits: set[str],
                 space_prob: float = 0.3) -> str:
    shown = list(names)
    if len(names) == 1 and len(names[0]) == 2 and rng.random() < space_prob:
        shown = [spaced_name(names[0])]
        habits.add("name_inner_space")
    return f"{role} {' '.join(shown)}" if role else " ".join(shown)


def _groups_gold(groups: list[tuple[str, list[str]]]) -> str:
    return " ".join(f"{r} {' '.join(ns)}" for r, ns in groups)


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def dateline(rng: random.Random, names: NamePool) -> Credit:
    """``本报讯（记者 X 通讯员 Y Z）`` and friends: printed at the start of the body."""
    habits: set[str] = {"byline_dateline"}
    r = rng.random()
    if r < 0.55:
        prefix = "本报讯"
        shape = rng.choice(((("记者", 1),), (("通讯员", 1),), (("通讯员", 1),), (("通讯员", 2),),
                            (("记者", 1), ("通讯员", 1)), (("记者", 1), ("通讯员", 2)),
                            (("记者", 2),), (("全媒体记者", 1),)))
    elif r < 0.74:
        prefix = f"本报{rng.choice(corpus.DATELINE_PLACES)}讯"
        shape = rng.choice(((("记者", 1),), (("通讯员", 1),), (("记者", 1), ("通讯员", 1))))
        habits.add("byline_place_dateline")
    elif r < 0.88:
        prefix = f"《{rng.choice(corpus.OTHER_PAPERS)}》讯"
        shape = rng.choice(((("特派记者", 1),), (("记者", 1),), (("记者", 1), ("通讯员", 1))))
        habits.add("byline_other_paper")
    else:
        prefix = f"新华社{rng.choice(corpus.XINHUA_CITIES)}{_date(rng)}电"
        shape = rng.choice(((("记者", 1),), (("记者", 2),)))
        habits.add("byline_xinhua")
    groups = [(role, names.take(n)) for role, n in shape]
    if len(groups) > 1 or len(groups[0][1]) > 1:
        habits.add("byline_multi")
    ascii_parens = rng.random() < 0.15
    if ascii_parens:
        habits.add("byline_ascii_parens")
    lp, rp = ("(", ")") if ascii_parens else ("（", "）")
    body = " ".join(_print_group(rng, role, ns, habits) for role, ns in groups)
    gold = f"{prefix}（{_groups_gold(groups)}）"
    authors = [n for _, ns in groups for n in ns]
    return Credit(gold, authors, [], [f"{prefix}{lp}{body}{rp}"], habits)


def source_line(rng: random.Random) -> Credit:
    """``（据新华社郑州9月9日电）``: a trailing source, no names."""
    city = rng.choice(corpus.XINHUA_CITIES)
    gold = f"（据新华社{city}{_date(rng)}电）"
    printed = gold
    if rng.random() < 0.15:
        printed = "(" + gold[1:-1] + ")"
    return Credit(gold, [], [], [printed], {"byline_source"})


def trailing(rng: random.Random, names: NamePool) -> Credit:
    """``（记者 X）`` at the end of a body."""
    shape = rng.choice(((("记者", 1),), (("记者", 1),), (("通讯员", 1),), (("记者", 1), ("通讯员", 1)),
                        (("记者", 2),)))
    habits = {"byline_trailing"}
    groups = [(role, names.take(n)) for role, n in shape]
    body = " ".join(_print_group(rng, role, ns, habits) for role, ns in groups)
    ascii_parens = rng.random() < 0.1
    lp, rp = ("(", ")") if ascii_parens else ("（", "）")
    if ascii_parens:
        habits.add("byline_ascii_parens")
    return Credit(f"（{_groups_gold(groups)}）", [n for _, ns in groups for n in ns], [],
                  [f"{lp}{body}{rp}"], habits)


def standalone(rng: random.Random, names: NamePool) -> Credit:
    """``本报记者 X``, ``全媒体记者 X``, ``□本报记者 X 本报通讯员 Y`` on their own line(s)."""
    r = rng.random()
    box = False
    habits = {"byline_line"}
    if r < 0.3:
        groups = [("本报记者", names.take(1))]
    elif r < 0.4:
        groups = [("本报记者", names.take(2))]
    elif r < 0.55:
        groups = [("全媒体记者", names.take(rng.choice((1, 1, 2))))]
        habits.add("byline_quanmeiti")
    elif r < 0.62:
        groups = [("本报见习记者", names.take(1))]
    else:
        groups = [("本报记者", names.take(1)), ("本报通讯员", names.take(rng.choice((1, 1, 2))))]
        box = rng.random() < 0.6
        if box:
            habits.add("byline_box")
    pieces = [_print_group(rng, role, ns, habits) for role, ns in groups]
    return Credit(_groups_gold(groups), [n for _, ns in groups for n in ns], [], pieces, habits, box)


def feature_byline(rng: random.Random, names: NamePool) -> Credit:
    role = rng.choice(("本报通讯员", "本报通讯员", "本报记者"))
    ns = names.take(1)
    habits: set[str] = {"byline_line"}
    return Credit(f"{role} {ns[0]}", list(ns), [], [_print_group(rng, role, ns, habits, 0.2)], habits)


def photo_credit(rng: random.Random, names: NamePool) -> Credit:
    """Photo credits: ``本报通讯员 X 摄``, ``本报记者 X 摄``, ``X 摄``, ``记者X摄``, ``X 文/图``."""
    style = rng.choices(("tongxun", "jizhe", "bare", "tight", "wentu", "xinhua"),
                        weights=(4, 3, 2, 2, 2, 1))[0]
    n = names.take(1)[0]
    habits = {f"photo_credit_{style}"}
    shown = n
    if len(n) == 2 and rng.random() < 0.25:
        shown = spaced_name(n)
        habits.add("name_inner_space")
    if style == "tongxun":
        return Credit(f"本报通讯员 {n} 摄", [], [n], ["本报通讯员", f"{shown} 摄"], habits)
    if style == "jizhe":
        return Credit(f"本报记者 {n} 摄", [], [n], ["本报记者", f"{shown} 摄"], habits)
    if style == "xinhua":
        tail = f"{shown}摄" if rng.random() < 0.5 else f"{shown} 摄"
        return Credit(f"新华社记者 {n} 摄", [], [n], ["新华社记者", tail], habits)
    if style == "bare":
        return Credit(f"{n} 摄", [], [n], [f"{shown} 摄"], habits)
    if style == "tight":
        return Credit(f"记者 {n} 摄", [], [n], [f"记者{n}摄"], habits)
    return Credit(f"{n} 文/图", [n], [n], [f"{shown} 文/图"], habits)
