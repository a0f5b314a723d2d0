"""Where a unit's run of prose holds two stories: silence across a transition, beside evidence of a new story."""

import pytest

from banmian.tasks.text.lines import classify_page
from banmian.tasks.text.segment.boundaries import (PARAGRAPH_SCALE, TEXT_SCALE, cuts_in, load_model, page_vocabulary,
                                                    split_units, transition_signals, transitions,
                                                    unrelated_texts)
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


#: A long story about one reservoir: its paragraphs keep naming it (水库, 大坝, 闸门).
RESERVOIR = [
    "红旗水库除险加固工程已进入主体施工阶段，施工单位在大坝上游坡面铺设混凝土护坡，溢洪道闸门的更换也在同步推进。"
    "水库管理处负责人介绍，这座水库建成于上世纪七十年代，坝体渗漏和闸门老化问题多年未能根治。",
    "为赶在汛期到来之前完成坝体防渗，施工单位把工人分成三个班组轮流作业，夜间也不停工。水库管理处每天派技术人员到坝上"
    "巡查，对混凝土浇筑的厚度和强度逐段检测，发现问题当场返工，确保工程质量经得起洪水考验。",
    "水库下游有六个村庄、两万多亩农田，大坝的安全直接关系到群众的生命财产。加固工程完工后，水库的防洪标准将由二十年一遇"
    "提高到五十年一遇，灌溉面积也将扩大三千多亩，下游村民再也不用在汛期提心吊胆。",
    "水库管理处表示，工程完工后还将配套建设雨水情测报和大坝安全监测系统，把水位、渗流和位移数据实时传到管理处的值班室，"
    "让这座老水库用上新技术，长期发挥防洪灌溉的效益。",
    "记者在大坝上看到，新换的溢洪道闸门已经吊装到位，工人们正在调试启闭机。水库管理处的技术人员说，新闸门采用不锈钢止水，"
    "启闭一次只要几分钟，比老闸门省力得多，汛期泄洪调度也更加灵活可靠。",
]
#: Another story, its head printed elsewhere: a long paragraph that names nothing of the reservoir's and opens as no news does.
OPERA = ["京剧名家带着弟子走进社区剧场，为戏迷们演出了《锁麟囊》《空城计》等经典选段。演出开始前，剧场门口就排起了长队，"
         "不少老人拄着拐杖、带着孙辈早早赶来。台上唱腔婉转，台下掌声阵阵，散场后戏迷们还围着演员合影留念，久久不愿离去。"
         "一位七十多岁的老戏迷说，年轻时常去戏园子听戏，如今名角儿唱到了家门口，这样的好日子以前想都不敢想，盼着剧团以后多来几回。"]
#: The same story's opening alone: too short for its silence to say another article.
SHORT_OPERA = ["京剧名家带着弟子走进社区剧场，为戏迷们演出了《锁麟囊》《空城计》等经典选段，台下掌声阵阵。"]
#: The reservoir story going on in a long paragraph: it names the reservoir again.
RESERVOIR_ON = ["水库管理处还请来省里的专家对大坝进行安全鉴定，专家们查阅了水库建成以来的全部观测资料，对坝体渗流和闸门启闭"
                "逐项复核。鉴定结论认为，加固后的大坝结构安全可靠，可以按设计水位正常蓄水。管理处将据此修订汛期调度方案，"
                "并组织下游六个村庄开展一次防汛撤离演练。"]


@pytest.mark.parametrize(("after", "cut"), [
    (OPERA, True),          # a long text, then a long paragraph sharing no word with it: another article
    (SHORT_OPERA, False),   # a short paragraph may share no word by chance
    (RESERVOIR_ON, False),  # the story goes on: it shares its words
], ids=["unrelated", "short-after", "one-story"])
def test_a_long_unrelated_paragraph_after_a_long_text_cuts_the_unit(after: list[str], cut: bool) -> None:
    units = read_units(classify_page(column(RESERVOIR + after)))
    (unit,) = units.units
    vocab = page_vocabulary(units)
    k = len(RESERVOIR)
    decided = dict(cuts_in(unit, vocab, load_model()))
    assert (decided[k].kind == "cut") == cut
    assert all(d.kind == "no_cut" for j, d in decided.items() if j != k)
    if cut:  # cut by the rule, the model alone would not: the decision is recorded on the threshold, as unsure
        assert decided[k].margin == 0.0


