"""How sure segmentation is of each article, and which decision to check when it is not.

Every decision that shaped an article was scored (``units.Decision``: a cut
of its text made or not made, an orphan joined to it or left alone), and an
article also has a shape (a headline found or not, a credit, its length).
A logistic model over those signals, learned from generated pages where it
is known whether the article's body came out exactly right
(tests/training/confidence.py), gives ``Article.confidence`` in [0, 1]: the
probability that the body is exactly right. ``Article.review`` names the
signal that pulls it down most, in words a reader can check.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Final, Literal, get_args

from banmian.tasks.model import Article, Residue
from banmian.tasks.text.model_files import MODEL_FILES
from banmian.tasks.text.segment.logistic import LogisticModel
from banmian.tasks.text.segment.logistic import load_model as load_logistic
from banmian.tasks.text.segment.units import Unit

ConfidenceFeature = Literal[
    "closest_cut",        # 1 - margin of the cut not made that came closest (0 when none was weighed)
    "weakest_cut",        # 1 - margin of the cut that opened it (0 when none)
    "weakest_join",       # 1 - margin of the least sure text joined to it (0 when none)
    "closest_join",       # 1 - margin of the join it was refused (0 when none was weighed)
    "joins",              # texts joined to it (tenths, at most 1)
    "no_headline",        # it has no headline
    "no_credit",          # it has no byline or credit
    "headless_prose",     # orphan prose with no headline: its heading stands elsewhere or nowhere
    "is_photo",           # a photo caption
    "is_lead",            # a signed text (a lead) or a feature
    "log_length",         # log of its body's characters, over log 5,000
    "paragraphs",         # its paragraphs (tenths, at most 1)
    "page_headless",      # share of the page's articles with no headline
    "page_articles",      # articles on the page (twentieths, at most 1)
    "page_uncredited",    # share of the page's articles with no byline or credit
    "page_unassigned",    # share of the page's text no article could claim (unassigned residue)
]
CONFIDENCE_FEATURES: Final[tuple[ConfidenceFeature, ...]] = get_args(ConfidenceFeature)
CONFIDENCE_MODEL_FILE: Final = MODEL_FILES["confidence"]
#: Scales the count signals are read against: ten joins, ten paragraphs, twenty articles a page, 5,000 characters.
JOINS_SCALE: Final = 10.0
PARAGRAPHS_SCALE: Final = 10.0
ARTICLES_SCALE: Final = 20.0
LENGTH_SCALE: Final = math.log(5000)

#: What each signal asks a reader to check, when it is the one that pulls confidence down most.
REVIEW_REASONS: Final[dict[ConfidenceFeature, str]] = {
    "closest_cut": "its text may hold the start of another article (a cut was close)",
    "weakest_cut": "it may be the end of the article before it (its start was cut on thin evidence)",
    "weakest_join": "a run of text was joined to it on thin evidence",
    "closest_join": "it may be part of another text (a join was close)",
    "joins": "it gathered many runs of text from over the page",
    "no_headline": "no headline was found for it (at most the phrase over its text)",
    "no_credit": "no byline or credit was found",
    "headless_prose": "headless prose: its heading stands elsewhere or nowhere",
    "is_photo": "a photo caption",
    "is_lead": "a signed text or feature gathered from over the page",
    "log_length": "its length",
    "paragraphs": "its number of paragraphs",
    "page_headless": "many articles on its page have no headline",
    "page_articles": "its page holds many articles",
    "page_uncredited": "many articles on its page have no credit",
    "page_unassigned": "much of its page's text went to no article",
}


@lru_cache(maxsize=1)
def load_confidence_model() -> LogisticModel:
    """The committed confidence model (its threshold is the confidence at which an article needs no review)."""
    return load_logistic(CONFIDENCE_MODEL_FILE, CONFIDENCE_FEATURES, "review_below")


def confidence_signals(unit: Unit, article: Article, page_articles: list[Article],
                       unassigned: float = 0.0,
                       page: dict[ConfidenceFeature, float] | None = None) -> dict[ConfidenceFeature, float]:
    """The signals of one article: the margins of the decisions that made it, its shape, its page.

    ``unassigned``: the share of the page's text no article could claim (``unassigned_share``).
    ``page``: ``page_signals`` of the page, when the caller rates all its articles (made once, not per article).
    """
    margins = {kind: [d.margin for d in unit.decisions if d.kind == kind] for kind in ("cut", "no_cut", "joined", "alone")}
    body = sum(len(b.text) for b in article.blocks if b.kind == "p")
    return {
        "closest_cut": 1 - min(margins["no_cut"], default=1.0),
        "weakest_cut": 1 - min(margins["cut"], default=1.0),
        "weakest_join": 1 - min(margins["joined"], default=1.0),
        "closest_join": 1 - min(margins["alone"], default=1.0),
        "joins": min(len(margins["joined"]), JOINS_SCALE) / JOINS_SCALE,
        "no_headline": float(not article.headline),
        "no_credit": float(not article.byline),
        "headless_prose": float(unit.kind == "orphan" and not article.headline),
        "is_photo": float(article.kind == "photo"),
        "is_lead": float(unit.kind == "lead" or article.kind == "feature"),
        "log_length": math.log(max(body, 1)) / LENGTH_SCALE,
        "paragraphs": min(len(article.paragraphs), PARAGRAPHS_SCALE) / PARAGRAPHS_SCALE,
        **(page if page is not None else page_signals(page_articles, unassigned)),
    }


def page_signals(page_articles: list[Article], unassigned: float = 0.0) -> dict[ConfidenceFeature, float]:
    """The signals every article of a page shares: how headless, how many, how uncredited, how much unassigned."""
    headless = sum(1 for a in page_articles if not a.headline)
    return {
        "page_headless": headless / len(page_articles) if page_articles else 0.0,
        "page_articles": min(len(page_articles), ARTICLES_SCALE) / ARTICLES_SCALE,
        "page_uncredited": sum(1 for a in page_articles if not a.byline) / len(page_articles) if page_articles else 0.0,
        "page_unassigned": unassigned,
    }


def unassigned_share(articles: list[Article], residue: list[Residue]) -> float:
    """The share of a page's text (articles' paragraphs and unassigned residue) that no article claimed."""
    lost = sum(len(r.text) for r in residue if r.reason == "unassigned")
    kept = sum(len(b.text) for a in articles for b in a.blocks)
    return lost / (lost + kept) if lost + kept else 0.0


def rate(pairs: list[tuple[Unit, Article]], residue: list[Residue], model: LogisticModel | None = None) -> None:
    """Set each article's ``confidence`` and, below the model's threshold, its ``review`` reason (in place)."""
    model = model or load_confidence_model()
    articles = [a for _, a in pairs]
    unassigned = unassigned_share(articles, residue)
    page = page_signals(articles, unassigned)
    for unit, article in pairs:
        signals = confidence_signals(unit, article, articles, unassigned, page)
        article.confidence = round(model.probability(signals), 4)
        article.review = review_reason(signals, model) if article.confidence < model.threshold else None


def review_reason(signals: dict[ConfidenceFeature, float], model: LogisticModel) -> str:
    """The reason of the signal whose weight pulls the probability down most."""
    worst = min(signals, key=lambda name: model.weights[name] * signals[name])
    return REVIEW_REASONS[worst]
