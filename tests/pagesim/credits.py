"""Credits as printed, and as gold.

Gold ``byline`` is the credit as printed in its plain form: full-width brackets, one space where
the print has any, names without inner spaces, no decoration (``□``).  What the page prints may
differ only in ways an extractor or a compositor adds: ASCII brackets, ``王 芳`` for ``王芳``, no
space before ``摄``.  ``authors`` are writers' names; ``photographers`` the names in a photo
credit (both, for ``文/图``).  A credit without names (``（新华社北京1月5日电）``, ``一村民``)
has no authors.

>>> c = Credit((("记者", ("王芳", "李强")),), "本报", "", "", "讯")
>>> p = dateline(c, modern=True)
>>> p.gold, p.authors
('本报讯（记者 王芳 李强）', ['王芳', '李强'])
>>> dateline(c, modern=False).gold
'本报讯 记者王芳、李强报道：'
>>> photo(Credit((("", ("马波",)),)), "sheying").gold
'马波 摄影报道'
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Final

from .stories import Credit

#: Photo credit styles (habit weights ``credit_<style>``).
PHOTO_STYLES: Final = ("she", "sheying", "slash", "wentu", "paren")
#: Roles given to a credit a story did not print (local copy).
LOCAL_ROLES: Final = ("记者", "通讯员", "通讯员", "全媒体记者")
LINE_ROLES: Final = ("本报记者", "本报通讯员", "本报记者", "全媒体记者", "本报见习记者")
PHOTO_ROLES: Final = ("本报记者", "本报通讯员", "记者", "")


@dataclass(frozen=True)
class Printed:
    """A credit: its gold string, the text the page prints, and the names it credits."""

    gold: str
    printed: str
    authors: list[str]
    photographers: list[str]


def _groups(c: Credit, sep: str = " ") -> str:
    return " ".join(f"{r} {sep.join(ns)}".strip() for r, ns in c.groups)


def prefix(c: Credit) -> str:
    """``本报北京1月1日讯``: the dateline without its credit."""
    return f"{c.agency}{c.place}{c.date}{c.verb}"


def dateline(c: Credit, *, modern: bool) -> Printed:
    """``本报讯（记者 X）`` (modern) or ``本报北京1月1日讯 记者X报道：`` (1998 style)."""
    head = prefix(c)
    if not c.groups:
        return Printed(head, head, [], [])
    if modern:
        g = f"{head}（{_groups(c)}）"
    else:
        inner = "、".join(f"{r}{'、'.join(ns)}" for r, ns in c.groups)
        g = f"{head} {inner}报道："
    return Printed(g, g, c.names, [])


def line(c: Credit, *, bare: bool) -> Printed:
    """A byline line: ``本报记者 X`` or the bare name(s)."""
    g = " ".join(c.names) if bare else _groups(c)
    return Printed(g, g, c.names, [])


def trailing(c: Credit) -> Printed:
    """``（记者 X）`` at the end of a story; a source credit ``（新华社北京1月5日电）``."""
    g = f"（{_groups(c)}）" if c.groups else f"（{prefix(c)}）"
    return Printed(g, g, c.names, [])


def photo(c: Credit, style: str) -> Printed:
    """A photo credit in one of ``PHOTO_STYLES``; the first name is the photographer's."""
    names = c.names
    role = c.groups[0][0] if c.groups else ""
    who = " ".join(names)
    if style == "sheying":
        g = f"{who} 摄影报道"
    elif style == "slash":
        g = f"{who}/摄"
    elif style == "wentu":
        g = f"{who} 文/图"
        return Printed(g, g, list(names), list(names))
    elif style == "paren":
        g = f"（{role} {who} 摄）".replace("（ ", "（")
    else:
        g = f"{role} {who} 摄".strip()
    return Printed(g, g, [], list(names))


def invent(rng: random.Random, names: list[str], roles: tuple[str, ...], n_max: int = 1) -> Credit:
    """A credit for a story that printed none: a role and one or more of ``names``."""
    role = rng.choice(roles)
    k = rng.randint(1, n_max)
    return Credit(((role, tuple(names.pop() for _ in range(k))),))


def invent_source(rng: random.Random, day: int) -> Credit:
    """``新华社北京1月5日电`` for a ``（据新华社…电）`` ending."""
    city = rng.choice(("北京", "上海", "广州", "武汉", "成都", "西安", "沈阳", "长春", "南京", "杭州"))
    return Credit((), "据新华社", city, f"1月{max(1, day)}日", "电")


def vary(p: Printed, rng: random.Random, *, ascii_parens: bool, inner_space: bool) -> Printed:
    """The same credit with a compositor's variations in print (gold unchanged)."""
    text = p.printed
    if ascii_parens:
        text = text.replace("（", "(").replace("）", ")")
    if inner_space:
        for n in p.authors + p.photographers:
            if len(n) == 2 and n in text:
                text = text.replace(n, f"{n[0]} {n[1]}", 1)
                break
    if text.endswith(" 摄") and rng.random() < 0.3:
        text = text[:-2] + "摄"
    return replace(p, printed=text)
