"""Bytes that are not UTF-8: which legacy encoding they are in, and whether the text is Chinese at all.

GB18030 accepts almost any byte string, Big5 most, so "it decodes" proves
nothing: Big5 read as GB18030 is mojibake (``カ現┎秨盽叭穦某``) without a
single error. Each candidate codec's reading of a sample is judged instead
by what it says (:mod:`banmian.tasks.ingest.scripts`), in this order:

1. Plainly another language: a clean Shift-JIS or EUC-JP reading with
   kana, a Latin-1 reading that is mostly ASCII letters, or an EUC-KR
   reading of (enough) Hangul: ``not_chinese``. Chinese bytes never read
   like that, while Japanese in EUC-JP and Korean in EUC-KR can pass for
   Chinese, so these come first (see ``EARLY_READINGS``).
2. Chinese: the readings in GB18030 and Big5-HKSCS that are plausible
   Chinese text (few odd characters, nearly all common Han characters, a
   good share of frequent ones); the most plausible wins, GB18030 on a tie.
3. A short Korean text (``LATE_READINGS``): ``not_chinese``.
4. Otherwise no encoding reads it: ``not_text``.

The winner is then decoded strictly, whole: a few stray bytes make it a
``not_text`` reject naming the encoding and the first bad byte, as damaged
UTF-8 is, rather than a page with guessed characters.

Text whose encoding is certain (UTF-8, UTF-16) only needs the language
check: :func:`not_chinese`.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from banmian.tasks.ingest.scripts import Language, ScriptMix, describe, language_of, script_mix
from banmian.tasks.model import RejectReason

#: Bytes of a file that the readings judge. Real pages (20–100 KB; 10–40 KB in a two-byte encoding) are
#: judged whole; a 20 MB file by its first 64 KiB, so judging never costs more than a few milliseconds.
SAMPLE_BYTES: Final = 64 * 1024
#: Characters of a decoded text that the language check reads (real pages have 5,000–30,000).
SAMPLE_CHARS: Final = 64 * 1024

#: The Chinese codecs, GB18030 first: it wins a tie (mainland archives are what banmian mostly reads).
CHINESE_CODECS: Final = ("gb18030", "big5hkscs")
#: A Big5 page is recorded under the first of these that reads all of it: plain Big5, then the Hong Kong
#: supplement, then Windows' cp950 (€ and a few more).
BIG5_CODECS: Final = ("big5", "big5hkscs", "cp950")
_LABELS: Final = {"gb18030": "GB18030", "big5hkscs": "Big5"}


class Reading(NamedTuple):
    """A codec that reads another language: the language its reading must be in, and the name a reject gives it."""

    codec: str
    language: Language
    label: str
    min_chars: int = 0  # non-ASCII characters the reading needs before it is trusted


#: Fewest non-ASCII characters from which a clean, nearly all-Hangul EUC-KR reading is Korean before the
#: Chinese readings are looked at. A short Chinese line can read so: of 26,409 windows of the seeds, wild
#: and 40 generated pages in GB18030, 17 of 15 characters and 12 of 20 did, none of 25 or 30.
MIN_EARLY_KOREAN_CHARS: Final = 25

#: Readings tried before the Chinese ones, each safe there: no Chinese bytes read cleanly as Japanese
#: with kana (while Japanese in EUC-JP can pass for Big5, its kana rows landing on Big5's most frequent
#: characters 一 人 大); a Latin-1 reading that is mostly ASCII letters is text the language check would
#: refuse anyway; Korean in EUC-KR reads as common simplified characters, so it must come first, but only
#: with enough Hangul (MIN_EARLY_KOREAN_CHARS). EUC-KR rather than its superset cp949: cp949 reads Big5's
#: ASCII trail bytes as Hangul.
EARLY_READINGS: Final = (
    Reading("cp932", "japanese", "Shift-JIS"),
    Reading("euc_jp", "japanese", "EUC-JP"),
    Reading("cp1252", "latin", "Latin-1/Windows-1252"),
    Reading("euc_kr", "korean", "EUC-KR", MIN_EARLY_KOREAN_CHARS),
)
#: Tried when no Chinese reading fits: a short Korean text, which never has the frequent characters a
#: Chinese reading needs.
LATE_READINGS: Final = (Reading("euc_kr", "korean", "EUC-KR"),)

#: Odd and rare characters a Chinese reading may always have, whatever MAX_ODDITY_SHARE and
#: MIN_COMMON_SHARE allow (a rare name, a stray symbol), so a line of ten characters is not judged by one.
SLACK_CHARS: Final = 2
#: Share of a reading's non-ASCII characters that may be unreadable (U+FFFD) for it to count as a clean
#: reading of another language. Right readings of the Korean, Japanese and European samples: 0; wrong
#: readings of Chinese pages in those codecs: 0.04–0.64.
MAX_CLEAN_REPLACEMENT_SHARE: Final = 0.02
#: Share of Hangul among the non-ASCII characters of the EUC-KR reading from which bytes are Korean.
#: Korean: 0.99–1.0; Chinese pages read as EUC-KR: 0.43–0.57 (whole pages).
MIN_KOREAN_HANGUL_SHARE: Final = 0.9
#: Most non-ASCII characters per Latin letter for a cp1252 reading to be European text: French and
#: German paragraphs measure 0.03–0.06, a dense French phrase (café crème, naïve résumé) 0.3; Chinese
#: bytes read as cp1252 0.8 and more (Big5's ASCII trail bytes included). At 0.3 a GB18030 text has under
#: 16% Han letters: four-fifths English, mostly refused by the language check too (under 10%).
MAX_NON_ASCII_PER_LATIN_LETTER: Final = 0.3
#: Share of a Chinese reading's non-ASCII characters that may be odd (kana, Hangul, box drawing, private
#: use, U+FFFD). Right readings: 0.00; GB18030 read as Big5: 0.16–0.18; Big5 read as GB18030: 0.47–0.58.
MAX_ODDITY_SHARE: Final = 0.1
#: Share of a Chinese reading's Han characters that must be in COMMON_HAN. Right readings: 1.00; GB18030
#: read as Big5 0.53–0.58, Big5 as GB18030 0.56–0.63 (Korean read as GB18030 is 1.00: see EARLY_READINGS).
MIN_COMMON_SHARE: Final = 0.9
#: Share of a Chinese reading's Han characters that must be in FREQUENT_HAN. Windows of the seeds and 20
#: generated pages (simplified in GB18030, traditional in Big5): at least 0.47 in 100 characters, 0.26 in
#: 20 (5th percentile 0.47); Korean read as GB18030: at most 0.19 in 100 characters, 0.30 in 20. Short
#: Korean texts (under MIN_EARLY_KOREAN_CHARS) are told from Chinese by this share alone.
MIN_FREQUENT_SHARE: Final = 0.3


class NotText(NamedTuple):
    """Why some bytes are not page text: a Reject's reason code and detail sentence."""

    reason: RejectReason
    detail: str


