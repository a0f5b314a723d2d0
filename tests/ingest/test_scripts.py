"""scripts: the character classes and language shares that decoding's choices rest on, with their calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from banmian.tasks.ingest.charsets import MIN_FREQUENT_SHARE
from banmian.tasks.ingest.scripts import (
    BIG5_LEVEL1,
    COMMON_HAN,
    FREQUENT_HAN,
    GB2312_LEVEL1,
    language_of,
    script_mix,
)
from tests.support.paths import SAMPLE

DATA = Path(__file__).parent / "data"
PAGES = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))] + [
    (DATA / name).read_text(encoding="utf-8") for name in ("000_zh-tw.txt", "004_zh-hk.txt")]


def test_common_sets_are_the_level_one_characters() -> None:
    assert (len(GB2312_LEVEL1), len(BIG5_LEVEL1)) == (3755, 5401)
    assert {"的", "国", "國", "們"} <= COMMON_HAN and "𠮷" not in COMMON_HAN
    assert len(FREQUENT_HAN) == 695
    assert FREQUENT_HAN - COMMON_HAN == {"爲", "羣", "説", "衆"}  # Hong Kong forms (OpenCC s2hk) beyond Big5 level 1


@pytest.mark.parametrize("page", range(len(PAGES)), ids=["000", "004", "000-zh-tw", "004-zh-hk"])
def test_real_pages_are_nearly_all_common_and_well_above_the_frequent_share(page: int) -> None:
    """The calibration the thresholds rest on, on pages not used to make FREQUENT_HAN."""
    mix = script_mix(PAGES[page])
    assert mix.common_han >= 0.99 * mix.han
    assert mix.frequent_han >= 2 * MIN_FREQUENT_SHARE * mix.han  # measured 0.78–0.79


# (case id, text, language)
LANGUAGES = [
    ("chinese", "本报讯 今天，全市开展安全检查。", "chinese"),
    ("chinese-with-a-japanese-name", "日本歌手中島みゆき今天在北京举行演唱会，现场观众超过一万人。", "chinese"),
    ("chinese-quoting-english", "他说：“This is a good start.”这一目标已经实现。", "chinese"),
    ("japanese", "東京都は二十五日、給食費を無償化する方針を明らかにした。", "japanese"),
    ("korean", "서울시는 25일 급식비를 무상으로 지원하겠다고 밝혔다.", "korean"),
    ("english", "The city said on Thursday.", "latin"),
    ("russian", "Москва объявила.", "other"),
    ("digits", "2024 12:30 — 100%", "none"),
]


@pytest.mark.parametrize("text,language", [c[1:] for c in LANGUAGES], ids=[c[0] for c in LANGUAGES])
def test_language_of(text: str, language: str) -> None:
    assert language_of(script_mix(text)) == language
