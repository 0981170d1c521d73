"""Knowledge as data: the lexicon files beside this module, loaded once.

Each ``*.tsv`` file is UTF-8, tab-separated, with a header line naming its columns; lines
starting with ``#`` and blank lines are ignored. ``load(name)`` returns the rows as dicts.
Adding a province, a title abbreviation or an award phrase is a one-line data change.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``pipeline/lexicon/NAME.tsv`` as dicts keyed by the header's column names."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows, header = [], None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [unicodedata.normalize("NFC", c.strip()) for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return tuple(rows)


@lru_cache(maxsize=None)
def of_kind(name: str, kind: str, column: str = "value") -> tuple[str, ...]:
    """The ``column`` of the rows of ``NAME.tsv`` whose ``kind`` is ``kind``, longest first
    (so that a pattern built from them tries "khu vực" before "khu")."""
    return tuple(sorted((r[column] for r in load(name) if r["kind"] == kind), key=len, reverse=True))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Lines of ``pipeline/lexicon/NAME.txt``: one entry per line, ``#`` comments ignored."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(unicodedata.normalize("NFC", ln.strip()) for ln in text.splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#"))


def trie_pattern(names) -> str:
    """One regular expression that matches any of ``names``, built as a trie so the regex
    engine does not try every name at every position (a plain ``a|b|c`` alternation of a
    thousand names is a thousand times slower). Longer names win over their prefixes; a
    space in a name matches any run of whitespace.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        ends_here = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return emit(trie)
