"""The places an article names: provinces, cities and counties of China, from cpca's gazetteer.

What the warehouse's ``article_places`` table holds. The gazetteer is cpca's
(``cpca`` 0.5.5, MIT licence: every province, city and county with its
adcode, read from the package, no network): its names and the short forms it
derives (吉林省 → 吉林, 四平市 → 四平; counties keep their full names).

Matching is by token, not by substring: a name counts only where the
tokenizer (``banmian.tasks.text.words``) cut it as a whole token. So 伟大理想
does not name 大理 and 城西区 does not name 西区, the false hits a substring
search (cpca's own text extraction) finds.

Several places share some names (铁西区 is a district of 沈阳, 鞍山 and 四平).
Such a name is resolved by the other places named around it: first by the
places the same article names unambiguously, then by those of its page (a
local paper's page is about one region). A namesake related to one of them
(containing it, or inside it) wins. A name still ambiguous is recorded only
as far as all its namesakes agree (the province they share, if any), and not
at all if they share nothing: a guess would put a county in the wrong
province, and shared names are often common nouns too (城区, 郊区, 矿区).
A county named in two characters (东区, 城区, 丰县) counts only beside a
place it lies in, for the same reason.

Pure: no DuckDB, no files besides cpca's own data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from typing import Final

import cpca

#: cpca's placeholder units, which are no place of their own: 市辖区 (a city's urban districts as a group),
#: 县, and the provinces' directly administered county-level units.
PLACEHOLDER_NAMES: Final = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: Digits of an adcode that name a province, a city and a county (220000 吉林省, 220300 四平市, 220302 铁西区).
_PROVINCE_DIGITS, _CITY_DIGITS = 2, 4
#: A county named in fewer characters counts only beside a place it lies in: most such names are common
#: nouns as well (东区, 城区, 矿区 in 开展城区噪声整治, 东区小区), while 3-character names (铁西区, 梨树县) rarely are.
MIN_BARE_COUNTY_CHARS: Final = 3


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """A province, city or county: its 6-digit adcode and the names of its levels (None below its own)."""

    adcode: str
    province: str | None
    city: str | None = None
    county: str | None = None
    #: The adcode digits every place inside this one starts with: 22, 2203 or 220302 (kept, not derived
    #: per call: resolving a page's names tests containment thousands of times, issue 19).
    prefix: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefix", self.adcode[:level_digits(self.adcode)])


def level_prefixes(adcode: str) -> tuple[str, str, str]:
    """The adcode's digits of each level: the prefixes of the province, city and county it may lie in.

    >>> level_prefixes("220302")
    ('22', '2203', '220302')
    """
    return adcode[:_PROVINCE_DIGITS], adcode[:_CITY_DIGITS], adcode


@dataclass(frozen=True, slots=True)
class Context:
    """Places named around a name, kept as adcode prefixes so that whether a place is related to one of them
    (contains it or lies inside it) is a few set lookups, not a test against each (issue 19: a page names
    dozens of places, and each name's options were tested against every one)."""

    prefixes: frozenset[str]
    within: frozenset[str]

    @classmethod
    def of(cls, found: Iterable[Place]) -> Context:
        """The context of these places."""
        known = list(found)
        return cls(frozenset(k.prefix for k in known),
                   frozenset(chain.from_iterable(level_prefixes(k.adcode) for k in known)))

    def relates(self, place: Place) -> bool:
        """True if ``place`` contains one of the context's places or lies inside one.

        >>> Context.of([place("220300")]).relates(place("220302")), Context.of([place("220302")]).relates(place("220000"))
        (True, True)
        >>> Context.of([place("220302")]).relates(place("220303")), Context.of([]).relates(place("220000"))
        (False, False)
        """
        return place.prefix in self.within or not self.prefixes.isdisjoint(level_prefixes(place.adcode))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place an article names, the text that named it, and how often that text named it there."""

    place: Place
    matched: str
    count: int


def level_digits(adcode: str) -> int:
    """How many digits of a 6-digit adcode name the unit: 2 for a province, 4 for a city, 6 for a county.

    >>> level_digits("220000"), level_digits("429000"), level_digits("220302")
    (2, 4, 6)
    """
    if adcode.endswith("0000"):
        return _PROVINCE_DIGITS
    return _CITY_DIGITS if adcode.endswith("00") else len(adcode)


def _name(prefix: str) -> str | None:
    """cpca's name of the unit whose adcode starts with ``prefix``; None for a placeholder."""
    name = cpca.adcode_name(prefix)
    return None if name is None or name in PLACEHOLDER_NAMES else str(name)


@cache
def place(adcode: str) -> Place:
    """The place with this 6-digit adcode, its levels named as cpca names them.

    >>> place("220302")
    Place(adcode='220302', province='吉林省', city='四平市', county='铁西区')
    >>> place("220300"), place("110105").city
    (Place(adcode='220300', province='吉林省', city='四平市', county=None), None)
    """
    digits = level_digits(adcode)
    province = _name(adcode[:_PROVINCE_DIGITS])
    if digits == _PROVINCE_DIGITS:
        return Place(adcode, province)
    city = _name(adcode[:_CITY_DIGITS])
    return Place(adcode, province, city, None if digits == _CITY_DIGITS else _name(adcode))


@lru_cache(maxsize=1 << 16)
def candidates(token: str) -> tuple[Place, ...]:
    """Every place that ``token`` names in cpca's gazetteer, in adcode order (none for most tokens).

    >>> [p.adcode for p in candidates("铁西区")], candidates("四平"), candidates("营商")
    (['210106', '210303', '220302'], (Place(adcode='220300', province='吉林省', city='四平市', county=None),), ())
    """
    found = cpca.matcher.ac.get(token, None)
    if found is None:
        return ()
    return tuple(sorted({place(info.adcode) for info in found[1] if info.name not in PLACEHOLDER_NAMES}))


def named(tokens: Iterable[str]) -> Counter[str]:
    """How often each token that names some place occurs."""
    return Counter(filter(candidates, tokens))


def needs_context(token: str, options: Sequence[Place]) -> bool:
    """True for a short county name (see :data:`MIN_BARE_COUNTY_CHARS`), which counts only beside its city or province.

    >>> needs_context("东区", candidates("东区")), needs_context("铁西区", candidates("铁西区"))
    (True, False)
    """
    return len(token) < MIN_BARE_COUNTY_CHARS and any(p.county is not None for p in options)


def anchors(names: Iterable[str]) -> set[Place]:
    """The places of the names only one place has (short county names aside): what other names are resolved by."""
    return {found[0] for name, found in ((n, candidates(n)) for n in names)
            if len(found) == 1 and not needs_context(name, found)}


def shared_part(options: Sequence[Place]) -> Place | None:
    """The smallest place containing all ``options``, if it is one of their levels.

    >>> shared_part(candidates("铁东区")) is None
    True
    >>> shared_part([place("220302"), place("220303")])
    Place(adcode='220300', province='吉林省', city='四平市', county=None)
    """
    for digits in (_CITY_DIGITS, _PROVINCE_DIGITS):
        prefixes = {p.adcode[:digits] for p in options}
        if len(prefixes) == 1:
            shared = place(prefixes.pop().ljust(6, "0"))
            if (shared.city if digits == _CITY_DIGITS else shared.province) is not None:
                return shared
    return None


def resolve(options: Sequence[Place], *contexts: Iterable[Place] | Context, need_context: bool = False) -> Place | None:
    """The place a name means, of its ``options``, narrowed by each context in turn to the options
    related to a place of it (when some are); then the one option left, or what those left share.
    With ``need_context``, None unless some context is related to an option.

    >>> resolve(candidates("铁西区"), [place("220000")]).city
    '四平市'
    >>> resolve(candidates("铁西区"), [place("210000")])   # two in 辽宁 (沈阳, 鞍山): only the province is sure
    Place(adcode='210000', province='辽宁省', city=None, county=None)
    >>> resolve(candidates("铁西区")) is None, resolve(candidates("东区"), need_context=True) is None
    (True, True)
    """
    supported = False
    for context in contexts:
        known = context if isinstance(context, Context) else Context.of(context)
        related = [p for p in options if known.relates(p)]
        supported = supported or bool(related)
        options = related or options
    if need_context and not supported:
        return None
    return options[0] if len(options) == 1 else shared_part(options)


def mentions(names: Counter[str], page_anchors: Iterable[Place] | Context = ()) -> list[PlaceMention]:
    """The places these names (token -> count, in text order) stand for, resolved as the module says.

    >>> [(m.place.city, m.place.county, m.matched, m.count) for m in mentions(Counter({"铁西区": 2, "四平": 1}))]
    [('四平市', '铁西区', '铁西区', 2), ('四平市', None, '四平', 1)]
    """
    own = Context.of(anchors(names))
    page = page_anchors if isinstance(page_anchors, Context) else Context.of(page_anchors)
    out: list[PlaceMention] = []
    for token, count in names.items():
        options = candidates(token)
        found = resolve(options, own, page, need_context=needs_context(token, options))
        if found is not None:
            out.append(PlaceMention(found, token, count))
    return out


def page_mentions(articles: Sequence[Iterable[str]]) -> list[list[PlaceMention]]:
    """The place mentions of each article of a page (its tokens), each resolved with the page's help."""
    names = [named(tokens) for tokens in articles]
    page = Context.of(chain.from_iterable(anchors(n) for n in names))
    return [mentions(n, page) for n in names]
