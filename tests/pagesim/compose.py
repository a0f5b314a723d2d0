"""Composition: which stories a page carries and how each is printed, with its gold.

For every story the composer decides, habit by habit, how a real paper would print it -- couplet
or single headline, subject line or ``——subtitle``, kicker, where the credit goes and in which
shape, jump markers, an inset photo -- and turns it into geometry units (``geometry.Unit``) whose
text is tagged with the gold field or residue reason of every character.  The gold article is
written at the same time, from the same strings, so gold and print cannot drift apart.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Final

from . import credits
from .credits import Printed
from .geometry import Grid, Run, Unit
from .habits import PageRates
from .localpool import data as pagegen_data
from .pool import Pool
from .stories import Credit, Photo, Story
from .tagged import TagTable, TText

#: Generic kickers (引题) for stories that printed none.
KICKERS: Final = ("新春走基层", "一线见闻", "聚焦两会", "关注民生", "改革开放二十年", "经济观察", "基层动态",
                  "民生实事面对面", "本报专稿", "记者调查")
BANNERS: Final = ("进入新时代 踏上新征程", "学习贯彻十五大精神", "理论前沿", "纪念改革开放二十周年",
                  "防风险 严监管 活实体 促发展", "聚焦乡村振兴", "深化改革 扩大开放")
SECTION_LABELS: Final = ("简讯", "要闻简报", "新闻简讯", "信息快递", "综合简讯", "短讯")
PHOTO_LABELS: Final = ("图片新闻", "图片报道", "新闻图片")
LETTER_LABELS: Final = ("读者来信", "民生热线", "百姓呼声", "来信选登")
BULLETS: Final = ("●", "◆", "■", "▲", "○")
CARTOON_LABELS: Final = ("消费升级", "漫画", "新风", "数据看变化")
PHOTO_NUMBERS: Final = "①②③④"
#: Head sizes relative to body type, by role.
SIZE_SUB: Final = 1.35
SIZE_KICKER: Final = 1.2
SIZE_CROSSHEAD: Final = 1.2
#: Story length (characters) per grid column it spans, roughly (a 13-em column of 60 lines).
CHARS_PER_SPAN: Final = 650
#: Captions are set no wider than this many ems (the seed pages' widest runs 38).
CAPTION_MAX: Final = 48
#: Briefs per 简讯 column.
BRIEFS_PER_COLUMN: Final = (2, 5)


@dataclass
class Article:
    """A gold article being written, and what happened to it."""

    gold: dict[str, Any]
    key: str = ""
    habits: set[str] = field(default_factory=set)
    split_blocks: list[int] = field(default_factory=list)


class Composer:
    """Builds one page's units and gold articles from pool stories."""

    def __init__(self, rng: random.Random, rates: PageRates, pool: Pool, grid: Grid):
        self.rng = rng
        self.rates = rates
        self.pool = pool
        self.grid = grid
        self.tags = TagTable()
        self.articles: list[Article] = []
        self.page_habits: Counter[str] = Counter()
        self.names = list(pool.names)
        rng.shuffle(self.names)
        self._uid = 0

    # --- bookkeeping -------------------------------------------------------------------

    def fire(self, habit: str, art: int | None = None) -> bool:
        """One opportunity for a habit; note it when it happens."""
        if self.rates.fires(habit, self.rng):
            self.note(habit, art)
            return True
        return False

    def note(self, habit: str, art: int | None = None) -> None:
        """Record that a habit shaped an article (or the page)."""
        if art is None:
            self.page_habits[habit] += 1
        else:
            self.articles[art].habits.add(habit)

    def new_article(self, kind: str, key: str = "") -> int:
        """A new gold article with empty fields (``key``: the pool story it prints); its index."""
        self.articles.append(Article(key=key, gold={
            "kind": kind, "headline": None, "subheadline": None, "byline": None, "authors": [],
            "photographers": [], "blocks": [], "kicker": None, "continued_from": None, "continued_to": None}))
        return len(self.articles) - 1

    def unit(self, kind: str, art: int | None, **kw: Any) -> Unit:
        """A new geometry unit."""
        self._uid += 1
        return Unit(self._uid, kind, art, **kw)

    def g(self, art: int, fld: str, text: str, block: int = -1) -> TText:
        """Text printed for a gold field (``block``: which gold block, for body text)."""
        return TText.of(text, self.tags.of(art, fld, block))

    def body(self, art: int, kind: str, text: str) -> TText:
        """A new gold block (``p`` or ``h``) and its printed text."""
        return self.g(art, kind, text, self.block(art, kind, text))

    def res(self, reason: str, text: str) -> TText:
        """Text printed for residue."""
        return TText.of(text, self.tags.of(None, reason))

    def block(self, art: int, kind: str, text: str) -> int:
        """Append a gold block; its index."""
        blocks = self.articles[art].gold["blocks"]
        blocks.append({"kind": kind, "text": text})
        return len(blocks) - 1

    def take_names(self, n: int) -> list[str]:
        """``n`` fresh names for invented credits."""
        if len(self.names) < n:
            self.names = list(self.pool.names)
            self.rng.shuffle(self.names)
        return [self.names.pop() for _ in range(n)]

    # --- headlines -----------------------------------------------------------------------

    def head_runs(self, art: int, story: Story, *, feature: bool = False) -> list[Run]:
        """Kicker, headline (single or couplet) and subheadline as printed; gold written."""
        gold = self.articles[art].gold
        parts = self._parts(art, story.headline)
        gold["headline"] = " ".join(parts) if parts else None
        runs: list[Run] = []
        kicker = story.kicker
        if kicker is None and not feature and self.fire("kicker", art):
            kicker = self.rng.choice(KICKERS)
        if kicker:
            gold["kicker"] = kicker
            runs.append(Run(self.g(art, "kicker", kicker), "kicker", SIZE_KICKER, "center"))
        size = self.grid.head_scale * (1.15 if feature else 1.0)
        runs.extend(self._headline_runs(art, parts, size))
        if story.subheadline:
            runs.append(self._sub_run(art, story.subheadline, force_dash=feature))
        return runs

    def _parts(self, art: int, headline: tuple[str, ...]) -> tuple[str, ...]:
        if len(headline) == 1 and headline[0].count("，") == 1:
            a, b = headline[0].split("，")
            if 3 <= len(a) <= 16 and 3 <= len(b) <= 16 and self.fire("couplet", art):
                return (a, b)
        return headline

    def _headline_runs(self, art: int, parts: tuple[str, ...], size: float) -> list[Run]:
        if not parts:
            return []
        if len(parts) == 1:
            return [Run(self.g(art, "headline", parts[0]), "head", size, "center")]
        if self.fire("couplet_two_lines", art):
            return [Run(self.g(art, "headline", p), "head", size, "center") for p in parts]
        gap = " "
        if self.fire("couplet_wide_gap", art):
            gap = self.rng.choice(("   ", "\u3000", "    "))
        text = TText.join([self.g(art, "headline", parts[0]), TText.of(gap, -1), self.g(art, "headline", parts[1])])
        return [Run(text, "head", size, "center", keep=True)]

    def _sub_run(self, art: int, sub: str, *, force_dash: bool) -> Run:
        self.articles[art].gold["subheadline"] = sub
        if force_dash or self.fire("subtitle_dash", art):
            text = self.res("decoration", "——") + self.g(art, "subheadline", sub)
            return Run(text, "sub", SIZE_SUB, "center")
        return Run(self.g(art, "subheadline", sub), "sub", SIZE_SUB, "center")

    # --- credits ---------------------------------------------------------------------------

    def set_credit(self, art: int, p: Printed) -> None:
        """Write a credit into gold."""
        gold = self.articles[art].gold
        gold["byline"] = p.gold
        gold["authors"] = list(p.authors)
        gold["photographers"] = list(p.photographers)

    def credit_text(self, art: int, p: Printed) -> TText:
        """The printed credit, varied by the compositor's habits, tagged as byline."""
        v = credits.vary(p, self.rng, ascii_parens=self.fire("byline_ascii_parens", art),
                         inner_space=self.fire("name_inner_space", art))
        return self.g(art, "byline", v.printed)

    # --- spans ------------------------------------------------------------------------------

    def span_for(self, length: int, art: int | None) -> tuple[int, int]:
        """(grid columns, text columns) for a story of ``length`` characters."""
        cols = self.grid.columns
        if self.fire("single_column", art):
            return 1, 1
        span = max(1, min(cols, round(length / CHARS_PER_SPAN) + self.rng.choice((0, 0, 1))))
        if span > 1 and self.grid.width(span) <= 46 and self.fire("wide_measure", art):
            return span, 1
        return span, span


