"""Credits as the text rules read them, and three printed forms they do not read yet.

``banmian.tasks.text.credits`` reads datelines, bylines and photo credits by their form. Three
forms that papers print (and the simulated pages print) are not among them; they are read here,
on top of those rules, until the text rules learn them (the report of issue 20 says so):

* a paper's own dateline with 电: ``本报北京1月5日电（记者 王霞光）`` (the rules read 本报…讯);
* the 1998 style's reporters after the dateline: ``本报北京1月5日讯 记者王芳、李强报道：``;
* photo credits ending ``摄影报道`` or ``/摄``, or opening ``文/图``: ``马波 摄影报道``, ``文/图 马波``.

And one the text rules refuse: a pen name in brackets (``（阿炳）``) alone on a story's last line
(``pen_name``). The text rules take a bracketed name only when it looks like a personal name (a
common surname first); a pen name has none, but the page's geometry has already told where the
story ends, so a bracketed name on a line of its own there is a credit's place.
"""

from __future__ import annotations

import re
from typing import Final

from banmian.tasks.text.chars import CLOSE_BRACKETS, HAN, OPEN_BRACKETS
from banmian.tasks.text.clean import display_width
from banmian.tasks.text.lines import FURNITURE, LABEL, line_kind
from banmian.tasks.text.credits import (AGENCIES, AUTHOR_LINE_RE, ORGS, ROLES, Credit, normalise_credit_text,
                                        parse_dateline, parse_names, parse_photo_credit)

#: 本报北京1月5日电（记者 王霞光）: the paper's own wire-style dateline and its bracketed credit.
OWN_WIRE_RE: Final = re.compile(rf"^\s*(本\s?报[{HAN}\w· ]{{0,16}}?电)\s*"
                                rf"(?:[{OPEN_BRACKETS}]([^{OPEN_BRACKETS}{CLOSE_BRACKETS}]{{0,60}})[{CLOSE_BRACKETS}])?")
#: 记者王芳、李强报道： after a 1998-style dateline (up to 40 characters, no sentence mark inside).
REPORTING_RE: Final = re.compile(r"^\s*([^，。！？：:（）()]{2,40}?)\s*报道\s*[：:]")
#: A dateline's head ends in 讯 or 电 within this many characters (``新华社斯德哥尔摩1月9日电``: 14).
DATELINE_HEAD_MAX: Final = 30
#: 马波 摄影报道 / 马波/摄 / 马波 摄影: names before a photographer's mark.
PHOTO_TAIL_RE: Final = re.compile(r"^\s*(.{2,30}?)\s*(?:摄影报道|摄影|/\s*摄)\s*$")
#: 文/图 马波: the mark before the names credits them for text and picture.
WENTU_HEAD_RE: Final = re.compile(r"^\s*文\s*/\s*图\s*[：:]?\s*(.{2,30})$")
#: （阿炳）, （阿 炳）: two to four characters in brackets, nothing else (a pen name is as short as a name).
PEN_NAME_RE: Final = re.compile(rf"^\s*([{OPEN_BRACKETS}])\s*((?:[{HAN}]\s?){{2,4}}?)\s*([{CLOSE_BRACKETS}])\s*$")
#: Bracketed words that close a text and name no one: a serial's note, a compiler's, a source.
NOT_PEN_NAMES: Final = ("待续", "续完", "未完", "完", "续", "综合", "编者", "编译", "摘编", "新华", "本版")
#: Words no pen name holds: the closing notes above, and the roles, organisations and agencies a credit names.
_NOT_IN_A_PEN_NAME: Final = (*NOT_PEN_NAMES, *ORGS, *ROLES, *AGENCIES)


def dateline(paragraph: str) -> tuple[Credit, str] | None:
    """A story's opening dateline credit and the text after it, in every form the rules or this module read.

    >>> c, rest = dateline("本报济南1月5日电（记者 王霞光 陈昭）山东鲁能")
    >>> c.text, c.authors, rest
    ('本报济南1月5日电（记者 王霞光 陈昭）', ['王霞光', '陈昭'], '山东鲁能')
    >>> c, rest = dateline("本报北京1月5日讯 新华社记者尹鸿祝、本报记者毕全忠报道：今天")
    >>> c.text, c.authors, rest
    ('本报北京1月5日讯 新华社记者尹鸿祝、本报记者毕全忠报道：', ['尹鸿祝', '毕全忠'], '今天')
    """
    found = parse_dateline(paragraph) or _own_wire(paragraph)
    if found is None:
        return None
    credit, rest = found
    m = REPORTING_RE.match(rest) if not credit.authors else None
    if m is None or not parse_names(m.group(1)):
        return found
    text = " ".join(f"{credit.text} {m.group(0).strip()}".split())
    return Credit(text, parse_names(m.group(1))), rest[m.end():].lstrip()


