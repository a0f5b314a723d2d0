"""Split a Chinese paragraph into sentences without losing a character.

The warehouse stores sentences so that readers can query and cite them; the
split must therefore be lossless (``"".join(split_sentences(p)) == p``) so a
paragraph can always be rebuilt from its sentences.
"""

from __future__ import annotations

# Characters that end a sentence. A run of them ("！？", "……", "?!") ends one
# sentence, not several.
SENTENCE_ENDS = frozenset("。！？；…!?")

# Closing quotes and brackets that belong to the sentence they close:
# 他说：“走吧。”然后 -> “走吧。” stays with 他说.
CLOSERS = frozenset("”’」』）)】》〉\"'")

_SPACE = frozenset(" \t\u3000\n")


def _sentence_end(text: str, start: int) -> int:
    """Index just past the sentence ending that starts at ``text[start]``.

    Takes the run of end marks, then any closing quotes/brackets, then any
    spaces (so the next sentence starts with its first real character).
    """
    i = start
    n = len(text)
    while i < n and text[i] in SENTENCE_ENDS:
        i += 1
    while i < n and text[i] in CLOSERS:
        i += 1
    while i < n and text[i] in _SPACE:
        i += 1
    return i


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of ``paragraph``, in order; their concatenation is the paragraph.

    Splits after 。！？；… and ASCII ! ?, keeping a closing quote or bracket
    with the sentence it closes. Text after the last end mark is the last
    sentence. An empty paragraph has no sentences.
    """
    sentences: list[str] = []
    start = 0
    i = 0
    n = len(paragraph)
    while i < n:
        if paragraph[i] in SENTENCE_ENDS:
            end = _sentence_end(paragraph, i)
            sentences.append(paragraph[start:end])
            start = i = end
        else:
            i += 1
    if start < n:
        sentences.append(paragraph[start:])
    return sentences