def story_paragraph_runs(c: Composer, art: int, paras: tuple[str, ...], first_prefix: TText | None,
                         last_suffix: TText | None, start: int = 0) -> list[Run]:
    """Body paragraphs as runs, each a gold ``p`` block; a credit may open or close them."""
    runs = []
    for i, p in enumerate(paras):
        t = c.body(art, "p", p)
        if i == 0 and first_prefix is not None:
            t = first_prefix + t
        if i == len(paras) - 1 and last_suffix is not None:
            t = t + last_suffix
        runs.append(Run(t, "p", 1.0, "justify", indent=2.0, para=start + i))
    return runs


def jump_text(c: Composer, art: int, which: str) -> TText:
    """``（下转第5版）``: brackets are decoration, the inside is gold ``continued_to``."""
    page = c.rng.choice((f"第{c.rng.randint(2, 16)}版", f"第{c.rng.choice('二三四五六七八九')}版"))
    inner = f"{'下转' if which == 'to' else '上接'}{page}"
    c.articles[art].gold["continued_to" if which == "to" else "continued_from"] = inner
    return c.res("decoration", "（") + c.g(art, "continued_to" if which == "to" else "continued_from",
                                           inner) + c.res("decoration", "）")


# --- news, essays, letters ---------------------------------------------------------------------