def read_legacy(data: bytes) -> tuple[str, str] | NotText:
    """``(text, encoding)`` of bytes that are not UTF-8, or why they are not a Chinese page."""
    sample = data[:SAMPLE_BYTES]
    other = identify_language(sample, EARLY_READINGS)
    if other is not None:
        return other
    chinese = best_chinese_reading(sample)
    if chinese is not None:
        return decode_whole(data, chinese)
    other = identify_language(sample, LATE_READINGS)
    if other is not None:
        return other
    return NotText("not_text", "Is not UTF-8, and no encoding reads it as Chinese text "
                   "(tried GB18030, Big5, Shift-JIS, EUC-JP, EUC-KR and Latin-1).")


def identify_language(sample: bytes, readings: tuple[Reading, ...]) -> NotText | None:
    """The ``not_chinese`` reject of bytes that one of ``readings`` reads cleanly as its own language."""
    for reading in readings:
        text = sample.decode(reading.codec, "replace")
        if not could_read_as(text, reading.language):
            continue
        mix = script_mix(text)
        if mix.non_ascii >= reading.min_chars and is_clean_reading(mix) and reads_as(mix, reading.language):
            return NotText("not_chinese", f"Reads as {describe(mix, reading.language)} in {reading.label}, "
                           "not Chinese; banmian loads Chinese pages only.")
    return None


_KANA_RE: Final = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_HANGUL_RE: Final = re.compile("[\uac00-\ud7a3]")
_ASCII_LETTER_RE: Final = re.compile("[A-Za-z]")
_NON_ASCII_RE: Final = re.compile("[^\x00-\x7f]")


