"""Hostile input: external entities and entity bombs are never resolved, huge or deeply nested
markup does not exhaust memory, an over-long JSONL line is refused without being read whole,
and records never show absolute paths the user did not pass."""
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, corpus_text
from pipeline.cli import app
from pipeline.ingest import MAX_LINE_BYTES, read_inputs
from pipeline.run import process
from pipeline.types import RawDocument
from pipeline.validate import MAX_LINE_BYTES as MAX_RECORD_LINE, check_line, validate_file

SECRET = "SECRET-7f3a-do-not-leak"
PARAGRAPH = ("Sáng ngày 12/12/2023, Cụm thi đua số 3 tổ chức Hội nghị tổng kết công tác thi đua, "
             "khen thưởng năm 2023. Tham dự hội nghị có đại diện lãnh đạo các đơn vị trong Cụm.")
LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))


def hostile_page(secret_file: Path, xml_declaration: bool) -> str:
    return (('<?xml version="1.0" encoding="utf-8"?>\n' if xml_declaration else "")
            + f'<!DOCTYPE html [\n<!ENTITY xxe SYSTEM "file://{secret_file}">\n'
            + f'<!ENTITY % remote SYSTEM "file://{secret_file}">\n%remote;\n'
            + '<!ENTITY lol0 "lol">\n' + LOL + "]>\n"
            + "<html><head><title>Hội nghị tổng kết công tác thi đua</title></head><body><article>"
            + f"<p>{PARAGRAPH} &xxe;</p><p>Bình xét thi đua năm 2023. &lol9;</p></article></body></html>")


def run(data, kind: str) -> dict:
    line = process(RawDocument(path="page.html", kind=kind, data=data)).to_json()
    assert check_line(line) == []
    return json.loads(line)


@pytest.mark.parametrize("xml_declaration", [False, True], ids=["doctype", "xml-declaration"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_external_entities_and_entity_bombs_are_never_resolved(tmp_path, kind, xml_declaration):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    rec = run(hostile_page(secret, xml_declaration).encode("utf-8"), kind)
    assert SECRET not in json.dumps(rec, ensure_ascii=False)
    assert "lollol" not in rec["text"]
    assert rec["text"] == f"{PARAGRAPH} &xxe;\nBình xét thi đua năm 2023. &lol9;"
    assert rec["source"]["title"] == "Hội nghị tổng kết công tác thi đua"
    assert rec["is_emulation_meeting"] is True


PEAK_RSS = """
import resource, sys
from pipeline.run import process
from pipeline.types import RawDocument
rec = process(RawDocument(path="page.html", kind="html", data=open(sys.argv[1], "rb").read()))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, rec.error, repr(rec.text[:60]))
"""


def peak_rss_mb(page: Path) -> tuple[int, str]:
    """Peak resident memory (MB) of a fresh process reading the page, and what it printed after."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, str(page)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=True)
    mb, rest = done.stdout.strip().split(" ", 1)
    return int(mb), rest


def test_deeply_nested_markup_is_read_in_bounded_memory(tmp_path):
    page = tmp_path / "deep.html"
    depth = 200_000
    page.write_text(f"<html><body><p>{PARAGRAPH}</p>" + "<div>" * depth + "sâu" + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    mb, rest = peak_rss_mb(page)
    assert mb < 400
    assert rest == f"None {PARAGRAPH[:60]!r}"


def test_page_of_half_a_million_tags_is_read_from_its_markup_in_bounded_memory(tmp_path):
    page = tmp_path / "wide.html"
    page.write_text(f"<html><body><p>{PARAGRAPH}</p>" + "<span><b>x</b></span>" * 250_000
                    + "</body></html>", encoding="utf-8")
    mb, rest = peak_rss_mb(page)
    assert mb < 450
    assert rest == f"None {PARAGRAPH[:60]!r}"  # 250,165 characters: under the article-length cap


def huge_line_file(path: Path) -> None:
    good = json.dumps({"id": "good", "text": corpus_text("000_")}, ensure_ascii=False).encode("utf-8")
    with path.open("wb") as fh:
        fh.write(good + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        for _ in range(100):
            fh.write(b"x" * 2**20)
        fh.write(b'"}\n')
        fh.write(good.replace(b'"good"', b'"after"') + b"\n")


def test_jsonl_line_of_100_mb_is_refused_without_being_read_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    huge_line_file(path)
    tracemalloc.start()
    try:
        docs = [(d.path, d.error) for d in read_inputs([str(path)])]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert docs == [(f"{path}#good", None),
                    (f"{path}:2", f"JSONL line 2 is too long: 104,857,627 bytes (at most {MAX_LINE_BYTES:,} read)"),
                    (f"{path}#after", None)]
    assert peak < MAX_LINE_BYTES + 8 * 2**20


def test_validate_refuses_a_100_mb_line_without_reading_it_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    huge_line_file(path)
    out = io.StringIO()
    tracemalloc.start()
    try:
        validate_file(path, out=out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"line 2: <line>: line too long: 104,857,627 bytes (at most {MAX_RECORD_LINE:,} read)" in out.getvalue()
    assert peak < MAX_RECORD_LINE + 8 * 2**20


def test_lone_surrogates_in_jsonl_escapes_never_stop_a_batch(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a\\ud800", "text": "Hội nghị tổng kết công tác thi đua \\udc00 năm 2023"}\n'
                    '{"id": "b", "text": "Tin khác"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(path), "-o", str(out), "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"] for r in records] == [f"{path}#a\ufffd", f"{path}#b"]
    assert records[0]["text"] == "Hội nghị tổng kết công tác thi đua \ufffd năm 2023"


@pytest.fixture
def input_root(tmp_path: Path) -> Path:
    """A folder of inputs with a subfolder, a symlink to a file outside it, a non-UTF-8 name."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.txt").write_text(corpus_text("002_"), encoding="utf-8")
    root = tmp_path / "work" / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(corpus_text("000_"), encoding="utf-8")
    (root / "sub" / "b.html").write_text("<html><body><p>" + PARAGRAPH + "</p></body></html>", encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "elsewhere.txt")
    (root / "empty.txt").write_bytes(b"")
    os.close(os.open(os.fsencode(root) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    return root


def extract_lines(cwd: Path, args: list[str]) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", *args, "-o", "out.jsonl", "-q", "-w", "1"],
                          cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in (cwd / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def test_relative_inputs_give_relative_paths_and_no_absolute_path_anywhere(input_root):
    work = input_root.parent
    records = extract_lines(work, ["in", "in/missing.txt", "in/*.nothing"])
    assert [r["source"]["path"] for r in records] == [
        "in/a.txt", "in/caf\\xe9.txt", "in/empty.txt", "in/link.txt", "in/sub/b.html",
        "in/missing.txt", "in/*.nothing"]
    dump = (work / "out.jsonl").read_text(encoding="utf-8")
    assert str(work.parent) not in dump
    assert "/tmp" not in dump
    assert {r["source"]["path"]: r["error"] for r in records if r["error"]} == {
        "in/caf\\xe9.txt": "empty file", "in/empty.txt": "empty file",
        "in/missing.txt": "no such file or folder", "in/*.nothing": "no file matches the pattern 'in/*.nothing'"}


def test_absolute_inputs_keep_the_absolute_paths_the_user_passed(input_root):
    records = extract_lines(input_root.parent, [str(input_root / "sub")])
    assert [r["source"]["path"] for r in records] == [str(input_root / "sub" / "b.html")]
