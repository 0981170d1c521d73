"""schemas/record.schema.json is the model's JSON Schema, and real records satisfy it."""
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import read_inputs
from pipeline.record import Record, error_record, json_schema, json_schema_text
from pipeline.run import process

from conftest import CORPUS, ROOT

SCHEMA_FILE = ROOT / "schemas" / "record.schema.json"


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    """The JSONL lines thidua writes for the shipped seed articles."""
    return [process(raw).to_json() for raw in read_inputs([str(CORPUS / "docs")])]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_file_is_exactly_what_the_model_generates():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schemas/record.schema.json and pipeline/record.py have drifted apart: "
        "regenerate with `thidua schema -o schemas/record.schema.json`")


def test_schema_command_prints_the_committed_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_names_the_contract_fields_and_enums(schema):
    assert schema == json_schema()
    assert schema["required"] == ["doc_id", "source", "text", "is_emulation_meeting"]
    defs = schema["$defs"]
    assert defs["MeetingKind"]["enum"] == ["tong_ket", "so_ket", "trien_khai", "ky_giao_uoc",
                                           "binh_xet", "trao_thuong"]
    assert defs["GroupKind"]["enum"] == ["cum", "khoi"]
    assert set(defs["Meeting"]["properties"]) == {
        "kinds", "date", "location", "province", "group", "member_count", "members",
        "officials", "leaders", "awards", "evidence"}
    assert defs["Span"]["required"] == ["start", "end"]
    assert defs["Member"]["required"] == ["name", "evidence"]


def test_records_of_the_seed_articles_validate_with_the_model(corpus_lines):
    assert len(corpus_lines) == len(list((CORPUS / "docs").iterdir()))
    records = [Record.model_validate_json(line) for line in corpus_lines]
    assert sorted(r.source.path.rsplit("/", 1)[-1] for r in records) == sorted(
        p.name for p in (CORPUS / "docs").iterdir())


def test_records_of_the_seed_articles_validate_against_the_schema_file(corpus_lines, schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    for line in corpus_lines:
        assert list(validator.iter_errors(json.loads(line))) == []
    assert list(validator.iter_errors(json.loads(error_record("x", "a.txt", "empty file").to_json()))) == []


def test_schema_file_rejects_an_unknown_kind_and_a_missing_doc_id(corpus_lines, schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schema)
    record = next(r for r in map(json.loads, corpus_lines) if r["is_emulation_meeting"])
    record["meeting"]["kinds"] = ["hoi_thao"]
    del record["doc_id"]
    errors = {e.json_path: e for e in validator.iter_errors(record)}
    assert sorted(errors) == ["$", "$.meeting"]
    assert errors["$"].message == "'doc_id' is a required property"
    # meeting is "Meeting or null": the kind is rejected inside the Meeting branch.
    assert [(sub.json_path, sub.validator) for sub in errors["$.meeting"].context
            if sub.json_path != "$.meeting"] == [("$.meeting.kinds[0]", "enum")]
