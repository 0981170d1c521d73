"""Ingest (files, folders, globs, stdin, JSONL, HTML, WARC) and decoding, on corpus articles."""
import datetime as dt
import html
import io
import json
import unicodedata
from pathlib import Path

import pytest

from conftest import corpus_text
from pipeline.clean import clean_document, clean_text, decode, parse_date, split_authors
from pipeline.ingest import expand, read_inputs, read_stream
from pipeline.types import Article, RawDocument

TEXT_000 = corpus_text("000_")
TEXT_002 = corpus_text("002_")
TEXT_004 = corpus_text("004_")
HEADLINE_002 = ("Khối thi đua tổng hợp: “Đẩy mạnh các phong trào thi đua, phát huy nội lực, hoàn thành tốt "
                "mọi nhiệm vụ được giao”")


def article(raw: RawDocument) -> Article:
    result = clean_document(raw)
    assert isinstance(result, Article), result
    return result


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- files, folders, globs --------------------------------------------------------------------

def test_folder_is_read_recursively_in_path_order_without_hidden_files(tmp_path):
    root = tmp_path / "crawl"
    write(root / "b.txt", TEXT_002)
    write(root / "a" / "z.txt", TEXT_000)
    write(root / "a" / "b" / "c.txt", TEXT_004)
    write(root / "c.html", "<html><body><p>" + TEXT_000 + "</p></body></html>")
    write(root / ".cache" / "x.txt", TEXT_000)
    write(root / ".hidden.txt", TEXT_000)
    paths = [label for _, label in expand([str(root)])]
    assert paths == [str(root / "a" / "b" / "c.txt"), str(root / "a" / "z.txt"), str(root / "b.txt"),
                     str(root / "c.html")]
    assert [raw.path for raw in read_inputs([str(root)])] == paths


def test_glob_expands_recursively_in_sorted_order_and_labels_stay_as_named(tmp_path, monkeypatch):
    write(tmp_path / "docs" / "2.txt", TEXT_002)
    write(tmp_path / "docs" / "1.txt", TEXT_000)
    write(tmp_path / "docs" / "deep" / "0.txt", TEXT_004)
    write(tmp_path / "docs" / "notes.md", TEXT_004)
    monkeypatch.chdir(tmp_path)
    assert [label for _, label in expand(["docs/*.txt"])] == ["docs/1.txt", "docs/2.txt"]
    assert [label for _, label in expand(["docs/**/*.txt"])] == ["docs/1.txt", "docs/2.txt", "docs/deep/0.txt"]


def test_inputs_keep_their_order_and_a_file_named_twice_is_read_twice(tmp_path):
    a = write(tmp_path / "a.txt", TEXT_000)
    b = write(tmp_path / "b.txt", TEXT_002)
    assert [raw.path for raw in read_inputs([str(b), str(a), str(b)])] == [str(b), str(a), str(b)]


def test_missing_file_glob_without_match_and_empty_folder_each_give_one_error(tmp_path):
    (tmp_path / "empty").mkdir()
    raws = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.html"), str(tmp_path / "empty")]))
    assert [(r.path, r.error) for r in raws] == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(tmp_path / "*.html"), f"no file matches the pattern {str(tmp_path / '*.html')!r}"),
        (str(tmp_path / "empty"), "folder holds no article files"),
    ]


# --- stdin ---------------------------------------------------------------------------------------

def test_stdin_text_is_one_article_labelled_stdin():
    (raw,) = read_stream(io.BytesIO(TEXT_000.encode("utf-8")))
    assert raw.path == "<stdin>"
    assert article(raw).text == clean_text(TEXT_000)


def test_stdin_jsonl_gives_one_article_per_line_keyed_by_id_or_line():
    lines = [json.dumps({"id": "a-1", "text": TEXT_000}, ensure_ascii=False),
             json.dumps({"text": TEXT_004, "title": "Sơ kết 6 tháng"}, ensure_ascii=False)]
    raws = list(read_stream(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))))
    assert [r.path for r in raws] == ["<stdin>#a-1", "<stdin>:2"]
    assert article(raws[1]).title == "Sơ kết 6 tháng"


def test_stdin_jsonl_with_a_broken_line_keeps_the_good_lines_and_reports_the_bad_one():
    data = json.dumps({"id": "a-1", "text": TEXT_000}, ensure_ascii=False) + "\n" + TEXT_004[:80] + "\n"
    good, bad = read_stream(io.BytesIO(data.encode("utf-8")))
    assert (good.path, good.error) == ("<stdin>#a-1", None)
    assert (bad.path, bad.error) == ("<stdin>:2", "JSONL line 2 is not JSON: Expecting value at column 1")


