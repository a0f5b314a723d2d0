"""Paragraph building equals its earlier, plainer version on any lines.

``build_paragraphs`` was rewritten for speed (each line's sentence end asked
for once, a plain median). Below is a copy of the earlier version, with
the column rules added since (wide columns one flow within a tenth, a block
of short paragraphs measured by its full lines): the executable specification.
"""

from statistics import median

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import ends_sentence, join_lines
from tasks.lines import BLANK, BULLET, DATELINE, PROSE, Line, classify_page, split_bullet_lead
from tasks.paragraphs import Paragraph, _closed_by_credit, build_paragraphs, column_widths, merge_run_in_heads

# --- the reference: paragraphs.py before the speed-up --------------------------------


def _ref_blocks(lines):
    blocks = [[]]
    for ln in lines:
        if ln.kind == BLANK:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(ln)
    return [b for b in blocks if b]


def ref_column_widths(blocks):
    alone = ("）", ")", "电", "讯")  # how a line holding only a dateline ends
    measured = [[ln for ln in b if ln.kind != DATELINE or not ln.text.endswith(alone)] or b for b in blocks]
    full = [_ref_full_lines(m) for m in measured]
    own = [float(median(ln.width for ln in f)) if len(m) >= 3 else None for m, f in zip(measured, full)]
    out = []
    for i, w in enumerate(own):
        if w is None:
            prev = next((own[k] for k in range(i - 1, -1, -1) if own[k] is not None), None)
            nxt = next((own[k] for k in range(i + 1, len(own)) if own[k] is not None), None)
            if blocks[i][0].kind == DATELINE:
                prev, nxt = nxt, prev
            w = prev if prev is not None else nxt
            widest = max(ln.width for ln in measured[i])
            if w is None or _ref_wider(widest, w) or (len(measured[i]) > 1 and _ref_wider(w, widest)):
                w = widest
        out.append(w)
    return out


def _ref_full_lines(m):
    # of three lines, a last one that ends a sentence (its paragraph's tail) does not measure the column
    if len(m) == 3 and ends_sentence(m[-1].text):
        return m[:-1]
    # nor do sentence ends that pull the median down by more than 3 (a block of two-line paragraphs)
    running = [ln for ln in m if not ends_sentence(ln.text)]
    if 2 <= len(running) < len(m) and median(ln.width for ln in running) > median(ln.width for ln in m) + 3.0:
        return running
    return m


def _ref_wider(width, column):
    """Wider than the column by more than 3, or by more than a tenth of itself."""
    return width > column + max(3.0, 0.1 * width)


def _ref_ends_paragraph(a, wa, b, wb, b_next):
    if b.kind in (DATELINE, BULLET):
        return True
    if a.kind == BULLET:
        _, lead, rest = split_bullet_lead(a.text)
        if lead and not rest:
            return True
    if _ref_wider(wa, wb) or _ref_wider(wb, wa):
        return a.terminal or a.width <= wa - 1.5 * 2
    if not a.terminal:
        return False
    if a.width <= wa - 1.5:
        return True
    b_is_last_of_para = b.terminal and b.width <= wb - 1.5
    return b.width <= wb - 1.5 + 0.1 and not b_is_last_of_para and b_next is not None


def _ref_make_paragraph(lines, column):
    first = lines[0]
    indented = first.width <= column - 1.5 + 0.1 or first.kind == DATELINE or len(lines) == 1
    return Paragraph(lines=list(lines), column=column, terminated=lines[-1].terminal or _closed_by_credit(lines), indented=indented,
                     dateline=first.kind == DATELINE, bullet=first.kind == BULLET)


