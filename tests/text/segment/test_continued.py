"""continued: a feature's subtitle and byline printed over the second half of its text join it to the first half."""

import pytest

from tests.text.segment.stories import WRAPPED_FIRST, WRAPPED_SECOND, segment_checked, wrapped_feature_page

_WHOLE = "".join(WRAPPED_FIRST + WRAPPED_SECOND)


@pytest.mark.parametrize("page, joined", [
    pytest.param(wrapped_feature_page(), True, id="subtitle_byline_tail_cut_text"),
    pytest.param(wrapped_feature_page(heading="胡鞍钢"), False, id="byline_alone_may_head_a_text_of_its_own"),
    pytest.param(wrapped_feature_page(first=(WRAPPED_FIRST[0], WRAPPED_FIRST[1] + "凸显。")), False,
                 id="first_half_finished"),
    pytest.param(wrapped_feature_page(second=WRAPPED_SECOND[1:]), False, id="second_half_opens_no_tail"),
])
def test_a_headless_lead_opening_on_a_tail_goes_on_the_headed_cut_text(page, joined):
    """Raw page -> whether the two halves come out as one article, headline, subtitle and byline together."""
    result = segment_checked(page)
    whole = [a for a in result.articles if "".join(a.paragraphs) == _WHOLE]
    if joined:
        (article,) = result.articles
        assert whole == [article]
        assert (article.headline, article.subheadline, article.authors) == ("高质量发展迈出一大步", "2017年中国经济亮点回眸",
                                                                            ["胡鞍钢"])
        assert article.paragraphs[1].endswith("作用日益凸显。")
    else:
        (headed,) = [a for a in result.articles if a.headline == "高质量发展迈出一大步"]
        assert not whole and "打造先发科技优势" not in "".join(headed.paragraphs) and headed.subheadline is None
