"""Property tests: for any text a crawler may bring back, clean, extract and validate hold.

Whatever the input (empty, whitespace only, control characters, lone surrogates, emoji,
right-to-left text, very long lines, pieces of real articles spliced with junk), the pipeline
returns one record that validates, every evidence span lies inside the text and shows its
value, and nothing raises.
"""
import json
import random
import unicodedata

from hypothesis import HealthCheck, event, given, settings, strategies as st

from conftest import CORPUS
from pipeline.clean import clean_text, normalize
from pipeline.run import process
from pipeline.types import RawDocument
from pipeline.validate import check_line

DOCS = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "docs").glob("*.txt"))]
SETTINGS = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# A headline that makes the article relevant, so random text reaches every extractor.
HEADLINE = "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 của Cụm thi đua số 3\n"

# Characters crawlers leave in pages: invisible, bidi, controls, replacement, combining marks.
ODD_CHARS = ["\u200b", "\u200d", "\ufeff", "\u00a0", "\u202e", "\u200f", "\r", "\r\n", "\x00",
             "\x1b", "\x07", "\t", "\x0c", "\u2028", "\ufffd", "\u0301", "\u0309", "\u0323",
             "😀", "👍🏽", "مرحبا", "שלום", "\ud800", "\udfff", "&amp;", "&nbsp;"]
# Words the extractors key on, to build lists, titles and awards out of junk.
CUE_WORDS = [" và ", ", ", "; ", ": ", " (", ") ", " - ", "“", "”", "\n", ". ", "Sở ", "Cụm ",
             "Khối ", "tỉnh ", "TP. ", "UBND ", "ông ", "bà ", "đồng chí ", "Giám đốc ", "Phó ",
             "Bằng khen ", "Cờ thi đua ", "tặng ", "đề nghị ", "gồm ", "các đơn vị ", "Trưởng cụm ",
             "tại ", "ngày 12/12/2023 ", "năm 2024 ", "Nguyễn Văn An ", "Trung tâm Y tế "]

any_text = st.text(alphabet=st.characters(codec=None), max_size=3000)
odd_pieces = st.one_of(st.text(max_size=30), st.sampled_from(ODD_CHARS), st.sampled_from(CUE_WORDS),
                       st.builds(lambda doc, a, n: doc[a:a + n], st.sampled_from(DOCS),
                                 st.integers(0, 4000), st.integers(0, 600)))


def record_line(data) -> tuple[dict, list]:
    """Process one input; the JSONL line as a dict and its validation problems."""
    line = process(RawDocument(path="fuzz.txt", kind="text", data=data)).to_json()
    return json.loads(line), check_line(line)


def assert_valid(data) -> dict:
    record, problems = record_line(data)
    assert problems == []
    assert not (record["error"] or "").startswith("internal error"), record["error"]
    return record


@settings(max_examples=300, **SETTINGS)
@given(any_text)
def test_any_unicode_text_gives_one_valid_record(text):
    assert_valid(text)


@settings(max_examples=150, **SETTINGS)
@given(st.binary(max_size=3000))
def test_any_bytes_give_one_valid_record(data):
    assert_valid(data)


@settings(max_examples=300, **SETTINGS)
@given(st.lists(odd_pieces, max_size=16))
def test_relevant_text_with_junk_reaches_every_extractor_and_stays_grounded(pieces):
    record = assert_valid(HEADLINE + "".join(pieces))
    # Junk may carry another genre's cue (sports, contests) and turn the article negative.
    event("meeting" if record["is_emulation_meeting"] else "not a meeting")


@settings(max_examples=200, **SETTINGS)
@given(st.sampled_from(DOCS),
       st.lists(st.tuples(st.floats(0, 1), st.floats(0, 0.03), odd_pieces), max_size=20))
def test_corpus_article_damaged_at_random_places_stays_valid(doc, edits):
    for where, cut, piece in edits:
        start = int(where * len(doc))
        doc = doc[:start] + piece + doc[start + int(cut * len(doc)):]
    assert_valid(doc)


LONG_LINE_WORDS = ["hoá", "thuỷ", "Sở", "Y", "tế", "và", "các", "đơn", "vị", ",", ";", ":", "-", "(", ")",
                   "Cụm", "thi", "đua", "Bằng", "khen", "ông", "Nguyễn", "Văn", "tặng", "12/12/2023"]


def long_line(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(LONG_LINE_WORDS) for _ in range(words))


@settings(max_examples=20, **SETTINGS)
@given(st.builds(long_line, st.integers(0, 2**32), st.integers(2_000, 6_000)))
def test_one_very_long_line_gives_a_valid_record(line):
    assert_valid(HEADLINE + line)


@settings(max_examples=300, **SETTINGS)
@given(any_text)
def test_normalized_text_is_nfc_without_controls_surrogates_or_blank_edges(text):
    out = normalize(text)
    assert unicodedata.is_normalized("NFC", out)
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c != "\n" for c in out)
    assert out == out.strip()
    assert "\n\n\n" not in out
    assert normalize(out) == out


@settings(max_examples=200, **SETTINGS)
@given(st.lists(odd_pieces, max_size=16))
def test_cleaned_text_is_a_fixed_point_of_normalize(pieces):
    out = clean_text("".join(pieces))
    assert normalize(out) == out


@settings(max_examples=300, **SETTINGS)
@given(st.one_of(st.binary(max_size=500), any_text))
def test_validate_reports_any_line_without_raising(line):
    problems = check_line(line)
    assert all(isinstance(path, str) and isinstance(reason, str) for path, reason in problems)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=20)
record_keys = st.sampled_from(["doc_id", "source", "text", "is_emulation_meeting", "meeting", "error",
                               "members", "evidence", "start", "end", "name", "path"])


@settings(max_examples=300, **SETTINGS)
@given(st.dictionaries(record_keys, json_values, max_size=8))
def test_validate_reports_any_json_object_as_a_problem_not_a_crash(obj):
    problems = check_line(json.dumps(obj))
    assert problems, "a random object is never a valid record"
