"""Line-level printing habits: how clean gold text turns into extracted lines.

Pure functions of their arguments and a caller-supplied ``random.Random``.

Widths are display units: a CJK character or full-width mark is 1, an ASCII
character 0.5; spaces carry no width (they are justification artefacts).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

#: Marks that may not start a line (kinsoku); the first three may hang.
NO_START = set("，。、；：？！”’）》」』…%．％,.;:?!)")
HANG = set("，。、")
NO_END = set("“‘（《「『(")
TERMINAL = set("。！？；”")

#: ASCII runs and full-width alnum runs are unbreakable tokens; a space is a
#: zero-width token (kept inside credits like ``记者 王芳``); everything else is
#: one character.
_TOKEN_RE = re.compile(r"[A-Za-z0-9.%/+]+|[０-９Ａ-Ｚａ-ｚ．％]+| |\S", re.S)
_FW_ALNUM = {c: c + 0xFEE0 for c in range(0x30, 0x3A)}
_FW_ALNUM.update({c: c + 0xFEE0 for c in range(0x41, 0x5B)})
_FW_ALNUM.update({c: c + 0xFEE0 for c in range(0x61, 0x7B)})
_FW_ALNUM.update({ord("."): 0xFF0E, ord("%"): 0xFF05})
_UNFW = {v: k for k, v in _FW_ALNUM.items()}


def char_width(ch: str) -> float:
    if ch in " \t":
        return 0.0
    return 0.5 if ord(ch) < 0x80 else 1.0


def display_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFFEE
            or 0x3400 <= o <= 0x4DBF or 0x2010 <= o <= 0x2027 or 0x25A0 <= o <= 0x27BF)


# --- wrapping --------------------------------------------------------------------------


@dataclass
class Wrapped:
    lines: list[str]
    hung: int  # lines that stick out one unit because they end in hanging punctuation


def wrap(text: str, width: float, rng: random.Random, *, indent: float = 2.0,
         hang_prob: float = 0.0) -> Wrapped:
    """Hard-wrap ``text`` at ``width`` units, the first line ``indent`` units shorter.

    Punctuation never starts a line: it either hangs (the line becomes one unit
    wider than the column, with probability ``hang_prob`` for ``，。、``) or the
    last character is pushed down with it.  Opening marks never end a line.
    """
    toks = tokens(text)
    lines: list[list[str]] = []
    cur: list[str] = []
    curw = 0.0
    limit = max(1.0, width - indent)
    hung = 0
    i = 0
    while i < len(toks):
        t = toks[i]
        tw = display_width(t)
        if not cur or curw + tw <= limit:
            cur.append(t)
            curw += tw
            i += 1
            continue
        # t does not fit
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if (t in HANG and curw + tw <= limit + 1 and hang_prob and not (nxt and nxt[0] in NO_START)
                and rng.random() < hang_prob):
            cur.append(t)
            i += 1
            hung += 1
            lines.append(cur)
            cur, curw, limit = [], 0.0, width
            continue
        carry: list[str] = []
        if t[0] in NO_START:
            # push the last real character down together with the mark(s)
            while len(cur) > 1:
                x = cur.pop()
                carry.insert(0, x)
                if x[0] not in NO_START:
                    break
        while len(cur) > 1 and cur[-1] in NO_END:
            carry.insert(0, cur.pop())
        lines.append(cur)
        cur = carry
        curw = sum(display_width(x) for x in cur)
        limit = width
    if cur:
        lines.append(cur)
    out = ["".join(ln).strip(" ") for ln in lines]
    return Wrapped([ln for ln in out if ln], hung)


# --- character-level habits ----------------------------------------------------------------


def to_fullwidth_alnum(text: str, rng: random.Random, prob: float) -> tuple[str, bool]:
    """Print some ASCII digit/letter runs full-width (``2023`` -> ``２０２３``)."""
    changed = False

    def sub(m: re.Match[str]) -> str:
        nonlocal changed
        if rng.random() < prob:
            changed = True
            return m.group(0).translate(_FW_ALNUM)
        return m.group(0)

    return re.sub(r"[A-Za-z0-9]+(?:[.%][0-9]*%?)*", sub, text), changed


_PAIR_RE = re.compile(r"（([^（）]*)）")


def to_ascii_punct(text: str, rng: random.Random, prob: float) -> tuple[str, bool]:
    """Print some Chinese marks as ASCII: ``，``->``,``, ``（…）``->``(…)``, ``：``->``:``, ``；``->``;``.

    Only marks touching a Chinese character are changed, and parentheses only
    as a pair, so ``clean`` rules can always restore them.
    """
    changed = False

    def pair(m: re.Match[str]) -> str:
        nonlocal changed
        if rng.random() < prob:
            changed = True
            return f"({m.group(1)})"
        return m.group(0)

    text = _PAIR_RE.sub(pair, text)
    out = []
    for i, ch in enumerate(text):
        if ch in "，：；" and rng.random() < prob:
            left = text[i - 1] if i else ""
            right = text[i + 1] if i + 1 < len(text) else ""
            if (left and is_cjk(left) and left not in "，：；") or (right and is_cjk(right)):
                out.append({"，": ",", "：": ":", "；": ";"}[ch])
                changed = True
                continue
        out.append(ch)
    return "".join(out), changed


_NUMRUN_RE = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ][0-9０-９.．%％A-Za-zＡ-Ｚａ-ｚ]*")


def space_numbers(line: str, rng: random.Random, prob: float) -> tuple[str, bool]:
    """Pad number runs with spaces where they touch Chinese text (``1697 项``)."""
    if not prob:
        return line, False
    changed = False

    def sub(m: re.Match[str]) -> str:
        nonlocal changed
        if not any(c.isdigit() for c in m.group(0)):
            return m.group(0)
        s, e = m.start(), m.end()
        left = m.string[s - 1] if s else ""
        right = m.string[e] if e < len(m.string) else ""
        out = m.group(0)
        if left and is_cjk(left) and rng.random() < prob:
            out = " " + out
            changed = True
        if right and is_cjk(right) and rng.random() < prob:
            out = out + " "
            changed = True
        return out

    return _NUMRUN_RE.sub(sub, line), changed


_TIGHT_AFTER = set("，、；：。")


def letterspace(line: str, rng: random.Random, style: str = "seed") -> str:
    """Put a space between every character (number/Latin runs stay whole).

    ``seed`` style (as in the seed pages) leaves no space after ``，、；：`` most
    of the time (``通 过 学 理 论 ，诵 经 典``); ``wide`` style spaces
    everything (``告 ， 我``).
    """
    toks = [t for t in tokens(line) if t != " "]
    out: list[str] = []
    for i, t in enumerate(toks):
        out.append(t)
        if i + 1 < len(toks):
            if style == "seed" and t in _TIGHT_AFTER and rng.random() < 0.85:
                continue
            out.append(" ")
    return "".join(out)


def spaced_name(name: str) -> str:
    """``侯缜`` -> ``侯 缜`` (two-character names padded to three-character width)."""
    return f"{name[0]} {name[1]}" if len(name) == 2 else name


# --- columns -----------------------------------------------------------------------------------


class Column:
    """Blank lines at column breaks: after every N text lines, a blank, even mid-paragraph."""

    def __init__(self, rng: random.Random, lo: int, hi: int):
        self.rng, self.lo, self.hi = rng, lo, hi
        self.left = rng.randint(1, hi)
        self.mid_breaks = 0

    def feed(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for i, ln in enumerate(lines):
            out.append(ln)
            self.left -= 1
            if self.left <= 0:
                self.left = self.rng.randint(self.lo, self.hi)
                out.append("")
                if i < len(lines) - 1:
                    self.mid_breaks += 1
        return out


# --- folding used by checks ---------------------------------------------------------------------

_FOLD = dict(_UNFW)
_FOLD.update({ord(","): "，", ord("("): "（", ord(")"): "）", ord(":"): "：", ord(";"): "；",
              0x3000: None})
_WS_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """The cleaning folds, for comparing printed text with gold: whitespace removed,
    full-width digits/letters to ASCII, ASCII ``,():;`` to full-width."""
    return _WS_RE.sub("", text or "").translate(_FOLD)
