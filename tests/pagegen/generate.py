"""Lay articles out on a synthetic page, the way real extracted pages look.

Main API: ``generate_set(n, seed) -> [(name, page_text, gold_dict)]``;
``generate_page(seed, index)`` gives one ``GeneratedPage`` with its habits
and residue as well; ``write_set(out_dir, n, seed)`` writes
``pages/NAME.txt``, ``gold/NAME.gold.json`` and ``gold/NAME.habits.json``.

Every random choice comes from ``random.Random`` seeded by (seed, index), so a
page is a pure function of those two numbers.

Recoverability.  A page is laid out as a sequence of *items* (a news article,
a photo, a run of briefs, a part of the lead feature).  Each item has a
*start* signal (``head`` a headline group, ``dateline`` a ``本报讯（…）``-style
credit, ``marker`` ``（上接…）``, ``byline_line`` a standalone credit line,
``crosshead``, ``wide`` the wide feature intro, ``label``, ``caption``,
``caption_title``, ``tail``) and an *end* signal (``head`` its headline
group comes last, ``credit`` a trailing credit/jump marker/photo credit,
``body`` just text, ``fhead`` the feature's header block).  Adjacent items
are only allowed when a careful reader can tell where one ends and the next
begins (see ``_start_ok``):

* never two headline groups with no body between (``head`` -> ``head``);
* a headline-after article must open with a dateline or jump marker (or, after
  a photo credit or at the page top, a standalone credit line), so its body
  cannot be read as the tail of the article before;
* a standalone credit line never follows a headline group or a bare body
  (it would be ambiguous between the two articles);
* a photo caption after a bare body is set at a clearly different width, and
  a captioned photo's title never follows a headline group;
* the moved tail of a feature paragraph is the last item and follows an item
  with a hard end (headline group or credit).

Sidecar ``NAME.habits.json``: ``habits`` maps each habit seen on the page to
how often it occurred; ``articles`` (aligned with the gold articles) lists each
article's habits and ``split_blocks``, the indexes of blocks printed in two
distant pieces (the moved feature tail); ``residue`` lists every printed piece
that belongs to no article, as ``{"text", "reason", "line"}`` with the reasons
of ``banmian.tasks.model.Residue`` (page_furniture, duplicate_crosshead, decoration,
unassigned).  Gold strings plus residue account for every printed character.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corpus, credits
from .credits import Credit, NamePool
from .layout import (Column, display_width, letterspace, space_numbers, to_ascii_punct,
                     to_fullwidth_alnum, tokens, wrap)

# --- page lines -----------------------------------------------------------------------------


@dataclass
class Ln:
    text: str
    residue: list[tuple[str, str]] = field(default_factory=list)  # (piece, reason)
    owner: int | None = None  # gold article index (before final ordering)


BLANK = ""


@dataclass
class Style:
    width: int
    col_lo: int
    col_hi: int
    para_blank: float
    hang: float
    letterspace: float
    ls_style: str
    numspace: float
    ascii_punct: float
    fullwidth: float
    trail_space: float


def make_style(rng: random.Random, width: int, *, plain: bool = False) -> Style:
    lo = rng.randint(4, 14)
    return Style(
        width=width,
        col_lo=lo,
        col_hi=lo + rng.randint(2, 16),
        para_blank=rng.choice((1.0, 0.95, 0.85, 0.7)),
        hang=0.0 if plain else rng.choice((0.0, 0.0, 0.3, 0.7, 1.0)),
        letterspace=0.0 if plain else rng.choice((0.0, 0.0, 0.0, 0.05, 0.15, 0.3)),
        ls_style=rng.choice(("seed", "seed", "wide")),
        numspace=0.0 if plain else rng.choice((0.0, 0.0, 0.5, 0.9)),
        ascii_punct=0.0 if plain else rng.choice((0.0,) * 5 + (0.1, 0.3)),
        fullwidth=0.0 if plain else rng.choice((0.0,) * 6 + (0.3, 1.0)),
        trail_space=rng.choice((0.0, 0.0, 0.05)),
    )


def news_width(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.12:
        return rng.randint(8, 10)
    if r < 0.82:
        return rng.randint(11, 20)
    if r < 0.95:
        return rng.randint(21, 32)
    return rng.randint(33, 46)


class Page:
    """Builder: collects lines, gold articles, habits and residue for one page."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.lines: list[Ln] = []
        self.articles: list[dict[str, Any]] = []
        self.art_habits: list[set[str]] = []
        self.split_blocks: list[list[int]] = []
        self.habits: Counter[str] = Counter()

    # articles
    def new_article(self, gold: dict[str, Any], habits: set[str] | None = None) -> int:
        self.articles.append(gold)
        self.art_habits.append(set(habits or ()))
        self.split_blocks.append([])
        return len(self.articles) - 1

    def note(self, habit: str, art: int | None = None) -> None:
        if art is not None:
            self.art_habits[art].add(habit)
        else:
            self.habits[habit] += 1

    # lines
    def emit(self, text: str, owner: int | None = None, residue: list[tuple[str, str]] | None = None) -> None:
        self.lines.append(Ln(text, list(residue or ()), owner))

    def blank(self, prob: float = 1.0) -> None:
        if prob >= 1.0 or self.rng.random() < prob:
            self.lines.append(Ln(BLANK))

    # printing a paragraph
    def paragraph_lines(self, text: str, style: Style, art: int | None, *, prefix: str = "",
                        suffix: str = "", indent: float = 2.0) -> list[str]:
        rng = self.rng
        body, ch = to_ascii_punct(text, rng, style.ascii_punct)
        if ch:
            self.note("ascii_punct", art)
        body, ch = to_fullwidth_alnum(body, rng, style.fullwidth)
        if ch:
            self.note("fullwidth_alnum", art)
        w = wrap(prefix + body + suffix, style.width, rng, indent=indent, hang_prob=style.hang)
        if w.hung:
            self.note("hanging_punct", art)
        out = []
        for ln in w.lines:
            ln, ch = space_numbers(ln, rng, style.numspace)
            if ch:
                self.note("spaced_numbers", art)
            if (style.letterspace and display_width(ln) >= style.width - 1.5
                    and len(tokens(ln)) >= 4 and rng.random() < style.letterspace):
                ln = letterspace(ln, rng, style.ls_style)
                self.note("letterspaced_line", art)
            if style.trail_space and rng.random() < style.trail_space:
                ln += " "
            out.append(ln)
        return out

    def flow(self, chunks: list[list[str]], style: Style, col: Column, art: int | None) -> None:
        """Emit paragraphs (lists of lines) through a column: blanks at column breaks and
        (usually) after each paragraph."""
        before = col.mid_breaks
        for i, lines in enumerate(chunks):
            for ln in col.feed(lines):
                self.emit(ln, art if ln else None)
            if i < len(chunks) - 1:
                if self.rng.random() < style.para_blank:
                    self.blank()
                else:
                    self.note("para_no_blank", art)
        if col.mid_breaks > before:
            self.note("column_break_mid_para", art)

    def width_habits(self, width: int, art: int | None) -> None:
        if width <= 10:
            self.note("wrap_narrow", art)
        if width >= 36:
            self.note("wrap_wide", art)


