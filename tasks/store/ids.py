"""Deterministic identifiers for everything banmian stores.

A page's id is the sha256 of its raw bytes (``DecodedPage.sha256``, computed
where the bytes are read): identical files under any name are one page.
Every id except a run's is derived from content, so loading the same page
twice yields the same ids and re-running a load is idempotent. Runs are the
only events (not content) and so the only ids with a clock and randomness in
them. Nothing here has side effects.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timezone
from typing import Final

# A unit separator between hashed fields, so that ("ab", "c") and ("a", "bc")
# never hash alike.
_SEP: Final = "\x1f"

#: Hex digits kept of a sha256: 64 bits, so a collision needs about 4e9 ids of one kind.
SHORT_ID_HEX: Final = 16


def _short_hash(*parts: object) -> str:
    """First 16 hex digits of the sha256 of the parts, separated unambiguously."""
    joined = _SEP.join(map(str, parts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:SHORT_ID_HEX]


def article_id(page_id: str, ordinal: int, body: str) -> str:
    """Stable while the page and the article's place and text on it stay the same.

    The ordinal is part of the key so two articles with identical bodies on
    one page (e.g. two captionless photos) still get different ids.
    """
    return _short_hash(page_id, ordinal, body)


def block_id(article_id: str, ordinal: int, kind: str, text: str) -> str:
    """A paragraph or crosshead, keyed by its article, place, kind and text."""
    return _short_hash(article_id, ordinal, kind, text)


def sentence_id(block_id: str, ordinal: int, text: str) -> str:
    """A sentence, keyed by its block, its place in it and its text."""
    return _short_hash(block_id, ordinal, text)


def new_run_id(now: datetime | None = None) -> str:
    """``20250101T120000Z-1a2b3c``: sorts by start time, unique by its random tail.

    Runs are events, not content, so their ids are the only ones that are not
    derived from what they hold.
    """
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(3)}"