def dateline_run_on(paragraph: str) -> tuple[Credit, str] | None:
    """A dateline's head run straight into ``记者…报道：`` with no gap, and the text from those words on.

    The 1998 paper parts a dateline from the reporters it credits by a space (``本报北京1月5日讯 记者王芳报道：``);
    with none the words open the text (gold of dev 0028, 0038, 0064: ``本报北京1月4日讯记者江世杰从今天…``).
    ``paragraph`` holds its printed lines parted by newlines: a line break is no evidence either way, so it is
    read as a gap.

    >>> c, rest = dateline_run_on("本报北京1月5日讯记者李中文报道：由国家")
    >>> c.text, c.authors, rest
    ('本报北京1月5日讯', [], '记者李中文报道：由国家')
    >>> dateline_run_on("本报北京\\n1月5日讯记者\\n李中文报道：")[1]
    '记者\\n李中文报道：'
    >>> dateline_run_on("本报北京1月5日讯 记者李中文报道：由国家"), dateline_run_on("本报北京1月5日讯\\n记者李中文报道：")
    (None, None)
    """
    for k, ch in enumerate(paragraph[:DATELINE_HEAD_MAX]):
        if ch not in "讯电" or REPORTING_RE.match(paragraph[k + 1:k + 1 + DATELINE_HEAD_MAX]) is None \
                or paragraph[k + 1:k + 2].isspace():
            continue
        found = parse_dateline(paragraph[:k + 1].replace("\n", ""))
        if found is not None and not found[1].strip() and not found[0].authors:
            return found[0], paragraph[k + 1:]
    return None


def is_name_shaped(line: str) -> bool:
    """Two to four characters alone (maybe letterspaced) that are no role, organisation, closing note, label or
    furniture: a name's shape, a personal name or a pen name (``万达``, ``政文``), for the geometry to tell it
    signs a story.

    >>> [is_name_shaped(t) for t in ("政 文", "陈洪标", "新华社", "图片新闻", "消费升级的新动能")]
    [True, True, False, False, False]
    """
    t = line.strip()
    if AUTHOR_LINE_RE.match(t) is None or any(word in t.replace(" ", "") for word in _NOT_IN_A_PEN_NAME):
        return False
    return line_kind(t, display_width(t)) not in (LABEL, FURNITURE)


def _own_wire(paragraph: str) -> tuple[Credit, str] | None:
    m = OWN_WIRE_RE.match(paragraph)
    if m is None:
        return None
    head, inner = m.group(1).replace(" ", ""), m.group(2)
    if inner is None:
        return Credit(normalise_credit_text(head)), paragraph[m.end():].lstrip()
    return Credit(normalise_credit_text(f"{head}（{inner}）"), parse_names(inner)), paragraph[m.end():].lstrip()


def photo_credit(line: str) -> Credit | None:
    """A photo credit line in the forms the rules read, or with 摄影报道, /摄 or 文/图 (names as photographers).

    >>> photo_credit("马波 摄影报道").photographers, photo_credit("文/图 马波").authors
    (['马波'], ['马波'])
    """
    found = parse_photo_credit(line)
    if found is not None:
        return found
    m = PHOTO_TAIL_RE.match(line)
    if m is not None and parse_names(m.group(1)):
        return Credit(normalise_credit_text(line), photographers=parse_names(m.group(1)))
    m = WENTU_HEAD_RE.match(line)
    if m is not None and parse_names(m.group(1)):
        names = parse_names(m.group(1))
        return Credit(normalise_credit_text(line), authors=list(names), photographers=list(names))
    return None


def pen_name(line: str) -> Credit | None:
    """A bracketed name alone on a story's last line: its author's credit.

    The caller has the geometry (the line ends the story's text, a paragraph of its own or after a
    sentence's end); this reads the words: two to four characters in brackets that are no role,
    organisation or closing note.

    >>> pen_name("（阿 炳）"), pen_name("（待续）"), pen_name("（新华社）")
    (Credit(text='（阿炳）', authors=['阿炳'], photographers=[]), None, None)
    """
    m = PEN_NAME_RE.match(line)
    if m is None:
        return None
    name = m.group(2).replace(" ", "")
    if any(word in name for word in _NOT_IN_A_PEN_NAME):
        return None
    return Credit(f"{m.group(1)}{name}{m.group(3)}", [name])