@dataclass
class CreditPlan:
    """Where a story's credit goes: ``inline`` ``own_line`` ``byline`` ``after`` ``vertical``
    ``trail_inline`` ``trail_line`` or ``none``, and its printed form."""

    where: str
    printed: Printed | None = None


def plan_credit(c: Composer, art: int, s: Story) -> CreditPlan:
    """Decide the credit's shape and place for a news story or essay."""
    credit, at = s.credit, s.credit_at
    if credit is None or at == "none":
        credit, at = _invented_credit(c, art, s)
    if credit is None:
        return CreditPlan("none")
    if at == "dateline":
        modern = not c.fire("dateline_1998", art)
        where = "own_line" if c.fire("dateline_own_line", art) else "inline"
        return CreditPlan(where, credits.dateline(credit, modern=modern))
    if at == "line":
        bare = all(r == "" for r, _ in credit.groups) or c.fire("bare_name_byline", art)
        p = credits.line(credit, bare=bare)
        if bare and len(credit.names) == 1 and c.fire("vertical_name", art):
            return CreditPlan("vertical", p)
        return CreditPlan("after" if c.fire("byline_after_body", art) else "byline", p)
    where = "trail_line" if c.fire("trailing_own_line", art) else "trail_inline"
    return CreditPlan(where, credits.trailing(credit))


def _invented_credit(c: Composer, art: int, s: Story) -> tuple[Credit | None, str]:
    """Local copy prints its own credits; a wire story may end with its source."""
    if s.pool == "local" and c.fire("local_credit_dateline", art):
        cr = credits.invent(c.rng, c.take_names(2), credits.LOCAL_ROLES, 2)
        agency, place = "本报", ""
        if c.fire("dateline_other_paper", art):
            d = pagegen_data()
            agency, place = c.rng.choice(((f"《{c.rng.choice(d.OTHER_PAPERS)}》", ""),
                                          ("本报", c.rng.choice(d.DATELINE_PLACES))))
        return Credit(cr.groups, agency, place, "", "讯"), "dateline"
    if s.pool == "local" and c.fire("local_credit_line", art):
        return credits.invent(c.rng, c.take_names(2), credits.LINE_ROLES, 2), "line"
    if c.fire("local_credit_trailing", art):
        return credits.invent(c.rng, c.take_names(1), ("记者", "通讯员"), 1), "trailing"
    if c.fire("source_credit", art):
        return credits.invent_source(c.rng, s.day), "source"
    return None, "none"


