"""The characters a pattern's match may open with, read off the pattern's parse tree.

Most lines of a page are text and headings, which no line rule takes, and
trying every rule's pattern on each costs the regex engine a fixed price
per alternative. A pattern whose every match opens with one of a few
characters need not be tried on a line that opens with another:
``first_class`` reads those characters from the pattern itself, so the
saving never keeps a second copy of a rule by hand.

>>> first_class(re.compile(r"^\\s*[（(]\\s*下转")).match("（下转第3版）") is not None
True
>>> first_class(re.compile(r"[一-龥]{2,4}$")) is None
True
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # the parse tree's opcodes (the standard library's own)
import re._parser as sre_parse  # type: ignore[import-not-found]  # a pattern's parse tree
from collections.abc import Iterable, Sequence
from typing import Any, Final

#: A character-class item of a parse tree: ``(LITERAL, code)``, ``(RANGE, (lo, hi))``, ``(CATEGORY, cat)``.
ClassItem = tuple[Any, Any]
#: Nodes of a parse tree: ``(opcode, argument)``.
Node = tuple[Any, Any]

#: Widest range of code points a first class may hold: a range of the Han
#: block (20,992) or wider holds the first character of every line of text, and tells nothing.
NARROW_RANGE_MAX: Final = 256
#: Categories a first class may hold: digits, spaces and non-word characters open few lines of text;
#: ``\w`` holds every Chinese character.
NARROW_CATEGORIES: Final = frozenset({sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD,
                                      sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_UNI_SPACE, sre.CATEGORY_UNI_NOT_WORD})
#: Regex text of each narrow category, to write a first class back.
_CATEGORY_TEXT: Final = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_WORD: r"\W",
                         sre.CATEGORY_UNI_DIGIT: r"\d", sre.CATEGORY_UNI_SPACE: r"\s",
                         sre.CATEGORY_UNI_NOT_WORD: r"\W"}
_REPEATS: Final = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _is_narrow(items: Sequence[ClassItem]) -> bool:
    """A class of few characters: literals, short ranges and the narrow categories, nothing negated."""
    return all(op == sre.LITERAL or (op == sre.RANGE and arg[1] - arg[0] < NARROW_RANGE_MAX)
               or (op == sre.CATEGORY and arg in NARROW_CATEGORIES) for op, arg in items)


def _breadth(items: Sequence[ClassItem]) -> int:
    """How many characters a narrow class holds, categories counted as a range's worth: the smaller, the fewer lines it lets on."""
    return sum(1 if op == sre.LITERAL else arg[1] - arg[0] + 1 if op == sre.RANGE else NARROW_RANGE_MAX
               for op, arg in items)


# --- the first character -------------------------------------------------------------------------


def _first(nodes: Sequence[Node]) -> tuple[list[ClassItem] | None, bool]:
    """The characters a match of ``nodes`` may open with (None: any), and whether it may be empty.

    A lookahead at the start narrows what the next character may be: the
    narrower of its own first characters and the rest's is kept.
    """
    items: list[ClassItem] = []
    for k, (op, arg) in enumerate(nodes):
        if op == sre.ASSERT and arg[0] == 1:
            head, rest = _first(arg[1]), _first(nodes[k + 1:])
            chosen = min((f for f in (head, rest) if f[0] is not None and not f[1]),
                         key=lambda f: _breadth(f[0] or []), default=(None, True))
            return (None, True) if chosen[0] is None else (items + chosen[0], False)
        node, empty = _first_of_node(op, arg)
        if node is None:
            return None, True
        items += node
        if not empty:
            return items, False
    return items, True


