"""`thidua validate`: the schema and the grounding rule, line by line, with exact problems."""
import copy
import io
import itertools
import json

import pytest
from typer.testing import CliRunner

from pipeline.clean import clean_document
from pipeline.cli import app
from pipeline.ingest import read_inputs
from pipeline.record import Meeting, MeetingEvidence, Record, Source, error_record
from pipeline.validate import check_lines, validate_file

from conftest import CORPUS


def cleaned_text(stem_prefix: str) -> str:
    (path,) = sorted((CORPUS / "docs").glob(stem_prefix + "*"))
    (raw,) = read_inputs([str(path)])
    return clean_document(raw).text


def span(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase)}


@pytest.fixture(scope="module")
def text_000() -> str:
    return cleaned_text("000_")


@pytest.fixture(scope="module")
def text_004() -> str:
    return cleaned_text("004_")


@pytest.fixture
def record_000(text_000) -> dict:
    """A grounded record of the Cụm thi đua số 3 article, built by hand over its cleaned text."""
    t = text_000
    return {
        "doc_id": "7386b0def3f7ce0d",
        "source": {"path": "corpus/docs/000_7386b0def3f7ce0d.txt", "title": None, "published": None,
                   "authors": [], "url": None},
        "text": t,
        "is_emulation_meeting": True,
        "meeting": {
            "kinds": ["tong_ket", "trien_khai"],
            "date": "2020-12-20",
            "location": "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn",
            "province": "Lạng Sơn",
            "group": {"name": "Cụm thi đua số 3", "kind": "cum"},
            "member_count": 8,
            "members": [{"name": "Chi cục An toàn vệ sinh thực phẩm",
                         "evidence": span(t, "Chi cục An toàn vệ sinh thực phẩm")}],
            # the honorific is in the span, not in the name
            "officials": [{"name": "Lý Kim Soi", "title": "Phó Giám đốc", "organization": "Sở Y tế",
                           "role": "director", "evidence": span(t, "đồng chí Lý Kim Soi")}],
            "leaders": [],
            # the recipient is written "Chi cục Dân số và KHH gia đình": the award phrase grounds it
            "awards": [{"award_type": "bang_khen", "award": "Bằng khen của UBND tỉnh", "issuer": "UBND tỉnh",
                        "recipient": "Chi cục Dân số và Kế hoạch hóa gia đình", "count": None,
                        "status": "proposed", "year": 2020,
                        "evidence": span(t, "Bằng khen của UBND tỉnh cho Chi cục Dân số và KHH")}],
            "evidence": {"date": span(t, "20/12/2020"),
                         "location": span(t, "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn")},
        },
        "error": None,
    }


