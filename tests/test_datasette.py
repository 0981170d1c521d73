"""The archive in Datasette: metadata, facets, diacritic-free search box, canned queries.

Datasette runs as a child process bound to 127.0.0.1 on a free port, is polled a bounded
number of times, and is stopped at the end of the module whatever happens.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT
from pipeline.archive import connect, index_records
from test_archive import cum3_record, not_a_meeting_record, tay_nam_bo_record

METADATA = ROOT / "datasette" / "metadata.json"
PLUGINS = ROOT / "datasette" / "plugins"
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(base: str, path: str, **params) -> dict:
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("ds") / "archive.sqlite"
    conn = connect(db)
    index_records(conn, [cum3_record(), tay_nam_bo_record(), not_a_meeting_record()])
    conn.close()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1", "--port", str(port),
         "--metadata", str(METADATA), "--plugins-dir", str(PLUGINS)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail("datasette exited: " + proc.stderr.read()[-2000:])
            try:
                get_json(base, "/-/versions.json")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"datasette did not answer within {STARTUP_SECONDS}s")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_metadata_names_the_fts_table_and_facets_of_every_fact_table():
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    tables = meta["databases"]["archive"]["tables"]
    assert (tables["articles"]["fts_table"], tables["articles"]["fts_pk"]) == ("articles_fts", "id")
    assert set(tables) >= {"articles", "meetings", "members", "officials", "leaders", "awards"}
    assert {"province", "year"} <= {f for f in tables["meetings"]["facets"] if isinstance(f, str)}
    assert "award_type" in tables["awards"]["facets"]


def test_faceted_query_of_meetings_counts_provinces_and_years(server):
    data = get_json(server, "/archive/meetings.json", _facet="province", _shape="objects",
                    group_kind="cum", _sort="doc_id")
    assert [r["doc_id"] for r in data["rows"]] == ["cum3", "taynambo"]
    assert sorted((f["value"], f["count"]) for f in data["facet_results"]["province"]["results"]) == [
        ("Cần Thơ", 1), ("Lạng Sơn", 1)]
    assert sorted((f["value"], f["count"]) for f in data["facet_results"]["year"]["results"]) == [(2020, 1)]


def test_faceted_awards_filtered_by_type(server):
    data = get_json(server, "/archive/awards.json", award_type="co_thi_dua", _shape="objects")
    assert [(r["recipient"], r["year"]) for r in data["rows"]] == [("Chi cục An toàn vệ sinh thực phẩm", 2020)]
    assert [(f["value"], f["count"]) for f in data["facet_results"]["status"]["results"]] == [("proposed", 1)]


def test_search_box_matches_with_and_without_diacritics(server):
    for words in ("Lý Kim Soi", "ly kim soi"):
        data = get_json(server, "/archive/articles.json", _search=words, _shape="objects", _col="doc_id")
        assert [r["doc_id"] for r in data["rows"]] == ["cum3"]


def test_canned_query_lists_the_meetings_of_an_official(server):
    data = get_json(server, "/archive/meetings_of_official.json", name="ly kim soi", _shape="objects")
    assert [(r["date"], r["province"], r["role"]) for r in data["rows"]] == [("2020-12-20", "Lạng Sơn", "director")]
