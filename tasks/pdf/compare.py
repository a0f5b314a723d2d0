"""Where the PDF path and the text path disagree on one PDF page (``banmian segment --compare``).

The text path reads the PDF page's own text in reading order (``DecodedPage.text`` of a PDF page),
so the two differ only in what the geometry adds. Articles are paired by body as the scorer pairs
them (``banmian.score.pair``); what is left unpaired, and paired articles whose headline differs, is
where they disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from banmian.score import body, fold, pair
from banmian.tasks.model import PageResult
from banmian.tasks.text.segment import segment_page

#: Characters of a body shown for an article with no headline.
SHOWN_BODY_CHARS: Final = 16


@dataclass(slots=True)
class Comparison:
    """The two readings of one page: article counts, how many pair, and where they differ."""

    pdf_articles: int
    text_articles: int
    paired: int
    only_pdf: list[str] = field(default_factory=list)     # labels of PDF articles the text path lacks
    only_text: list[str] = field(default_factory=list)
    headlines: list[tuple[str, str]] = field(default_factory=list)  # (PDF, text) of paired articles

    def lines(self, path: str) -> list[str]:
        """The comparison as the CLI prints it: a summary line, then one line per disagreement."""
        out = [f"{path}: PDF path {self.pdf_articles} articles, text path {self.text_articles} "
               f"(on the PDF's text); {self.paired} alike"]
        out += [f"  only PDF:  {label}" for label in self.only_pdf]
        out += [f"  only text: {label}" for label in self.only_text]
        out += [f"  headline:  {a} | {b}" for a, b in self.headlines]
        return out


def compare_paths(text: str, pdf_result: PageResult) -> Comparison:
    """Segment ``text`` (a PDF page's text) with the text path and set it beside the PDF path's result.

    >>> from banmian.tasks.model import Article, Block
    >>> pdf = PageResult([Article("news", "春风又绿", blocks=[Block("p", "本报讯 今天，全市开展安全检查。")])], [])
    >>> c = compare_paths("春风又绿\\n\\n本报讯 今天，全市开展安全检查。\\n", pdf)
    >>> (c.pdf_articles, c.text_articles, c.paired, c.only_pdf, c.only_text)
    (1, 1, 1, [], [])
    """
    pdf = pdf_result.to_eval()["articles"]
    txt = segment_page(text).to_eval()["articles"]
    pairs = pair(pdf, txt)
    done = Comparison(len(pdf), len(txt), len(pairs))
    done.only_pdf = [label(a) for i, a in enumerate(pdf) if i not in pairs]
    taken = set(pairs.values())
    done.only_text = [label(a) for j, a in enumerate(txt) if j not in taken]
    done.headlines = [(label(pdf[i]), label(txt[j])) for i, j in sorted(pairs.items())
                      if fold(pdf[i].get("headline")) != fold(txt[j].get("headline"))]
    return done


def label(article: dict[str, Any]) -> str:
    """An article as a person finds it on the page: its headline, else the start of its body.

    >>> label({"headline": "春风又绿"}), label({"blocks": [{"kind": "p", "text": "本报讯 今天，全市开展安全检查。"}]})
    ('«春风又绿»', '…本报讯今天，全市开展安全检查。')
    """
    headline = fold(article.get("headline"))
    return f"«{headline}»" if headline else "…" + body(article)[:SHOWN_BODY_CHARS]