def write_lines(tmp_path, lines, name="records.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else ln.encode("utf-8")) + b"\n" for ln in lines))
    return path


def run_validate(path, max_listed=1000):
    out = io.StringIO()
    count = validate_file(path, out=out, max_listed=max_listed)
    return count, out.getvalue().splitlines()


def test_clean_file_of_grounded_records_exits_0(tmp_path, record_000):
    error = error_record("d41d8cd98f00b204", "corpus/docs/empty.txt", "empty file").to_json()
    path = write_lines(tmp_path, [json.dumps(record_000, ensure_ascii=False), error])
    assert Record.model_validate(record_000).meeting.awards[0].year == 2020
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{path}: 2 lines, all valid and grounded"]


def test_record_written_by_the_model_validates(tmp_path, text_000):
    t = text_000
    rec = Record(doc_id="x", source=Source(path="a.txt"), text=t, is_emulation_meeting=True,
                 meeting=Meeting(date="2020-12-20", evidence=MeetingEvidence(date=span(t, "20/12/2020"))))
    assert run_validate(write_lines(tmp_path, [rec.to_json()])) == (
        0, [f"{tmp_path / 'records.jsonl'}: 1 lines, all valid and grounded"])


def test_names_expanded_from_a_shared_head_are_grounded_by_their_written_tail(tmp_path, text_004):
    # "... các Sở: Y tế, Khoa học và Công nghệ, Văn hóa Thể thao và Du lịch, Lao động - Thương
    # binh và Xã hội, ..." -> the Sở named in full, the span holding what is written.
    t = text_004
    members = [
        {"name": "Sở Khoa học và Công nghệ", "evidence": span(t, "Khoa học và Công nghệ")},
        {"name": "Sở Văn hoá Thể thao và Du lịch", "evidence": span(t, "Văn hóa Thể thao và Du lịch")},
        {"name": "Sở Lao động – Thương binh và Xã hội", "evidence": span(t, "Lao động - Thương binh và Xã hội")},
        # "Y tế" is the last half of "Sở Y tế" (one of two words)
        {"name": "Sở Y tế", "evidence": span(t, "các Sở: Y tế")},
    ]
    rec = {"doc_id": "x", "source": {"path": "004.txt"}, "text": t, "is_emulation_meeting": True,
           "meeting": {"members": members}}
    assert run_validate(write_lines(tmp_path, [json.dumps(rec, ensure_ascii=False)]))[0] == 0


def test_tail_shorter_than_half_the_name_does_not_ground_it(tmp_path, text_004):
    t = text_004
    # "Công nghệ" is two of the six words of the name
    rec = {"doc_id": "x", "source": {"path": "004.txt"}, "text": t, "is_emulation_meeting": True,
           "meeting": {"members": [{"name": "Sở Khoa học và Công nghệ", "evidence": span(t, "Công nghệ")}]}}
    count, lines = run_validate(write_lines(tmp_path, [json.dumps(rec, ensure_ascii=False)]))
    e = span(t, "Công nghệ")
    assert count == 1
    assert lines[0] == (f"line 1: meeting.members.0.evidence: text[{e['start']}:{e['end']}] 'Công nghệ' "
                        f"does not contain name 'Sở Khoa học và Công nghệ'")


def _member(rec):
    return rec["meeting"]["members"][0]


def _set_member_span(start, end):
    def mutate(rec):
        _member(rec)["evidence"] = {"start": start(rec), "end": end(rec)}
    return mutate


def _member_named(name):
    def mutate(rec):
        _member(rec)["name"] = name
    return mutate


def _drop(key):
    def mutate(rec):
        del rec[key]
    return mutate


def _kinds(rec):
    rec["meeting"]["kinds"] = ["tong_ket", "hoi_thao"]


def _not_meeting(rec):
    rec["is_emulation_meeting"] = False


def _location_elsewhere(rec):
    rec["meeting"]["evidence"]["location"] = span(rec["text"], "Cụm thi đua số 3")


def _date_past_end(rec):
    n = len(rec["text"])
    rec["meeting"]["evidence"]["date"] = {"start": n - 2, "end": n + 8}


def _date_without_evidence(rec):
    rec["meeting"]["evidence"]["date"] = None


def _member_start(rec):
    return rec["text"].index("Chi cục An toàn vệ sinh thực phẩm")


PROBLEMS = {
    "missing field": (_drop("source"), "source", "Field required"),
    "wrong enum": (_kinds, "meeting.kinds.1",
                   "Input should be 'tong_ket', 'so_ket', 'trien_khai', 'ky_giao_uoc', 'binh_xet' or 'trao_thuong'"),
    "end not after start": (_set_member_span(lambda r: 20, lambda r: 10), "meeting.members.0.evidence.end",
                            "end (10) must be greater than start (20)"),
    "meeting while not an emulation meeting": (_not_meeting, "meeting",
                                               "meeting must be null when is_emulation_meeting is false"),
    "span outside text": (_set_member_span(_member_start, lambda r: len(r["text"]) + 1),
                          "meeting.members.0.evidence", "span [{start}, {n1}) ends past the text ({n} characters)"),
    "span not containing value": (_member_named("Sở Tài nguyên và Môi trường"), "meeting.members.0.evidence",
                                  "text[{start}:{end}] 'Chi cục An toàn vệ sinh thực phẩm' does not contain "
                                  "name 'Sở Tài nguyên và Môi trường'"),
    "location span not containing location": (
        _location_elsewhere, "meeting.evidence.location",
        "text[{cum}:{cum_end}] 'Cụm thi đua số 3' does not contain location "
        "'Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn'"),
    "date without its evidence": (_date_without_evidence, "meeting.date", "meeting.date needs meeting.evidence.date"),
    "date span outside text": (_date_past_end, "meeting.evidence.date",
                               "span [{n_2}, {n8}) ends past the text ({n} characters)"),
}


@pytest.mark.parametrize("kind", PROBLEMS)
def test_each_kind_of_problem_is_reported_with_line_path_and_reason(tmp_path, record_000, kind):
    mutate, path, reason = PROBLEMS[kind]
    bad = copy.deepcopy(record_000)
    mutate(bad)
    t = record_000["text"]
    start = t.index("Chi cục An toàn vệ sinh thực phẩm")
    cum = t.index("Cụm thi đua số 3")
    reason = reason.format(start=start, end=start + len("Chi cục An toàn vệ sinh thực phẩm"), n=len(t),
                           n1=len(t) + 1, n_2=len(t) - 2, n8=len(t) + 8, cum=cum, cum_end=cum + 16)
    good = json.dumps(record_000, ensure_ascii=False)
    file = write_lines(tmp_path, [good, good, json.dumps(bad, ensure_ascii=False), good])
    result = CliRunner().invoke(app, ["validate", str(file)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"line 3: {path}: {reason}",
                                          f"{file}: 4 lines, 1 problem on 1 line"]


@pytest.mark.parametrize("raw, reason", [
    (b'{"doc_id": "x", "source": ', "not JSON: Expecting value: line 1 column 27 (char 26)"),
    (b"[1, 2]", "not a JSON object but list"),
    (b"", "blank line (one JSON record per line expected)"),
    ('{"doc_id": "Đà"}'.encode("windows-1258"), "not UTF-8 text (invalid continuation byte at byte 12)"),
])
def test_a_line_that_is_not_a_json_record_is_a_problem(tmp_path, record_000, raw, reason):
    good = json.dumps(record_000, ensure_ascii=False)
    count, lines = run_validate(write_lines(tmp_path, [good, raw]))
    assert count == 1
    assert lines == [f"line 2: <line>: {reason}", f"{tmp_path / 'records.jsonl'}: 2 lines, 1 problem on 1 line"]


def test_every_problem_of_a_line_is_reported(tmp_path, record_000):
    bad = copy.deepcopy(record_000)
    _kinds(bad)
    _drop("doc_id")(bad)
    _member_named("Sở Tài nguyên và Môi trường")(bad)
    count, lines = run_validate(write_lines(tmp_path, [json.dumps(bad, ensure_ascii=False)]))
    assert count == 3
    assert [ln.split(": ")[1] for ln in lines[:3]] == ["doc_id", "meeting.kinds.1", "meeting.members.0.evidence"]
    assert lines[3].endswith(": 1 lines, 3 problems on 1 line")


def test_problems_past_max_listed_are_counted_not_printed(tmp_path):
    path = write_lines(tmp_path, ["[]"] * 5)
    count, lines = run_validate(path, max_listed=2)
    assert count == 5
    assert lines == ["line 1: <line>: not a JSON object but list", "line 2: <line>: not a JSON object but list",
                     f"{path}: 5 lines, 5 problems on 5 lines (3 not listed)"]


def test_lines_are_checked_one_at_a_time_as_they_are_read(record_000):
    good = json.dumps(record_000, ensure_ascii=False).encode("utf-8")
    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count(1):
            consumed += 1
            yield b"{not json" if i == 3 else good

    first = next(check_lines(endless()))
    assert (first.line, first.path) == (3, "<line>")
    assert consumed == 3


def test_a_long_file_is_reported_at_the_right_line(tmp_path, record_000):
    good = json.dumps(record_000, ensure_ascii=False)
    bad = copy.deepcopy(record_000)
    _not_meeting(bad)
    lines = [good] * 3000
    lines[2716] = json.dumps(bad, ensure_ascii=False)
    count, out = run_validate(write_lines(tmp_path, lines))
    assert count == 1
    assert out == ["line 2717: meeting: meeting must be null when is_emulation_meeting is false",
                   f"{tmp_path / 'records.jsonl'}: 3000 lines, 1 problem on 1 line"]


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path / 'none.jsonl'}: cannot read: No such file or directory\n"


def test_honorific_and_title_abbreviation_in_a_name_do_not_break_grounding(tmp_path, record_000):
    t = record_000["text"]
    rec = copy.deepcopy(record_000)
    rec["meeting"]["officials"] = [
        {"name": "Đồng chí LÝ KIM SOI", "title": None, "organization": None, "role": "director",
         "evidence": span(t, "Lý Kim Soi-Phó Giám đốc")},
        {"name": "TS. Lý Kim Soi", "title": None, "organization": None, "role": "director",
         "evidence": span(t, "Lý Kim Soi")},
        {"name": "Ông Lý Văn Soi", "title": None, "organization": None, "role": "director",
         "evidence": span(t, "Lý Kim Soi")},
    ]
    count, lines = run_validate(write_lines(tmp_path, [json.dumps(rec, ensure_ascii=False)]))
    e = span(t, "Lý Kim Soi")
    assert (count, lines[0]) == (1, f"line 1: meeting.officials.2.evidence: text[{e['start']}:{e['end']}] "
                                    f"'Lý Kim Soi' does not contain name 'Ông Lý Văn Soi'")
