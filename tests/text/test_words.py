"""words: the tokenizer with banmian's user dictionary, token kinds, stop words and term counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.tasks.text import words
from banmian.tasks.text.words import DictEntry


@pytest.fixture
def fresh_tokenizer() -> Iterator[None]:
    """The tokenizer and the vocabulary digest built anew for the test, and again after it."""
    words.tokenizer.cache_clear()
    words.vocabulary_digest.cache_clear()
    yield
    words.tokenizer.cache_clear()
    words.vocabulary_digest.cache_clear()


@pytest.mark.parametrize(("token", "kind"), [
    ("营商", "word"), ("铁西区", "word"), ("APP", "word"), ("5G", "word"),
    ("的", "stopword"), ("我们", "stopword"), ("一", "stopword"),
    ("2023", "number"), ("46.8", "number"), ("３０", "number"), ("十二", "number"), ("12%", "number"),
    ("，", "punct"), ("“", "punct"), ("——", "punct"), ("%", "punct"), ("■", "punct"),
    (" ", "space"), ("\u3000", "space"), ("\n", "space"),
])
def test_token_kinds(token: str, kind: str) -> None:
    assert words.token_kind(token) == kind
    assert words.is_term(token) == (kind in ("word", "number"))


@settings(deadline=None)  # the first example builds the tokenizer (~0.5 s)
@given(st.text(alphabet=st.sampled_from("营商环境铁西区四平市的了，。“”！ \u3000\n0123４５abAB%—…·"), max_size=80))
def test_cutting_loses_no_character(text: str) -> None:
    assert "".join(words.cut(text)) == text


@settings(deadline=None)
@given(st.text(max_size=60))
def test_cutting_any_text_loses_no_character(text: str) -> None:
    assert "".join(words.cut(text)) == text


@pytest.mark.parametrize(("text", "tokens"), [
    ("梨树县喇嘛甸镇", ["梨树县", "喇嘛甸镇"]),
    ("铁西区北沟街道北铁社区", ["铁西区", "北沟街道", "北铁社区"]),
    ("伊通满族自治县政数局", ["伊通满族自治县", "政数局"]),
])
def test_the_user_dictionary_keeps_local_names_whole(text: str, tokens: list[str]) -> None:
    assert words.cut(text) == tokens


def test_the_user_dictionary_leaves_segmentations_tokenizer_alone() -> None:
    """Segmentation's lexicon reads rjieba's shared default instance: names added for words must not reach it."""
    words.cut("喇嘛甸镇")
    assert rjieba.cut("喇嘛甸镇") != ["喇嘛甸镇"]


@pytest.mark.parametrize(("text", "entries"), [
    ("", []),
    ("# comment only\n\n", []),
    ("喇嘛甸镇", [DictEntry("喇嘛甸镇")]),
    ("北沟街道 5", [DictEntry("北沟街道", 5)]),
    ("北沟街道 ns", [DictEntry("北沟街道", None, "ns")]),
    ("  北沟街道   5   ns  \n辽东街道\n", [DictEntry("北沟街道", 5, "ns"), DictEntry("辽东街道")]),
])
def test_user_dictionary_lines(text: str, entries: list[DictEntry]) -> None:
    assert words.parse_user_dict(text) == entries


def test_a_users_own_dictionary_adds_names_and_changes_the_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_tokenizer: None) -> None:
    before = words.vocabulary_digest()
    assert words.cut("王家窝堡村") != ["王家窝堡村"]
    names = tmp_path / "names.txt"
    names.write_text("# my villages\n王家窝堡村 ns\n", encoding="utf-8")
    monkeypatch.setenv(words.USER_DICT_ENV, str(names))
    words.tokenizer.cache_clear()
    words.vocabulary_digest.cache_clear()
    assert words.user_dict_paths() == [words.USER_DICT, names]
    assert words.cut("王家窝堡村") == ["王家窝堡村"]
    assert words.vocabulary_digest() != before


def test_the_bundled_dictionary_parses_and_names_what_it_adds() -> None:
    entries = words.parse_user_dict(words.USER_DICT.read_text(encoding="utf-8"))
    assert entries and all(e.word and not e.word.startswith("#") for e in entries)
    assert {"喇嘛甸镇", "北铁社区"} <= {e.word for e in entries}


def test_stop_words_are_stopwords_isos_chinese_list() -> None:
    import stopwordsiso

    assert words.stopwords() == frozenset(stopwordsiso.stopwords("zh"))
    assert {"的", "了", "我们"} <= words.stopwords()
    assert not {"营商", "环境", "铁西区"} & words.stopwords()


def test_term_counts_keep_words_and_numbers_only() -> None:
    sentences = [words.cut("今年，铁西区优化营商环境。"), words.cut("营商主体增加了1500个。")]
    counts = words.term_counts(sentences)
    assert counts["营商"] == 2 and counts["1500"] == 1 and counts["铁西区"] == 1
    assert not {"，", "。", "了", " "} & set(counts)


@pytest.mark.parametrize(("query", "terms"), [
    ("营商环境", ["营商", "环境"]),
    ("  营商环境  营商 ", ["营商", "环境"]),
    ("的，。", []),
    ("铁西区 2023", ["铁西区", "2023"]),
])
def test_query_terms(query: str, terms: list[str]) -> None:
    assert words.query_terms(query) == terms
