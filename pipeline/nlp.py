"""The NER stage: a spaCy ``Doc`` over the cleaned article text.

The Doc's text is identical to ``Article.text``, so every span's ``start_char`` /
``end_char`` is an offset the record can carry as evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.tokens import Doc

_TOKEN = re.compile(r"\w+(?:[./-]\w+)*|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=1)
def vocab_nlp():
    """A blank multilingual pipeline: its vocab hosts our Docs (no model download)."""
    return spacy.blank("xx")


def make_doc(text: str) -> Doc:
    """Tokenize ``text`` into a Doc whose text is exactly ``text``."""
    nlp = vocab_nlp()
    words, spaces = [], []
    matches = list(_TOKEN.finditer(text))
    if not matches:
        return Doc(nlp.vocab, words=[text] if text else [], spaces=[False] if text else [])
    # Leading whitespace is not representable as a token's trailing space: keep it as a token.
    if matches[0].start() > 0:
        words.append(text[: matches[0].start()])
        spaces.append(False)
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        gap = text[m.end():nxt]
        words.append(m.group())
        if gap == " ":
            spaces.append(True)
        else:
            spaces.append(False)
            if gap:
                words.append(gap)
                spaces.append(False)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text
    return doc


def annotate(text: str) -> Doc:
    """Build the Doc and mark the entities the rules read."""
    return make_doc(text)