def news_units(c: Composer, s: Story) -> list[Unit]:
    """A news story or essay: its unit, and units for photos printed apart from it."""
    art = c.new_article("news", s.key)
    head = c.head_runs(art, s)
    plan = plan_credit(c, art, s)
    if plan.printed is not None:
        c.set_credit(art, plan.printed)
    cred = c.credit_text(art, plan.printed) if plan.printed is not None else None
    first, last, foot, byline, vertical = _credit_pieces(c, art, plan, cred)
    runs: list[Run] = list(first)
    prefix = None
    if plan.where == "inline" and cred is not None:
        prefix = cred
    if c.fire("jump_from", art):
        j = jump_text(c, art, "from")
        if c.rng.random() < 0.5:
            runs.insert(0, Run(j, "marker", 1.0, "left"))
        else:
            prefix = j if prefix is None else j + prefix
    to = jump_text(c, art, "to") if c.fire("jump_to", art) else None
    suffix = last
    if to is not None:
        if c.rng.random() < 0.5 or suffix is not None:
            foot.append(Run(to, "marker", 1.0, "right"))
        else:
            suffix = to
    runs += story_paragraph_runs(c, art, s.paras, prefix, suffix)
    return _story_unit(c, art, s, head, byline, runs, foot, vertical)


def _credit_pieces(c: Composer, art: int, plan: CreditPlan, cred: TText | None
                   ) -> tuple[list[Run], TText | None, list[Run], list[Run], list[TText]]:
    """(runs before the body, suffix of the last paragraph, foot runs, byline runs, vertical name)."""
    if cred is None:
        return [], None, [], [], []
    if plan.where == "own_line":
        return [Run(cred, "byline", 1.0, "left")], None, [], [], []
    if plan.where == "trail_inline":
        return [], cred, [], [], []
    if plan.where == "trail_line":
        return [], None, [Run(cred, "credit", 1.0, "right")], [], []
    if plan.where == "vertical":
        return [], None, [], [], [cred]
    if plan.where in ("byline", "after"):
        text = cred
        if c.fire("byline_box", art):
            text = c.res("decoration", "□") + cred
        run = Run(text, "byline", 1.05, "center" if c.rng.random() < 0.5 else "left")
        return ([], None, [run], [], []) if plan.where == "after" else ([], None, [], [run], [])
    return [], None, [], [], []


def _story_unit(c: Composer, art: int, s: Story, head: list[Run], byline: list[Run], runs: list[Run],
                foot: list[Run], vertical: list[TText]) -> list[Unit]:
    span, inner = c.span_for(s.length, art)
    u = c.unit("story", art, span=span, inner=inner, head=head, byline=byline, body=runs, foot=foot,
               vertical=vertical)
    if inner > 1 and c.fire("head_side", art):
        u.head_pos = "side"
    elif s.kind == "essay" and c.fire("vertical_head", art):
        u.head_pos = "vertical"
    if c.fire("runaround", art):
        u.runaround = c.rng.randint(3, 9)
        u.runaround_width = float(c.rng.randint(2, 6))
    out = [u]
    for ph in s.photos:
        pu = photo_unit(c, ph, inset=True)
        if c.fire("photo_in_story", art) and u.inset is None:
            u.inset = pu
        else:
            out.append(pu)
    return out


