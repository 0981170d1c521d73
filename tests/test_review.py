"""The review page: entries, nested/split highlights, safe embedding, and the page in Chromium."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from conftest import CORPUS, corpus_text
from pipeline.cli import app
from pipeline.ingest import read_inputs
from pipeline.record import (Award, Group, Leader, Meeting, MeetingEvidence, Member, Official, Record,
                             Source, Span, error_record)
from pipeline.review import (NOT_RELEVANT, Piece, embed_json, layout_pieces,
                             read_entries, render_page, review_entry, write_review)
from pipeline.run import process

CUM3 = "000_7386b0def3f7ce0d"   # Cụm thi đua số 3 (Lạng Sơn), review of 2020 held 20/12/2020
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def cum3_record() -> Record:
    """Article 000 with a hand-written meeting whose award span holds a member's span and
    whose leader span crosses a member span."""
    text = corpus_text(CUM3)
    award_phrase = "UBND tỉnh tặng Cờ thi đua cho Chi cục An toàn vệ sinh thực phẩm"
    award_span = span(text, award_phrase)
    unit = "Chi cục An toàn vệ sinh thực phẩm"
    unit_in_award = Span(start=award_span.end - len(unit), end=award_span.end)
    meeting = Meeting(
        kinds=["tong_ket"], date=dt.date(2020, 12, 20),
        location="Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn", province="Lạng Sơn",
        group=Group(name="Cụm thi đua số 3", kind="cum"), member_count=8,
        members=[Member(name=unit, evidence=unit_in_award),
                 Member(name="Trường Cao đẳng Y tế", evidence=span(text, "Trường Cao đẳng Y tế"))],
        officials=[Official(name="Lý Kim Soi", title="Phó Giám đốc", organization="Sở Y tế",
                            role="director", evidence=span(text, "Lý Kim Soi"))],
        # Crosses the award: starts inside it ("Cờ thi đua ...") and ends after it.
        leaders=[Leader(unit=unit, position="leader", year=2021,
                        evidence=Span(start=text.index("Cờ thi đua cho Chi cục"),
                                      end=award_span.end + 3))],
        awards=[Award(award_type="co_thi_dua", award="Cờ thi đua", issuer="UBND tỉnh", recipient=unit,
                      status="proposed", year=2020, evidence=award_span)],
        evidence=MeetingEvidence(date=span(text, "20/12/2020"),
                                 location=span(text, "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn")),
    )
    return Record(doc_id="cum3", source=Source(path=f"corpus/docs/{CUM3}.txt", title="Cụm thi đua số 3"),
                  text=text, is_emulation_meeting=True, meeting=meeting)


def not_relevant_record() -> Record:
    text = "Bệnh viện tỉnh khám bệnh miễn phí cho người dân.\n\nHơn 300 người được khám."
    return Record(doc_id="nr1", source=Source(path="docs/nr1.txt"), text=text, is_emulation_meeting=False)


def pieces_text(entry: dict, item: int) -> str:
    return "".join(entry["text"][s:e] for s, e, i in entry["pieces"] if i == item)


# ---- layout of overlapping spans ----------------------------------------------------------

def test_a_span_nested_in_another_stays_whole_inside_it():
    assert layout_pieces([(0, 20), (5, 10)]) == [Piece(0, 20, 0), Piece(5, 10, 1)]


def test_a_crossing_span_is_cut_at_the_end_of_the_span_it_crosses():
    assert layout_pieces([(0, 10), (5, 20)]) == [Piece(0, 10, 0), Piece(5, 10, 1), Piece(10, 20, 1)]


def test_the_span_starting_first_stays_whole_whatever_the_order_listed():
    assert layout_pieces([(5, 20), (0, 10)]) == [Piece(0, 10, 1), Piece(5, 10, 0), Piece(10, 20, 0)]


def test_a_span_crossing_pieces_of_a_split_span_is_cut_at_each_of_their_boundaries():
    pieces = layout_pieces([(0, 10), (5, 20), (7, 15)])
    assert pieces == [Piece(0, 10, 0), Piece(5, 10, 1), Piece(7, 10, 2),
                      Piece(10, 20, 1), Piece(10, 15, 2)]


def test_identical_spans_nest_with_the_first_listed_outside():
    assert layout_pieces([(3, 8), (3, 8)]) == [Piece(3, 8, 0), Piece(3, 8, 1)]


def test_empty_spans_get_no_piece():
    assert layout_pieces([(0, 0), (2, 4)]) == [Piece(2, 4, 1)]


# ---- entries -------------------------------------------------------------------------------

def test_entry_lists_items_by_field_with_their_columns_and_spans():
    record = cum3_record()
    entry = review_entry(record)
    assert [it["f"] for it in entry["items"]] == ["member", "member", "official", "leader", "award",
                                                  "date", "location"]
    official = entry["items"][2]
    assert official["d"] == {"name": "Lý Kim Soi", "title": "Phó Giám đốc", "organization": "Sở Y tế",
                             "role": "director"}
    assert record.text[official["s"]:official["e"]] == "Lý Kim Soi"
    assert entry["items"][5]["d"] == {"date": "2020-12-20"}
    assert entry["fields"] == ["member", "official", "leader", "award", "date", "location"]
    assert (entry["status"], entry["reason"], entry["province"]) == ("relevant", None, "Lạng Sơn")
    assert ["group", "Cụm thi đua số 3 (cum)"] in entry["meeting"]


def test_every_item_of_an_entry_is_drawn_whole_even_when_its_span_crosses_another():
    record = cum3_record()
    entry = review_entry(record)
    for i, item in enumerate(entry["items"]):
        assert pieces_text(entry, i) == record.text[item["s"]:item["e"]]
    leader = entry["items"].index(next(it for it in entry["items"] if it["f"] == "leader"))
    assert len([p for p in entry["pieces"] if p[2] == leader]) == 2   # split at the award's end
    assert pieces_text(entry, 0) == "Chi cục An toàn vệ sinh thực phẩm"


def test_not_relevant_and_error_records_are_listed_with_their_reason():
    nr = review_entry(not_relevant_record())
    assert (nr["status"], nr["reason"], nr["items"], nr["pieces"]) == ("not_relevant", NOT_RELEVANT, [], [])
    assert nr["label"] == "Bệnh viện tỉnh khám bệnh miễn phí cho người dân."
    err = review_entry(error_record("e1", "docs/broken.html", "cannot decode: invalid start byte"))
    assert (err["status"], err["reason"], err["label"]) == ("error", "cannot decode: invalid start byte",
                                                            "docs/broken.html")


def test_a_line_that_is_not_a_record_becomes_an_error_entry_saying_where_and_why(tmp_path):
    good = not_relevant_record().to_json()
    broken = json.loads(good)
    broken["is_emulation_meeting"] = "maybe"
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([good, "{not json", json.dumps(broken, ensure_ascii=False), ""]), encoding="utf-8")
    entries = list(read_entries([path]))
    assert [e["status"] for e in entries] == ["not_relevant", "error", "error"]
    assert entries[1]["reason"].startswith(f"{path}:2: not JSON")
    assert entries[2]["reason"] == f"{path}:3: invalid record: is_emulation_meeting: Input should be a valid boolean, unable to interpret input"
    assert entries[2]["id"] == "nr1" and entries[2]["text"] == not_relevant_record().text


def test_a_span_outside_the_text_is_flagged_and_not_drawn():
    record = cum3_record()
    size = len(record.text)
    record.meeting.members[1].evidence = Span(start=size - 2, end=size + 5)
    entry = review_entry(record)
    assert entry["items"][1]["bad"] == f"span [{size - 2}, {size + 5}) is outside the text ({size} characters)"
    assert all(p[2] != 1 for p in entry["pieces"])


# ---- the page ------------------------------------------------------------------------------

def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="thidua-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_script_end_tags_in_article_text_cannot_break_out_of_the_data_block():
    text = 'Tin </script><script>alert(1)</script> và <!-- chú thích --> & "ngoặc"'
    record = Record(doc_id="x", source=Source(path="x.txt", title="</SCRIPT> tiêu đề"), text=text,
                    is_emulation_meeting=False)
    page = render_page([review_entry(record)], title="a <b> title")
    assert page.lower().count("</script>") == 2        # the data block and the page script only
    assert "<!--" not in page
    data = embedded_data(page)
    assert data["entries"][0]["text"] == text
    assert data["entries"][0]["title"] == "</SCRIPT> tiêu đề"
    assert "<title>a &lt;b&gt; title</title>" in page
    assert embed_json({"s": "\u2028<&>"}) == '{"s":"\\u2028\\u003c\\u0026\\u003e"}'


def test_the_page_loads_nothing_from_the_network():
    page = render_page([review_entry(cum3_record())])
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert "default-src 'none'" in page


def test_review_command_writes_the_page_and_reports_what_it_holds(tmp_path):
    records = tmp_path / "records.jsonl"
    lines = [cum3_record().to_json(), not_relevant_record().to_json(),
             error_record("e1", "bad.html", "empty page").to_json()]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(records), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"3 articles: 1 meetings, 1 not relevant, 1 errors -> {out}" in result.output
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["entries"]] == ["cum3", "nr1", "e1"]
    assert data["fields"] == ["member", "official", "leader", "award", "date", "location"]


# ---- in headless Chromium -------------------------------------------------------------------

def chromium(tmp_path: Path, url: str, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args, url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory) -> tuple[Path, list[Record]]:
    """The review page of the shipped corpus, extracted now by the pipeline."""
    folder = tmp_path_factory.mktemp("review")
    records = [process(raw) for raw in read_inputs([str(CORPUS / "docs")])]
    jsonl = folder / "records.jsonl"
    jsonl.write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    page = folder / "review.html"
    write_review([jsonl], page)
    return page, records


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                    "(apt-get install chromium; .ci/run installs it)")


def marks_by_item(root) -> dict[int, str]:
    texts: dict[int, str] = {}
    for mark in root.xpath('//div[@id="text"]//mark[@data-item]'):
        item = int(mark.get("data-item"))
        texts[item] = texts.get(item, "") + mark.text_content()
    return texts


@needs_chromium
def test_selected_article_shows_every_evidence_span_highlighted_in_chromium(corpus_page, tmp_path):
    page, records = corpus_page
    (record,) = [r for r in records if r.source.path.endswith(CUM3 + ".txt")]
    url = page.as_uri() + "#doc=" + record.doc_id
    root = lxml_html.fromstring(chromium(tmp_path, url, "--dump-dom"))
    (doc,) = root.xpath('//main[@id="doc"]')
    assert doc.get("data-doc") == record.doc_id
    assert doc.xpath("string(h2)") == record.source.title
    official_marks = [m.text_content() for m in root.xpath('//mark[@data-field="official"]')]
    member_marks = [m.text_content() for m in root.xpath('//mark[@data-field="member"]')]
    assert "Lý Kim Soi" in official_marks
    assert "Chi cục An toàn vệ sinh thực phẩm" in member_marks
    assert "Trường Cao đẳng Y tế" in member_marks
    # Every item of the record is highlighted whole, split pieces joined back in order.
    items = review_entry(record)["items"]
    drawn = marks_by_item(root)
    assert {i: drawn.get(i) for i in range(len(items))} == {
        i: record.text[it["s"]:it["e"]] for i, it in enumerate(items)}
    fields = {m.get("data-field") for m in root.xpath('//div[@id="text"]//mark')}
    assert fields == {it["f"] for it in items}
    assert root.xpath('string(//div[@id="text"])') == record.text
    # The record beside it: one table row per item.
    assert len(root.xpath('//section[@id="rec"]//tr[@data-item]')) == len(items)
    # Not relevant articles are in the list with their reason.
    reasons = root.xpath('//ol[@id="list"]/li[contains(@class, "st-not_relevant")]//div[@class="why"]/text()')
    assert reasons and set(reasons) == {NOT_RELEVANT}
    shot = tmp_path / "review.png"
    chromium(tmp_path, url, f"--screenshot={shot}", "--window-size=1400,1000", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@needs_chromium
def test_five_thousand_articles_render_one_page_of_the_list_and_the_selected_article(corpus_page, tmp_path):
    page, records = corpus_page
    entries = [review_entry(r) for r in records]
    many = [dict(entries[i % len(entries)], id=f"doc{i}") for i in range(5000)]
    big = tmp_path / "big.html"
    big.write_text(render_page(many), encoding="utf-8")
    root = lxml_html.fromstring(chromium(tmp_path, big.as_uri() + "#doc=doc4321", "--dump-dom"))
    assert len(root.xpath('//ol[@id="list"]/li')) == 50
    assert root.xpath('string(//div[@id="count"])') == "5000 of 5000 articles"
    assert root.xpath('string(//span[@id="page"])') == "page 87 / 100"
    assert root.xpath('//ol[@id="list"]/li[@class="st-{} current"]/@data-n'.format(many[4321]["status"])) == ["4321"]
    assert root.xpath('//main[@id="doc"]/@data-doc') == ["doc4321"]
    # Only the selected article's text is in the page's DOM.
    assert len(root.xpath('//div[@id="text"]')) == 1
