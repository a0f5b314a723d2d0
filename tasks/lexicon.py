"""Lexical signals: does a line break split a word, do a headline and a body share words.

These are the context signals that segmentation scores its decisions with.
The tokenizer (rjieba, jieba's dictionary) knows Chinese words, so it can tell
that ``严格落|实`` breaks the word 落实 while ``不断提升|伊通`` breaks none.
"""

from __future__ import annotations

import re
from functools import lru_cache

import rjieba

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
#: Each Chinese character followed by another; the group captures the pair
#: (the lookahead lets consecutive pairs overlap).
_HAN_BIGRAM = re.compile(f"(?=([{_HAN}]{{2}}))[{_HAN}]")
_WORD_CONTEXT = 4  # characters each side of a break given to the tokenizer


@lru_cache(maxsize=65536)
def break_splits_word(left: str, right: str) -> bool:
    """True when the last characters of ``left`` and the first of ``right`` form one word.

    >>> break_splits_word("执法人员严格落", "实全天候不间断"), break_splits_word("不断提升", "伊通本级")
    (True, False)
    """
    a = left.replace(" ", "")[-_WORD_CONTEXT:]
    b = right.replace(" ", "")[:_WORD_CONTEXT]
    if not a or not b or not (_HAN_RUN.match(a[-1]) and _HAN_RUN.match(b[0])):
        return False
    pos = 0
    for tok in rjieba.cut(a + b):
        end = pos + len(tok)
        if pos < len(a) < end:
            return True
        pos = end
    return False


def break_strands_a_character(left: str, right: str) -> bool:
    """True when a line break cuts one character off a word (监|督, 国|家).

    Stricter than ``break_splits_word``: both lines are read whole, and the
    word must lose a single character to one side, as hard wrapping does. Two
    parallel phrases (a couplet) can look like one odd dictionary entry
    across their gap (初心|共筑) but never leave a character stranded.

    >>> break_strands_a_character("完善党和国家监", "督体系的历史性探索"), break_strands_a_character("不忘育人初心", "共筑廉洁校园")
    (True, False)
    """
    a, b = left.replace(" ", ""), right.replace(" ", "")
    if not a or not b or not (_HAN_RUN.match(a[-1]) and _HAN_RUN.match(b[0])):
        return False
    pos = 0
    for tok in rjieba.cut(a + b):
        end = pos + len(tok)
        if pos < len(a) < end:
            return len(a) - pos == 1 or end - len(a) == 1
        pos = end
    return False


def han_bigrams(text: str) -> set[str]:
    """Chinese character bigrams of a text (punctuation and Latin ignored).

    >>> sorted(han_bigrams("安全生产，检查"))
    ['全生', '安全', '检查', '生产']
    """
    return set(_bigrams(text))  # a fresh set each call: callers may change it


@lru_cache(maxsize=256)
def _bigrams(text: str) -> frozenset[str]:
    # Segmentation asks for the same body's and headline's bigrams many times per page.
    return frozenset(_HAN_BIGRAM.findall(text))


def overlap(heading: str, body_grams: set[str]) -> float:
    """Share of a heading's bigrams that also occur in a body (0..1).

    A headline restates its story's words; a neighbour's body shares few.
    """
    grams = _bigrams(heading)
    if not grams:
        return 0.0
    return len(grams & body_grams) / len(grams)
