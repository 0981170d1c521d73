"""Compressed inputs as crawlers deliver them: .jsonl.gz, .txt.gz, .warc.gz."""
import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.ingest import read_inputs
from pipeline.run import process

from conftest import corpus_text

SEED = corpus_text("000_")


def test_jsonl_gz_is_read_line_by_line_with_ids_and_line_errors(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "seed", "text": SEED}, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
    docs = list(read_inputs([str(path)]))
    assert [d.path for d in docs] == [f"{path}#seed", f"{path}:2"]
    assert docs[0].data == SEED and docs[0].error is None
    assert docs[1].error.startswith("JSONL line 2 is not JSON")
    assert process(docs[0]).is_emulation_meeting is True


def test_txt_gz_gives_the_same_record_as_the_plain_file(tmp_path):
    plain, packed = tmp_path / "a.txt", tmp_path / "b.txt.gz"
    plain.write_text(SEED, encoding="utf-8")
    packed.write_bytes(gzip.compress(SEED.encode("utf-8")))
    a, b = (process(d) for d in read_inputs([str(plain), str(packed)]))
    assert a.doc_id == b.doc_id and a.meeting == b.meeting


def test_truncated_gzip_is_one_clear_error(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "x", "text": "abc"}\n' * 50)[:20])
    (doc,) = read_inputs([str(path)])
    assert doc.error.startswith("not a readable gzip file")


def test_warc_gz_response_becomes_an_article_keyed_by_url(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    html = f"<html><head><title>T</title></head><body><article><p>{SEED.replace(chr(10)*2, '</p><p>')}</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record("https://example.vn/tin/hoi-nghi", "response",
                                        payload=io.BytesIO(html.encode("utf-8")), http_headers=headers)
        writer.write_record(rec)
    (doc,) = read_inputs([str(path)])
    assert doc.path == f"{path}#https://example.vn/tin/hoi-nghi" and doc.kind == "html"
    record = process(doc)
    assert record.error is None and record.is_emulation_meeting is True
    assert record.source.url == "https://example.vn/tin/hoi-nghi"
