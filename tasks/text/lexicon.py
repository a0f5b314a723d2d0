"""Lexical signals: does a line break split a word, do a headline and a body share words.

These are the context signals that segmentation scores its decisions with.
The tokenizer (rjieba, jieba's dictionary) knows Chinese words, so it can tell
that ``严格落|实`` breaks the word 落实 while ``不断提升|伊通`` breaks none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import rjieba

from banmian.tasks.text.chars import FEATURE_SUBJECT_VERBS, HAN

#: A run of Chinese characters: where words, and bigrams, are.
_HAN_RUN: Final = re.compile(f"[{HAN}]+")
#: Characters each side of a break given to the tokenizer: a Chinese word
#: is rarely longer than four characters.
WORD_CONTEXT: Final = 4


@lru_cache(maxsize=65536)
def break_splits_word(left: str, right: str) -> bool:
    """True when the last characters of ``left`` and the first of ``right`` form one word.

    >>> break_splits_word("执法人员严格落", "实全天候不间断"), break_splits_word("不断提升", "伊通本级")
    (True, False)
    """
    return _word_across(left.replace(" ", "")[-WORD_CONTEXT:], right.replace(" ", "")[:WORD_CONTEXT]) is not None


def _word_across(a: str, b: str) -> tuple[int, int] | None:
    """The tokenizer's word over the join of ``a`` and ``b``: (chars in ``a``, chars in ``b``), if any."""
    if not (_HAN_RUN.match(a[-1:]) and _HAN_RUN.match(b[:1])):
        return None
    pos = 0
    for tok in rjieba.cut(a + b):
        end = pos + len(tok)
        if pos < len(a) < end:
            return len(a) - pos, end - len(a)
        pos = end
    return None


@lru_cache(maxsize=4096)  # reading a heading group's splits as headlines asks it of the same two lines again and again
def break_strands_a_character(left: str, right: str) -> bool:
    """True when a line break cuts one character off a word (监|督, 国|家).

    Stricter than ``break_splits_word``: both lines are read whole, and the
    word must lose a single character to one side, as hard wrapping does. Two
    parallel phrases (a couplet) can look like one odd dictionary entry
    across their gap (初心|共筑) but never leave a character stranded.

    >>> break_strands_a_character("完善党和国家监", "督体系的历史性探索"), break_strands_a_character("不忘育人初心", "共筑廉洁校园")
    (True, False)
    """
    word = _word_across(left.replace(" ", ""), right.replace(" ", ""))
    return word is not None and 1 in word


#: jieba's part-of-speech tags of what acts in a subject line: nouns, places, bodies, other proper
#: nouns, abbreviations, place words (铁西区, 民政局, 气象部门, 中小学). A person's name (nr) is left out:
#: a subheadline led by one is a speaker's credit or an essay's line as often (calibrated on pdfsim gate
#: seeds 11-13: with nr, 1998 subheadlines that pass 10 -> 14 of 80, the couplets' subject lines 12 of 12 either way).
AGENT_TAGS: Final = frozenset({"n", "ns", "nt", "nz", "j", "s"})
#: Marks that part clauses: a subject line is one clause.
_CLAUSE_MARK: Final = re.compile("[，,；;：:。！？!?]")


def states_what_happened(text: str) -> bool:
    """Whether a heading line is a subject line: who (a noun) then what they did (a verb), in one clause.

    The news under a couplet's slogans (``铁西区开展安全生产检查``); not a credit (``国务院发展研究中心
    研究员卢迈``: no verb), an essay's line (``读《冀中回民支队》感言``: no one acts) or two clauses.

    >>> states_what_happened("铁西区开展安全生产检查"), states_what_happened("读《冀中回民支队》感言")
    (True, False)
    >>> states_what_happened("国务院发展研究中心研究员卢迈"), states_what_happened("金融调控更加灵活，金融服务明显增强")
    (False, False)
    """
    if _CLAUSE_MARK.search(text):
        return False
    tags = [tag for _, tag in rjieba.tag(text)]
    return bool(tags) and tags[0] in AGENT_TAGS and any(tag.startswith("v") for tag in tags[1:])


def opens_with_feature_verb(text: str) -> bool:
    """Whether a heading line opens with a feature's verb standing as a word alone (``记`` / ``中国大马戏团…``):
    the subject line of a portrait, a visit or a review, set under its headline. A word the verb starts
    (``记者调查``, ``读书节今日开幕``, ``访问团抵京``) opens no such line.

    >>> opens_with_feature_verb("记中国大马戏团访澳演出"), opens_with_feature_verb("读《往事知多少》")
    (True, True)
    >>> opens_with_feature_verb("记者调查"), opens_with_feature_verb("读书节今日开幕")
    (False, False)
    """
    words = rjieba.cut(text.lstrip()[:WORD_CONTEXT])
    return bool(words) and words[0] in FEATURE_SUBJECT_VERBS


#: jieba's part-of-speech tags of a person's name (nr, and its transliterated kind nrt).
NAME_TAGS: Final = frozenset({"nr", "nrt", "nrfg"})


@lru_cache(maxsize=4096)
def is_word_other_than_name(piece: str) -> bool:
    """Whether the dictionary reads ``piece`` whole as one word that is not a person's name.

    A couplet's halves can open with a surname as a name does (高标准, 严要求):
    the dictionary knows them as words. A name it does not hold is cut up or
    tagged a name.

    >>> is_word_other_than_name("高标准"), is_word_other_than_name("郭启宏"), is_word_other_than_name("夏光辉")
    (True, False, False)
    """
    tagged = rjieba.tag(piece)
    return len(tagged) == 1 and tagged[0][1] not in NAME_TAGS


