"""The researcher notebook runs top to bottom on the shipped corpus (plus two hand-written
meetings) and its summary agrees with the records it read."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import CORPUS, ROOT
from pipeline.ingest import read_inputs
from pipeline.run import process
from test_archive import cum3_record, tay_nam_bo_record, write_jsonl

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def python3_kernel_here(folder: Path) -> Path:
    """A kernelspec named python3 that runs this interpreter (the project's venv)."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (thidua)", "language": "python"}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nb")
    records = [process(raw) for raw in read_inputs([str(CORPUS / "docs")])] + [cum3_record(), tay_nam_bo_record()]
    path = write_jsonl(tmp / "records.jsonl", [r.to_json() for r in records])
    mp = pytest.MonkeyPatch()
    mp.setenv("THIDUA_RECORDS", str(path))
    mp.setenv("JUPYTER_PATH", str(python3_kernel_here(tmp / "jupyter")))
    mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        nb = nbformat.read(NOTEBOOK, as_version=4)
        NotebookClient(nb, kernel_name="python3", timeout=300,
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        mp.undo()
    return nb, records


def summary_of(nb) -> dict:
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    (out,) = [o for o in last.outputs if o.output_type == "stream" and o.name == "stdout"]
    return json.loads(out.text)


def test_notebook_summary_agrees_with_the_records(executed):
    nb, records = executed
    meetings = [r.meeting for r in records if r.is_emulation_meeting]
    awards = Counter(a.award_type for m in meetings for a in m.awards)
    edges = sorted({(m.group.name, unit) for m in meetings if m.group
                    for unit in [x.name for x in m.members] + [x.unit for x in m.leaders]})
    summary = summary_of(nb)
    assert summary["records"] == summary["indexed"] == len(records)
    assert summary["meetings"] == len(meetings)
    assert summary["awards_by_type"] == dict(awards)
    assert [tuple(e) for e in summary["edges"]] == edges


def test_notebook_shows_the_hand_written_meetings_in_its_network(executed):
    nb, _ = executed
    edges = {tuple(e) for e in summary_of(nb)["edges"]}
    assert {("Cụm thi đua số 3", "Chi cục An toàn vệ sinh thực phẩm"),
            ("Cụm thi đua số 3", "Trường Cao đẳng Y tế"),
            ("Cụm thi đua các Sở Y tế miền Tây Nam bộ", "Sở Y tế TP Cần Thơ")} <= edges
    assert summary_of(nb)["awards_by_type"].get("co_thi_dua", 0) >= 1


def test_notebook_draws_three_charts_and_no_cell_fails(executed):
    nb, _ = executed
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3
