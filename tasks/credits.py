"""Credits: datelines, bylines and photo credits, and the names inside them.

Chinese papers print a small set of credit shapes; each is recognised by its
*form* (a role word, a dateline word such as 讯 or 电, the mark 摄), never by
the names in it:

    本报讯（通讯员 杜文韬）        dateline opening a news story
    新华社北京9月9日电（记者 王芳） wire dateline
    本报通讯员 金鑫               standalone byline (features)
    本报通讯员 张馨月 摄          photo credit closing a caption

>>> parse_names("记者 王芳 通讯员 李强 赵磊")
['王芳', '李强', '赵磊']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.clean import fold_fullwidth_alnum, fullwidth_punctuation

#: Role words that precede names in a credit, longest first so that
#: 全媒体记者 wins over 记者.
ROLES = (
    "首席记者", "全媒体记者", "融媒体记者", "摄影记者", "特派记者", "特约记者", "见习记者",
    "实习记者", "驻站记者", "特约通讯员", "通讯员", "实习生", "记者", "摄影", "作者",
)
_ROLE_ALT = "|".join(ROLES)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_NAME_CHARS = f"[{_HAN}·•]"

#: 本报讯 / 本报曲阜讯 / 《吉林日报》讯 / 新华社北京9月9日电 / 中新网…电, then the parenthesised credit.
_DATELINE_HEAD = (
    rf"(?:本报[{_HAN}\w]{{0,10}}?讯(?!员)|《[^》]{{1,12}}》[{_HAN}]{{0,6}}讯(?!员)"
    rf"|(?:新华社|中新社|中新网|央视网|人民网|新华网)[{_HAN}\w·]{{0,16}}?电)"
)
DATELINE_RE = re.compile(rf"^\s*({_DATELINE_HEAD})\s*(?:[（(]([^（()）]{{0,60}})[）)])?")
#: A dateline whose closing bracket is on a later line: only its opening is seen.
DATELINE_START_RE = re.compile(rf"^\s*(?:{_DATELINE_HEAD}|[（(]据(?:新华社|中新社)[^）)]{{0,20}}电)")
#: （据新华社郑州9月9日电） as a whole dateline.
SOURCE_DATELINE_RE = re.compile(r"^\s*([（(]据[^（()）]{2,24}?(?:电|报道)[）)])")

#: Who employs the person credited: 本报记者, 新华社记者, 《吉林日报》记者.
_ORG = r"(?:本报|本刊|新华社|中新社|人民日报|光明日报|经济日报|《[^》]{1,12}》)"
_BYLINE_TOKEN = rf"{_ORG}?(?:{_ROLE_ALT})"
#: A whole line that is nothing but a byline: 本报通讯员 金鑫, □本报记者 X 本报通讯员 Y.
BYLINE_LINE_RE = re.compile(
    rf"^[□■◇◆●○]?\s*{_BYLINE_TOKEN}\s*(?:{_NAME_CHARS}\s?){{2,8}}"
    rf"(?:\s+(?:{_BYLINE_TOKEN})?\s*(?:{_NAME_CHARS}\s?){{2,8}})*\s*$"
)
#: A photo credit: optional role, names, then 摄 or 文/图.
PHOTO_CREDIT_RE = re.compile(
    rf"^\s*(?:{_BYLINE_TOKEN})?\s*((?:{_NAME_CHARS}\s?){{2,12}}(?:\s+(?:{_NAME_CHARS}\s?){{2,5}})*)\s*(摄|文/图|文／图|图/文)\s*$"
)
#: A line holding only a role, the first half of a credit split over two lines.
ROLE_ONLY_RE = re.compile(rf"^\s*[□■]?\s*{_BYLINE_TOKEN}\s*$")

_ROLE_SPLIT_RE = re.compile(rf"({_BYLINE_TOKEN})")
_PAREN_SPACE_RE = re.compile(r"\s*([（）])\s*")


@dataclass(slots=True)
class Credit:
    """A parsed credit: the normalised printed text and the names by role."""

    text: str
    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)


def _merge_single_chars(tokens: list[str]) -> list[str]:
    """Names printed with a space inside (侯 缜) come out as one name (侯缜).

    A Chinese name has at least two characters, so runs of single-character
    tokens are pieces of one name; a lone single character joins the name
    before it.
    """
    out: list[str] = []
    pending = ""
    for tok in tokens + [""]:
        if len(tok) == 1:
            pending += tok
            continue
        if pending:
            if len(pending) == 1 and out:
                out[-1] += pending
            else:
                out.append(pending)
            pending = ""
        if tok:
            out.append(tok)
    return out


def parse_names(text: str) -> list[str]:
    """Names in a credit body such as ``记者 王芳 通讯员 李强 赵磊``.

    Role words separate groups; within a group names are separated by spaces;
    single characters are parts of one name printed with a space inside.

    >>> parse_names("本报记者 侯 缜"), parse_names("通讯员 聂英博")
    (['侯缜'], ['聂英博'])
    """
    names: list[str] = []
    for part in _ROLE_SPLIT_RE.split(text):
        if not part or _ROLE_SPLIT_RE.fullmatch(part):
            continue
        tokens = [t for t in re.split(r"[\s、，,]+", part.strip(" □■")) if t]
        tokens = [t for t in tokens if re.fullmatch(f"{_NAME_CHARS}+", t)]
        names.extend(_merge_single_chars(tokens))
    return names


def normalise_credit_text(text: str) -> str:
    """The credit as printed, normalised for storage.

    Full-width brackets, no letterspacing inside role words or names, one
    space between a role and its names and between names.

    >>> normalise_credit_text("本 报 讯(通讯员  聂英博)")
    '本报讯（通讯员 聂英博）'
    >>> normalise_credit_text("本报通讯员  侯 缜 摄")
    '本报通讯员 侯缜 摄'
    """
    text = fullwidth_punctuation(fold_fullwidth_alnum(text)).replace("(", "（").replace(")", "）")
    text = " ".join(text.split())
    # Rebuild around roles: role, then its names separated by single spaces.
    out: list[str] = []
    for part in _ROLE_SPLIT_RE.split(text):
        if not part:
            continue
        if _ROLE_SPLIT_RE.fullmatch(part):
            out.append(part)
            continue
        segs = re.split(r"([（）]|摄$|文/图$)", part)
        for seg in segs:
            if not seg:
                continue
            if seg in ("（", "）", "摄", "文/图"):
                out.append(seg)
                continue
            toks = [t for t in seg.split() if t]
            if toks and all(re.fullmatch(f"{_NAME_CHARS}+", t) for t in toks):
                out.append(" ".join(_merge_single_chars(toks)))
            else:
                out.append("".join(toks))
    joined = ""
    for piece in out:
        if not joined:
            joined = piece
        elif piece in ("（", "）") or joined.endswith("（"):
            joined += piece
        elif _ROLE_SPLIT_RE.fullmatch(piece) and joined.endswith("（"):
            joined += piece
        else:
            joined += " " + piece
    joined = _PAREN_SPACE_RE.sub(r"\1", joined)
    # no space between the dateline head and its bracket, nor after a role that opens a bracket
    return joined.replace(" （", "（").strip()


def parse_dateline(paragraph: str) -> tuple[Credit, str] | None:
    """Split a story's first paragraph into its dateline credit and the body text.

    >>> c, rest = parse_dateline("本报讯（通讯员 杜文韬）为确保铁西区")
    >>> c.text, c.authors, rest
    ('本报讯（通讯员 杜文韬）', ['杜文韬'], '为确保铁西区')
    """
    m = SOURCE_DATELINE_RE.match(paragraph)
    if m:
        return Credit(normalise_credit_text(m.group(1))), paragraph[m.end():].lstrip()
    m = DATELINE_RE.match(paragraph)
    if not m:
        return None
    head, inner = m.group(1), m.group(2)
    if inner is None:
        text = head.replace(" ", "")
        return Credit(normalise_credit_text(text)), paragraph[m.end():].lstrip()
    credit = Credit(normalise_credit_text(f"{head.replace(' ', '')}（{inner}）"), parse_names(inner))
    return credit, paragraph[m.end():].lstrip()


#: Box and bullet marks printed before a byline; they are decoration, not credit text.
BYLINE_MARKS = "□■◇◆●○"


def parse_byline(line: str) -> Credit:
    """A standalone byline line: ``本报通讯员 金鑫`` → names as authors (leading marks dropped)."""
    return Credit(normalise_credit_text(line.strip(" " + BYLINE_MARKS)), parse_names(line))


def parse_photo_credit(line: str) -> Credit | None:
    """A photo credit line: ``本报通讯员 张馨月 摄`` → names as photographers.

    ``文/图`` credits the same people for text and picture.

    >>> parse_photo_credit("本报通讯员 张馨月 摄").photographers
    ['张馨月']
    """
    m = PHOTO_CREDIT_RE.match(fold_fullwidth_alnum(line))
    if not m:
        return None
    names = parse_names(line[: line.rfind(m.group(2))])
    text = normalise_credit_text(line)
    if m.group(2) != "摄":
        return Credit(text, authors=list(names), photographers=list(names))
    return Credit(text, photographers=names)
