"""The habit space: every habit the simulator knows, and configurations that give each a range.

A configuration (``configs/NAME.json``) gives every habit a probability range ``[lo, hi]`` and
every page parameter a value range; each page draws its own rate for each habit uniformly in its
range, then every opportunity on the page fires with that rate.  So one configuration yields pages
as different as real papers are, and two configurations differ in the mix they favour.  Habits
marked *weight* are relative weights of alternatives (reading orders, photo-credit styles).

``load(name)`` reads and validates a configuration: unknown or missing habits, ranges outside
[0, 1] or reversed, and unknown pool parts are errors.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

CONFIG_DIR: Final = Path(__file__).with_name("configs")

#: Every habit: the stage that applies it, and what it does on a page.
HABITS: Final[dict[str, tuple[str, str]]] = {
    # -- what is on the page and how each story is printed (compose) --
    "feature": ("compose", "the page leads with a feature set in several regions, with crossheads"),
    "feature_scattered": ("compose", "the feature's sections sit in separate regions among other stories"),
    "feature_tail_moved": ("compose", "a feature paragraph is cut and its tail set in a distant region"),
    "crosshead_doubled": ("compose", "a crosshead is drawn twice (outline and fill): 以学促干  以学促干"),
    "couplet": ("compose", "a headline with a comma is set as a couplet of two halves"),
    "couplet_two_lines": ("compose", "a couplet's halves on two lines (else one line with a gap)"),
    "couplet_wide_gap": ("compose", "a one-line couplet with a wide or ideographic-space gap"),
    "subtitle_dash": ("compose", "a subheadline printed as a ——subtitle (else a plain subject line)"),
    "kicker": ("compose", "a kicker (引题) above the headline"),
    "banner": ("compose", "a banner over several essays (page furniture)"),
    "dateline_1998": ("compose", "a dateline in the 1998 style: 本报北京1月1日讯 记者X报道："),
    "dateline_own_line": ("compose", "a dateline credit on its own line above the body"),
    "local_credit_dateline": ("compose", "an uncredited story gets 本报讯（通讯员 X）"),
    "dateline_other_paper": ("compose", "a given dateline names a place or another paper: 本报梨树讯, 《吉林日报》讯"),
    "local_credit_line": ("compose", "an uncredited story gets a byline line 本报记者 X"),
    "local_credit_trailing": ("compose", "an uncredited story gets a trailing （记者 X）"),
    "bare_name_byline": ("compose", "a byline line printed as the bare name (沈俊)"),
    "byline_after_body": ("compose", "a byline line printed after the body instead of under the head"),
    "vertical_name": ("compose", "an essay's author set vertically: one character per line"),
    "trailing_own_line": ("compose", "a trailing credit on its own line (else at the end of the last line)"),
    "credit_mid_sentence": ("extract", "a trailing credit lands in the middle of the body text"),
    "source_credit": ("compose", "a story ends with （据新华社…电）"),
    "byline_box": ("compose", "a □ before a byline line (decoration)"),
    "byline_ascii_parens": ("compose", "a credit's brackets printed ASCII: 本报讯(记者 X)"),
    "name_inner_space": ("compose", "a two-character name printed with a space: 王 芳"),
    "jump_to": ("compose", "a story ends with （下转第N版）"),
    "jump_from": ("compose", "a story opens with （上接第N版）"),
    "photo_in_story": ("compose", "a story's photo and caption printed inside its region"),
    "photo_title": ("compose", "a photo caption has a title"),
    "photo_label": ("compose", "photos sit under a 图片新闻 label (page furniture)"),
    "photo_credit_before": ("compose", "a photo credit printed before its caption"),
    "caption_no_credit": ("compose", "a caption without a credit"),
    "multi_photo": ("compose", "one caption for several photos: 图①… 图②…"),
    "credit_she": ("compose", "weight: photo credit 本报记者 X 摄"),
    "credit_sheying": ("compose", "weight: photo credit X 摄影报道"),
    "credit_slash": ("compose", "weight: photo credit X/摄"),
    "credit_wentu": ("compose", "weight: photo credit X 文/图 or 文/图 X"),
    "credit_paren": ("compose", "weight: photo credit （新华社记者 X 摄） at the caption's end"),
    "letter": ("compose", "a letter to the editor with its reply"),
    "briefs": ("compose", "a 简讯 column of short items"),
    "brief_bullets": ("compose", "briefs open with a bullet mark (decoration)"),
    "brief_lead": ("compose", "a brief opens with a bold lead that is its headline"),
    "section_label": ("compose", "a section label (要闻简报, 简讯) over a column (page furniture)"),
    "cartoon": ("compose", "a cartoon or chart with a label and 制图：X (decoration)"),
    # -- where things go on the page (geometry) --
    "head_side": ("geometry", "a headline set in a narrow box beside the body"),
    "vertical_head": ("geometry", "a headline set vertically (an extractor emits it as one line)"),
    "runaround": ("geometry", "text runs around an inset: a run of lines 2-6 characters long"),
    "single_column": ("geometry", "a story set in one grid column"),
    "wide_measure": ("geometry", "a story set at one wide measure over several grid columns"),
    "punct_compression": ("geometry", "the paper sets punctuation half an em wide (more justified gaps)"),
    "hanging_punct": ("geometry", "closing marks hang in the margin instead of pulling a character down"),
    # -- what the extractor does (extract) --
    "order_xycut": ("extract", "weight: reading order by recursive whitespace cuts"),
    "order_columns": ("extract", "weight: reading order down each grid column in turn"),
    "order_regions": ("extract", "weight: reading order region by region, top to bottom"),
    "head_after_body": ("extract", "a headline block emitted after its body"),
    "head_far": ("extract", "a headline block emitted several blocks later"),
    "head_cluster": ("extract", "several stories' headlines emitted together after another story"),
    "interleave_columns": ("extract", "two columns of one story interleaved line by line"),
    "glue_columns": ("extract", "side-by-side lines of two columns glued into one"),
    "letterspaced_line": ("extract", "a justified line emitted with spaces between characters"),
    "headline_letterspaced": ("extract", "a headline line emitted letterspaced: 深 化 服 务 改 革"),
    "byline_letterspaced": ("extract", "a byline line emitted letterspaced: 本 报 记 者  王 芳"),
    "head_blank_between": ("extract", "a blank line between a headline and its subheadline"),
    "spaced_numbers": ("extract", "spaces around numbers: 2020 年"),
    "ascii_punct": ("extract", "Chinese marks emitted as ASCII: , ( ) : ;"),
    "fullwidth_alnum": ("extract", "digits and Latin letters emitted full-width"),
    "digit_per_line": ("extract", "a number broken one digit per line: 5 / 0 / 0 / 0多份"),
    "punct_alone": ("extract", "a punctuation mark alone on a line"),
    "fragmented_line": ("extract", "a line broken into fragments at its marks"),
    "para_blank": ("extract", "a blank line between paragraphs"),
    "block_blank": ("extract", "a blank line between text blocks"),
    "random_blank": ("extract", "a blank line inside a column"),
    "trailing_space": ("extract", "a line ends with a space"),
    "head_lead_space": ("extract", "a headline line opens with a space"),
    "form_feed": ("extract", "the page ends with a form feed"),
    # -- page furniture (compose + extract) --
    "furniture_date": ("compose", "the date line"),
    "furniture_page": ("compose", "the page number and name"),
    "furniture_editor": ("compose", "the editors' line"),
    "furniture_paper": ("compose", "the paper's name"),
    "running_head_latin": ("compose", "a Latin running head: NEW SANMEN"),
    "date_broken": ("extract", "the date broken over lines: 2 / 011. / 5. / 24 星期二"),
    "section_glued_editor": ("compose", "the section name glued to the editors' line"),
    "furniture_at_bottom": ("compose", "a furniture line at the foot of the page (else the head)"),
}

#: Page parameters: value ranges (ints or floats) drawn once per page.
PARAMS: Final[dict[str, str]] = {
    "page_width": "page text width in body ems",
    "columns": "grid columns (their width follows, 8-46 ems)",
    "gutter": "space between columns, ems",
    "body_size": "body type size, points",
    "leading": "line height over type size",
    "head_scale": "headline size over body size",
    "stories": "stories on the page besides photos and the feature",
    "photos": "stand-alone photos on the page",
}
#: Grid columns are kept within this width (the brief's 8-46 characters).
COLUMN_WIDTH_RANGE: Final = (8, 46)
#: Parts of the article pool a configuration may take.
POOL_KEYS: Final = ("rmrb98_days", "local", "letters", "weights")
LOCAL_PARTS: Final = ("seed", "synth_even", "synth_odd")
LETTER_SETS: Final = ("a", "b", "c")


class ConfigError(ValueError):
    """A configuration that does not describe a habit space."""


@dataclass(frozen=True)
class Config:
    """A validated configuration."""

    name: str
    habits: dict[str, tuple[float, float]]
    params: dict[str, tuple[float, float]]
    pool: dict[str, Any]


@dataclass(frozen=True)
class PageRates:
    """What one page drew: a rate per habit and a value per parameter."""

    rates: dict[str, float]
    params: dict[str, float]

    def fires(self, habit: str, rng: random.Random) -> bool:
        """One opportunity for ``habit``: does it happen?"""
        return rng.random() < self.rates[habit]

    def pick(self, habits: list[str], rng: random.Random) -> str:
        """One of several alternatives, by their drawn weights (the first when all are 0)."""
        w = [self.rates[h] for h in habits]
        return rng.choices(habits, weights=w)[0] if sum(w) > 0 else habits[0]

    def int(self, name: str) -> int:
        """An integer parameter."""
        return int(round(self.params[name]))


def draw(config: Config, rng: random.Random) -> PageRates:
    """A page's own rates: each habit's and parameter's value uniformly in its range."""
    rates = {h: rng.uniform(lo, hi) for h, (lo, hi) in config.habits.items()}
    params = {p: rng.uniform(lo, hi) for p, (lo, hi) in config.params.items()}
    return PageRates(rates, params)


