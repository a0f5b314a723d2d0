"""A unit's kept readings: what heading lines are scored against stays the reading of its current text."""

from banmian.tasks.text.lexicon import bigram_set
from banmian.tasks.text.lines import PROSE, Line
from banmian.tasks.text.paragraphs import Paragraph
from banmian.tasks.text.segment.headlines import body_words
from banmian.tasks.text.segment.units import Unit


def _paragraph(text: str) -> Paragraph:
    return Paragraph([Line(1, text, float(len(text)), PROSE)], float(len(text)))


def test_scored_bigrams_are_read_again_when_the_text_grows():
    """Head assignment keeps a unit's scored bigrams; an orphan joined later must be scored too."""
    unit = Unit("story", paras=[_paragraph("全市开展安全生产大检查。")])
    first = unit.scored_bigrams()
    assert first == bigram_set(body_words(unit.body_text())) and unit.scored_bigrams() is first
    unit.paras.append(_paragraph("消防部门走进社区宣讲。"))
    grown = unit.scored_bigrams()
    assert grown == bigram_set(body_words(unit.body_text())) and "社区" in grown and "社区" not in first