def letter_units(c: Composer, s: Story) -> list[Unit]:
    """A letter to the editor: salutation, letter, signature (the byline), the office's reply."""
    art = c.new_article("news", s.key)
    c.note("letter", art)
    head = c.head_runs(art, s)
    sig = s.signature or "一读者"
    name = sig.split(" ", 1)[1] if sig.startswith("读者 ") else None
    c.set_credit(art, Printed(sig, sig, [name] if name else [], []))
    runs = [Run(c.body(art, "p", "编辑同志："), "p", 1.0, "left", para=0)]
    runs += story_paragraph_runs(c, art, s.paras, None, None, start=1)
    runs.append(Run(c.g(art, "byline", sig), "sig", 1.0, "right"))
    reply = s.reply or ""
    runs.append(Run(c.body(art, "p", reply), "p", 1.0, "justify", indent=2.0, para=len(s.paras) + 1))
    span = c.rng.choice((1, 2))
    units = []
    if c.fire("section_label", art):
        units.append(label_unit(c, c.rng.choice(LETTER_LABELS), span))
    units.append(c.unit("story", art, span=span, inner=span, head=head, body=runs))
    return units


# --- photos -------------------------------------------------------------------------------------


def photo_unit(c: Composer, ph: Photo, *, inset: bool = False, group: list[Photo] | None = None,
               key: str = "") -> Unit:
    """A photo (or a group under one caption) as its own gold article of kind ``photo``."""
    art = c.new_article("photo", key)
    photos = group or [ph]
    head: list[Run] = []
    title = ph.title
    if title and not inset and (group is None) and c.fire("photo_title", art):
        c.articles[art].gold["headline"] = title
        head = [Run(c.g(art, "headline", title), "head", c.grid.head_scale * 0.7, "center")]
    runs = _caption_runs(c, art, photos)
    foot: list[Run] = []
    credit = _photo_credit(c, art, photos)
    if credit is not None:
        style = c.rates.pick([f"credit_{s}" for s in credits.PHOTO_STYLES], c.rng).removeprefix("credit_")
        c.note(f"credit_{style}", art)
        p = credits.photo(credit, style)
        c.set_credit(art, p)
        t = c.credit_text(art, p)
        if style == "paren" and runs:
            runs[-1] = Run(runs[-1].text + t, "caption", 1.0, "justify", indent=runs[-1].indent, para=runs[-1].para)
        else:
            foot = [Run(t, "credit", 1.0, "right")]
    spans = [k for k in (1, 1, 2, 2, 3) if c.grid.width(k) <= CAPTION_MAX] or [1]
    span = 1 if inset else c.rng.choice(spans)
    u = c.unit("photo", art, span=span, inner=1, head=head, image=len(photos), body=runs, foot=foot)
    u.credit_first = bool(foot) and c.fire("photo_credit_before", art)
    c.note("photo", art)
    return u


def _caption_runs(c: Composer, art: int, photos: list[Photo]) -> list[Run]:
    runs = []
    numbered = len(photos) > 1
    k = 0
    for i, ph in enumerate(photos):
        for j, para in enumerate(ph.caption):
            text = f"图{PHOTO_NUMBERS[i]}：{para}" if numbered and j == 0 else para
            runs.append(Run(c.body(art, "p", text), "caption", 1.0, "justify",
                            indent=0.0 if numbered else 2.0 * (c.rng.random() < 0.5), para=k))
            k += 1
    return runs


def _photo_credit(c: Composer, art: int, photos: list[Photo]) -> Credit | None:
    if c.fire("caption_no_credit", art):
        return None
    known = [p.credit for p in photos if p.credit is not None]
    if known and len(photos) == 1:
        return known[0]
    names = c.take_names(1 if c.rng.random() < 0.7 else 2)
    return Credit(((c.rng.choice(credits.PHOTO_ROLES), tuple(names)),))


# --- briefs, labels, banners, cartoons ------------------------------------------------------------


def label_unit(c: Composer, text: str, span: int) -> Unit:
    """A section label (page furniture) over a column."""
    c.note("section_label")
    return c.unit("label", None, span=span, head=[Run(c.res("page_furniture", text), "label", 1.3, "left")])