def available() -> list[str]:
    """Names of the configurations in ``configs/``."""
    return sorted(p.stem for p in CONFIG_DIR.glob("*.json"))


def load(name: str) -> Config:
    """Read and validate ``configs/NAME.json`` (or a path)."""
    path = Path(name) if name.endswith(".json") else CONFIG_DIR / f"{name}.json"
    if not path.exists():
        raise ConfigError(f"no configuration {name!r}; there are {available()}")
    return validate(json.loads(path.read_text(encoding="utf-8")), path.stem)


def validate(raw: dict[str, Any], name: str) -> Config:
    """A ``Config`` from parsed JSON, or ``ConfigError`` saying what is wrong."""
    habits = _ranges(raw.get("habits", {}), set(HABITS), "habit", unit=True)
    params = _ranges(raw.get("params", {}), set(PARAMS), "parameter", unit=False)
    return Config(raw.get("name", name), habits, params, _pool(raw.get("pool", {})))


def _ranges(section: dict[str, Any], known: set[str], what: str, *, unit: bool) -> dict[str, tuple[float, float]]:
    unknown = set(section) - known
    missing = known - set(section)
    if unknown or missing:
        raise ConfigError(f"{what}s unknown: {sorted(unknown)}; missing: {sorted(missing)}")
    out = {}
    for key, rng in section.items():
        if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, (int, float)) for v in rng)):
            raise ConfigError(f"{what} {key}: a range is [lo, hi], got {rng!r}")
        lo, hi = float(rng[0]), float(rng[1])
        if lo > hi or (unit and not 0.0 <= lo <= hi <= 1.0):
            raise ConfigError(f"{what} {key}: bad range {rng!r}")
        out[key] = (lo, hi)
    return out