def ref_build_paragraphs(lines):
    blocks = _ref_blocks(lines)
    if not blocks:
        return []
    widths = ref_column_widths(blocks)
    flat = [(ln, w) for b, w in zip(blocks, widths) for ln in b]
    paras = []
    cur = []
    cur_w = flat[0][1]
    for i, (ln, w) in enumerate(flat):
        if cur:
            prev, pw = flat[i - 1]
            nxt = flat[i + 1][0] if i + 1 < len(flat) else None
            if _ref_ends_paragraph(prev, pw, ln, w, nxt):
                paras.append(_ref_make_paragraph(cur, cur_w))
                cur = []
        if not cur:
            cur_w = w
        cur.append(ln)
    if cur:
        paras.append(_ref_make_paragraph(cur, cur_w))
    return merge_run_in_heads(paras)


# --- arbitrary prose regions -----------------------------------------------------------

_TEXTS = ["推动统一战线事", "业创新发展。", "为打造书香机关，助力全民阅", "设。", "他说：“好。”", "●农民丰收节文艺汇演举行",
          "●城区供暖管网改造完工  记者从市住", "本报讯（记者 王芳）今天，全", "严格执法，执剑前行。", "Wi", "Fi 5G",
          "问题。 ", "读，推动精神文明建设，进一"]
_KINDS = [PROSE, PROSE, PROSE, DATELINE, BULLET, BLANK]
_WIDTHS = [0.5 * n for n in range(1, 101)]  # up to 50: wide columns flow by a tenth
line_specs = st.tuples(st.sampled_from(_TEXTS), st.sampled_from(_WIDTHS), st.sampled_from(_KINDS))


def _lines(specs):
    return [Line(no, "" if kind == BLANK else text, 0.0 if kind == BLANK else width, kind)
            for no, (text, width, kind) in enumerate(specs, 1)]


def _facts(paras):
    return [(p.text, [ln.no for ln in p.lines], p.column, p.terminated, p.indented, p.dateline, p.bullet)
            for p in paras]


@settings(max_examples=2000, deadline=None)
@given(st.lists(line_specs, max_size=30))
def test_build_paragraphs_same_as_reference(specs):
    assert _facts(build_paragraphs(_lines(specs))) == _facts(ref_build_paragraphs(_lines(specs)))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WIDTHS), min_size=1, max_size=6), max_size=6))
def test_column_widths_same_as_reference(widths):
    blocks = [[Line(1, "字", w, PROSE) for w in ws] for ws in widths]
    got, want = column_widths(blocks), ref_column_widths(blocks)
    assert got == want and [type(w) for w in got] == [type(w) for w in want]


def test_reference_agrees_on_the_samples():
    from _paths import SAMPLE

    for path in sorted(SAMPLE.glob("*.txt")):
        lines = [ln for ln in classify_page(path.read_text(encoding="utf-8"))
                 if ln.kind in (PROSE, DATELINE, BULLET, BLANK)]
        assert _facts(build_paragraphs(lines)) == _facts(ref_build_paragraphs(lines))
        assert join_lines([ln.text for ln in lines])


# --- a paragraph's text, kept while its lines stay the same -----------------------------

#: Ways later stages change a paragraph's lines: a rejoined tail (extend), a
#: run-in head put in front (slice assignment), and, for safety, any other.
_EDITS = st.sampled_from(["extend", "prepend", "replace", "delete", "read"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(line_specs, min_size=1, max_size=8), st.lists(st.tuples(_EDITS, st.lists(line_specs, min_size=1,
                                                                                          max_size=3)), max_size=8))
def test_paragraph_text_follows_its_lines(specs, edits):
    """``Paragraph.text`` is ``join_lines`` of the lines it has now, however they changed since it was asked."""
    para = Paragraph(_lines(specs), 10.0)
    assert para.text == join_lines([ln.text for ln in para.lines])
    for edit, more in edits:
        extra = _lines(more)
        if edit == "extend":
            para.lines.extend(extra)
        elif edit == "prepend":
            para.lines[:0] = extra
        elif edit == "replace":
            para.lines[0] = extra[0]
        elif edit == "delete" and len(para.lines) > 1:
            del para.lines[-1]
        assert para.text == join_lines([ln.text for ln in para.lines])
