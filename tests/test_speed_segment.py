"""Headline parsing equals its earlier version on any heading lines.

``parse_headline`` was split into ``_headline_parts`` (which lines are what)
and the cleaning, so that scoring can ask a split's shape without cleaning
its lines. Below is the earlier, one-piece version, the executable
specification: on any lines, the parts must give the same headline, and a
shape without leftover lines exactly when the earlier version's ``shape_ok``.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import clean_heading
from tasks.lines import BYLINE, HEAD, ROLE, SUBTITLE, Line
from tasks.segment import _DASHES, _headline_parts, _is_couplet, _main_headline_index, parse_headline


def ref_parse_headline(lines):
    heads = [ln for ln in lines if ln.kind == HEAD or ln.kind == ROLE]
    subs = [ln for ln in lines if ln.kind == SUBTITLE]
    kicker = headline = sub = None
    extra = []
    shape_ok = True
    main = _main_headline_index(heads, bool(subs))
    if main:
        kicker = " ".join(clean_heading(ln.text) for ln in heads[:main])
    heads = heads[main:]
    if len(heads) >= 2 and _is_couplet(heads[0], heads[1]):
        headline = f"{clean_heading(heads[0].text)} {clean_heading(heads[1].text)}"
        rest = heads[2:]
    elif heads:
        headline = clean_heading(heads[0].text)
        rest = heads[1:]
    else:
        rest = []
    if subs:
        sub = clean_heading(subs[0].text.lstrip(_DASHES + " "))
        extra.extend(subs[1:])
    if rest and sub is None:
        sub = clean_heading(rest[0].text)
        rest = rest[1:]
    if rest:
        extra.extend(rest)
        shape_ok = False
    return kicker, headline, sub, extra, shape_ok


_TEXTS = ["阅享新时代", "奋进新征程", "铁西区民政局推进书香机关建设", "【民生关注】", "——市纪委监委工作纪实", "——",
          "中欧班列开行 开放通道更畅", "明 确 思 路    笃 行 实 干", "本报通讯员 金鑫", "通讯员", "开展安全检查", ""]
lines = st.lists(st.tuples(st.sampled_from(_TEXTS), st.sampled_from([HEAD, ROLE, SUBTITLE, BYLINE]),
                           st.sampled_from([0.0, 2.0, 5.0, 6.0, 7.0, 12.0, 14.0, 20.0])), max_size=6).map(
    lambda ts: [Line(no, text, width, kind) for no, (text, kind, width) in enumerate(ts, 1)])


@settings(max_examples=2000, deadline=None)
@given(lines)
def test_parse_headline_same_as_reference(heads):
    kicker, headline, sub, extra, shape_ok = ref_parse_headline(heads)
    got = parse_headline(heads)
    assert (got.kicker, got.headline, got.subheadline, got.extra) == (kicker, headline, sub, extra)
    assert (not _headline_parts(heads).rest) is shape_ok