# --- headline groups ---------------------------------------------------------------------------


@dataclass
class HeadGroup:
    parts: tuple[str, ...]
    subject: str | None
    dash: bool  # subject printed as ``——subject``
    kicker: str | None

    def gold(self) -> dict[str, Any]:
        return {"headline": " ".join(self.parts), "subheadline": self.subject, "kicker": self.kicker}

    def render(self, page: Page, art: int, *, force_one_line: bool = False) -> None:
        rng = page.rng
        if self.kicker:
            page.emit(self.kicker, art)
            page.note("kicker", art)
            page.blank(0.4)
        lead = " " if rng.random() < 0.2 else ""
        if len(self.parts) == 2:
            if not force_one_line and not self.kicker and rng.random() < 0.5:
                page.emit(lead + self.parts[0], art)
                page.emit(self.parts[1], art)
                page.note("headline_couplet_two_lines", art)
            elif rng.random() < 0.08:
                gap = rng.choice(("   ", "    "))
                page.emit(lead + gap.join(letterspace(p, rng, "wide") for p in self.parts), art)
                page.note("headline_letterspaced", art)
            else:
                sep = rng.choice((" ", " ", " ", "  ", "\u3000"))
                page.emit(lead + sep.join(self.parts), art)
                page.note("headline_couplet_one_line", art)
        else:
            page.emit(lead + self.parts[0], art)
            page.note("headline_single", art)
        if self.subject:
            if self.dash:
                page.emit("——" + self.subject, art, [("——", "decoration")])
                page.note("subheadline_dash", art)
            else:
                if rng.random() < 0.5:
                    page.blank()
                    page.note("headline_blank_between", art)
                page.emit(self.subject, art)
                page.note("subheadline_subject", art)
        else:
            page.note("headline_no_sub", art)


# --- items --------------------------------------------------------------------------------------


class Item:
    start = "body"
    end = "body"
    last_width = 0

    def render(self, page: Page) -> None:  # pragma: no cover - interface
        raise NotImplementedError


def _start_ok(prev_end: str, start: str) -> bool:
    if start in ("head", "caption_title"):
        return prev_end != "head"
    if start in ("dateline", "marker", "label", "crosshead", "wide", "caption"):
        return True
    if start == "byline_line":
        return prev_end in ("credit", "start")
    if start == "tail":
        return prev_end in ("head", "credit")
    return False  # a bare body never starts an item: it would read as the previous one's tail


CN_NUM = corpus.CN_PAGE_NUMS