def could_read_as(text: str, language: Language) -> bool:
    """A necessary condition of :func:`reads_as`, counted by regexes in C, so that most wrong readings are
    turned away without the full :func:`~banmian.tasks.ingest.scripts.script_mix` (it cuts decoding a
    GB18030 page from about 10 ms to a few).

    >>> could_read_as("東京都は", "japanese"), could_read_as("東京都", "japanese"), could_read_as("±¾±¨", "latin")
    (True, False, False)
    """
    if language == "japanese":
        return _KANA_RE.search(text) is not None
    non_ascii = len(_NON_ASCII_RE.findall(text))
    if language == "korean":
        return len(_HANGUL_RE.findall(text)) >= MIN_KOREAN_HANGUL_SHARE * non_ascii > 0
    # Latin letters are at most the ASCII ones plus the non-ASCII characters
    latin_at_most = len(_ASCII_LETTER_RE.findall(text)) + non_ascii
    return non_ascii <= MAX_NON_ASCII_PER_LATIN_LETTER * latin_at_most


def is_clean_reading(mix: ScriptMix) -> bool:
    """True if (almost) every byte of the sample meant something in this codec."""
    return mix.replacement <= MAX_CLEAN_REPLACEMENT_SHARE * mix.non_ascii


def reads_as(mix: ScriptMix, language: Language) -> bool:
    """True if a clean reading is plainly ``language`` (by the shares calibrated above)."""
    if language == "korean":
        return mix.hangul >= MIN_KOREAN_HANGUL_SHARE * mix.non_ascii > 0
    if language == "latin":
        return language_of(mix) == "latin" and mix.non_ascii <= MAX_NON_ASCII_PER_LATIN_LETTER * mix.latin
    return language_of(mix) == language


def best_chinese_reading(sample: bytes) -> str | None:
    """The Chinese codec whose reading of ``sample`` is most plausible, if any is plausible at all."""
    scored = []
    for codec in CHINESE_CODECS:
        mix = script_mix(sample.decode(codec, "replace"))
        if is_plausible_chinese(mix):
            scored.append((mix.frequent_han / mix.han, mix.common_han / mix.han, codec))
    if not scored:
        return None
    return max(scored, key=lambda s: s[:2])[2]  # max keeps the first of equals: GB18030


def is_plausible_chinese(mix: ScriptMix) -> bool:
    """True if a reading looks like Chinese text: Han, few odd characters, common and frequent characters.

    >>> text = "本报讯 今天，全市开展安全检查。"
    >>> is_plausible_chinese(script_mix(text)), is_plausible_chinese(script_mix(text.encode("gb18030").decode("big5hkscs", "replace")))
    (True, False)
    """
    odd_allowed = max(SLACK_CHARS, MAX_ODDITY_SHARE * mix.non_ascii)
    rare_allowed = max(SLACK_CHARS, (1 - MIN_COMMON_SHARE) * mix.han)
    return (mix.han > 0
            and mix.oddity <= odd_allowed
            and mix.han - mix.common_han <= rare_allowed
            and mix.frequent_han >= MIN_FREQUENT_SHARE * mix.han)


def decode_whole(data: bytes, codec: str) -> tuple[str, str] | NotText:
    """Decode all of ``data`` strictly in the chosen Chinese codec (Big5 under its narrowest name)."""
    codecs = BIG5_CODECS if codec == "big5hkscs" else (codec,)
    for name in codecs:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    label = _LABELS[codec]
    bad = len(data.decode(codec, "replace")) - len(data.decode(codec, "ignore"))
    first = _first_bad_byte(data, codec)
    sequences = "1 byte sequence is" if bad == 1 else f"{bad} byte sequences are"
    return NotText("not_text", f"Reads as Chinese text in {label} but {sequences} not valid {label} "
                   f"(first bad byte 0x{data[first]:02x} at offset {first}); it was not loaded rather than guessed at.")


def _first_bad_byte(data: bytes, codec: str) -> int:
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def not_chinese(text: str, encoding: str) -> NotText | None:
    """The ``not_chinese`` reject of decoded text (of certain encoding) that is not Chinese, else None.

    >>> not_chinese("本报讯 今天，全市开展安全检查。", "utf-8") is None
    True
    >>> not_chinese("The city said on Thursday.", "utf-8").detail
    'Is utf-8 text, but English or other plain Latin-letter text (0 Han characters among 21 letters), not Chinese; banmian loads Chinese pages only.'
    """
    mix = script_mix(text[:SAMPLE_CHARS])
    language = language_of(mix)
    if language == "chinese":
        return None
    return NotText("not_chinese", f"Is {encoding} text, but {describe(mix, language)}, not Chinese; "
                   "banmian loads Chinese pages only.")
