"""`thidua evaluate`: the contract's scoring rules, on hand-made gold/pred files with exact
figures, and agreement with the referee on the dev set when ../shared is beside the project."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import evaluate, format_report, match_items, record_id
from pipeline.ingest import read_inputs
from pipeline.run import process

from conftest import CORPUS, SHARED, corpus_text

REFEREE = SHARED / "eval" / "score.py"
DEV = SHARED / "eval" / "dev"
needs_referee = pytest.mark.skipif(not REFEREE.exists(), reason="../shared/eval is not beside the project")


def gold(doc_id, relevance="positive", meeting=None, source=None):
    g = {"id": doc_id, "relevance": relevance}
    if source is not None:
        g["source"] = source
    if relevance == "positive":
        g["meeting"] = {"kinds": [], "date": None, "location": None, "province": None, "group": None,
                        "member_count": None, "members": [], "officials": [], "leaders": [], "awards": [],
                        **(meeting or {})}
    return g


def pred(doc_id, said=True, meeting=None, source=None, text="", path=None):
    return {"doc_id": doc_id, "source": {"path": path or f"corpus/docs/{doc_id}.txt", **(source or {})},
            "text": text, "is_emulation_meeting": said, "meeting": (meeting or {}) if said else None}


def write(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in rows), encoding="utf-8")
    return path


def score(tmp_path, gold_rows, pred_rows):
    return evaluate(write(tmp_path, "gold.jsonl", gold_rows), write(tmp_path, "pred.jsonl", pred_rows))


def counts(result, field):
    f = result["fields"][field]
    return f["tp"], f["fp"], f["fn"], f["p"], f["r"], f["f1"]


def test_relevance_leaves_borderline_gold_out(tmp_path):
    r = score(tmp_path,
              [gold("a"), gold("b", "negative"), gold("c", "borderline"), gold("d")],
              [pred("a"), pred("b"), pred("c"), pred("d", said=False)])
    assert counts(r, "relevance") == (1, 1, 1, 0.5, 0.5, 0.5)


def test_members_match_one_to_one_after_case_tone_and_spelling_lists(tmp_path):
    g = gold("a", meeting={"members": [
        {"name": "Sở Y tế"},
        {"name": ["Chi cục Dân số và Kế hoạch hóa gia đình", "Chi cục Dân số và KHH gia đình"]},
        {"name": "Trung tâm Kiểm soát bệnh tật"},
        {"name": "Trường Cao đẳng Y tế"}]})
    p = pred("a", meeting={"members": [
        {"name": "SỞ Y TẾ"}, {"name": "Chi cục Dân số và Kế hoạch hoá gia đình"},
        {"name": "Trung tâm Kiểm soát bệnh tật."}, {"name": "Bệnh viện Đa khoa tỉnh"},
        {"name": "Sở Y tế"}]})
    r = score(tmp_path, [g], [p])
    assert counts(r, "members") == (3, 2, 1, 0.6, 0.75, 0.6667)
    assert [n for n in r["details"]["a"] if n.startswith("members:")] == ["members: missed 'Trường Cao đẳng Y tế'",
        "members: extra 'Bệnh viện Đa khoa tỉnh'", "members: extra 'Sở Y tế'"]


def test_gold_null_date_makes_a_predicted_date_a_false_positive(tmp_path):
    r = score(tmp_path,
              [gold("a", meeting={"date": None, "member_count": [7, 8]}),
               gold("b", meeting={"date": "2021-01-15"}),
               gold("c", meeting={"date": "2021-01-15"})],
              [pred("a", meeting={"date": "2020-12-20", "member_count": 8, "location": "Hạ Long"}),
               pred("b", meeting={"date": None}),
               pred("c", meeting={"date": "2021-01-16"})])
    assert counts(r, "date") == (0, 2, 2, 0.0, 0.0, 0.0)
    assert counts(r, "member_count") == (1, 0, 0, 1.0, 1.0, 1.0)
    # gold null location and province: not scored at all
    assert r["extra"]["location_exact"] is None and r["extra"]["province_acc"] is None


def test_location_scored_exact_and_by_token_f1_and_province_by_spelling(tmp_path):
    r = score(tmp_path,
              [gold("a", meeting={"location": "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn", "province": "Lạng Sơn"}),
               gold("b", meeting={"location": ["Hạ Long", "TP Hạ Long"], "province": ["Quảng Ninh"]})],
              [pred("a", meeting={"location": "hội trường Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn",
                                  "province": "lạng sơn"}),
               pred("b", meeting={"location": "TP Hạ Long", "province": "Hạ Long"})])
    # a: 9 gold words all among 11 predicted -> 2 * (9/11) * 1 / (9/11 + 1) = 0.9; b: exact
    assert r["extra"]["location_exact"] == 0.5
    assert r["extra"]["location_token_f1"] == 0.95
    assert r["extra"]["province_acc"] == 0.5


def test_group_needs_an_accepted_name_and_kind(tmp_path):
    cum3 = {"name": ["Cụm thi đua số 3", "Cụm thi đua số 3 - Sở Y tế"], "kind": "cum"}
    r = score(tmp_path,
              [gold("a", meeting={"group": cum3}), gold("b", meeting={"group": cum3}),
               gold("c", meeting={"group": None}), gold("d", meeting={"group": {"name": "Khối thi đua tổng hợp",
                                                                               "kind": ["khoi", "cum"]}})],
              [pred("a", meeting={"group": {"name": "Cụm thi đua số 3–Sở Y tế", "kind": "cum"}}),
               pred("b", meeting={"group": {"name": "Cụm thi đua số 3", "kind": "khoi"}}),
               pred("c", meeting={"group": {"name": "Cụm thi đua số 5", "kind": "cum"}}),
               pred("d", meeting={"group": {"name": "khối thi đua Tổng hợp", "kind": "cum"}})])
    assert counts(r, "group") == (2, 2, 1, 0.5, 0.6667, 0.5714)


def test_officials_match_without_honorifics_and_titles_are_checked_on_matches(tmp_path):
    g = gold("a", meeting={"officials": [
        {"name": "Lý Kim Soi", "title": "Phó Giám đốc", "organization": "Sở Y tế", "role": "director"},
        {"name": "Nguyễn Văn An", "title": None, "organization": None, "role": "attendee"},
        {"name": "Trần Thị Mai", "title": ["Chủ tịch", "Chủ tịch Công đoàn"], "organization": None,
         "role": "chair"}]})
    p = pred("a", meeting={"officials": [
        {"name": "đồng chí Lý Kim Soi", "title": "Phó giám đốc"},
        {"name": "Ông Nguyễn Văn An", "title": "Giám đốc"},
        {"name": "BS. Trần Thị Mai", "title": "Phó Chủ tịch"},
        {"name": "TS. Trần Bình", "title": "Giám đốc"}]})
    r = score(tmp_path, [g], [p])
    assert counts(r, "officials") == (3, 1, 0, 0.75, 1.0, 0.8571)
    assert r["extra"]["official_title_acc"] == 0.5


def test_leaders_match_on_unit_and_position(tmp_path):
    g = gold("a", meeting={"leaders": [
        {"unit": "Chi cục An toàn vệ sinh thực phẩm", "position": "leader", "year": 2021},
        {"unit": "Trường Cao đẳng Y tế", "position": "deputy", "year": 2021}]})
    p = pred("a", meeting={"leaders": [
        {"unit": "Chi cục An toàn vệ sinh thực phẩm", "position": "leader", "year": 2020},
        {"unit": "Trường Cao đẳng Y tế", "position": "leader", "year": 2021}]})
    assert counts(score(tmp_path, [g], [p]), "leaders") == (1, 1, 1, 0.5, 0.5, 0.5)


def test_awards_match_on_type_and_recipient_or_count(tmp_path):
    def award(award_type, recipient=None, count=None):
        return {"award_type": award_type, "award": "x", "issuer": None, "recipient": recipient, "count": count,
                "status": "proposed", "year": None}
    g = gold("a", meeting={"awards": [award("bang_khen", "Sở Y tế"),
                                      award("tap_the_lao_dong_tien_tien", count=16),
                                      award("co_thi_dua", ["Trường Cao đẳng Y tế", "Trường CĐ Y tế"])]})
    p = pred("a", meeting={"awards": [award("bang_khen", "sở y tế"),
                                      award("tap_the_lao_dong_tien_tien", count=16),
                                      award("giay_khen", "Trường CĐ Y tế"),
                                      award("co_thi_dua", count=1)]})
    assert counts(score(tmp_path, [g], [p]), "awards") == (2, 2, 1, 0.5, 0.6667, 0.5714)
    wrong_count = pred("a", meeting={"awards": [award("tap_the_lao_dong_tien_tien", count=15)]})
    assert counts(score(tmp_path, [g], [wrong_count]), "awards") == (0, 1, 3, 0.0, 0.0, 0.0)


def test_kinds_are_scored_as_sets(tmp_path):
    r = score(tmp_path, [gold("a", meeting={"kinds": ["tong_ket", "binh_xet"]})],
              [pred("a", meeting={"kinds": ["tong_ket", "trao_thuong", "tong_ket"]})])
    assert counts(r, "kinds") == (1, 1, 1, 0.5, 0.5, 0.5)


def test_source_facts_scored_only_where_gold_has_a_source(tmp_path):
    src = {"title": "Cụm thi đua số 3 tổ chức Hội nghị Tổng kết công tác thi đua, khen thưởng năm 2020",
           "published": "2020-12-21", "authors": ["Mã Thị Hiền"]}
    r = score(tmp_path,
              [gold("a", source=src), gold("b", "negative")],
              [pred("a", source={"title": "CỤM THI ĐUA SỐ 3 tổ chức Hội nghị Tổng kết công tác thi đua, "
                                          "khen thưởng năm 2020.",
                                 "published": "2020-12-21", "authors": ["Mã Thị Hiền", "Phòng TCHC"]}),
               pred("b", said=False, source={"title": "x", "published": "2020-01-01", "authors": ["Lê Văn B"]})])
    assert r["extra"]["title_acc"] == 1.0
    assert counts(r, "published") == (1, 0, 0, 1.0, 1.0, 1.0)
    assert counts(r, "authors") == (1, 1, 0, 0.5, 1.0, 0.6667)


def test_grounding_rate_counts_items_whose_span_shows_their_value(tmp_path):
    t = corpus_text("000_")
    i = t.index("Chi cục An toàn vệ sinh thực phẩm")
    k = t.index("Bằng khen của UBND tỉnh")
    loc = t.index("Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn")
    meeting = {
        "members": [{"name": "Chi cục An toàn vệ sinh thực phẩm", "evidence": {"start": i, "end": i + 33}},
                    {"name": "Trường Cao đẳng Y tế", "evidence": {"start": i, "end": i + 33}},
                    {"name": "Sở Y tế", "evidence": {"start": len(t) - 2, "end": len(t) + 5}}],
        "awards": [{"award_type": "bang_khen", "award": "Bằng khen của UBND tỉnh",
                    "recipient": "Chi cục Dân số và Kế hoạch hóa gia đình", "evidence": {"start": k, "end": k + 23}}],
        "location": "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn",
        "evidence": {"location": {"start": loc, "end": loc + 42}},
    }
    r = score(tmp_path, [gold("000_7386b0def3f7ce0d"), gold("x", "negative")],
              [pred("000_7386b0def3f7ce0d", meeting=meeting, text=t),
               # a record not in gold does not count
               pred("y", meeting=meeting, text="")])
    assert r["extra"]["grounding_rate"] == 0.6
    assert r["details"]["000_7386b0def3f7ce0d"][:2] == [
        "members.1: not grounded (Trường Cao đẳng Y tế)", "members.2: not grounded (Sở Y tế)"]


def test_records_matched_by_file_stem_or_jsonl_id_and_bad_lines_counted(tmp_path):
    r = score(tmp_path, [gold("a"), gold("b"), gold("c")],
              [pred("a", path="some/dir/a.html"), pred("b", path="batch.jsonl#b"), "not json", "[1]", "",
               pred("z")])
    assert r["docs"] == {"gold": 3, "predicted": 3, "missing": 1, "unreadable_lines": 2}
    assert r["missing_ids"] == ["c"]
    assert counts(r, "relevance") == (2, 0, 1, 1.0, 0.6667, 0.8)
    assert record_id("x/y/000_abc.txt") == "000_abc"
    assert record_id("feed.jsonl#https://example.org/a#b") == "https://example.org/a#b"


def test_nothing_to_find_and_nothing_found_counts_as_perfect(tmp_path):
    r = score(tmp_path, [gold("a")], [pred("a")])
    assert counts(r, "members") == (0, 0, 0, 1.0, 1.0, 1.0)
    assert counts(r, "date") == (0, 0, 0, 1.0, 1.0, 1.0)
    # nothing predicted but something to find: precision 0
    r = score(tmp_path, [gold("a", meeting={"date": "2020-12-20"})], [pred("a")])
    assert counts(r, "date") == (0, 0, 1, 0.0, 0.0, 0.0)


def test_greedy_matching_takes_the_first_unused_accepted_key():
    m = match_items([["x", "y"], ["x"]], ["x", "z", "y"])
    assert (m.pairs, m.misses, m.extras) == ([(0, 0)], [1], [1, 2])


def test_report_is_an_aligned_table_with_details_per_document(tmp_path):
    r = score(tmp_path, [gold("a", meeting={"members": [{"name": "Sở Y tế"}]}), gold("b", "negative")],
              [pred("a", meeting={"members": [{"name": "Sở Nội vụ"}]}), pred("b")])
    report = format_report(r, details=True).splitlines()
    assert report[0] == "field                 P      R     F1    tp    fp    fn"
    assert report[1] == "relevance         0.500  1.000  0.667     1     1     0"
    assert report[6] == "members           0.000  0.000  0.000     0     1     1"
    assert "official_title_acc           -" in report
    assert "grounding_rate           0.000" in report  # the member has no evidence
    assert report[-8:-1] == ["docs: 2 gold, 2 predicted, 0 missing, 0 unreadable lines",
                             "a:", "  members.0: not grounded (Sở Nội vụ)", "  members: missed 'Sở Y tế'", "  members: extra 'Sở Nội vụ'",
                             "b:", "  relevance: gold negative, predicted True"]
    assert report[-1] == f"overall {r['overall']:.4f}"
    assert "a:" not in format_report(r).splitlines()


def test_cli_prints_the_table_and_writes_json(tmp_path):
    g = write(tmp_path, "gold.jsonl", [gold("a", meeting={"kinds": ["tong_ket"]})])
    p = write(tmp_path, "pred.jsonl", [pred("a", meeting={"kinds": ["tong_ket"]})])
    out = tmp_path / "result.json"
    result = CliRunner().invoke(app, ["evaluate", str(g), str(p), "--json", str(out)])
    assert result.exit_code == 0
    assert "kinds             1.000  1.000  1.000     1     0     0" in result.stdout.splitlines()
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["fields"]["kinds"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert written["docs"]["gold"] == 1


# ---------------------------------------------------------------- agreement with the referee

def referee(gold_path, pred_path, tmp_path) -> dict:
    out = tmp_path / "referee.json"
    subprocess.run([sys.executable, str(REFEREE), str(gold_path), str(pred_path), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def same_figures(ours: dict, theirs: dict) -> None:
    for key in ("overall", "fields", "extra", "docs"):
        assert ours[key] == theirs[key], key


@needs_referee
def test_scores_of_the_pipeline_on_the_dev_set_equal_the_referee(tmp_path):
    pred_path = tmp_path / "dev.jsonl"
    with open(pred_path, "w", encoding="utf-8") as fh:
        for raw in read_inputs([str(DEV / "docs")]):
            fh.write(process(raw).to_json() + "\n")
    ours = evaluate(DEV / "gold.jsonl", pred_path)
    assert ours["docs"]["gold"] == ours["docs"]["predicted"] == 172
    same_figures(ours, referee(DEV / "gold.jsonl", pred_path, tmp_path))


def _first(value):
    return value[0] if isinstance(value, list) else value


def gold_as_prediction(g: dict, i: int, text: str) -> dict:
    """A prediction made from a gold line, with deterministic errors of every kind, so that
    every rule scores hits, misses and extras."""
    said = {"positive": i % 11 != 0, "negative": i % 7 == 0, "borderline": i % 2 == 0}[g["relevance"]]
    gs = g.get("source") or {}
    source = {"title": (_first(gs.get("title")) or "") + (" (ảnh)" if i % 3 == 0 else ""),
              "published": "2020-01-01" if i % 4 == 0 else _first(gs.get("published")),
              "authors": ([("Ông " if i % 2 else "") + _first(a) for a in gs.get("authors") or []][: None if i % 5 else -1]
                          + (["Nguyễn Văn A"] if i % 6 == 0 else []))}
    p = pred(g["id"], said=said, source=source, text=text)
    if not said:
        return p
    gm = g.get("meeting") or {}
    whole = {"start": 0, "end": max(len(text), 1)}
    nowhere = {"start": 0, "end": 1}

    def ev(j):
        return whole if j % 3 else nowhere

    kinds = list(gm.get("kinds") or [])
    m = {
        "kinds": kinds[1:] if i % 3 == 1 else kinds + (["trao_thuong"] if i % 4 == 1 else []),
        "date": {2: None, 3: "2000-01-01"}.get(i % 5, gm.get("date")),
        "location": None if gm.get("location") is None else _first(gm["location"]).upper() if i % 2 else
        _first(gm["location"]) + " tỉnh",
        "province": _first(gm.get("province")) if i % 3 else "Hà Nội",
        "group": None if gm.get("group") is None else {
            "name": (gm["group"]["name"][-1] if isinstance(gm["group"]["name"], list) else gm["group"]["name"]),
            "kind": _first(gm["group"]["kind"]) if i % 4 else "khoi"},
        "member_count": None if gm.get("member_count") is None else _first(gm["member_count"]) + (i % 2),
        "members": [{"name": _first(x["name"]) if j % 2 else (x["name"][-1] if isinstance(x["name"], list)
                                                               else x["name"].lower()), "evidence": ev(j)}
                    for j, x in enumerate(gm.get("members") or []) if j % 4 != 3]
        + [{"name": "Văn phòng Sở", "evidence": whole}],
        "officials": [{"name": ("đồng chí " if j % 2 else "") + _first(o["name"]),
                       "title": _first(o.get("title")) if j % 3 else "Giám đốc", "role": o.get("role"),
                       "evidence": ev(j)} for j, o in enumerate(gm.get("officials") or []) if j % 5 != 4],
        "leaders": [{"unit": _first(x["unit"]), "position": x["position"] if j % 2 == 0 else "deputy",
                     "evidence": ev(j)} for j, x in enumerate(gm.get("leaders") or [])],
        "awards": [{**{k: _first(v) for k, v in a.items()}, "evidence": ev(j),
                    "award_type": a["award_type"] if j % 4 else "bang_khen"}
                   for j, a in enumerate(gm.get("awards") or [])],
        "evidence": {"location": whole if i % 3 else nowhere},
    }
    p["meeting"] = m
    return p


@needs_referee
def test_scores_of_gold_turned_into_predictions_equal_the_referee(tmp_path):
    rows = [json.loads(line) for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    preds = [gold_as_prediction(g, i, (DEV / "docs" / f"{g['id']}.txt").read_text(encoding="utf-8"))
             for i, g in enumerate(rows)]
    preds = preds[:-3] + ["{broken", preds[-1]]  # two gold ids with no prediction, one bad line
    pred_path = write(tmp_path, "pred.jsonl", preds)
    ours = evaluate(DEV / "gold.jsonl", pred_path)
    theirs = referee(DEV / "gold.jsonl", pred_path, tmp_path)
    same_figures(ours, theirs)
    # every rule saw hits and errors
    for field in ("relevance", "kinds", "date", "group", "member_count", "members", "officials", "leaders",
                  "awards", "published", "authors"):
        f = ours["fields"][field]
        assert f["tp"] > 0 and f["fp"] + f["fn"] > 0, field
    assert 0 < ours["extra"]["grounding_rate"] < 1
    assert 0 < ours["extra"]["official_title_acc"] < 1
    assert ours["docs"] == {"gold": 172, "predicted": 170, "missing": 2, "unreadable_lines": 1}


def test_corpus_gold_scores_the_shipped_records(tmp_path):
    pred_path = tmp_path / "records.jsonl"
    pred_path.write_text("".join(process(raw).to_json() + "\n" for raw in read_inputs([str(CORPUS / "docs")])),
                         encoding="utf-8")
    r = evaluate(CORPUS / "gold.jsonl", pred_path)
    n = len((CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    assert (r["docs"]["gold"], r["docs"]["missing"], r["docs"]["unreadable_lines"]) == (n, 0, 0)
    assert r["extra"]["grounding_rate"] == 1.0


def test_a_broken_gold_line_is_an_error_naming_file_and_line(tmp_path):
    g = write(tmp_path, "gold.jsonl", [gold("a"), '{"relevance": "negative"}'])
    p = write(tmp_path, "pred.jsonl", [pred("a")])
    with pytest.raises(ValueError) as err:
        evaluate(g, p)
    assert str(err.value) == f"{g}:2: gold line is not an object with an 'id'"