def _page_ref(rng: random.Random) -> str:
    return f"第{rng.choice(CN_NUM)}版" if rng.random() < 0.8 else f"第{rng.randint(1, 8)}版"


class NewsItem(Item):
    def __init__(self, page: Page, names: NamePool, src_paras: list[str], head: HeadGroup):
        rng = page.rng
        self.paras = src_paras
        self.head = head
        self.names = names
        self.style = make_style(rng, news_width(rng))
        self.credit: Credit | None = None
        self.credit_pos = "none"
        self.head_pos = "before"
        self.cont_from: str | None = None
        self.cont_to: str | None = None
        self.truncate = False
        self.cont_to_inline = False
        self.art = -1

    # configuration -------------------------------------------------------
    def _sample(self, rng: random.Random) -> tuple:
        head_pos = "after" if rng.random() < 0.5 else "before"
        cont_from = _page_ref(rng) if rng.random() < 0.06 else None
        cont_to = _page_ref(rng) if (not cont_from and rng.random() < 0.07) else None
        if cont_from:
            family = rng.choice(("none", "none", "trail"))
        else:
            family = rng.choices(("dateline", "line", "trail", "source", "none"),
                                 weights=(55, 20, 12, 4, 9))[0]
        if cont_to and family in ("trail", "source"):
            family = "none"
        return head_pos, family, cont_from, cont_to

    @staticmethod
    def _signals(head_pos: str, family: str, cont_from, cont_to) -> tuple[str, str]:
        if head_pos == "before":
            start = "head"
        elif cont_from:
            start = "marker"
        elif family == "dateline":
            start = "dateline"
        elif family == "line":
            start = "byline_line"
        else:
            start = "body"
        if head_pos == "after":
            end = "head"
        elif cont_to or family in ("trail", "source"):
            end = "credit"
        else:
            end = "body"
        return start, end

    def configure(self, rng: random.Random, prev_end: str, need_hard_end: bool = False) -> None:
        choice = None
        for _ in range(60):
            c = self._sample(rng)
            start, end = self._signals(*c)
            if _start_ok(prev_end, start) and (not need_hard_end or end in ("head", "credit")):
                choice = c
                break
        if choice is None:
            choice = ("after", "dateline", None, None)
        self.head_pos, family, self.cont_from, self.cont_to = choice
        if self.head_pos == "after":
            self.head.kicker = None  # a kicker sits above its headline, never below a body
        self.start, self.end = self._signals(*choice)
        if family == "dateline":
            self.credit = credits.dateline(rng, self.names)
            self.credit_pos = "ownline" if rng.random() < 0.2 else "inline"
        elif family == "line":
            self.credit = credits.standalone(rng, self.names)
            self.credit_pos = "line"
        elif family == "trail":
            self.credit = credits.trailing(rng, self.names)
            self.credit_pos = "trail"
        elif family == "source":
            self.credit = credits.source_line(rng)
            self.credit_pos = "trail"
        if self.cont_to and rng.random() < 0.5 and len(self.paras[-1]) > 30:
            self.truncate = True
            cut = rng.randint(len(self.paras[-1]) // 3, len(self.paras[-1]) * 2 // 3)
            while cut > 1 and self.paras[-1][cut - 1] in "，。、；：“（《" or self.paras[-1][cut] in "，。、；：”）》":
                cut -= 1
            self.paras = self.paras[:-1] + [self.paras[-1][:cut]]

    # gold ------------------------------------------------------------------
    def gold(self) -> dict[str, Any]:
        g = self.head.gold()
        return {
            "kind": "news",
            "headline": g["headline"],
            "subheadline": g["subheadline"],
            "byline": self.credit.gold if self.credit else None,
            "authors": list(self.credit.authors) if self.credit else [],
            "photographers": [],
            "blocks": [{"kind": "p", "text": p} for p in self.paras],
            "kicker": g["kicker"],
            "continued_from": f"上接{self.cont_from}" if self.cont_from else None,
            "continued_to": f"下转{self.cont_to}" if self.cont_to else None,
        }

    # printing ----------------------------------------------------------------
    def render(self, page: Page) -> None:
        rng, art, st = page.rng, self.art, self.style
        page.note(f"head_{self.head_pos}", art)
        page.width_habits(st.width, art)
        if self.head_pos == "before":
            self.head.render(page, art)
            page.blank(0.85)
        if self.credit and self.credit_pos == "line":
            for ln in self.credit.lines(rng, letterspace_prob=0.1):
                page.emit(ln, art, [("□", "decoration")] if ln.startswith("□") else None)
            page.blank(0.7)
        prefix = ""
        if self.cont_from:
            marker = f"（上接{self.cont_from}）"
            page.note("continued_from", art)
            if rng.random() < 0.6:
                page.emit(marker, art, [("（", "decoration"), ("）", "decoration")])
            else:
                prefix = marker
        if self.credit and self.credit_pos in ("inline", "ownline"):
            if self.credit_pos == "ownline":
                for ln in self.credit.lines(rng, allow_split=False, letterspace_prob=0.05):
                    page.emit(ln, art)
                page.note("byline_own_line", art)
            else:
                prefix += self.credit.printed
        chunks = []
        for i, p in enumerate(self.paras):
            pre = prefix if i == 0 else ""
            suf = ""
            last = i == len(self.paras) - 1
            if last and self.credit and self.credit_pos == "trail" and rng.random() < 0.6:
                suf = self.credit.printed
                self.credit_pos = "trail_inline"
            if last and self.cont_to and rng.random() < 0.5:
                suf = f"（下转{self.cont_to}）"
                self.cont_to_inline = True
            lines = page.paragraph_lines(p, st, art, prefix=pre, suffix=suf)
            if i == 0 and pre and self.credit and self.credit_pos == "inline":
                n = _lines_spanned(lines, len(_squash(pre)))
                if n > 1:
                    self.credit.habits.add("byline_wrapped")
            chunks.append(lines)
        col = Column(rng, st.col_lo, st.col_hi)
        start_idx = len(page.lines)
        page.flow(chunks, st, col, art)
        if prefix.startswith("（上接"):
            _mark_residue(page, start_idx, [("（", "decoration"), ("）", "decoration")],
                          anchors=("（上", "版）"))
        if self.cont_to:
            page.note("continued_to", art)
            if self.cont_to_inline:
                _mark_residue(page, len(page.lines) - 1, [("（", "decoration"), ("）", "decoration")],
                              search_back=True, anchors=("（下", "版）"))
            else:
                page.emit(f"（下转{self.cont_to}）", art, [("（", "decoration"), ("）", "decoration")])
        if self.credit and self.credit_pos == "trail":
            page.emit(self.credit.lines(rng, allow_split=False)[0], art)
        if self.truncate:
            page.note("continued_to_cut", art)
        if self.credit:
            for h in self.credit.habits:
                page.note(h, art)
        self.last_width = st.width
        if self.head_pos == "after":
            page.blank()
            self.head.render(page, art)
        page.blank()


def _squash(s: str) -> str:
    return "".join(s.split())


def _lines_spanned(lines: list[str], nchars: int) -> int:
    seen = 0
    for i, ln in enumerate(lines):
        seen += len(_squash(ln))
        if seen >= nchars:
            return i + 1
    return len(lines)


def _mark_residue(page: Page, idx: int, pieces: list[tuple[str, str]], search_back: bool = False,
                  anchors: tuple[str, ...] = ()) -> None:
    """Attach residue pieces to lines near ``idx`` (forward, or backward when ``search_back``).

    With ``anchors`` (one per piece), each piece goes to the nearest line whose
    squashed text contains its anchor; otherwise all go to the first non-blank line.
    """
    order = range(idx, -1, -1) if search_back else range(idx, len(page.lines))
    if not anchors:
        for i in order:
            if page.lines[i].text.strip():
                page.lines[i].residue.extend(pieces)
                return
        return
    for piece, anchor in zip(pieces, anchors):
        for i in order:
            if anchor in _squash(page.lines[i].text):
                page.lines[i].residue.append(piece)
                break


class PhotoItem(Item):
    def __init__(self, page: Page, names: NamePool, src: corpus.PhotoSource, paras: list[str],
                 title: str | None):
        self.src_title = title
        self.paras = paras
        self.names = names
        self.credit = credits.photo_credit(page.rng, names)
        self.title: str | None = None
        self.label = False
        self.width = 0
        self.art = -1
        self.end = "credit"

    def configure(self, rng: random.Random, prev_end: str, prev_width: int) -> None:
        self.label = rng.random() < 0.15
        self.title = self.src_title if (self.src_title and rng.random() < 0.35) else None
        if self.title and not self.label and prev_end == "head":
            self.title = None
        self.start = "label" if self.label else ("caption_title" if self.title else "caption")
        for _ in range(40):
            r = rng.random()
            w = rng.randint(8, 10) if r < 0.25 else (rng.randint(38, 46) if r < 0.55 else rng.randint(11, 22))
            if prev_end not in ("body",) or abs(w - prev_width) >= 3:
                break
        self.width = w

    def gold(self) -> dict[str, Any]:
        c = self.credit
        return {"kind": "photo", "headline": self.title, "subheadline": None, "byline": c.gold,
                "authors": list(c.authors), "photographers": list(c.photographers),
                "blocks": [{"kind": "p", "text": p} for p in self.paras],
                "kicker": None, "continued_from": None, "continued_to": None}

    def render(self, page: Page) -> None:
        rng, art = page.rng, self.art
        page.note("photo", art)
        if self.label:
            page.emit("图片新闻", None, [("图片新闻", "unassigned")])
            page.note("photo_label", art)
            page.blank(0.7)
        if self.title:
            page.emit(self.title, art)
            page.note("photo_title", art)
            page.blank(0.3)
        st = make_style(rng, self.width, plain=rng.random() < 0.5)
        st.para_blank = 1.0
        page.width_habits(self.width, art)
        if self.width <= 10:
            page.note("caption_narrow", art)
        if self.width >= 38:
            page.note("caption_wide", art)
        if len(self.paras) > 1:
            page.note("photo_multi_para", art)
        chunks = [page.paragraph_lines(p, st, art) for p in self.paras]
        page.flow(chunks, st, Column(rng, 30, 40), art)
        page.blank(0.8)
        lines = self.credit.lines(rng, allow_split=True)
        self.credit.habits.discard("byline_wrapped")
        if len(lines) > 1:
            page.note("photo_credit_split", art)
        for ln in lines:
            page.emit(ln, art)
        for h in self.credit.habits:
            page.note(h, art)
        page.blank()
        self.last_width = self.width


class BriefsItem(Item):
    def __init__(self, page: Page, names: NamePool, briefs: list[tuple[str | None, str]]):
        rng = page.rng
        self.briefs = briefs
        self.label = rng.choice(corpus.BRIEF_LABELS)
        self.bullet = rng.choice(("◆", "●"))
        self.credits: list[Credit | None] = [
            credits.trailing(rng, names) if rng.random() < 0.3 else None for _ in briefs]
        self.start = "label"
        self.end = "credit" if self.credits[-1] else "body"
        self.width = rng.randint(14, 30)
        self.arts: list[int] = []

    def golds(self) -> list[dict[str, Any]]:
        out = []
        for (lead, text), c in zip(self.briefs, self.credits):
            out.append({"kind": "news", "headline": lead, "subheadline": None,
                        "byline": c.gold if c else None, "authors": list(c.authors) if c else [],
                        "photographers": [], "blocks": [{"kind": "p", "text": text}],
                        "kicker": None, "continued_from": None, "continued_to": None})
        return out

    def render(self, page: Page) -> None:
        rng = page.rng
        page.note("briefs")
        page.emit(self.label, None, [(self.label, "unassigned")])
        page.blank(0.8)
        st = make_style(rng, self.width, plain=True)
        for (lead, text), c, art in zip(self.briefs, self.credits, self.arts):
            page.note("brief", art)
            suf = c.printed if c else ""
            if lead and rng.random() < 0.35:
                page.emit(self.bullet + lead, art, [(self.bullet, "decoration")])
                lines = page.paragraph_lines(text, st, art, suffix=suf)
                page.note("brief_lead_own_line", art)
                residue_first = False
            else:
                pre = self.bullet + (lead + rng.choice(("\u3000", " ", "  ")) if lead else "")
                lines = page.paragraph_lines(text, st, art, prefix=pre, suffix=suf, indent=0)
                residue_first = True
            for i, ln in enumerate(lines):
                page.emit(ln, art, [(self.bullet, "decoration")] if (i == 0 and residue_first) else None)
            if c:
                for h in c.habits:
                    page.note(h, art)
            page.blank(0.8)
        self.last_width = self.width
        page.blank()


@dataclass
class FeaturePlan:
    headline: tuple[str, ...]
    subtitle: str
    credit: Credit
    intro: str
    pre: list[str]
    sections: list[tuple[str, list[str]]]
    intro_width: int
    sec_style: Style
    art: int = -1
    cut_section: int | None = None
    tail_lines: list[str] = field(default_factory=list)


class FeaturePart(Item):
    """One piece of a lead feature laid out from its shared plan."""

    def __init__(self, plan: FeaturePlan):
        self.plan = plan


class FeatureHeader(FeaturePart):
    start = "head"
    end = "fhead"

    def render(self, page: Page) -> None:
        rng, p = page.rng, self.plan
        art = p.art
        page.note("feature", art)
        lead = " " if rng.random() < 0.6 else ""
        if len(p.headline) == 2 and rng.random() < 0.25:
            page.emit(lead + p.headline[0], art)
            page.emit(p.headline[1], art)
        else:
            page.emit(lead + " ".join(p.headline), art)
        page.emit("——" + p.subtitle, art, [("——", "decoration")])
        page.blank()
        for ln in p.credit.lines(rng, allow_split=False):
            page.emit(ln, art)
        page.note("feature_byline", art)
        page.blank()
        self.last_width = 0


class FeatureIntro(FeaturePart):
    start = "wide"
    end = "body"

    def render(self, page: Page) -> None:
        rng, p = page.rng, self.plan
        st = make_style(rng, p.intro_width, plain=True)
        page.note("feature_intro_wide", p.art)
        page.width_habits(p.intro_width, p.art)
        page.flow([page.paragraph_lines(p.intro, st, p.art)], st, Column(rng, 40, 60), p.art)
        page.blank()
        if p.pre:
            chunks = [page.paragraph_lines(x, p.sec_style, p.art) for x in p.pre]
            page.flow(chunks, p.sec_style, Column(rng, p.sec_style.col_lo, p.sec_style.col_hi), p.art)
            page.blank()
            self.last_width = p.sec_style.width
        else:
            self.last_width = p.intro_width


class FeatureSection(FeaturePart):
    start = "crosshead"
    end = "body"

    def __init__(self, plan: FeaturePlan, k: int):
        super().__init__(plan)
        self.k = k

    def render(self, page: Page) -> None:
        rng, p = page.rng, self.plan
        head, paras = p.sections[self.k]
        if rng.random() < 0.4:
            page.emit(head + head, p.art, [(head, "duplicate_crosshead")])
            page.note("feature_crosshead_doubled", p.art)
        else:
            page.emit(head, p.art)
        page.note("crosshead", p.art)
        page.blank(0.85)
        st = p.sec_style
        chunks = [page.paragraph_lines(x, st, p.art) for x in paras]
        if p.cut_section == self.k:
            lines = chunks[-1]
            cuts = [i for i in range(1, len(lines))
                    if lines[i - 1].rstrip() and lines[i - 1].rstrip()[-1] not in "。！？；”"]
            if cuts:
                c = rng.choice(cuts)
                chunks[-1], p.tail_lines = lines[:c], lines[c:]
                page.split_blocks[p.art].append(self._block_index(len(paras) - 1))
            else:
                p.cut_section = None
        page.flow(chunks, st, Column(rng, st.col_lo, st.col_hi), p.art)
        page.blank()
        self.last_width = st.width

    def _block_index(self, para_idx: int) -> int:
        p = self.plan
        n = 1 + len(p.pre)
        for j in range(self.k):
            n += 1 + len(p.sections[j][1])
        return n + 1 + para_idx


class FeatureTail(FeaturePart):
    start = "tail"
    end = "body"

    def render(self, page: Page) -> None:
        p = self.plan
        if not p.tail_lines:
            return
        page.note("feature_tail_moved", p.art)
        for ln in p.tail_lines:
            page.emit(ln, p.art)
        page.blank()


# --- furniture ------------------------------------------------------------------------------------

WEEKDAYS = "一二三四五六日"


def furniture(rng: random.Random, names: NamePool) -> tuple[list[list[str]], list[list[str]], set[str]]:
    """(top line groups, bottom line groups, habits)."""
    top: list[list[str]] = []
    bottom: list[list[str]] = []
    habits: set[str] = set()
    d = _dt.date(2016, 1, 1) + _dt.timedelta(days=rng.randint(0, 3000))
    date = f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"
    if rng.random() < 0.15:
        date = f"{d.year} 年 {d.month} 月 {d.day} 日 星期{WEEKDAYS[d.weekday()]}"
    no = rng.randint(1, 8)
    name = rng.choice(corpus.PAGE_NAMES)
    page_line = rng.choice((f"第{no}版", f"{no} {name}", f"第{no}版 {name}", f"{no}  {name}"))
    a, b = names.take(2)
    a_s = a if (len(a) != 2 or rng.random() < 0.7) else f"{a[0]} {a[1]}"
    editor = rng.choice((f"责任编辑：{a_s} 版式：{b}", f"责任编辑：{a_s}  美术编辑：{b}",
                         f"本版编辑：{a_s}", f"责任编辑 {a_s}  版式设计 {b}"))
    for kind, line, p_top, p_bot in (("date", date, 0.5, 0.15), ("page", page_line, 0.5, 0.2),
                                     ("editor", editor, 0.15, 0.4)):
        r = rng.random()
        if r < p_top:
            top.append([line])
            habits.update({f"furniture_{kind}", "furniture_top"})
        elif r < p_top + p_bot:
            bottom.append([line])
            habits.update({f"furniture_{kind}", "furniture_bottom"})
    rng.shuffle(top)
    rng.shuffle(bottom)
    return top, bottom, habits


# --- planning ---------------------------------------------------------------------------------------


def _head_group(rng: random.Random, parts: tuple[str, ...], subject: str | None) -> HeadGroup:
    kicker = rng.choice(corpus.KICKERS) if rng.random() < 0.1 else None
    r = rng.random()
    if subject is None or r < 0.2:
        sub, dash = None, False
    elif r < 0.35:
        sub, dash = subject, True
    else:
        sub, dash = subject, False
    return HeadGroup(parts, sub, dash, kicker)


def _vary_flags(rng: random.Random) -> dict[str, bool]:
    return {"places": rng.random() < 0.8, "numbers": rng.random() < 0.5, "dates": rng.random() < 0.6}


@dataclass
class GeneratedPage:
    name: str
    text: str
    gold: dict[str, Any]
    habits: dict[str, Any]


def generate_page(seed: int, index: int = 0, *, name: str | None = None) -> GeneratedPage:
    rng = random.Random(f"banmian-pagegen:{seed}:{index}")
    name = name or f"gen{seed}_{index:04d}"
    page = Page(rng)
    names = NamePool(rng)

    # how many of what
    total = rng.randint(3, 10)
    has_feature = rng.random() < 0.5
    n_briefs = rng.choice((2, 3)) if rng.random() < 0.07 else 0
    n_photos = rng.choices((0, 1, 2, 3), weights=(30, 30, 25, 15))[0]
    if total - has_feature - n_briefs < 1:
        n_briefs = 0
    n_photos = min(n_photos, max(0, total - has_feature - n_briefs - 1))
    n_news = total - has_feature - n_briefs - n_photos

    # news material
    pool = list(range(len(corpus.NEWS)))
    rng.shuffle(pool)
    news_items: list[NewsItem] = []
    for _ in range(n_news):
        a = pool.pop()
        src = corpus.NEWS[a]
        paras = list(src.paras)
        habits = {"seed_corpus" if src.key.startswith("seed") else "synthetic_corpus"}
        if pool and rng.random() < 0.25:
            b = pool.pop()
            other = corpus.NEWS[b]
            k = rng.randint(1, max(1, len(paras) - 1))
            extra = list(other.paras[1:]) or list(other.paras)
            rng.shuffle(extra)
            paras = paras[:k] + extra[: rng.randint(1, len(extra))]
            habits.add("recombined")
        var = corpus.Variation(rng, paras + list(src.headline) + [src.subject or ""], **_vary_flags(rng))
        paras = [var(p) for p in paras]
        parts = tuple(var(x) for x in src.headline)
        subject = var(src.subject)
        habits.update(f"varied_{c}" for c in var.changed)
        item = NewsItem(page, names, paras, _head_group(rng, parts, subject))
        item.habits = habits
        news_items.append(item)

    photo_pool = list(corpus.PHOTOS)
    rng.shuffle(photo_pool)
    photo_items: list[PhotoItem] = []
    for src in photo_pool[:n_photos]:
        var = corpus.Variation(rng, list(src.paras) + [src.title or ""], **_vary_flags(rng))
        photo_items.append(PhotoItem(page, names, src, [var(p) for p in src.paras], var(src.title)))

    briefs_item = None
    if n_briefs:
        bl = list(corpus.BRIEFS)
        rng.shuffle(bl)
        chosen = []
        for b in bl[:n_briefs]:
            var = corpus.Variation(rng, [b.text], **_vary_flags(rng))
            chosen.append((b.lead, var(b.text)))
        briefs_item = BriefsItem(page, names, chosen)

    plan: FeaturePlan | None = None
    if has_feature:
        fs = rng.choice(corpus.FEATURES)
        texts = [fs.intro, fs.subtitle, *fs.pre, *(h for h, _ in fs.sections),
                 *(p for _, ps in fs.sections for p in ps), *fs.headline]
        var = corpus.Variation(rng, texts, places=rng.random() < 0.7, numbers=rng.random() < 0.5,
                               dates=rng.random() < 0.5)
        subtitle = var(fs.subtitle)
        if rng.random() < 0.3:
            subtitle = subtitle[:-2] + ("侧记" if subtitle.endswith("综述") else "综述")
        sec_w = rng.randint(14, 22)
        plan = FeaturePlan(
            headline=tuple(var(x) for x in fs.headline), subtitle=subtitle,
            credit=credits.feature_byline(rng, names), intro=var(fs.intro),
            pre=[var(x) for x in fs.pre],
            sections=[(var(h), [var(p) for p in ps]) for h, ps in fs.sections],
            intro_width=rng.randint(36, 46), sec_style=make_style(rng, sec_w),
        )
        if rng.random() < 0.35:
            plan.cut_section = rng.randrange(len(plan.sections))

    # order
    others: list[Item] = [*news_items, *photo_items]
    rng.shuffle(others)
    if briefs_item:
        others.insert(rng.randint(0, len(others)), briefs_item)
    order: list[Item] = []
    if plan:
        parts: list[Item] = [FeatureIntro(plan)] + [FeatureSection(plan, k) for k in range(len(plan.sections))]
        if rng.random() < 0.75:
            slots = sorted(rng.randint(0, len(others)) for _ in parts)
            page.note("feature_scattered")
        else:
            s = rng.randint(0, len(others))
            slots = [s] * len(parts)
        merged: list[Item] = []
        j = 0
        for i in range(len(others) + 1):
            while j < len(parts) and slots[j] == i:
                merged.append(parts[j])
                j += 1
            if i < len(others):
                merged.append(others[i])
        order = [FeatureHeader(plan)] + merged
        if plan.cut_section is not None:
            # the tail goes last, after an item with a hard end (a news or photo)
            cut_pos = order.index(parts[1 + plan.cut_section])
            movable = [k for k, it in enumerate(order) if k > cut_pos and isinstance(it, (NewsItem, PhotoItem))]
            if movable:
                k = movable[-1]
                order.append(order.pop(k))
                order.append(FeatureTail(plan))
            else:
                plan.cut_section = None
    else:
        order = others

    # gold articles in page order of their first item
    for it in order:
        if isinstance(it, FeatureHeader):
            p = it.plan
            blocks = [{"kind": "p", "text": p.intro}] + [{"kind": "p", "text": x} for x in p.pre]
            for h, ps in p.sections:
                blocks.append({"kind": "h", "text": h})
                blocks.extend({"kind": "p", "text": x} for x in ps)
            p.art = page.new_article({
                "kind": "feature", "headline": " ".join(p.headline), "subheadline": p.subtitle,
                "byline": p.credit.gold, "authors": list(p.credit.authors), "photographers": [],
                "blocks": blocks, "kicker": None, "continued_from": None, "continued_to": None,
            })
        elif isinstance(it, (NewsItem, PhotoItem)):
            it.art = page.new_article({}, getattr(it, "habits", None))
        elif isinstance(it, BriefsItem):
            it.arts = [page.new_article({}) for _ in it.briefs]

    # configure signals in order, then render
    top, bottom, fhabits = furniture(rng, names)
    for h in fhabits:
        page.note(h)
    for grp in top:
        for ln in grp:
            page.emit(ln, None, [(ln, "page_furniture")])
        page.blank(0.7)
    prev_end, prev_width = "start", 0
    for i, it in enumerate(order):
        nxt = order[i + 1] if i + 1 < len(order) else None
        if isinstance(it, NewsItem):
            it.configure(rng, prev_end, need_hard_end=isinstance(nxt, FeatureTail))
        elif isinstance(it, PhotoItem):
            it.configure(rng, prev_end, prev_width)
        assert _start_ok(prev_end, it.start), (prev_end, it.start, type(it).__name__)
        it.render(page)
        if isinstance(it, (NewsItem, PhotoItem)):
            page.articles[it.art] = it.gold()
        prev_end, prev_width = it.end, it.last_width
    if briefs_item:
        for art, g in zip(briefs_item.arts, briefs_item.golds()):
            page.articles[art] = g
    for grp in bottom:
        page.blank()
        for ln in grp:
            page.emit(ln, None, [(ln, "page_furniture")])

    return _finish(page, name, seed, index)


def _finish(page: Page, name: str, seed: int, index: int) -> GeneratedPage:
    rng = page.rng
    # collapse blank runs, drop leading blanks
    lines: list[Ln] = []
    for ln in page.lines:
        if not ln.text.strip():
            if not lines or not lines[-1].text.strip():
                continue
            lines.append(Ln(""))
        else:
            lines.append(ln)
    while lines and not lines[-1].text.strip():
        lines.pop()
    text = "\n".join(ln.text for ln in lines) + "\n\n"
    if rng.random() < 0.15:
        text += "\f"
        page.note("form_feed")
    # order gold articles by first line
    first: dict[int, int] = {}
    for no, ln in enumerate(lines, 1):
        if ln.owner is not None and ln.owner not in first:
            first[ln.owner] = no
    order = sorted(range(len(page.articles)), key=lambda a: first.get(a, 10**9))
    residue = [{"text": t, "reason": r, "line": no}
               for no, ln in enumerate(lines, 1) for t, r in ln.residue]
    art_habits = []
    for a in order:
        art_habits.append(sorted(page.art_habits[a]))
        for h in page.art_habits[a]:
            page.habits[h] += 1
    gold = {"source": f"{name}.txt", "articles": [page.articles[a] for a in order]}
    habits = {
        "name": name, "seed": seed, "index": index,
        "habits": dict(sorted(page.habits.items())),
        "articles": [{"habits": h, "split_blocks": sorted(page.split_blocks[a])}
                     for h, a in zip(art_habits, order)],
        "residue": residue,
    }
    return GeneratedPage(name, text, gold, habits)


def generate_set(n: int, seed: int) -> list[tuple[str, str, dict[str, Any]]]:
    """``n`` pages for ``seed``: ``[(name, page_text, gold_dict)]``."""
    out = []
    for i in range(n):
        p = generate_page(seed, i)
        out.append((p.name, p.text, p.gold))
    return out


def write_set(out_dir: str | Path, n: int, seed: int, *, sidecar: bool = True) -> list[str]:
    """Write ``pages/NAME.txt``, ``gold/NAME.gold.json`` (and ``gold/NAME.habits.json``)."""
    out = Path(out_dir)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        p = generate_page(seed, i)
        (out / "pages" / f"{p.name}.txt").write_text(p.text, encoding="utf-8")
        (out / "gold" / f"{p.name}.gold.json").write_text(
            json.dumps(p.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if sidecar:
            (out / "gold" / f"{p.name}.habits.json").write_text(
                json.dumps(p.habits, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        names.append(p.name)
    return names