def _pool(pool: dict[str, Any]) -> dict[str, Any]:
    if set(pool) != set(POOL_KEYS):
        raise ConfigError(f"pool needs exactly {POOL_KEYS}, got {sorted(pool)}")
    days = pool["rmrb98_days"]
    if not (isinstance(days, list) and all(isinstance(d, int) and 1 <= d <= 31 for d in days)):
        raise ConfigError(f"pool rmrb98_days: a list of days of January, got {days!r}")
    if not set(pool["local"]) <= set(LOCAL_PARTS) or pool["letters"] not in LETTER_SETS:
        raise ConfigError(f"pool local parts are {LOCAL_PARTS}, letter sets {LETTER_SETS}")
    weights = pool["weights"]
    if set(weights) != {"rmrb98", "local"} or min(weights.values()) < 0:
        raise ConfigError("pool weights: {'rmrb98': w, 'local': w}")
    return dict(pool)


def habit_table(names: list[str] | None = None) -> str:
    """Every habit with its stage, what it does, and its range in each configuration (markdown)."""
    cfgs = [load(n) for n in (names or available())]
    head = "| habit | stage | " + " | ".join(c.name for c in cfgs) + " | what |"
    rows = [head, "|" + "---|" * (len(cfgs) + 3)]
    for h, (stage, what) in HABITS.items():
        ranges = " | ".join(f"{c.habits[h][0]:g}-{c.habits[h][1]:g}" for c in cfgs)
        rows.append(f"| {h} | {stage} | {ranges} | {what} |")
    rows += ["", "| parameter | " + " | ".join(c.name for c in cfgs) + " | what |", "|" + "---|" * (len(cfgs) + 2)]
    for p, what in PARAMS.items():
        ranges = " | ".join(f"{c.params[p][0]:g}-{c.params[p][1]:g}" for c in cfgs)
        rows.append(f"| {p} | {ranges} | {what} |")
    return "\n".join(rows)
