"""Where a unit's run of prose holds two stories: silence across a transition, beside evidence of a new story."""

import pytest

from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment.boundaries import cuts_in, load_model, page_vocabulary, transition_signals
from banmian.tasks.text.segment.reader import read_units


def column(paragraphs: list[str], width: int = 13) -> str:
    """Paragraphs wrapped as a narrow column prints them: each paragraph's first line two characters short."""
    lines = []
    for p in paragraphs:
        lines += [p[:width - 2]] + [p[i:i + width] for i in range(width - 2, len(p), width)]
    return "\n".join(lines) + "\n"


CHECKS = ["全市开展冬季安全生产大检查，重点检查危化企业、人员密集场所和建筑工地，逐一排查消防隐患。",
          "检查组深入一线，逐项核对消防通道、应急照明和值班记录，对发现的问题当场交办、限期整改到位。",
          "检查组共出动人员二百余人次，排查整治隐患四十多项，下达整改通知书十八份，约谈企业负责人九名。"]
READING = ["近日，县图书馆举办少儿读书节，吸引了上千名小读者参加活动，孩子们在书香中度过了快乐时光。",
           "读书节为期一周，设有绘本故事会、亲子共读和小小讲解员等环节，馆内还开放了新建成的儿童阅览室。"]
#: The reading festival again, opening as a section of a text goes on (no dateline, no time word).
READING_SECTION = ["少儿读书节吸引了上千名小读者参加活动，孩子们在书香中度过了快乐时光，家长们纷纷点赞。", READING[1]]
#: The safety checks again: the text after the transition keeps naming the checks (检查组, 隐患).
CHECKS_ON = ["市应急管理局表示，检查组将建立隐患台账，实行销号管理，确保检查发现的隐患按时清零。",
             "下一步，检查组还将对重点企业开展回头看，对整改不到位的隐患依法从严处理，绝不姑息。"]


@pytest.mark.parametrize(("after", "silent", "cut"), [
    (READING, True, True),            # two stories, no word shared, a finished sentence, a news opening: cut
    (CHECKS_ON, False, False),        # one story whose paragraphs share words: no cut
    (READING_SECTION, False, False),  # no word shared but nothing says a new story opens: silence does not count
], ids=["two-stories", "one-story", "silent-without-evidence"])
def test_silence_with_a_news_opening_cuts_a_unit(after: list[str], silent: bool, cut: bool) -> None:
    units = read_units(classify_page(column(CHECKS + after)))
    (unit,) = units.units
    assert len(unit.paras) == len(CHECKS) + len(after)
    vocab = page_vocabulary(units)
    k = len(CHECKS)
    assert (transition_signals(unit, k, vocab)["silent"] > 0) == silent
    decided = dict(cuts_in(unit, vocab, load_model()))
    assert (decided[k].kind == "cut") == cut
    assert all(d.kind == "no_cut" for j, d in decided.items() if j != k)
