"""The article pool a configuration draws from: 1998 days and local parts, by kind.

Configurations keep their pools apart: the gated configuration and the unread ones take
different days of the 1998 corpus, different parts of the local material and different letters,
so no article of an unread page is ever seen while working on the gated one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import corpus98, localpool
from .habits import Config
from .stories import Story


@dataclass(frozen=True)
class Pool:
    """Stories by kind and source (``rmrb98`` / ``local``), photos, briefs, letters, names."""

    main: dict[str, tuple[Story, ...]]
    features: dict[str, tuple[Story, ...]]
    photos: dict[str, tuple[Story, ...]]
    briefs: dict[str, tuple[Story, ...]]
    letters: tuple[Story, ...]
    names: tuple[str, ...]
    weights: dict[str, float]

    def keys(self) -> list[str]:
        """Every story key this pool can print."""
        out = [s.key for d in (self.main, self.features, self.briefs, self.photos) for ss in d.values() for s in ss]
        return out + [s.key for s in self.letters]


def _by_kind(stories: list[Story]) -> tuple[tuple[Story, ...], ...]:
    main = tuple(s for s in stories if s.kind in ("news", "essay") and s.paras)
    features = tuple(s for s in stories if s.kind == "feature")
    briefs = tuple(s for s in stories if s.kind == "brief")
    photos = tuple(s for s in stories if s.kind == "photo" and s.photos and s.photos[0].caption)
    return main, features, photos, briefs


@lru_cache(maxsize=8)
def _pool(days: tuple[int, ...], parts: tuple[str, ...], letters: str, w_rmrb: float, w_local: float) -> Pool:
    r98 = [s for s in corpus98.parse().stories if s.day in days]
    loc = [s for s in localpool.stories() if s.extras.get("part") in parts]
    m1, f1, p1, b1 = _by_kind(r98)
    m2, f2, p2, b2 = _by_kind(loc)
    names = tuple(dict.fromkeys(localpool.names() + tuple(
        n for s in r98 if s.credit for n in s.credit.names if 2 <= len(n) <= 3)))
    return Pool({"rmrb98": m1, "local": m2}, {"rmrb98": f1, "local": f2}, {"rmrb98": p1, "local": p2},
                {"rmrb98": b1, "local": b2}, localpool.letters(letters), names,
                {"rmrb98": w_rmrb, "local": w_local})


def for_config(cfg: Config) -> Pool:
    """The pool of a configuration (built once per process)."""
    p = cfg.pool
    return _pool(tuple(p["rmrb98_days"]), tuple(p["local"]), p["letters"],
                 float(p["weights"]["rmrb98"]), float(p["weights"]["local"]))