#: jieba's part-of-speech tag of a verb (``vn``, a verb used as a noun, is another).
VERB_TAG: Final = "v"


def ends_on_a_verb_after_no_surname(piece: str) -> bool:
    """Whether the dictionary reads ``piece`` as a verb after a word it does not tag as a surname
    (``时`` / ``指出``, the end of ``于永波会见全军和武警先进典型代表时指出``): a headline's last words, shaped like a
    name (a common surname and two characters) but none. A name the dictionary cuts so opens with a surname
    it tags as one (``李`` / ``振兴``).

    >>> ends_on_a_verb_after_no_surname("时指出"), ends_on_a_verb_after_no_surname("李振兴")
    (True, False)
    >>> ends_on_a_verb_after_no_surname("颜晓峰"), ends_on_a_verb_after_no_surname("刘胜利")
    (False, False)
    """
    tagged = rjieba.tag(piece)
    return len(tagged) >= 2 and tagged[0][1] not in NAME_TAGS and tagged[-1][1] == VERB_TAG


def is_name_word(piece: str) -> bool:
    """Whether the dictionary reads ``piece`` whole as one person's name, a pen name too (``今哲``, ``丰子义``).

    >>> is_name_word("丰子义"), is_name_word("今哲"), is_name_word("菜单"), is_name_word("来了")
    (True, True, False, False)
    """
    tagged = rjieba.tag(piece)
    return len(tagged) == 1 and tagged[0][1] in NAME_TAGS


def han_bigrams(text: str) -> set[str]:
    """Chinese character bigrams of a text (punctuation and Latin ignored).

    >>> sorted(han_bigrams("安全生产，检查"))
    ['全生', '安全', '检查', '生产']
    """
    return set(bigram_set(text))  # a fresh set each call: callers may change it


@lru_cache(maxsize=256)
def bigram_set(text: str) -> frozenset[str]:
    """``han_bigrams`` as a shared, cached frozenset, for callers that only read it.

    Segmentation asks for the same body's and headline's bigrams many times per page. Spaces are
    not read: a letterspaced line (``通 过 学 理 论``) holds the bigrams of its words.

    >>> sorted(bigram_set("通 过 学"))
    ['过学', '通过']
    """
    return frozenset(each_bigram(text))


def each_bigram(text: str) -> list[str]:
    """Every bigram of Chinese characters in ``text``, in order and as often as it occurs (spaces not read).

    >>> each_bigram("通 过学习，学习")
    ['通过', '过学', '学习', '学习']
    """
    runs = _HAN_RUN.findall(unspaced(text))  # each bigram one slice: no string of one character, no concatenation
    return [run[i:i + 2] for run in runs for i in range(len(run) - 1)]


def unspaced(text: str) -> str:
    """``text`` without its spaces and line ends: letterspacing (``通 过 学``) and wraps cut no word.

    ``str.split`` drops what ``\\s`` matches, every Unicode space, at a fifth of a regex's cost.

    >>> unspaced("通 过\\u3000学\\n习")
    '通过学习'
    """
    return "".join(text.split())


def overlap(heading: str, body_grams: frozenset[str] | set[str]) -> float:
    """Share of a heading's bigrams that also occur in a body (0..1).

    A headline restates its story's words; a neighbour's body shares few.

    >>> overlap("安全生产检查", bigram_set("全市开展安全生产大检查"))
    0.8
    """
    grams = bigram_set(heading)
    if not grams:
        return 0.0
    return len(grams & body_grams) / len(grams)


@dataclass(slots=True)
class GrowingBigrams:
    """The bigrams of texts joined end to end, kept as more texts are appended.

    ``bigram_set("".join(texts))`` reads the whole joined text again each time
    a text is added; this reads only the added text, and the one bigram that
    may form across the seam (spaces not read, as in ``each_bigram``).

    >>> grown = GrowingBigrams()
    >>> grown.extend(["通 过学", " ", "习，"]); grown.extend(["学习"])
    >>> grown.grams == bigram_set("通 过学 习，学习"), grown.shared_with(bigram_set("学习生活"), "生活")
    (True, 3)
    """

    texts: list[str] = field(default_factory=list)   # the texts taken, in order
    grams: set[str] = field(default_factory=set)
    tail: str = ""                                    # the last character read (spaces not read)

    def extend(self, texts: Iterable[str], grams_of: Callable[[str], Iterable[str]] = each_bigram) -> None:
        """Append texts: their own bigrams, and each seam's when Chinese characters meet across it.

        ``grams_of``: a text's bigrams, when the caller has them already (a page vocabulary's counts).
        """
        for text in texts:
            self.texts.append(text)
            self.grams.update(grams_of(text))
            self.tail = self._seam(self.tail, text, self.grams)

    @staticmethod
    def _seam(tail: str, text: str, grams: set[str]) -> str:
        """Add the bigram ``tail`` forms with ``text``'s first character, if any; the new tail."""
        read = unspaced(text)
        if not read:
            return tail
        if _HAN_RUN.match(tail) and _HAN_RUN.match(read[0]):
            grams.add(tail + read[0])
        return read[-1]

    def shared_with(self, grams: frozenset[str] | set[str], more: str = "") -> int:
        """How many of ``grams`` occur in the texts followed by ``more`` (a text not kept: a host's heading)."""
        extra: set[str] = set()
        if more:
            extra.update(bigram_set(more))  # kept by bigram_set: a host's heading is offered with every orphan
            self._seam(self.tail, more, extra)
        found = grams & self.grams
        return len(found) + len((grams & extra) - found)
