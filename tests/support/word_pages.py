"""Pages of real Chinese sentences, segmented by hand, for the tests of tokens, keywords, places and search.

Built directly as DecodedPage + PageResult (as in ``warehouse_fixtures``),
so what the word tables and ``search()`` find does not depend on the
segmenter, and the expected counts can be read off the text.
"""

from __future__ import annotations

from banmian.tasks.model import Article, Block, DecodedPage, PageMeta, PageResult
from tests.support.warehouse_fixtures import synthetic_page

#: (path, printed date, articles as (kind, headline, authors, photographers, paragraphs)).
_PAGES = [
    ("/in/w1.txt", "2023年3月6日 星期一", [
        ("news", "优化营商环境", ["张三"], [], ["全县持续优化营商环境。营商主体增加了1500个。"]),
        ("feature", "铁西区开展安全生产检查", ["李四"], [],
         ["铁西区开展安全生产检查，四平市相关部门参加。", "检查组走访了企业，查看了消防设施。"]),
    ]),
    ("/in/w2.txt", "2023-03-20", [
        ("news", "教师宣誓", ["张三"], [], ["教师宣誓仪式在四平举行。教师代表发言。"]),
        ("photo", None, [], ["王五"], ["营商环境评价工作启动，伊通满族自治县参加评价。"]),
    ]),
    ("/in/w3.txt", "", [
        ("news", "梨树县春耕备耕", ["赵六"], [], ["梨树县春耕备耕工作有序推进，农民抢抓农时。"]),
    ]),
]


#: A word said once in a headline only (播种) and once in a body only: search weighs the headline above.
HEADLINE_PAGES = [
    ("/in/h1.txt", "2023年4月3日", [
        ("news", "春季播种全面展开", ["孙七"], [], ["各地抓住有利时机，田间地头一片繁忙。"]),
        ("feature", "田间地头一片繁忙", ["周八"], [], ["各地抓住有利时机，春季播种全面展开。"]),
    ]),
]


def word_pages(pages: list[tuple[str, str, list]] = _PAGES) -> list[tuple[DecodedPage, PageResult]]:
    """Three pages, five articles: 营商环境 in three of them (one undated page, one photo by 王五); or ``pages``."""
    out = []
    for path, printed, articles in pages:
        built = [Article(kind=kind, headline=headline, authors=authors, photographers=photographers,
                         byline=" ".join(authors + photographers) or None,
                         blocks=[Block("p", text) for text in paragraphs], first_line=1 + 5 * i)
                 for i, (kind, headline, authors, photographers, paragraphs) in enumerate(articles)]
        text = "\n".join([printed] + [p for *_, paragraphs in articles for p in paragraphs])
        out.append((synthetic_page(path, text), PageResult(articles=built, residue=[], meta=PageMeta(date=printed))))
    return out
