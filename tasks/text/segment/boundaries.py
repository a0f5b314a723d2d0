"""Where one article's text ends and the next one's begins, with no heading between them.

Extractors print two articles one after the other when the heading of the
second stands elsewhere (after its text, in a cluster of heads, far away):
the reader then sees one run of prose. What still tells them apart is
what the text says: the next article talks about other things (low
``cohesion``), opens the way a news story opens (``近日，`` / ``1月5日，`` /
``据…报道``) and refers back to nothing (``该县``, ``此外`` go on with a
text). A small logistic model weighs these signals; its weights are learned
from generated pages (``make model``, tests/training/boundaries.py) and kept
in ``boundary_model.json`` beside this module, with the version recorded in
every run.

A unit is cut where the model says a new article begins with probability
at least the model's ``split_at``; each later part becomes an orphan unit
marked ``split_off``, which later stages join to another text only on
positive evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Final, Literal, get_args

from banmian.tasks.text.credits import is_closing_dateline, parse_trailing_credit
from banmian.tasks.text.lexicon import unspaced
from banmian.tasks.text.paragraphs import Paragraph, holds_only_a_dateline
from banmian.tasks.text.segment.captions import photo_number
from banmian.tasks.text.segment.cohesion import PageVocabulary, RunningVector, WeightedVector
from banmian.tasks.text.model_files import MODEL_FILES
from banmian.tasks.text.segment.logistic import LogisticModel
from banmian.tasks.text.segment.logistic import load_model as load_logistic
from banmian.tasks.text.segment.units import Decision, Page, Unit

#: The signals of one transition between two paragraphs of a unit, in the model file's order.
Feature = Literal[
    "cohesion_near",     # the 3 paragraphs before against the 2 after
    "cohesion_all",      # all the unit's text before against the 2 after
    "cohesion_next",     # the paragraph before against the one after
    "opens_news",        # the paragraph after opens as a news story does (a date, 近日, 据…报道)
    "refers_back",       # the paragraph after opens by referring back (该县, 此外, 他们)
    "prev_terminated",   # the paragraph before ends a sentence
    "indented",          # the paragraph after starts indented
    "blank_between",     # a blank line stands between them
    "column_change",     # how far their column widths differ (tenths of 10 units, at most 1)
    "prev_length",       # the paragraph before's length (share of 400 characters, at most 1)
    "next_length",       # the paragraph after's length (same)
    "text_before",       # the unit's text before (share of 1,500 characters, at most 1)
    "silent",            # no rare word shared across the transition, weighed by how much text says so
]
FEATURES: Final[tuple[Feature, ...]] = get_args(Feature)

#: Lengths the length signals are measured against: a long news paragraph, a full short story.
PARAGRAPH_SCALE: Final = 400.0
TEXT_SCALE: Final = 1500.0
#: Column widths this far apart count as fully changed.
COLUMN_SCALE: Final = 10.0
#: Paragraphs on each side of a transition that the near cohesion compares.
NEAR_BEFORE, NEAR_AFTER = 3, 2
#: Cohesion below this is silence: the two sides share no word rarer than the page's common ones.
#: Calibrated on the training pages' transitions: 0.005 and 0.01 separate alike, 0.02 takes in short true neighbours.
SILENT_COHESION: Final = 0.005
#: Characters on each side at which silence counts fully: two short paragraphs often share no word
#: in one text (a quote and its reply), two stretches of 200 characters rarely do (tried 100, 200, 400).
SILENT_SCALE: Final = 200.0
#: Column widths this far apart put two paragraphs in different frames: one frame's widths wobble by one
#: character (pagegen's in-article silent transitions: 14 of 84 at 1, 2 at 2; pagesim gate's silent boundaries:
#: 13 at 1, 14 at 2 or more). Tried 1 (gen42 0.9772, below its floor) and 2 (gen42 holds, gate and unread gain).
COLUMN_MOVED: Final = 2.0

#: How a news story's first sentence opens: a date, a time word, a dateline's 讯/电, a source.
NEWS_OPENING_RE: Final = re.compile(
    r"^(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日|近日|日前|今年以来|近年来|[^，。]{0,8}[讯电]"
    r"|据[^，。]{1,12}(?:报道|介绍|了解)|记者[^，。]{0,10}(?:获悉|了解到|从))")
#: Words that refer back to something named before: a paragraph opening with one goes on with a text.
BACK_REFERENCE_RE: Final = re.compile(
    r"^(?:该[县市区镇乡村局委院所部厅站校公司企业中心]|这[些里是个项次一]|此外|另外|同时|其中|对此|为此"
    r"|与此同时|他们|她们|他说|她说|此前|随后|不过|但是|然而|而且|因此|所以)")

#: The committed model, package data beside this module.
MODEL_FILE: Final = MODEL_FILES["boundary"]


@lru_cache(maxsize=1)
def load_model() -> LogisticModel:
    """The committed boundary model (``boundary_model.json``); its threshold is ``split_at``."""
    return load_logistic(MODEL_FILE, FEATURES, "split_at")


def transition_signals(unit: Unit, k: int, vocab: PageVocabulary,
                       text_before: WeightedVector | None = None,
                       texts: Sequence[str] | None = None) -> dict[Feature, float]:
    """The signals of the transition before paragraph ``k`` of ``unit``.

    ``text_before`` is the unit's text up to ``k`` when the caller keeps it (a ``RunningVector``), and
    ``texts`` its paragraphs' texts, so that deciding every transition of a long unit stays linear.
    """
    paras = unit.paras
    before, after = paras[k - 1], paras[k]
    texts = texts if texts is not None else [p.text for p in paras]
    opening = unspaced(after.text)
    text_before = text_before or vocab.vector(texts[:k])
    near_before, near_after = texts[max(0, k - NEAR_BEFORE):k], texts[k:k + NEAR_AFTER]
    cohesion_near, cohesion_next = vocab.cohesion(near_before, near_after), vocab.cohesion(texts[k - 1:k], texts[k:k + 1])
    return {
        "cohesion_near": cohesion_near,
        "cohesion_all": text_before.cosine(vocab.vector(near_after)),
        "cohesion_next": cohesion_next,
        "opens_news": float(NEWS_OPENING_RE.match(opening) is not None),
        "refers_back": float(BACK_REFERENCE_RE.match(opening) is not None),
        "prev_terminated": float(before.terminated),
        "indented": float(after.indented),
        "blank_between": float(after.first_line - 1 > before.lines[-1].no),
        "column_change": min(abs(before.column - after.column), COLUMN_SCALE) / COLUMN_SCALE,
        "prev_length": min(len(before.text), PARAGRAPH_SCALE) / PARAGRAPH_SCALE,
        "next_length": min(len(after.text), PARAGRAPH_SCALE) / PARAGRAPH_SCALE,
        "text_before": min(sum(map(len, texts[:k])), TEXT_SCALE) / TEXT_SCALE,  # lengths mapped at C level
        "silent": silence(max(cohesion_near, cohesion_next), near_before, near_after,
                          opens_new_story(before, after, opening)),
    }


def opens_new_story(before: Paragraph, after: Paragraph, opening: str) -> bool:
    """Positive evidence that a new story may begin here: silence alone also falls between a text's own parts.

    A credit closes the text before, the text after opens as news does, or the
    two paragraphs stand in columns of different widths (another article's frame).
    """
    return (before.credited or NEWS_OPENING_RE.match(opening) is not None
            or abs(before.column - after.column) >= COLUMN_MOVED)


def silence(cohesion: float, before: Sequence[str], after: Sequence[str], new_story: bool) -> float:
    """How strongly two stretches of text say they are different stories: no shared word, enough text, and evidence.

    One text keeps naming its people, places and terms; two short paragraphs
    may share none by chance, two long stretches rarely do. Silence counts only
    beside ``new_story`` (``opens_new_story``): on its own it also separates a
    feature's unrelated sections, which are one article.

    >>> silence(0.0, ["甲" * 200], ["乙" * 400], True)
    1.0
    >>> silence(0.0, ["甲" * 100], ["乙" * 200], True)
    0.5
    >>> silence(0.3, ["甲" * 200], ["乙" * 200], True)
    0.0
    >>> silence(0.0, ["甲" * 200], ["乙" * 200], False)
    0.0
    """
    if cohesion >= SILENT_COHESION or not new_story:
        return 0.0
    return _fill(before) * _fill(after)


def _fill(texts: Sequence[str]) -> float:
    """The texts' length (spaces not counted) as a share of ``SILENT_SCALE``, at most 1."""
    return min(_chars(texts), SILENT_SCALE) / SILENT_SCALE


def page_vocabulary(page: Page) -> PageVocabulary:
    """The vocabulary of every paragraph on the page."""
    return PageVocabulary([p.text for u in page.units for p in u.paras])


def can_split(unit: Unit) -> bool:
    """Units of running text with two paragraphs or more; a caption is one item whatever it says."""
    return unit.kind in ("story", "orphan", "lead", "brief") and len(unit.paras) > 1


def cuts_in(unit: Unit, vocab: PageVocabulary, model: LogisticModel) -> list[tuple[int, Decision]]:
    """Each transition of ``unit`` the model decides (see ``transitions``), with its decision: a cut or none."""
    decided = []
    texts = [p.text for p in unit.paras]
    text_before, taken = RunningVector(vocab), 0
    for k in transitions(unit):
        for text in texts[taken:k]:
            text_before.add(text)
        taken = k
        signals = transition_signals(unit, k, vocab, text_before.vector(), texts)
        p = model.probability(signals)
        if p < model.threshold and (unrelated_texts(signals) or opens_photo_captions(texts[k])
                                    or subject_changes(signals, texts, k, vocab)):
            p = model.threshold  # cut by the rule, not the model: as unsure as a cut can be
        decided.append((k, Decision("cut" if p >= model.threshold else "no_cut", p, model.threshold)))
    return decided


def unrelated_texts(signals: dict[Feature, float]) -> bool:
    """A long text ends a sentence and a long paragraph after it shares no rarer word with it, near or in all.

    One article keeps naming its people, places and terms: a paragraph of
    ``UNRELATED_NEXT_CHARS`` that names none of the ``UNRELATED_TEXT_BEFORE_CHARS``
    or more before it (nor of the three paragraphs or the one just before) opens
    another article, whatever the model weighs from the training pages (the page
    generator's articles are built of unrelated paragraphs, so the model learns
    little from silence without other evidence; ``silence``).

    >>> quiet = {"cohesion_near": 0.0, "cohesion_next": 0.0, "cohesion_all": 0.004, "prev_terminated": 1.0,
    ...          "text_before": 600 / TEXT_SCALE, "next_length": 200 / PARAGRAPH_SCALE}
    >>> unrelated_texts(quiet), unrelated_texts({**quiet, "next_length": 100 / PARAGRAPH_SCALE})
    (True, False)
    >>> unrelated_texts({**quiet, "cohesion_next": 0.05}), unrelated_texts({**quiet, "text_before": 300 / TEXT_SCALE})
    (False, False)
    """
    return bool(signals["prev_terminated"]) \
        and max(signals["cohesion_near"], signals["cohesion_next"], signals["cohesion_all"]) <= UNRELATED_COHESION \
        and signals["text_before"] * TEXT_SCALE >= UNRELATED_TEXT_BEFORE_CHARS \
        and signals["next_length"] * PARAGRAPH_SCALE >= UNRELATED_NEXT_CHARS


def subject_changes(signals: dict[Feature, float], texts: Sequence[str], k: int, vocab: PageVocabulary) -> bool:
    """A finished text and the paragraph after it share no subject, and that paragraph's subject goes on after it.

    Silence alone across a transition also falls between a text's own
    sections (``unrelated_texts`` asks for long texts on both sides). Here the
    evidence is the change itself: the paragraph after the transition names
    nothing of the text before (cohesion at most ``UNRELATED_COHESION``) but
    shares its words with the paragraphs that follow it (``SUBJECT_KEPT_COHESION``):
    a new story opened and went on, its heading printed elsewhere or read as prose.
    """
    if not signals["prev_terminated"] or k + 1 >= len(texts) \
            or max(signals["cohesion_near"], signals["cohesion_next"], signals["cohesion_all"]) > UNRELATED_COHESION:
        return False
    if _chars(texts[:k]) < SUBJECT_TEXT_BEFORE_CHARS or _chars(texts[k:]) < SUBJECT_TEXT_AFTER_CHARS:
        return False
    return vocab.cohesion(texts[k:k + 1], texts[k + 1:k + 1 + NEAR_AFTER]) >= SUBJECT_KEPT_COHESION


def _chars(texts: Sequence[str]) -> int:
    """The texts' length, spaces not counted (mapped at C level: every transition asks)."""
    return sum(map(len, map(unspaced, texts)))


#: Cohesion of the paragraph after a transition with the two after it at least this: its subject goes on (gate's
#: transitions inside one article: median 0.07, 20% below 0.046). On gate's uncut transitions with the lengths
#: below, 0.05 finds 18 true starts for 2 false, 0.08 10 for 0, 0.12 5 for 0: 0.05 kept (evalall, see the commit).
SUBJECT_KEPT_COHESION: Final = 0.05
#: Text before the transition, and from it to the unit's end, long enough that the change of subject is no chance of
#: two short paragraphs (characters, spaces not counted). Tried on every dev set (before, after): (300, 150) gate
#: 0.6891, unread-b 0.6307 but gen42 0.9838 (below its floor), gen7 -0.0015 (pagegen builds an article of unrelated
#: paragraphs); (300, 250) gen42 0.9838; (300, 350) unread-b -0.0009; (350, 250) holds every pagegen set.
SUBJECT_TEXT_BEFORE_CHARS: Final = 350
SUBJECT_TEXT_AFTER_CHARS: Final = 250


def cut_before_signed_essay(unit: Unit, decided: list[tuple[int, Decision]]) -> list[tuple[int, Decision]]:
    """A run that opens mid-sentence and closes signed holds the end of one text and the whole of another: cut it.

    A text whose first paragraph starts with no indent goes on with a
    sentence begun elsewhere: it is the end of a text. A note on the author
    and a name set after it close an essay, which opened with an indented
    paragraph after a finished one. When the model cut nowhere between the
    two (one page's essays on one theme share their words: wild 010407, the
    end of 叶帆's essay run into 严书翰's), the likeliest such opening is cut: one that opens a block of its own
    (``_opens_a_block``), else the one the model likes best.
    """
    if not unit.signed or unit.paras[0].indented or any(d.kind == "cut" for _, d in decided):
        return decided
    openings = [(_opens_a_block(unit, k), d.probability, k) for k, d in decided
                if unit.paras[k].indented and unit.paras[k - 1].terminated]
    if not openings:
        return decided
    best = max(openings)[2]
    return [(k, Decision("cut", d.threshold, d.threshold) if k == best else d) for k, d in decided]


def _opens_a_block(unit: Unit, k: int) -> int:
    """How plainly paragraph ``k`` opens a block the extractor emitted apart: after a blank, in a column moved by
    ``COLUMN_MOVED`` (each counts one)."""
    before, after = unit.paras[k - 1], unit.paras[k]
    return int(after.first_line - 1 > before.lines[-1].no) + int(abs(before.column - after.column) >= COLUMN_MOVED)


def opens_photo_captions(text: str) -> bool:
    """The paragraph opens the caption of a group of numbered photos (``图①：``): the captions are no part of the text before.

    Only the first photo's number is evidence: the later ones (``图②：``) go on with the same captions.

    >>> opens_photo_captions("图 ① ：8 月 16 日，社区开展义诊"), opens_photo_captions("图②：新年来临之际")
    (True, False)
    """
    return photo_number(text) == 1


#: Cohesion at most this on every side is two unrelated texts (``SILENT_COHESION`` four times: short shared words of
#: a page's common stock still count as none). Calibrated with the lengths below on every dev set: 0.005 gains less on
#: gate and unread-b; 0.01 with shorter lengths (450 before, 80 after) costs gen42 article_f1 0.9820 -> 0.9816.
#: At 450/160: 0.01 -> 0.02 gains gate 0.6765 -> 0.6817, unread-a +0.0005, unread-b +0.0016 (gate's true story
#: starts left uncut had median cohesion 0.013, its paragraphs of one article 0.09); 0.015 costs unread-b -0.0005,
#: 0.025 gate 0.6808, 0.03 costs unread-b -0.0035 (two stories of one subject share words).
UNRELATED_COHESION: Final = 0.02
#: Text before a transition, and the paragraph after it, long enough that sharing no word says two articles.
#: Tried (before, after): (450, 80) gen42 -0.0004, gen99 -0.002; (750, 80) unread-b -0.001; (450, 120) gen7 -0.0008;
#: (450, 160) holds seeds, wild and pagegen 42/7/11/99, gains gate article_f1 +0.008, unread-a +0.0003, unread-b +0.003.
UNRELATED_TEXT_BEFORE_CHARS: Final = 450.0
UNRELATED_NEXT_CHARS: Final = 160.0


def transitions(unit: Unit) -> list[int]:
    """The paragraphs of ``unit`` before which a new article may begin: the model decides at each of these.

    None begins at a paragraph that is only a credit, nor after a first paragraph that is only the
    story's dateline (``holds_only_a_dateline``): the text after it is that story's.
    """
    return [k for k in range(1, len(unit.paras)) if k not in unit.crossheads_before
            and not _only_a_credit(unit.paras[k]) and not (k == 1 and holds_only_a_dateline(unit.paras[:1]))]


def _only_a_credit(para: Paragraph) -> bool:
    """A paragraph holding nothing but a trailing credit ``（记者 王芳）``, an author note, or the story's closing
    dateline ``（本报开罗1月5日电）``."""
    if is_closing_dateline(para.text):
        return True
    parsed = parse_trailing_credit(para.text)
    if parsed is not None:
        return not parsed[1].strip()
    return para.credited and len(para.lines) <= AUTHOR_NOTE_MAX_LINES  # credited, no credit: a note on the author


#: A note on the author wraps over three lines at most (``paragraphs``' author-note test reads as many).
AUTHOR_NOTE_MAX_LINES: Final = 3


def split_units(page: Page, vocab: PageVocabulary, model: LogisticModel | None = None) -> None:
    """Cut the page's units where a new article begins, in place; heading groups keep their neighbours."""
    model = model or load_model()
    parts_of: list[list[Unit]] = []
    for unit in page.units:
        decided = cut_before_signed_essay(unit, cuts_in(unit, vocab, model)) if can_split(unit) else []
        parts = _split(unit, [k for k, d in decided if d.kind == "cut"])
        _record(parts, decided)
        parts_of.append(parts)
    first = dict(enumerate(accumulate((len(p) for p in parts_of), initial=0)))  # unit -> index of its first part
    for group in page.groups:
        if group.prev is not None:
            group.prev = first[group.prev] + len(parts_of[group.prev]) - 1  # the text above it: the last part
        if group.next is not None:
            group.next = first[group.next]
    page.units[:] = [part for parts in parts_of for part in parts]


def _record(parts: list[Unit], decided: list[tuple[int, Decision]]) -> None:
    """Each decision goes to the part it shaped: a cut to the part it opens, a cut not made to the part it is in."""
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part.paras))
    for k, decision in decided:
        index = max(i for i, start in enumerate(starts) if start <= k) if decision.kind == "no_cut" \
            else starts.index(k)
        parts[index].decisions.append(decision)


def _split(unit: Unit, cuts: list[int]) -> list[Unit]:
    """``unit`` cut before each paragraph in ``cuts``: it keeps the first part, each later one is a split-off orphan."""
    if not cuts:
        return [unit]
    paras, heads = unit.paras, unit.crossheads_before
    ends = [*cuts, None]  # the last part also keeps crossheads that head no paragraph (keys past the end)
    parts = [unit]
    for start, end in zip(cuts, ends[1:]):
        parts.append(Unit("orphan", paras=paras[start:end], split_off=True,
                          crossheads_before={k - start: h for k, h in heads.items() if start <= k and (end is None or k < end)}))
    unit.paras = paras[:cuts[0]]
    unit.crossheads_before = {k: h for k, h in heads.items() if k < cuts[0]}
    parts[-1].jump_to, unit.jump_to = unit.jump_to, None  # a jump marker closes the text's last part
    parts[-1].signed, unit.signed = unit.signed, False     # so does a signature
    return parts