#: Captions of a group of numbered photos, set straight after a story's text with no credit or heading between.
PHOTO_GROUP = ["图①：元旦期间，市民在广场观看冰灯展览。", "图②：孩子们在冰雪乐园里滑冰。"]


@pytest.mark.parametrize(("after", "cut_at"), [
    (PHOTO_GROUP, 0),      # the first photo's number opens the captions: cut before it, not before the second
    (PHOTO_GROUP[1:], None),  # a later number alone goes on with whatever is before it
], ids=["first-photo", "later-photo"])
def test_the_first_numbered_photo_caption_cuts_the_unit(after: list[str], cut_at: int | None) -> None:
    units = read_units(classify_page(column(CHECKS + after)))
    (unit,) = units.units
    decided = dict(cuts_in(unit, page_vocabulary(units), load_model()))
    cuts = [k for k, d in decided.items() if d.kind == "cut"]
    assert cuts == ([] if cut_at is None else [len(CHECKS) + cut_at])


@pytest.mark.parametrize(("cohesion", "before", "after", "cut"), [
    (0.0, 600, 200, True),     # nothing shared by long texts: two articles
    (0.015, 600, 200, True),   # a common word or two shared by chance (近日, 工作) is still no shared subject
    (0.05, 600, 200, False),   # one article keeps naming its subject
    (0.015, 300, 200, False),  # too little text before for silence to say anything
    (0.015, 600, 100, False),  # too short a paragraph after
], ids=["none-shared", "faint", "shared", "short-before", "short-after"])
def test_unrelated_texts_needs_low_cohesion_and_long_texts(cohesion: float, before: int, after: int, cut: bool) -> None:
    signals = {"cohesion_near": cohesion, "cohesion_next": cohesion, "cohesion_all": cohesion, "prev_terminated": 1.0,
               "text_before": before / TEXT_SCALE, "next_length": after / PARAGRAPH_SCALE}
    assert unrelated_texts(signals) == cut


#: Another story after the reservoir's, in short paragraphs that keep naming their own subject (京剧名家, 戏迷, 剧场).
OPERA_STORY = ["京剧名家带着弟子走进社区剧场，为戏迷们演出了《锁麟囊》《空城计》等经典选段，剧场门口早早排起了长队。",
               "演出中，京剧名家的唱腔婉转动人，戏迷们跟着节拍轻声哼唱，每段唱罢，剧场里都响起热烈的掌声和叫好声。",
               "散场后，戏迷们围着京剧名家和弟子合影留念。剧场负责人说，今后每月都将邀请京剧名家来社区剧场演出。",
               "一位七十多岁的老戏迷说，年轻时常去戏园子听京剧，如今京剧名家唱到了家门口，盼着剧场以后多办演出。",
               "据了解，社区剧场去年建成，已举办京剧、评剧、曲艺演出二十多场，成为附近戏迷们休闲的好去处。",
               "剧场还开设了京剧兴趣班，请京剧名家的弟子每周给社区的孩子们上课，教他们唱念做打的基本功。"]


@pytest.mark.parametrize(("after", "cut"), [
    (OPERA_STORY, True),              # short paragraphs of another subject that goes on: a new story
    (OPERA_STORY[:2], False),         # too little of it to tell a story from a digression
    (OPERA_STORY[:1] + CHECKS, False),  # its first paragraph's words go on nowhere after it: no subject kept
    (RESERVOIR_ON + OPERA_STORY[:1], False),  # the reservoir's subject goes on: no cut before it
], ids=["new-subject-goes-on", "short", "not-kept", "same-subject"])
def test_a_new_subject_that_goes_on_cuts_the_unit(after: list[str], cut: bool) -> None:
    units = read_units(classify_page(column(RESERVOIR + after)))
    (unit,) = units.units
    decided = dict(cuts_in(unit, page_vocabulary(units), load_model()))
    k = len(RESERVOIR)
    assert (decided[k].kind == "cut") == cut
    assert all(d.kind == "no_cut" for j, d in decided.items() if j != k)


