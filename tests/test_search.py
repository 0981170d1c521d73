"""Searching the archive: diacritic-free full text, filters, snippets, the search command."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import corpus_text
from pipeline.archive import connect, index_records
from pipeline.search import (Filters, QueryError, accented_words, exact_spellings, format_hit, fts_query,
                             mark, search, snippet)
from test_archive import CUM3, cum3_record, not_a_meeting_record, tay_nam_bo_record


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.sqlite"
    index_records(connect(path), [cum3_record(), tay_nam_bo_record(), not_a_meeting_record()])
    return path


def doc_ids(hits) -> list[str]:
    return [h.doc_id for h in hits]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "search", *args],
                          capture_output=True, text=True, timeout=120)


def test_query_without_diacritics_finds_the_accented_award(db):
    hits = search(connect(db), "co thi dua", limit=5)
    assert sorted(doc_ids(hits)) == ["cum3", "taynambo"]  # 003 has "cơ sở" and "thi đua"
    cum3 = next(h for h in hits if h.doc_id == "cum3")
    assert [cum3.snippet[s:e] for s, e in cum3.highlights][:3] == ["Cờ", "thi", "đua"]


def test_the_phrase_of_the_query_is_what_the_snippet_shows(db):
    (hit,) = search(connect(db), '"co thi dua" chi cuc', limit=5)
    text = corpus_text(CUM3)
    shown = [hit.snippet[s:e] for s, e in hit.highlights]
    assert hit.doc_id == "cum3"
    assert shown[:4] == ["Cờ", "thi", "đua", "Chi"]
    assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet


def test_a_person_is_found_without_diacritics_in_text_and_by_filter(db):
    conn = connect(db)
    assert doc_ids(search(conn, "ly kim soi")) == ["cum3"]
    assert doc_ids(search(conn, "", Filters(person="ly kim soi"))) == ["cum3"]
    assert doc_ids(search(conn, "", Filters(person="Hoàng Quốc Cường"))) == ["taynambo"]


def test_either_tone_placement_finds_the_other(db):
    conn = connect(db)
    # article 000 writes "cụ thể hóa"; the query uses the old placement "hoá"
    assert doc_ids(search(conn, "cụ thể hoá")) == ["cum3"]
    assert doc_ids(search(conn, "cu the hóa")) == ["cum3"]


def test_filters_narrow_hits_to_province_year_group_award_type_and_unit(db):
    conn = connect(db)
    assert doc_ids(search(conn, "thi dua", Filters(province="lang son"))) == ["cum3"]
    assert doc_ids(search(conn, "thi dua", Filters(province="Cần Thơ"))) == ["taynambo"]
    assert doc_ids(search(conn, "thi dua", Filters(year=2020))) == ["cum3"]
    assert doc_ids(search(conn, "thi dua", Filters(year=2019))) == []
    assert doc_ids(search(conn, "", Filters(group="tay nam bo"))) == ["taynambo"]
    assert doc_ids(search(conn, "", Filters(award_type="co_thi_dua"))) == ["cum3"]
    assert doc_ids(search(conn, "", Filters(unit="truong cao dang y te"))) == ["cum3"]
    assert doc_ids(search(conn, "", Filters(unit="Sở Y tế TP Cần Thơ"))) == ["taynambo"]
    assert doc_ids(search(conn, "thi dua", Filters(province="lang son", award_type="bang_khen"))) == []


def test_units_and_people_columns_are_searchable_by_column(db):
    conn = connect(db)
    assert doc_ids(search(conn, "people:cuong")) == ["taynambo"]
    assert doc_ids(search(conn, "units:(an toan ve sinh)")) == ["cum3"]


def test_filters_alone_list_meetings_newest_first(db):
    hits = search(connect(db), "", Filters(group="cum thi dua"))
    assert [(h.doc_id, h.date) for h in hits] == [("cum3", "2020-12-20"), ("taynambo", None)]
    assert hits[0].score is None


def test_limit_caps_the_hits(db):
    assert len(search(connect(db), "thi dua", limit=1)) == 1


@pytest.mark.parametrize("query", ['"co thi', "thi AND", "(thi dua", "NEAR(thi dua"])
def test_a_malformed_query_raises_a_readable_error(db, query):
    with pytest.raises(QueryError, match="cannot read the query"):
        search(connect(db), query)


def test_an_unknown_award_type_names_the_known_ones(db):
    with pytest.raises(QueryError, match="co_thi_dua, bang_khen"):
        search(connect(db), "", Filters(award_type="co thi dua"))


def test_plain_words_become_quoted_folded_terms_and_operators_stay():
    assert fts_query("Cờ thi đua, Lạng Sơn") == '"co" "thi" "dua" "lang" "son"'
    assert fts_query('"Cờ thi đua" OR "Bằng khen"') == '"co thi dua" OR "bang khen"'


def test_snippet_centres_on_the_match_and_marks_it():
    text = corpus_text(CUM3)
    snip, marks, start = snippet(text, [("soi", False)], width=60)
    assert [snip[s:e] for s, e in marks] == ["Soi"]
    assert text[start:start + len(snip)] == snip
    assert mark("Cờ thi đua", [(0, 2)], "[", "]") == "[Cờ] thi đua"


def test_a_hit_prints_title_facts_and_bracketed_snippet_off_a_terminal(db):
    (hit,) = search(connect(db), "ly kim soi")
    lines = format_hit(hit, color=False).splitlines()
    assert lines[0].startswith("1. Cụm thi đua số 3 tổ chức Hội nghị Tổng kết")
    assert lines[1] == f"   2020-12-20 · Lạng Sơn · Cụm thi đua số 3 · corpus/docs/{CUM3}.txt · cum3"
    assert "[Lý] [Kim] [Soi]" in lines[2]
    assert "\x1b[1;33mLý\x1b[0m" in format_hit(hit, color=True)


def test_search_command_prints_json_lines(db):
    done = run_cli("co thi dua", "--db", str(db), "--province", "Lạng Sơn", "--json")
    assert done.returncode == 0
    (obj,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert (obj["doc_id"], obj["rank"], obj["province"], obj["year"], obj["group"]) == (
        "cum3", 1, "Lạng Sơn", 2020, "Cụm thi đua số 3")


def test_search_command_explains_a_malformed_query_without_a_traceback(db):
    done = run_cli('"co thi', "--db", str(db))
    assert done.returncode == 2
    assert done.stderr.startswith("error: cannot read the query '\"co thi'")
    assert "Traceback" not in done.stderr


def test_search_command_without_an_archive_says_how_to_make_one(tmp_path):
    done = run_cli("thi dua", "--db", str(tmp_path / "none.sqlite"))
    assert done.returncode == 2
    assert "thidua index" in done.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_search_command_refuses_a_file_that_is_not_an_archive(tmp_path):
    other = tmp_path / "notes.sqlite"
    other.write_text("just some notes", encoding="utf-8")
    done = run_cli("thi dua", "--db", str(other))
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr
    assert other.read_text(encoding="utf-8") == "just some notes"


def test_search_opens_the_archive_read_only(db):
    conn = connect(db, create=False)
    assert doc_ids(search(conn, "ly kim soi")) == ["cum3"]
    with pytest.raises(Exception, match="readonly"):
        conn.execute("DELETE FROM articles")


def test_exact_spelling_then_phrase_lift_hits_above_bm25_order(db):
    # 000 writes "Cờ thi đua", 003 only "cơ sở" and "thi đua"; all fold to "co", "thi", "dua"
    conn = connect(db)
    assert doc_ids(search(conn, "co")) == ["taynambo", "cum3"]          # bm25 alone
    assert doc_ids(search(conn, "cờ")) == ["cum3", "taynambo"]          # exact spelling
    assert doc_ids(search(conn, "co thi dua")) == ["cum3", "taynambo"]  # the words as a phrase
    assert doc_ids(search(conn, "cờ", limit=1)) == ["cum3"]


def test_accented_words_keep_one_tone_placement():
    assert accented_words("Văn hoá AND thi") == ["văn", "hóa"]
    assert exact_spellings(["hóa"], None, "cụ thể hoá") == 1