def briefs_units(c: Composer, stories: list[Story]) -> list[Unit]:
    """A 简讯 column: each brief its own article, bullets as decoration."""
    c.note("briefs")
    bullet = c.rng.choice(BULLETS) if c.fire("brief_bullets") else ""
    runs: list[Run] = []
    for s in stories:
        art = c.new_article("news", s.key)
        c.note("brief", art)
        lead: TText | None = None
        if s.headline and c.fire("brief_lead", art):
            c.articles[art].gold["headline"] = s.headline[0]
            lead = c.g(art, "headline", s.headline[0]) + TText.of(c.rng.choice((" ", "\u3000", "")), -1)
        plan = plan_credit(c, art, s) if s.credit is not None else CreditPlan("none")
        prefix = TText.of("", -1)
        if bullet:
            prefix = prefix + c.res("decoration", bullet)
        if lead is not None:
            prefix = prefix + lead
        suffix = None
        if plan.printed is not None:
            c.set_credit(art, plan.printed)
            cred = c.credit_text(art, plan.printed)
            if plan.where in ("inline", "own_line", "byline", "vertical", "after"):
                prefix = prefix + cred
            else:
                suffix = cred
        runs += story_paragraph_runs(c, art, s.paras, prefix if len(prefix) else None, suffix, start=len(runs))
    units = []
    if c.fire("section_label"):
        units.append(label_unit(c, c.rng.choice(SECTION_LABELS), 1))
    units.append(c.unit("briefs", None, span=1, inner=1, body=[
        Run(r.text, r.role, r.size, r.align, indent=0.0 if bullet else 2.0, para=r.para) for r in runs]))
    return units


def banner_unit(c: Composer) -> Unit:
    """A banner over several essays (page furniture)."""
    text = c.rng.choice(BANNERS)
    c.note("banner")
    return c.unit("banner", None, span=c.grid.columns,
                  head=[Run(c.res("page_furniture", text), "banner", c.grid.head_scale * 1.2, "center", keep=True)])


def cartoon_unit(c: Composer) -> Unit:
    """A cartoon or chart: label and artist's credit are decoration."""
    c.note("cartoon")
    who = c.take_names(1)[0]
    credit = c.rng.choice((f"制图：{who}", f"漫画：{who}", f"{who}作"))
    runs = [Run(c.res("decoration", c.rng.choice(CARTOON_LABELS)), "label", 1.2, "center"),
            Run(c.res("decoration", credit), "credit", 0.9, "right")]
    return c.unit("cartoon", None, span=1, image=1, body=runs)


# --- the lead feature ---------------------------------------------------------------------------