def wrapped(text: str, width: int, indent: int = 2) -> list[str]:
    """A paragraph as a column of ``width`` prints it, its first line ``indent`` short."""
    first, rest = text[:width - indent], text[width - indent:]
    return [first] + [rest[k:k + width] for k in range(0, len(rest), width)]


#: The end of one essay, printed under the next essay's column: two paragraphs of one theory page's theme.
TAIL_OF_ESSAY = ["文明和谐美丽的社会主义现代化强国，使中国人民享有更加幸福安康的生活。这是伟大复兴的题中应有之义。",
                 "中国共产党带领中国人民实现中华民族伟大复兴的实践，是救国、兴国、强国接续推进的过程，"
                 "解决社会主要矛盾，就能开辟民族复兴新境界。"]
#: An essay on the same theme, set in a wider column, closed by a note on its author.
SIGNED_ESSAY = ["党的十九大报告作出我国社会主要矛盾已经转化为人民日益增长的美好生活需要和不平衡不充分的发展之间的矛盾的"
                "重大政治论断。这既是重大的政治论断，又是重大的理论创新，对于建设社会主义现代化强国具有重要意义。",
                "从社会生产和社会需要两个方面准确把握社会主要矛盾的变化。我国社会生产力水平总体上显著提高，社会生产能力在"
                "很多方面进入世界前列，人民美好生活需要日益广泛，不仅对物质文化生活提出了更高要求。"]


def tail_then_essay(name: str | None, tail_indent: int = 0) -> str:
    """The tail (its first line ``tail_indent`` short), a blank, the essay at 17 units, its note, and ``name`` set apart."""
    lines = wrapped(TAIL_OF_ESSAY[0], 14, tail_indent) + wrapped(TAIL_OF_ESSAY[1], 14) + [""]
    lines += [ln for p in SIGNED_ESSAY for ln in wrapped(p, 17)] + ["（作者为中共中央党校教授）", ""]
    return "\n".join(lines + ([name, ""] if name else [])) + "\n"


@pytest.mark.parametrize(("name", "tail_indent", "parts"), [
    ("严书翰", 0, [["文明和谐", "中国共产"], ["党的十九", "从社会生", "（作者为"]]),  # a tail, then an essay signed: cut
    (None, 0, [["文明和谐", "中国共产", "党的十九", "从社会生", "（作者为"]]),       # no name after the note: the model decides
    ("严书翰", 2, [["文明和谐", "中国共产", "党的十九", "从社会生", "（作者为"]]),   # opens indented, no tail: one essay
], ids=["tail-then-signed-essay", "unsigned", "no-tail"])
def test_a_run_that_opens_as_a_tail_and_closes_signed_is_cut_where_the_essay_opens(name, tail_indent, parts):
    """One theme's essays share their words, so the model cuts nowhere; the tail and the signature say two texts,
    and the essay opens after the blank, where the column widens (wild 010407: 叶帆's end, then 严书翰's essay)."""
    page = read_units(classify_page(tail_then_essay(name, tail_indent)))
    split_units(page, page_vocabulary(page))
    assert [[p.text[:4] for p in u.paras] for u in page.units] == parts
    assert page.units[-1].signed == (name is not None)


@pytest.mark.parametrize(("closing", "decided_before_it"), [
    ("（本报开罗 1 月 5日电）", False),  # the story's dateline: its last paragraph, no article opens at it
    ("检查组还将开展回头看。", True),      # a sentence of its own: the model decides there
], ids=["closing-dateline", "short-paragraph"])
def test_no_article_begins_at_a_story_s_closing_dateline(closing: str, decided_before_it: bool) -> None:
    """A closing dateline alone in its paragraph ends the text above: a cut before it would leave it an orphan that
    joins the next text (gate 0109, ``（本报开罗1月5日电）`` at the end of the next story)."""
    (unit,) = read_units(classify_page(column(CHECKS) + f"{closing}\n")).units
    assert unit.paras[-1].text.replace(" ", "") == closing.replace(" ", "")
    assert (len(unit.paras) - 1 in transitions(unit)) == decided_before_it
