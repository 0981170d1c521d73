from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


def corpus_text(stem_prefix: str) -> str:
    """The raw text of a shipped corpus article, by the start of its file name."""
    (path,) = sorted((CORPUS / "docs").glob(stem_prefix + "*"))
    return path.read_text(encoding="utf-8")
