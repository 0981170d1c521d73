"""Bad inputs in one batch with good articles, through the real CLI: exactly one record per
input, an error record with a specific message for each bad one, correct records for the rest."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import corpus_text
from pipeline.cli import app
from pipeline.clean import clean_text
from pipeline.types import stable_id
from test_ingest import HEADLINE_002, news_page

TEXT_000 = corpus_text("000_")
TEXT_002 = corpus_text("002_")
TEXT_004 = corpus_text("004_")


def nul_laced(text: str) -> bytes:
    """An article's bytes with a NUL after every tenth byte, as a dump of memory would hold it."""
    data = text.encode("utf-8")
    return b"".join(data[i:i + 10] + b"\x00" for i in range(0, len(data), 10))


def undecodable(text: str) -> bytes:
    """An article's bytes with every space turned into 0x9D, a byte no Vietnamese code page uses."""
    return text.encode("utf-8").replace(b" ", b"\x9d")


@pytest.fixture
def batch(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """The inputs of one run, and the error message expected for each bad one (by source.path)."""
    d = tmp_path / "in"
    d.mkdir()
    files = {
        "000_7386b0def3f7ce0d.txt": TEXT_000.encode("utf-8"),
        "01_empty.txt": b"",
        "02_blank.txt": b" \n\t\r\n  \n",
        "03_photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "04_dump.txt": nul_laced(TEXT_004),
        "05_undecodable.txt": undecodable(TEXT_004),
        "06_no_body.html": "<!DOCTYPE html><html><head><title>Hội nghị thi đua</title></head></html>".encode(),
        "07_empty_body.html": b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        "08_page.html": news_page(TEXT_002).encode("utf-8"),
        "09_report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    jsonl_lines = [
        json.dumps({"id": "so-ket-2017", "text": TEXT_004, "title": "Sơ kết 6 tháng"}, ensure_ascii=False),
        '{"id": "cut-off", "text": "Hội nghị tổng kết công tác thi đua',
        json.dumps({"id": "no-text", "title": "Khối thi đua tổng hợp"}, ensure_ascii=False),
        json.dumps({"id": "blank-text", "text": "   "}),
        "[1, 2, 3]",
    ]
    (d / "10_batch.jsonl").write_text("\n".join(jsonl_lines) + "\n", encoding="utf-8")
    (d / "11_empty.jsonl").write_bytes(b"")
    (d / "12_blank.jsonl").write_bytes(b"\n  \n")
    missing = str(tmp_path / "missing.txt")
    errors = {
        f"{d}/01_empty.txt": "empty file",
        f"{d}/02_blank.txt": "file holds only whitespace",
        f"{d}/03_photo.txt": "binary file, not text (a PNG image)",
        f"{d}/04_dump.txt": f"binary file, not text ({nul_laced(TEXT_004).count(0)} NUL bytes)",
        f"{d}/05_undecodable.txt": ("cannot decode: the bytes are neither UTF-8, UTF-16 nor windows-1258 "
                                    "Vietnamese, and no other encoding gives Vietnamese text"),
        f"{d}/06_no_body.html": "HTML page has no body",
        f"{d}/07_empty_body.html": "HTML page has an empty body",
        f"{d}/09_report.pdf": "binary file, not text (a PDF document)",
        f"{d}/10_batch.jsonl:2": "JSONL line 2 is not JSON: Unterminated string starting at column 27",
        f"{d}/10_batch.jsonl#no-text": "JSONL line 3 has no article text: it has no 'text' or 'html' field",
        f"{d}/10_batch.jsonl#blank-text": "JSONL line 4 has no article text: its 'text' field is empty or not a string",
        f"{d}/10_batch.jsonl:5": "JSONL line 5 is not a JSON object but a list",
        f"{d}/11_empty.jsonl": "empty file",
        f"{d}/12_blank.jsonl": "JSONL file holds only blank lines",
        missing: "no such file or folder",
    }
    return [str(d), missing], errors


def run_extract(inputs: list[str], out: Path) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", *inputs, "-o", str(out), "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_each_bad_input_gives_exactly_one_error_record_with_its_reason(batch, tmp_path):
    inputs, errors = batch
    records = run_extract(inputs, tmp_path / "out.jsonl")
    got = {r["source"]["path"]: r["error"] for r in records if r["error"] is not None}
    assert got == errors
    paths = [r["source"]["path"] for r in records]
    assert len(paths) == len(set(paths)) == 18
    for r in records:
        if r["error"] is not None:
            assert (r["text"], r["is_emulation_meeting"], r["meeting"]) == ("", False, None)
            assert r["doc_id"] == stable_id(r["source"]["path"] + "\0" + r["error"])


def test_good_articles_in_the_same_batch_get_their_records(batch, tmp_path):
    inputs, _ = batch
    d = inputs[0]
    records = {r["source"]["path"]: r for r in run_extract(inputs, tmp_path / "out.jsonl")}

    seed = records[f"{d}/000_7386b0def3f7ce0d.txt"]
    assert seed["error"] is None
    assert seed["is_emulation_meeting"] is True
    assert seed["text"] == clean_text(TEXT_000)
    assert seed["doc_id"] == stable_id(seed["text"])
    assert not seed["text"].startswith("Skip to main content")

    page = records[f"{d}/08_page.html"]
    assert page["error"] is None and page["is_emulation_meeting"] is True
    assert (page["source"]["title"], page["source"]["published"], page["source"]["authors"]) == (
        HEADLINE_002, "2022-11-30", ["Ngọc Nga"])
    assert page["text"].startswith(HEADLINE_002 + "\n")

    line = records[f"{d}/10_batch.jsonl#so-ket-2017"]
    assert line["error"] is None
    assert line["source"]["title"] == "Sơ kết 6 tháng"
    assert line["text"] == clean_text(TEXT_004)


def test_records_in_input_order_and_the_batch_output_validates(batch, tmp_path):
    inputs, _ = batch
    out = tmp_path / "out.jsonl"
    records = run_extract(inputs, out)
    d = inputs[0]
    assert [r["source"]["path"] for r in records][:3] == [
        f"{d}/000_7386b0def3f7ce0d.txt", f"{d}/01_empty.txt", f"{d}/02_blank.txt"]
    assert records[-1]["source"]["path"] == inputs[1]
    result = CliRunner().invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
