"""The charts of ``banmian report``: Altair specs drawn to SVG offline by vl-convert (no browser, no network).

One function per section takes that section's rows (``banmian.report_data``)
and returns an Altair chart; :func:`to_svg` draws any of them. The SVG
carries its text as text (``font-family`` sans-serif), so the reader's own
fonts show the Chinese names; nothing is fetched when the report opens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # imported where used: loading Altair costs ~1 s, which commands other than report never pay
    import altair as alt

from banmian.report_data import Rows

#: Width of a chart's plotting area in px: fits the report's 960 px column with its axis labels.
CHART_WIDTH: Final = 720
#: Height of one bar of a horizontal bar chart in px: a CJK label at 11 px needs ~16.
BAR_STEP: Final = 20
#: Height of a time chart in px.
TIME_HEIGHT: Final = 240
#: Colours of the article kinds, the same in every chart (Tableau 10's first three).
KIND_COLOURS: Final = {"news": "#4c78a8", "feature": "#f58518", "photo": "#54a24b"}
#: Width of one bar of a time chart in px, until the bars fill ``CHART_WIDTH``: one issue is no 720 px slab.
TIME_STEP: Final = 40
#: Most issue labels (2023-08-25) that stand side by side under their bars before they are turned upright.
FLAT_LABELS: Final = 8
#: Font of every label: the reader's sans-serif (no web font is ever loaded).
FONT: Final = "sans-serif"
#: Room around a chart in px; the left one takes up the reader's CJK font being wider than vl-convert measured
#: (a 13-character place name measured up to ~20 px short).
PADDING: Final = {"left": 28, "top": 5, "right": 5, "bottom": 5}
_ID: Final = re.compile(r'\bid="([^"]+)"')


def _data(rows: Rows) -> Any:
    import altair as alt

    return alt.Data(values=[{k: (str(v) if v is not None and not isinstance(v, int | float) else v)
                             for k, v in row.items()} for row in rows])


def _configured(chart: Any) -> alt.Chart:
    return chart.properties(padding=PADDING).configure(font=FONT).configure_view(stroke=None).configure_axis(
        labelLimit=320)


def top_chart(rows: Rows, label: str, value: str, title: str, colour: str | None = None) -> alt.Chart:
    """Horizontal bars, longest first: ``value`` per ``label`` (top authors, places, words, reject reasons)."""
    import altair as alt

    chart = alt.Chart(_data(rows)).mark_bar().encode(
        y=alt.Y(f"{label}:N", sort="-x", title=None),
        x=alt.X(f"{value}:Q", title=title, axis=alt.Axis(tickMinStep=1)),
        tooltip=[f"{label}:N", f"{value}:Q"],
    )
    if colour is not None:
        chart = chart.encode(color=alt.Color(f"{colour}:N"))
    return _configured(chart.properties(width=CHART_WIDTH // 2, height=alt.Step(BAR_STEP)))


def over_time_chart(rows: Rows, bucket: str) -> alt.Chart:
    """Stacked bars: articles per issue (day, week or month), one colour per kind; ``undated`` last."""
    import altair as alt

    order = list(dict.fromkeys(r["issue"] for r in rows))
    kinds = sorted({r["kind"] for r in rows})
    chart = alt.Chart(_data(rows)).mark_bar().encode(
        x=alt.X("issue:O", sort=order, title=f"issue ({bucket})",
                axis=alt.Axis(labelAngle=0 if len(order) <= FLAT_LABELS else -90)),
        y=alt.Y("sum(articles):Q", title="articles"),
        color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=[KIND_COLOURS.get(k, "#999") for k in kinds])),
        tooltip=["issue:O", "kind:N", "articles:Q"],
    )
    return _configured(chart.properties(width=min(CHART_WIDTH, TIME_STEP * len(order)), height=TIME_HEIGHT))


def rising_chart(rows: Rows) -> alt.Chart:
    """Lines: the share of each week's articles using each rising word."""
    import altair as alt

    chart = alt.Chart(_data(rows)).mark_line(point=True).encode(
        x=alt.X("week:O", title="week (Monday)"),
        y=alt.Y("share:Q", title="share of the week's articles", axis=alt.Axis(format="%")),
        color=alt.Color("term:N", title="word"),
        tooltip=["week:O", "term:N", alt.Tooltip("share:Q", format=".0%")],
    )
    return _configured(chart.properties(width=CHART_WIDTH, height=TIME_HEIGHT))


def coverage_chart(rows: Rows) -> alt.Chart:
    """Horizontal bars: the share of each page's text kept out of every article, worst page first."""
    import altair as alt

    chart = alt.Chart(_data(rows)).mark_bar(color="#e45756").encode(
        y=alt.Y("page:N", sort="-x", title=None),
        x=alt.X("residue_share:Q", title="residue: share of the page's visible text", axis=alt.Axis(format="%")),
        tooltip=["page:N", "article_chars:Q", "residue_chars:Q", alt.Tooltip("residue_share:Q", format=".1%")],
    )
    return _configured(chart.properties(width=CHART_WIDTH // 2, height=alt.Step(BAR_STEP)))


def confidence_chart(rows: Rows) -> alt.Chart:
    """Stacked bars: articles per band of confidence, those flagged for review in their own colour."""
    import altair as alt

    chart = alt.Chart(_data(rows)).mark_bar().encode(
        x=alt.X("band:O", title="confidence that the body is exactly right (band from)", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("sum(articles):Q", title="articles"),
        color=alt.Color("status:N", scale=alt.Scale(domain=["sure enough", "to review"],
                                                    range=["#4c78a8", "#e45756"])),
        tooltip=["band:O", "status:N", "articles:Q"],
    )
    return _configured(chart.properties(width=CHART_WIDTH // 2, height=TIME_HEIGHT))


def to_svg(chart: alt.Chart, prefix: str) -> str:
    """The chart drawn as an SVG element, its ids prefixed so that several charts can share one page."""
    import vl_convert

    # validate=False: Altair's JSON-schema check of the spec took ~2.4 of a 1,000-page report's ~10 s
    # (cProfile, loaded machine) on every run; the specs are this module's own, the same each time, and
    # drawn to the same SVG either way (report.html byte-identical with and without it).
    svg = vl_convert.vegalite_to_svg(chart.to_dict(validate=False))
    return scoped_ids(svg[svg.index("<svg"):], prefix)


def scoped_ids(svg: str, prefix: str, ids: Sequence[str] | None = None) -> str:
    """``svg`` with every ``id`` (and every reference to it) prefixed: ``clip1`` of two charts must differ.

    >>> scoped_ids('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', "c2-")
    '<clipPath id="c2-clip1"/><g clip-path="url(#c2-clip1)"/>'
    """
    for name in ids if ids is not None else _ID.findall(svg):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"').replace(f"#{name})", f"#{prefix}{name})")
        svg = svg.replace(f'href="#{name}"', f'href="#{prefix}{name}"')
    return svg