def feature_units(c: Composer, s: Story) -> tuple[Unit, list[Unit], Unit | None]:
    """The lead feature: a wide intro unit, one unit per section (or one for all), a moved tail."""
    art = c.new_article("feature", s.key)
    c.note("feature", art)
    head = c.head_runs(art, s, feature=True)
    credit = s.credit or credits.invent(c.rng, c.take_names(1), ("本报记者", "本报通讯员"), 1)
    p = credits.line(credit, bare=all(r == "" for r, _ in credit.groups))
    c.set_credit(art, p)
    byline = [Run(c.credit_text(art, p), "byline", 1.1, "center")]
    intro = story_paragraph_runs(c, art, s.paras, None, None)
    cols = c.grid.columns
    inner = max(1, -(-int(c.grid.width(cols)) // c.rng.randint(30, 46)))
    lead = c.unit("story", art, span=cols, inner=inner, head=head, byline=byline, body=intro)
    section_runs = []
    start = len(intro)
    for h, ps in s.sections:
        section_runs.append(_section_runs(c, art, h, ps, start))
        start += len(ps)
    tail = _cut_tail(c, art, section_runs)
    if c.fire("feature_scattered", art):
        parts = [c.unit("story", art, span=c.rng.randint(1, max(1, min(3, cols))), inner=1, body=rs)
                 for rs in section_runs]
    else:
        span = max(1, min(cols, c.rng.randint(2, 4)))
        parts = [c.unit("story", art, span=span, inner=span, body=[r for rs in section_runs for r in rs])]
    for u in parts:
        u.inner = u.span if u.inner == 1 and c.rng.random() < 0.5 else u.inner
    return lead, parts, tail


def _section_runs(c: Composer, art: int, head: str, paras: tuple[str, ...], start: int) -> list[Run]:
    text = c.body(art, "h", head)
    if c.fire("crosshead_doubled", art):
        text = text + TText.of(c.rng.choice(("", "  ", " ")), -1) + c.res("duplicate_crosshead", head)
    runs = [Run(text, "crosshead", SIZE_CROSSHEAD, "center", keep=len(text) * SIZE_CROSSHEAD > 40)]
    return runs + story_paragraph_runs(c, art, paras, None, None, start=start)


def _cut_tail(c: Composer, art: int, sections: list[list[Run]]) -> Unit | None:
    """Cut the last paragraph of a section mid-sentence; its tail is set far away."""
    if not sections or not c.fire("feature_tail_moved", art):
        return None
    runs = sections[c.rng.randrange(len(sections))]
    r = runs[-1]
    n = len(r.text)
    if r.role != "p" or n < 40:
        return None
    cut = c.rng.randint(n // 3, 2 * n // 3)
    while cut < n - 5 and (r.text.text[cut - 1] in "。！？”" or r.text.text[cut] in "，。、；：”）》"):
        cut += 1
    runs[-1] = Run(r.text[:cut], "p", 1.0, "justify", indent=r.indent, para=r.para)
    return c.unit("tail", art, span=1, inner=1, body=[Run(r.text[cut:], "p", 1.0, "justify", 0.0, para=r.para)])


# --- furniture -------------------------------------------------------------------------------------

WEEKDAYS: Final = "一二三四五六日"
LATIN_HEADS: Final = ("NEW SANMEN", "RENMIN RIBAO", "SIPING DAILY", "CITY NEWS", "JILIN DAILY")
PAPER_NAMES: Final = ("四平日报", "三门新闻", "城市晚报", "人民日报", "农村日报", "铁西新闻")


def furniture_units(c: Composer, day: int) -> list[Unit]:
    """Date, page, paper, editors, running head: lines at the head or foot of the page."""
    d = pagegen_data()
    year = c.rng.choice((1998, 2011, 2018, 2023))
    month = 1 if year == 1998 else c.rng.randint(1, 12)
    dd = max(1, min(28, day or c.rng.randint(1, 28)))
    wd = WEEKDAYS[(dd + year + month) % 7]
    date = c.rng.choice((f"{year}年{month}月{dd}日 星期{wd}", f"{year} 年 {month} 月 {dd} 日 星期{wd}",
                         f"{year}.{month}.{dd} 星期{wd}"))
    page_name = c.rng.choice(tuple(d.PAGE_NAMES) + ("理论", "国际", "经济", "要闻", "文艺评论"))
    page = c.rng.choice((f"{c.rng.randint(1, 16)} {page_name}", f"第{c.rng.randint(1, 16)}版",
                         f"A{c.rng.randint(1, 16)} {page_name}", f"第{c.rng.randint(1, 8)}版 {page_name}"))
    a, b = c.take_names(2)
    editor = c.rng.choice((f"责任编辑：{a} 版式：{b}", f"本版编辑：{a}", f"责任编辑 {a}  美术编辑 {b}",
                           f"本版责编：{a} 邮箱：news@example.cn"))
    lines: list[tuple[str, str, str]] = []
    if c.fire("furniture_date"):
        lines.append(("date", date, "left"))
    if c.fire("furniture_page"):
        lines.append(("page", page, "right"))
    if c.fire("furniture_paper"):
        lines.append(("paper", c.rng.choice(PAPER_NAMES), "center"))
    if c.fire("running_head_latin"):
        lines.append(("latin", c.rng.choice(LATIN_HEADS), c.rng.choice(("left", "right", "center"))))
    if c.fire("furniture_editor"):
        if c.fire("section_glued_editor"):
            editor = f"{page_name}{c.rng.choice(('', ' '))}{editor}"
        lines.append(("editor", editor, "right"))
    out = []
    for role, text, align in lines:
        where = "bottom" if c.fire("furniture_at_bottom") else "top"
        u = c.unit("furniture", None, place=where, align_x=align,
                   head=[Run(c.res("page_furniture", text), role, 1.0, "left", keep=True)])
        out.append(u)
    return out