def _first_of_node(op: Any, arg: Any) -> tuple[list[ClassItem] | None, bool]:
    """``_first`` of one node."""
    if op == sre.LITERAL:
        return [(op, arg)], False
    if op == sre.IN:
        return (list(arg), False) if _is_narrow(arg) else (None, True)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # zero width (a lookbehind or negative lookahead only removes matches)
    if op == sre.BRANCH:
        return _first_of_branch(arg[1])
    if op == sre.SUBPATTERN:
        return _first(arg[3]) if not arg[1] else (None, True)  # flags set inside (?i:…): not read
    if op == sre.ATOMIC_GROUP:
        return _first(arg)
    if op in _REPEATS:
        items, empty = _first(arg[2])
        return items, empty or arg[0] == 0
    return None, True


def _first_of_branch(alternatives: Iterable[Sequence[Node]]) -> tuple[list[ClassItem] | None, bool]:
    """``_first`` of alternatives: any one's first characters, empty when one may be."""
    items: list[ClassItem] = []
    empty = False
    for alternative in alternatives:
        first, may_be_empty = _first(alternative)
        if first is None:
            return None, True
        items += first
        empty = empty or may_be_empty
    return items, empty


def _class_text(items: Sequence[ClassItem]) -> str:
    """A regex character class of these items."""
    out = []
    for op, arg in items:
        if op == sre.LITERAL:
            out.append(re.escape(chr(arg)))
        elif op == sre.RANGE:
            out.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        else:
            out.append(_CATEGORY_TEXT[arg])
    return "[" + "".join(out) + "]"


def first_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class holding the first character of every match of ``pattern``; None when it
    may open with any of many characters (a Chinese character, say), or match nothing at all."""
    if pattern.flags & re.IGNORECASE:
        return None  # its literals stand for their other cases too
    items, empty = _first(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return None if items is None or empty else re.compile(_class_text(items))


# --- a character class less some characters ------------------------------------------------------------------------


def class_without(members: str, excluded: Iterable[int]) -> str:
    """The contents of a character class ``[members]`` (literals and ranges) less the code points ``excluded``,
    as a class's contents again: one class a line is scanned with once, where two scans told the same.

    >>> class_without("a-z0-9", map(ord, "bz5"))
    'ac-y0-46-9'
    """
    gone = set(excluded)
    out = []
    for lo, hi in _class_ranges(members):
        cuts = sorted(c for c in gone if lo <= c <= hi)
        for start, end in zip([lo, *(c + 1 for c in cuts)], [*(c - 1 for c in cuts), hi]):
            if start == end:
                out.append(re.escape(chr(start)))
            elif start < end:
                out.append(f"{re.escape(chr(start))}-{re.escape(chr(end))}")
    return "".join(out)


def _class_ranges(members: str) -> list[tuple[int, int]]:
    """The code point ranges of a class ``[members]`` of literals and ranges (a literal a range of one)."""
    (op, arg), = sre_parse.parse(f"[{members}]")
    items = list(arg) if op == sre.IN else [(op, arg)]
    if any(item_op not in (sre.LITERAL, sre.RANGE) for item_op, _ in items):
        raise ValueError(f"not a class of literals and ranges: [{members}]")
    return [(arg, arg) if item_op == sre.LITERAL else arg for item_op, arg in items]


# --- a match anywhere on the line, found without backtracking ---------------------------------------------------


def found_ahead(alternatives: str) -> str:
    """A regex lookahead: a match of ``alternatives`` starts somewhere on the line, as ``(?=.*(?:…))`` tells.

    ``.*`` runs to the line's end and backs off a character at a time, trying
    every alternative at every position of any line it is asked about. This
    scan passes possessively over the characters no match opens with
    (``first_class``) and tries the alternatives only where one may open, once.

    >>> bool(re.match(found_ahead("摄|文/图") + "王", "王芳 文/图")), bool(re.match(found_ahead("摄|文/图"), "文图"))
    (True, False)
    """
    first = first_class(re.compile(alternatives))
    if first is None:
        raise ValueError(f"no narrow class opens every match of {alternatives!r}")
    others = f"[^{first.pattern[1:-1]}\\n]*+"  # possessive: no backtracking; ``.`` stops at a line's end too
    return rf"(?={others}(?:(?!(?:{alternatives}))[^\n]{others})*+(?:{alternatives}))"
