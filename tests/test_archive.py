"""The SQLite archive: one table per kind of fact, re-indexing, validation, atomic writes."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_text
from pipeline import archive
from pipeline.archive import connect, fold, index_files, index_records, read_records, table_counts
from pipeline.ingest import read_inputs
from pipeline.record import (Award, Group, Leader, Meeting, MeetingEvidence, Member, Official,
                             Record, Source, Span)
from pipeline.run import process

CUM3 = "000_7386b0def3f7ce0d"   # Cụm thi đua số 3 (Lạng Sơn), review of 2020 held 20/12/2020
TAY_NAM_BO = "003_9117a6650cf1108b"  # cụm of the Sở Y tế of miền Tây Nam bộ, launching 2024


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def cum3_record(with_awards: bool = True) -> Record:
    """The meeting of article 000 written out by hand, every span pointing into its text."""
    text = corpus_text(CUM3)
    units = ("Chi cục An toàn vệ sinh thực phẩm", "Trường Cao đẳng Y tế")
    awards = [
        Award(award_type="co_thi_dua", award="Cờ thi đua", issuer="UBND tỉnh", recipient=units[0],
              status="proposed", year=2020,
              evidence=span(text, "UBND tỉnh tặng Cờ thi đua cho Chi cục An toàn vệ sinh thực phẩm")),
    ] if with_awards else []
    meeting = Meeting(
        kinds=["tong_ket", "trien_khai", "ky_giao_uoc"],
        date=dt.date(2020, 12, 20), location="Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn",
        province="Lạng Sơn", group=Group(name="Cụm thi đua số 3", kind="cum"), member_count=8,
        members=[Member(name=u, evidence=span(text, u)) for u in units],
        officials=[Official(name="Lý Kim Soi", title="Phó Giám đốc", organization="Sở Y tế",
                            role="director", evidence=span(text, "Lý Kim Soi-Phó Giám đốc Sở Y tế"))],
        leaders=[Leader(unit=units[0], position="leader", year=2021,
                        evidence=span(text, units[0] + " (Cụm Trưởng)")),
                 Leader(unit=units[1], position="deputy", year=2021,
                        evidence=span(text, units[1] + " (Phó trưởng Cụm)"))],
        awards=awards,
        evidence=MeetingEvidence(date=span(text, "20/12/2020"),
                                 location=span(text, "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn")),
    )
    return Record(doc_id="cum3", source=Source(path=f"corpus/docs/{CUM3}.txt",
                                               title=text.splitlines()[2], published=dt.date(2020, 12, 21)),
                  text=text, is_emulation_meeting=True, meeting=meeting)


def tay_nam_bo_record() -> Record:
    """The meeting of article 003: a cụm led by the Sở Y tế of Cần Thơ in 2024, no date given."""
    text = corpus_text(TAY_NAM_BO)
    leader_phrase = "Sở Y tế TP Cần Thơ, Cụm Trưởng"
    meeting = Meeting(
        kinds=["trien_khai", "ky_giao_uoc"], province="Cần Thơ",
        group=Group(name="Cụm thi đua các Sở Y tế miền Tây Nam bộ", kind="cum"),
        officials=[Official(name="Hoàng Quốc Cường", title="Giám đốc", organization="Sở Y tế TP Cần Thơ",
                            role="speaker", evidence=span(text, "Hoàng Quốc Cường, Giám đốc Sở Y tế TP Cần Thơ"))],
        leaders=[Leader(unit="Sở Y tế TP Cần Thơ", position="leader", year=2024,
                        evidence=span(text, leader_phrase))],
    )
    return Record(doc_id="taynambo", source=Source(path=f"corpus/docs/{TAY_NAM_BO}.txt",
                                                   title=text.splitlines()[0]),
                  text=text, is_emulation_meeting=True, meeting=meeting)


def not_a_meeting_record() -> Record:
    return Record(doc_id="other", source=Source(path="elsewhere.txt", title="Tin khác"),
                  text="Bệnh viện tổ chức khám sức khỏe cho người dân.", is_emulation_meeting=False)


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def rows(conn: sqlite3.Connection, sql: str, *args) -> list[tuple]:
    return conn.execute(sql, args).fetchall()


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory) -> Path:
    """The shipped corpus run through the pipeline now (extraction keeps improving)."""
    out = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    records = [process(raw) for raw in read_inputs([str(CORPUS / "docs")])]
    return write_jsonl(out, [r.to_json() for r in records])


# --- folding -------------------------------------------------------------------------------

def test_fold_drops_diacritics_and_d_bar_keeping_every_offset():
    assert fold("Cờ thi đua của UBND tỉnh") == "co thi dua cua ubnd tinh"
    assert fold("Đ") == "d"
    original = "Lý Kim Soi-Phó Giám đốc"
    assert len(fold(original)) == len(original)


def test_fold_makes_both_tone_placements_equal():
    assert fold("hoá") == fold("hóa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_fold_reads_decomposed_text_as_composed():
    assert fold("Co\u0300 thi \u0111ua") == "co thi dua"


# --- tables --------------------------------------------------------------------------------

def test_a_meeting_becomes_one_row_per_fact_with_its_spans(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    report = index_records(conn, [cum3_record()])
    assert (report.added, report.updated, report.unchanged, report.problems) == (1, 0, 0, [])
    assert rows(conn, "SELECT doc_id, path, published, is_emulation_meeting FROM articles") == [
        ("cum3", f"corpus/docs/{CUM3}.txt", "2020-12-21", 1)]
    assert rows(conn, "SELECT kinds, date, year, province, province_fold, group_name, group_kind, "
                      "member_count FROM meetings") == [
        ('["tong_ket", "trien_khai", "ky_giao_uoc"]', "2020-12-20", 2020, "Lạng Sơn", "lang son",
         "Cụm thi đua số 3", "cum", 8)]
    assert rows(conn, "SELECT ord, name FROM members ORDER BY ord") == [
        (0, "Chi cục An toàn vệ sinh thực phẩm"), (1, "Trường Cao đẳng Y tế")]
    assert rows(conn, "SELECT name, name_fold, title, organization, role FROM officials") == [
        ("Lý Kim Soi", "ly kim soi", "Phó Giám đốc", "Sở Y tế", "director")]
    assert rows(conn, "SELECT unit, position, year FROM leaders ORDER BY ord") == [
        ("Chi cục An toàn vệ sinh thực phẩm", "leader", 2021), ("Trường Cao đẳng Y tế", "deputy", 2021)]
    assert rows(conn, "SELECT award_type, award, issuer, recipient, count, status, year FROM awards") == [
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "Chi cục An toàn vệ sinh thực phẩm", None, "proposed", 2020)]
    (start, end), = rows(conn, "SELECT span_start, span_end FROM officials")
    assert corpus_text(CUM3)[start:end] == "Lý Kim Soi-Phó Giám đốc Sở Y tế"


def test_meeting_year_falls_back_to_publication_year_only_without_a_date(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    undated = cum3_record().model_copy(deep=True)
    undated.doc_id = "undated"
    undated.meeting.date = None
    undated.meeting.evidence.date = None
    undated.source.published = dt.date(2021, 1, 4)
    index_records(conn, [cum3_record(), undated, tay_nam_bo_record()])
    assert rows(conn, "SELECT doc_id, date, year FROM meetings ORDER BY doc_id") == [
        ("cum3", "2020-12-20", 2020), ("taynambo", None, None), ("undated", None, 2021)]


def test_an_article_that_is_not_a_meeting_has_an_article_row_only(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    index_records(conn, [not_a_meeting_record()])
    counts = table_counts(conn)
    assert (counts["articles"], counts["meetings"], counts["articles_fts"]) == (1, 0, 1)


def test_items_need_their_meeting_and_meetings_their_article(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO members (doc_id, ord, name, name_fold, span_start, span_end) "
                     "VALUES ('nowhere', 0, 'Sở Y tế', 'so y te', 0, 5)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO meetings (doc_id) VALUES ('nowhere')")


def test_filter_columns_are_indexed(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    indexed = set()
    for table in ("meetings", "members", "officials", "leaders", "awards"):
        for (_, name, *_rest) in rows(conn, f"PRAGMA index_list({table})"):
            indexed |= {(table, c[2]) for c in rows(conn, f"PRAGMA index_info('{name}')")}
    for wanted in [("meetings", "province"), ("meetings", "year"), ("meetings", "group_name"),
                   ("awards", "award_type"), ("officials", "name"), ("members", "name"),
                   ("leaders", "unit"), ("awards", "recipient"), ("members", "doc_id")]:
        assert wanted in indexed


# --- re-indexing ---------------------------------------------------------------------------

def test_reindexing_the_same_records_leaves_every_row_count_unchanged(tmp_path):
    records = write_jsonl(tmp_path / "r.jsonl", [r.to_json() for r in
                                                 (cum3_record(), tay_nam_bo_record(), not_a_meeting_record())])
    db = tmp_path / "a.sqlite"
    first = index_files([records], db)
    before = table_counts(connect(db))
    second = index_files([records], db)
    assert (first.added, second.added, second.updated, second.unchanged) == (3, 0, 0, 3)
    assert table_counts(connect(db)) == before == {
        "articles": 3, "meetings": 2, "members": 2, "officials": 2, "leaders": 3, "awards": 1,
        "articles_fts": 3}


def test_a_changed_record_replaces_its_rows_and_keeps_its_article_id(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    index_records(conn, [cum3_record(with_awards=False), tay_nam_bo_record()])
    (article_id,), = rows(conn, "SELECT id FROM articles WHERE doc_id = 'cum3'")
    report = index_records(conn, [cum3_record(with_awards=True)])
    assert (report.added, report.updated) == (0, 1)
    assert rows(conn, "SELECT id FROM articles WHERE doc_id = 'cum3'") == [(article_id,)]
    assert rows(conn, "SELECT doc_id, recipient FROM awards") == [("cum3", "Chi cục An toàn vệ sinh thực phẩm")]
    assert table_counts(conn)["members"] == 2
    assert table_counts(conn)["articles_fts"] == 2


def test_the_shipped_corpus_indexes_once_per_article_and_reindexes_without_duplicates(corpus_records, tmp_path):
    db = tmp_path / "corpus.sqlite"
    n_docs = len([p for p in (CORPUS / "docs").iterdir() if p.is_file()])
    first = index_files([corpus_records], db)
    counts = table_counts(connect(db))
    again = index_files([corpus_records, corpus_records], db)
    assert (first.indexed, first.problems) == (n_docs, [])
    assert (again.unchanged, again.added, again.updated) == (2 * n_docs, 0, 0)
    assert counts["articles"] == counts["articles_fts"] == n_docs
    assert table_counts(connect(db)) == counts


# --- validation and atomic writes ----------------------------------------------------------

def test_invalid_lines_are_reported_with_their_place_and_skipped(tmp_path):
    good = cum3_record().to_json()
    no_recipient = json.loads(good)
    no_recipient["doc_id"] = "bad-award"
    no_recipient["meeting"]["awards"][0]["recipient"] = None
    past_end = json.loads(tay_nam_bo_record().to_json())
    past_end["meeting"]["leaders"][0]["evidence"] = {"start": 10, "end": len(past_end["text"]) + 1}
    path = write_jsonl(tmp_path / "r.jsonl", [
        good, "{not json", json.dumps(no_recipient, ensure_ascii=False), "",
        json.dumps(past_end, ensure_ascii=False)])
    report = index_files([path], tmp_path / "a.sqlite")
    assert report.added == 1
    assert [(p.where, p.reason.split(":")[0]) for p in report.problems] == [
        (f"{path}:2", "not JSON"), (f"{path}:3", "invalid record"), (f"{path}:5", "invalid record")]
    assert "meeting.awards.0" in report.problems[1].reason
    assert "meeting.leaders.0.evidence" in report.problems[2].reason
    assert rows(connect(tmp_path / "a.sqlite"), "SELECT doc_id FROM articles") == [("cum3",)]


def test_an_invalid_new_version_leaves_the_indexed_one_intact(tmp_path):
    db = tmp_path / "a.sqlite"
    index_files([write_jsonl(tmp_path / "v1.jsonl", [cum3_record().to_json()])], db)
    broken = json.loads(cum3_record().to_json())
    broken["meeting"]["officials"][0]["role"] = "guest"
    report = index_files([write_jsonl(tmp_path / "v2.jsonl", [json.dumps(broken, ensure_ascii=False)])], db)
    assert (report.indexed, len(report.problems)) == (0, 1)
    assert rows(connect(db), "SELECT role FROM officials") == [("director",)]


def test_a_record_that_fails_midway_is_not_half_written(tmp_path, monkeypatch):
    conn = connect(tmp_path / "a.sqlite")
    real_insert = archive._insert

    def failing_insert(conn_, table, values):
        if table == "awards":
            raise sqlite3.IntegrityError("disk says no")
        real_insert(conn_, table, values)

    monkeypatch.setattr(archive, "_insert", failing_insert)
    report = index_records(conn, [tay_nam_bo_record(), cum3_record()])
    assert (report.added, [p.where for p in report.problems]) == (1, ["cum3"])
    assert "disk says no" in report.problems[0].reason
    assert table_counts(conn) == {"articles": 1, "meetings": 1, "members": 0, "officials": 1,
                                  "leaders": 1, "awards": 0, "articles_fts": 1}


def test_index_command_reports_skipped_lines_and_a_summary(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [cum3_record().to_json(), "[1, 2]"])
    db = tmp_path / "a.sqlite"
    done = subprocess.run([sys.executable, "-m", "pipeline", "index", str(path), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert f"skipped {path}:2: invalid record" in done.stderr
    assert "1 records indexed (1 new, 0 updated, 0 unchanged), 1 skipped" in done.stderr
    assert "Traceback" not in done.stderr
    assert table_counts(connect(db))["articles"] == 1


def test_read_records_reports_a_missing_file(tmp_path):
    missing = tmp_path / "nope.jsonl"
    (problem,) = list(read_records([missing]))
    assert problem.where == str(missing) and problem.reason.startswith("cannot read")


# --- the researchers' questions ------------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "archive.md"
METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.json"
README = Path(__file__).resolve().parent.parent / "README.md"


def documented_queries() -> dict[str, str]:
    queries = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["archive"]["queries"]
    return {name: q["sql"] for name, q in queries.items()}


@pytest.fixture
def questions_db(tmp_path):
    conn = connect(tmp_path / "a.sqlite")
    index_records(conn, [cum3_record(), tay_nam_bo_record(), not_a_meeting_record()])
    return conn


@pytest.mark.parametrize("doc", [DOCS, README])
def test_the_docs_show_the_same_sql_as_the_datasette_canned_queries(doc):
    blocks = [b.split("```", 1)[0].strip() for b in doc.read_text(encoding="utf-8").split("```sql")[1:]]
    queries = documented_queries()
    assert blocks == [queries["units_leading_group"], queries["co_thi_dua_recipients"],
                      queries["meetings_of_official"]]


def test_question_which_units_led_a_group_over_the_years(questions_db):
    sql = documented_queries()["units_leading_group"]
    assert [r[:3] for r in questions_db.execute(sql, {"group": "cum thi dua so 3"})] == [
        (2021, "Chi cục An toàn vệ sinh thực phẩm", "leader"), (2021, "Trường Cao đẳng Y tế", "deputy")]
    assert [r[:3] for r in questions_db.execute(sql, {"group": "Tây Nam bộ"})] == [
        (2024, "Sở Y tế TP Cần Thơ", "leader")]


def test_question_which_units_received_a_co_thi_dua_in_a_province_and_year(questions_db):
    sql = documented_queries()["co_thi_dua_recipients"]
    assert [r[:5] for r in questions_db.execute(sql, {"province": "Lạng Sơn", "year": "2020"})] == [
        ("Chi cục An toàn vệ sinh thực phẩm", "Cờ thi đua", "UBND tỉnh", "proposed", 2020)]
    assert questions_db.execute(sql, {"province": "lang son", "year": "2021"}).fetchall() == []


def test_question_every_meeting_an_official_attended(questions_db):
    sql = documented_queries()["meetings_of_official"]
    assert [r[:8] for r in questions_db.execute(sql, {"name": "ly kim soi"})] == [
        ("2020-12-20", 2020, "Lạng Sơn", "Cụm thi đua số 3", "Lý Kim Soi", "Phó Giám đốc", "Sở Y tế", "director")]


def test_the_search_canned_query_folds_what_is_typed(questions_db):
    sql = documented_queries()["search"]
    # escape_fts is Datasette's; here a stand-in that quotes each folded word the same way
    questions_db.create_function("escape_fts", 1, lambda q: " ".join(f'"{w}"' for w in fold(q).split()))
    assert [r[1] for r in questions_db.execute(sql, {"q": "Hoàng Quốc Cường"})] == ["taynambo"]


def test_index_command_says_when_the_archive_cannot_be_written(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [cum3_record().to_json()])
    done = subprocess.run([sys.executable, "-m", "pipeline", "index", str(path),
                           "--db", str(tmp_path / "no" / "such" / "dir" / "a.sqlite")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("error: cannot write the archive")
    assert "Traceback" not in done.stderr
