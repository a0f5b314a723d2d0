"""segment_page as a whole: the stages together, on the smallest pages."""

from banmian.tasks.text import segment
from banmian.tasks.text.segment import segment_page
from tests.text.segment.stories import HEAD_A, STORY_A


def test_empty_and_blank_pages():
    for text in ["", "\n\n\n", "   \f  "]:
        result = segment_page(text)
        assert result.articles == [] and result.residue == []


def test_paragraphs_rebuilt_across_column_breaks_and_without_blank_lines():
    result = segment_page(HEAD_A + "\n" + STORY_A)
    (article,) = result.articles
    assert article.paragraphs == [
        "近日，全市开展冬季安全生产大检查，重点检查危化企业、人员密集场所和建筑工地。",
        "检查组共出动人员二百余人次，排查整治隐患四十多项。",
    ]


def test_letterspaced_and_number_spacing_cleaned_in_body():
    page = "图书馆举办读书节\n\n本报讯（记者 王芳）全县 1697 名\n学 生 参 加 了 读 书 节 活 动 ，\n共借阅图书 2.3 万余册。\n"
    (article,) = segment_page(page).articles
    assert article.paragraphs == ["全县1697名学生参加了读书节活动，共借阅图书2.3万余册。"]


def test_run_in_head_stays_with_its_paragraph():
    page = ("强化安全防线\n\n本报讯（通讯员 杨大雨）街道\n党工委强化职责担当，确保安\n全生产形势持续稳定。\n\n"
            "严格执法，执剑前行。\n\n检查组深入辖区内危化企业\n和敬老院等重点区域检查。\n")
    (article,) = segment_page(page).articles
    assert article.paragraphs[-1] == "严格执法，执剑前行。检查组深入辖区内危化企业和敬老院等重点区域检查。"


def test_the_names_other_modules_import_stay_importable():
    imported_elsewhere = {"segment_page", "parse_headline", "is_feature_subtitle", "Headline", "Unit", "HeadGroup"}
    assert imported_elsewhere <= set(segment.__all__)
    assert all(callable(getattr(segment, name)) for name in segment.__all__)