def test_stdin_through_the_cli_writes_one_record(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "-", "-o", str(out), "-q", "--workers", "1"],
                                input=TEXT_000.encode("utf-8"))
    assert result.exit_code == 0, result.output
    (rec,) = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert rec["source"]["path"] == "<stdin>"
    assert rec["is_emulation_meeting"] is True
    assert rec["text"] == clean_text(TEXT_000)


# --- JSONL -----------------------------------------------------------------------------------------

def test_jsonl_source_path_names_the_id_the_url_or_the_line(tmp_path):
    lines = [{"id": 17, "text": TEXT_000},
             {"url": "https://cdc.example.vn/khoi-thi-dua-tong-hop", "text": TEXT_002},
             {"text": TEXT_004}]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    assert [raw.path for raw in read_inputs([str(path)])] == [
        f"{path}#17", f"{path}#https://cdc.example.vn/khoi-thi-dua-tong-hop", f"{path}:3"]


def test_jsonl_fields_become_the_article_source_facts(tmp_path):
    lines = [
        {"id": "002", "text": TEXT_002, "title": HEADLINE_002, "date": "2022-11-30T08:15:00+07:00",
         "author": "Ngọc Nga", "url": "https://cdc.example.vn/a"},
        {"id": "004", "text": TEXT_004, "published": "24/07/2017", "authors": ["Thanh Sơn", "Văn Toản"]},
        {"id": "000", "text": TEXT_000, "published": "20/13/2020", "authors": "Mã Thị Hiền; Lý Kim Soi"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    a002, a004, a000 = (article(raw) for raw in read_inputs([str(path)]))
    assert (a002.title, a002.published, a002.authors, a002.url) == (
        HEADLINE_002, dt.date(2022, 11, 30), ("Ngọc Nga",), "https://cdc.example.vn/a")
    assert a002.title_span == (0, len(HEADLINE_002))
    assert (a004.published, a004.authors) == (dt.date(2017, 7, 24), ("Thanh Sơn", "Văn Toản"))
    assert (a000.published, a000.authors) == (None, ("Mã Thị Hiền", "Lý Kim Soi"))


def test_jsonl_html_field_is_read_as_a_page(tmp_path):
    page = "<html><body><article><h1>{}</h1>{}</article></body></html>".format(
        html.escape(HEADLINE_002), "".join(f"<p>{html.escape(p)}</p>" for p in TEXT_002.split("\n")[4:8] if p))
    path = write(tmp_path / "pages.jsonl", json.dumps({"id": "p1", "html": page}, ensure_ascii=False))
    (raw,) = read_inputs([str(path)])
    assert (raw.kind, raw.path) == ("html", f"{path}#p1")
    assert article(raw).text.startswith(HEADLINE_002 + "\n")


@pytest.mark.parametrize("value, expected", [
    ("2022-11-30", dt.date(2022, 11, 30)),
    ("2022-11-30T08:15:00+07:00", dt.date(2022, 11, 30)),
    ("2022/11/30 08:15", dt.date(2022, 11, 30)),
    ("30/11/2022", dt.date(2022, 11, 30)),
    ("Thứ hai - 21/10/2024 05:01", dt.date(2024, 10, 21)),
    ("ngày 24 tháng 11 năm 2015", dt.date(2015, 11, 24)),
    ("31/02/2022", None),
    ("2022-11", None),
    ("hôm qua", None),
    (20221130, None),
    (None, None),
])
def test_container_dates_are_parsed_day_first_and_bad_ones_tolerated(value, expected):
    assert parse_date(value) == expected


def test_author_field_is_split_into_names_and_the_site_name_left_out():
    assert split_authors("Thanh Sơn – Văn Toản") == ("Thanh Sơn", "Văn Toản")
    assert split_authors("Ngọc Nga, CDC Hà Nam", exclude=["CDC Hà Nam"]) == ("Ngọc Nga",)
    assert split_authors(["Mã Thị Hiền", None, "https://cdc.example.vn"]) == ("Mã Thị Hiền",)


# --- HTML ----------------------------------------------------------------------------------------

def news_page(text: str) -> str:
    """A page as a provincial health portal serves it: menus, the article, related links,
    a comment form and a footer around the article of corpus file 002."""
    paras = [p for p in text.split("\n") if p.strip()]
    body = paras[2:paras.index("Ngọc Nga")]
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(paras[0])} - CDC Hà Nam</title>
<meta property="og:title" content="{html.escape(paras[0])}">
<meta property="og:site_name" content="CDC Hà Nam">
<meta property="og:url" content="https://cdc.example.vn/tin-tuc/khoi-thi-dua-tong-hop.html">
<meta property="article:published_time" content="2022-11-30T08:15:00+07:00">
<meta name="author" content="Ngọc Nga">
<script>var tracker = "Skip to main content";</script>
</head><body>
<header><a href="#main">Skip to main content</a><nav><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/tin-tuc">Tin tức</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav></header>
<main id="main"><article>
<h1>{html.escape(paras[0])}</h1>
<div class="meta">30/11/2022 08:15 | Lượt xem: 1234</div>
{''.join(f'<p>{html.escape(p)}</p>' for p in body)}
<p class="author">Ngọc Nga</p>
</article>
<section class="related"><h3>Bài viết liên quan</h3><ul>
<li><a href="/a">Bản tin công tác phòng, chống dịch sáng ngày 15/10/2021</a></li>
<li><a href="/b">Hà Nam: 02 trường hợp dương tính với SARS-CoV-2</a></li></ul></section>
<section class="comments"><h3>Gửi bình luận</h3><form><label>Họ và tên</label><input>
<label>Email</label><input><textarea></textarea><button>Gửi</button></form></section>
</main>
<footer><p>Bản quyền thuộc về CDC Hà Nam</p></footer>
</body></html>"""


def test_html_page_gives_main_text_and_title_date_author_url_from_its_metadata(tmp_path):
    path = write(tmp_path / "khoi-thi-dua.html", news_page(TEXT_002))
    (raw,) = read_inputs([str(path)])
    a = article(raw)
    assert a.title == HEADLINE_002
    assert a.published == dt.date(2022, 11, 30)
    assert a.authors == ("Ngọc Nga",)
    assert a.url == "https://cdc.example.vn/tin-tuc/khoi-thi-dua-tong-hop.html"
    assert a.title_span == (0, len(HEADLINE_002))
    assert "Sáng 29/11/2022, Khối thi đua tổng hợp đã tổ chức hội nghị tổng kết công tác thi đua năm 2022" in a.text
    assert a.text.rstrip().endswith("đề xuất Trường Cao đẳng Y tế nhận Cờ thi đua của UBND tỉnh năm 2022.")
    for junk in ("Skip to main content", "Trang chủ", "SARS-CoV-2", "Họ và tên", "Bản quyền", "tracker"):
        assert junk not in a.text


def test_html_page_is_read_from_its_markup_when_trafilatura_finds_nothing(monkeypatch):
    import pipeline.clean as clean

    monkeypatch.setattr(clean, "trafilatura_page", lambda html: None)
    a = article(RawDocument(path="p.html", kind="html", data=news_page(TEXT_002).encode("utf-8")))
    assert (a.title, a.published, a.authors, a.url) == (
        HEADLINE_002, dt.date(2022, 11, 30), ("Ngọc Nga",), "https://cdc.example.vn/tin-tuc/khoi-thi-dua-tong-hop.html")
    lines = a.text.split("\n")
    assert lines[0] == HEADLINE_002
    assert "Về dự và chỉ đạo có đồng chí Trương Thanh Phòng – Phó Giám đốc Sở Y tế; lãnh đạo của 07 đơn vị trong khối." in a.text
    # Navigation, header, script, related links and the comment form are gone; the byline stays.
    assert "Ngọc Nga" in lines
    for junk in ("Skip to main content", "Trang chủ", "Liên hệ", "Lượt xem", "SARS-CoV-2", "Họ và tên",
                 "Gửi bình luận", "tracker"):
        assert junk not in a.text


def test_html_page_without_metadata_keeps_its_title_from_the_title_tag(tmp_path):
    paras = [p for p in TEXT_000.split("\n") if len(p.split()) > 25]
    page = "<html><head><title>{}</title></head><body><div>{}</div></body></html>".format(
        html.escape("Cụm thi đua số 3 tổ chức Hội nghị Tổng kết"), "".join(f"<p>{html.escape(p)}</p>" for p in paras))
    a = article(RawDocument(path="p.html", kind="html", data=page.encode("utf-8")))
    assert a.title == "Cụm thi đua số 3 tổ chức Hội nghị Tổng kết"
    assert a.text.startswith("Cụm thi đua số 3 tổ chức Hội nghị Tổng kết\n\n" + paras[0])
    assert (a.published, a.authors) == (None, ())


def test_text_file_holding_an_html_page_is_read_as_html(tmp_path):
    path = write(tmp_path / "saved.txt", news_page(TEXT_002))
    a = article(next(read_inputs([str(path)])))
    assert a.title == HEADLINE_002 and "<p>" not in a.text and "Skip to main content" not in a.text


def test_html_declaring_windows_1258_is_decoded_by_its_declaration(tmp_path):
    page = news_page(TEXT_002).replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    a = article(RawDocument(path="p.html", kind="html", data=to_cp1258(page)))
    assert a.title == HEADLINE_002
    assert "Về dự và chỉ đạo có đồng chí Trương Thanh Phòng – Phó Giám đốc Sở Y tế" in a.text


# --- WARC ----------------------------------------------------------------------------------------

def test_warc_archive_gives_one_article_per_html_response(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in (("https://cdc.example.vn/a.html", news_page(TEXT_002).encode(), "text/html; charset=utf-8"),
                                 ("https://cdc.example.vn/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    (raw,) = read_inputs([str(path)])
    assert (raw.path, raw.kind) == (f"{path}#https://cdc.example.vn/a.html", "html")
    assert article(raw).title == HEADLINE_002


# --- encodings -------------------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Text as windows-1258 stores it: base letters precomposed where the code page has them,
    tone marks as separate combining characters."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out.append(base + "".join(c for c in parts if c in _TONE_MARKS))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encode", [
    pytest.param(to_cp1258, id="windows-1258"),
    pytest.param(lambda t: t.encode("utf-16"), id="utf-16 with BOM"),
    pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le without BOM"),
    pytest.param(lambda t: t.encode("utf-16-be"), id="utf-16-be without BOM"),
    pytest.param(lambda t: t.encode("utf-8-sig"), id="utf-8 with BOM"),
    pytest.param(lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), id="utf-8 decomposed"),
])
def test_legacy_and_utf16_files_give_the_same_article_as_the_utf8_file(tmp_path, encode):
    for stem in ("000_", "002_", "004_"):
        text = corpus_text(stem)
        utf8 = article(next(read_inputs([str(write(tmp_path / "utf8" / f"{stem}.txt", text.encode("utf-8")))])))
        other = article(next(read_inputs([str(write(tmp_path / "other" / f"{stem}.txt", encode(text)))])))
        assert other.text == utf8.text
        assert other.doc_id == utf8.doc_id


def test_windows_1258_is_preferred_when_it_reads_as_vietnamese():
    # The raw code page leaves tones as combining marks: the decoder composes them.
    assert decode(to_cp1258("Hội nghị tổng kết")) == "Hội nghị tổng kết"


def test_utf8_file_cut_inside_its_last_character_loses_only_that_character():
    data = TEXT_000.encode("utf-8")
    cut = data[:-1]  # the last letter of "phẩm" is plain ASCII: cut inside "ẩ" instead
    at = data.rindex("ẩ".encode("utf-8"))
    assert decode(data[:at + 1]) == TEXT_000[:TEXT_000.rindex("ẩ")]
    assert decode(cut) == TEXT_000[:-1]


# --- doc_id ------------------------------------------------------------------------------------------

def test_doc_id_depends_on_the_cleaned_text_only(tmp_path):
    a = article(next(read_inputs([str(write(tmp_path / "x" / "one.txt", TEXT_000))])))
    b = article(next(read_inputs([str(write(tmp_path / "y" / "two.txt", "\r\n".join(TEXT_000.split("\n"))))])))
    c = article(next(read_inputs([str(write(tmp_path / "z.txt", TEXT_002))])))
    assert a.doc_id == b.doc_id != c.doc_id
    assert a.doc_id == article(RawDocument(path="again", kind="text", data=TEXT_000)).doc_id
    assert len(a.doc_id) == 16 and int(a.doc_id, 16) >= 0


def test_corpus_folder_reads_every_shipped_article(corpus_dir):
    files = sorted(p for p in (corpus_dir / "docs").iterdir() if not p.name.startswith("."))
    assert [label for _, label in expand([str(corpus_dir / "docs")])] == [str(p) for p in files]
