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


def evaluate_folder(folder: Path, tmp: Path) -> dict:
    """Run the pipeline over ``folder/docs`` and score it against ``folder/gold.jsonl`` with
    thidua's own evaluator (details included)."""
    from pipeline.evaluate import evaluate
    from pipeline.ingest import read_inputs
    from pipeline.run import process

    out = tmp / "records.jsonl"
    records = [process(raw) for raw in read_inputs([str(folder / "docs")])]
    out.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    return evaluate(folder / "gold.jsonl", out)
