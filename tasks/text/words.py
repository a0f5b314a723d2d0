"""The words of an article: its sentences cut into tokens, each token of a kind, and its term counts.

What the warehouse's ``tokens``, ``article_terms`` and ``article_lengths``
tables hold, and what ``banmian search`` cuts a query with (one tokenizer
for both, or a query could not find the words it names).

* Tokens are rjieba's cut (jieba's dictionary and HMM) of each sentence, with
  a user dictionary of local names on top (:data:`USER_DICT`, and a file of
  one's own named by ``$BANMIAN_USERDICT``). The cut is lossless: a
  sentence's tokens concatenate to it.
* Every token has a :data:`TokenKind`. Only ``word`` and ``number`` tokens are
  *terms* (what search indexes and what BM25 counts as an article's length);
  only ``word`` tokens can be keywords. Stop words come from stopwords-iso's
  Chinese list (the ``stopwordsiso`` package, MIT licence), loaded once.
* The tokenizer is a private ``rjieba.Jieba`` instance: adding the user
  dictionary to rjieba's shared default one would change what segmentation's
  lexicon (``banmian.tasks.text.lexicon``) reads.

Pure: no DuckDB, no files besides the dictionaries read once. rjieba and
stopwordsiso are imported on first use, so the warehouse's schema (which
documents the token kinds) stays cheap to import.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, compress
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    import rjieba

#: What a token is: a word; a number (digits, numerals, with their decimal point or percent sign);
#: a stop word (function words: 的 在 我们); punctuation or symbols; blanks.
TokenKind = Literal["word", "number", "stopword", "punct", "space"]
TOKEN_KINDS: Final[tuple[str, ...]] = get_args(TokenKind)
#: Kinds of token that are terms: indexed for search and counted in an article's length.
TERM_KINDS: Final[frozenset[str]] = frozenset({"word", "number"})

#: The user dictionary shipped with banmian (package data of ``banmian.tasks.text``).
USER_DICT: Final = Path(str(resources.files("banmian.tasks.text"))) / "userdict.txt"
#: Names a further user dictionary, in the same format, read after :data:`USER_DICT`.
USER_DICT_ENV: Final = "BANMIAN_USERDICT"
#: Characters that may stand in a number beside its digits: 46.8 3,000 12% 1/2 (half- and full-width).
_NUMBER_MARKS: Final = frozenset(".,%/．，％／")


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One line of a user dictionary: a word, and jieba's frequency and tag if given."""

    word: str
    freq: int | None = None
    tag: str | None = None


def parse_user_dict(text: str) -> list[DictEntry]:
    """The entries of a user dictionary in jieba's format: ``word [freq] [tag]`` per line.

    Blank lines and lines starting with ``#`` are comments. Without a
    frequency, the tokenizer picks one high enough to keep the word whole.

    >>> parse_user_dict("# local names\\n喇嘛甸镇\\n北沟街道 5 ns\\n\\n")
    [DictEntry(word='喇嘛甸镇', freq=None, tag=None), DictEntry(word='北沟街道', freq=5, tag='ns')]
    """
    entries: list[DictEntry] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append(DictEntry(parts[0], freq, tag))
    return entries


def user_dict_paths() -> list[Path]:
    """The user dictionaries in force: banmian's own, then the file ``$BANMIAN_USERDICT`` names (if set)."""
    extra = os.environ.get(USER_DICT_ENV)
    return [USER_DICT] + ([Path(extra)] if extra else [])


def user_dict_entries() -> list[DictEntry]:
    """Every entry of the user dictionaries in force, in order."""
    return [entry for path in user_dict_paths() for entry in parse_user_dict(path.read_text(encoding="utf-8"))]


@cache
def tokenizer() -> rjieba.Jieba:
    """rjieba with the user dictionaries added: built once per process (~0.5 s, ~60 MB)."""
    import rjieba

    jieba = rjieba.Jieba()
    for entry in user_dict_entries():
        jieba.add_word(entry.word, entry.freq, entry.tag)
    return jieba


@cache
def stopwords() -> frozenset[str]:
    """stopwords-iso's Chinese stop words (794 function words: 的 了 在 我们 ...)."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh"))


@cache
def vocabulary_digest() -> str:
    """sha256 of what decides the tokens besides the text: the user dictionaries and the stop words.

    Part of every page's result digest, so a full refresh re-cuts the pages
    after a name is added to a user dictionary.
    """
    parts = [repr(e) for e in user_dict_entries()] + ["\x1e"] + sorted(stopwords())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def cut(text: str) -> list[str]:
    """The tokens of ``text``; they concatenate to it.

    >>> cut("全面优化全县营商环境")
    ['全面', '优化', '全县', '营商', '环境']
    """
    return tokenizer().cut(text)


def _is_number(token: str) -> bool:
    """Digits or numerals, with decimal points, separators or percent signs among them.

    >>> _is_number("46.8"), _is_number("３０"), _is_number("十二"), _is_number("5G"), _is_number("%")
    (True, True, True, False, False)
    """
    return any(ch.isnumeric() for ch in token) and all(ch.isnumeric() or ch in _NUMBER_MARKS for ch in token)


@lru_cache(maxsize=1 << 17)
def token_kind(token: str) -> TokenKind:
    """What kind of token ``token`` is (see :data:`TokenKind`).

    >>> [token_kind(t) for t in ("营商", "的", "2023", "，", " ", "“", "APP")]
    ['word', 'stopword', 'number', 'punct', 'space', 'punct', 'word']
    """
    if not token or token.isspace():
        return "space"
    if not any(ch.isalnum() for ch in token):
        return "punct"
    if token in stopwords():
        return "stopword"
    if _is_number(token):
        return "number"
    return "word"


def token_kinds(tokens: Iterable[str]) -> list[TokenKind]:
    """The kind of each token (mapped in C: a token's kind is cached by ``token_kind``)."""
    return list(map(token_kind, tokens))


def is_term(token: str) -> bool:
    """True for the tokens search indexes: words and numbers."""
    return token_kind(token) in TERM_KINDS


def term_counts(sentences: Sequence[Sequence[str]], kinds: Sequence[Sequence[TokenKind]] | None = None) -> Counter[str]:
    """How often each term (word or number token) occurs in these token lists.

    ``kinds``: each list's token kinds, when the caller has them (``token_kinds``): then no Python call
    is made per token, which matters when a batch's rows are built (issue 19).

    >>> sorted(term_counts([["营商", "环境", "，", "营商"], ["的", "2023"]]).items())
    [('2023', 1), ('环境', 1), ('营商', 2)]
    >>> term_counts([["营商", "，", "营商"]], [["word", "punct", "word"]])
    Counter({'营商': 2})
    """
    if kinds is None:
        kinds = [token_kinds(tokens) for tokens in sentences]
    is_counted = map(TERM_KINDS.__contains__, chain.from_iterable(kinds))
    return Counter(compress(chain.from_iterable(sentences), is_counted))


def query_terms(query: str) -> list[str]:
    """The distinct terms of a search query, in order, cut as the articles were.

    >>> query_terms("营商环境 的 营商")
    ['营商', '环境']
    """
    return list(dict.fromkeys(t for t in cut(query) if is_term(t)))
