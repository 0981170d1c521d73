"""Knowledge as data: the lexicon files beside this module, loaded once.

Each ``*.tsv`` file is UTF-8, tab-separated, with a header line naming its columns; lines
starting with ``#`` and blank lines are ignored. ``load(name)`` returns the rows as dicts.
Adding a province, a title abbreviation or an award phrase is a one-line data change.
"""
from __future__ import annotations

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
def words(name: str) -> tuple[str, ...]:
    """Lines of ``pipeline/lexicon/NAME.txt``: one entry per line, ``#`` comments ignored."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(unicodedata.normalize("NFC", ln.strip()) for ln in text.splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#"))
