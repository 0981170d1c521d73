"""Real-world damage to a real article: each gives the same facts, a valid record, or a clear
error, never a crash. The facts of a record are its meeting without the evidence offsets (which
move when the text around them changes)."""
import json
import re
import unicodedata

import pytest

from conftest import corpus_text
from pipeline.clean import MAX_ARTICLE_CHARS
from pipeline.run import process
from pipeline.textnorm import norm
from pipeline.types import RawDocument
from pipeline.validate import check_line

ARTICLE = corpus_text("000_")          # Cụm thi đua số 3, Lạng Sơn, 20/12/2020
HEADLINE = ("Cụm thi đua số 3 tổ chức Hội nghị Tổng kết công tác thi đua, khen thưởng năm 2020, "
            "triển khai nhiệm vụ năm 2021")


def record(data) -> dict:
    line = process(RawDocument(path="damaged.txt", kind="text", data=data)).to_json()
    assert check_line(line) == []
    return json.loads(line)


def facts(rec: dict):
    """The meeting without evidence spans (or None)."""
    meeting = rec["meeting"]
    if meeting is None:
        return None
    meeting = {k: v for k, v in meeting.items() if k != "evidence"}
    for key in ("members", "officials", "leaders", "awards"):
        meeting[key] = [{k: v for k, v in item.items() if k != "evidence"} for item in meeting[key]]
    return meeting


def normed(value):
    """Facts compared the way the contract compares values (case, tone placement, dashes)."""
    if isinstance(value, str):
        return norm(value)
    if isinstance(value, list):
        return [normed(v) for v in value]
    if isinstance(value, dict):
        return {k: normed(v) for k, v in value.items()}
    return value


BASE = record(ARTICLE)


def test_the_undamaged_article_is_a_full_meeting_record():
    meeting = BASE["meeting"]
    assert meeting["date"] == "2020-12-20"
    assert meeting["province"] == "Lạng Sơn"
    assert meeting["group"] == {"name": "Cụm thi đua số 3", "kind": "cum"}
    assert meeting["member_count"] == 8
    assert [o["name"] for o in meeting["officials"]] == ["Lý Kim Soi"]
    assert [a["award_type"] for a in meeting["awards"]] == ["co_thi_dua", "bang_khen", "giay_khen"]


def test_decomposed_unicode_gives_the_same_record_as_composed():
    nfd = unicodedata.normalize("NFD", ARTICLE)
    assert nfd != ARTICLE
    assert record(nfd) == BASE
    assert record(nfd.encode("utf-8")) == BASE


_TONES = "\u0300\u0301\u0309\u0303\u0323"
_TONE_ON_FIRST = re.compile(r"(?i)[óòỏõọ][ae](?!\w)|[úùủũụ]y(?!\w)")


def old_tone_placement(text: str) -> str:
    """Word-final oa/oe/uy with the tone moved to the second vowel: hóa -> hoá, thủy -> thuỷ."""
    def move(m: re.Match) -> str:
        first, tone, second = unicodedata.normalize("NFD", m.group())
        assert tone in _TONES
        return unicodedata.normalize("NFC", first + second + tone)
    return _TONE_ON_FIRST.sub(move, text)


def test_both_tone_placements_give_the_same_facts():
    moved = old_tone_placement(ARTICLE)
    assert "Kế hoạch hoá gia đình" in moved and "Kế hoạch hóa gia đình" not in moved
    rec = record(moved)
    assert normed(facts(rec)) == normed(facts(BASE))
    # Values are kept as written in the text.
    assert "Chi cục Dân số và Kế hoạch hoá gia đình" in [m["name"] for m in rec["meeting"]["members"]]


@pytest.mark.parametrize("line_end", ["\r\n", "\r\r\n", "\r"], ids=["crlf", "cr-crlf", "bare-cr"])
def test_crlf_and_stray_cr_line_ends_give_the_same_record(line_end):
    damaged = ARTICLE.replace("\n", line_end)
    assert record(damaged) == BASE
    assert record(damaged.encode("utf-8")) == BASE


def test_zero_width_and_non_breaking_spaces_give_the_same_record():
    damaged = (ARTICLE.replace(" ", "\u00a0").replace("Cụm", "C\u200bụm").replace("Sở", "\u2060Sở\u200d")
               .replace("Lạng Sơn", "Lạng\u202fSơn"))
    assert record(damaged) == BASE


def test_html_entities_left_in_the_text_are_read_as_their_characters():
    damaged = (ARTICLE.replace(" ", "&nbsp;", 80).replace("ế", "&#7871;").replace("ộ", "&#x1ED9;")
               .replace("-", "&#8211;").replace("(", "&amp;#40;"))
    assert "&#7871;" in damaged and "&amp;#40;" in damaged
    assert normed(facts(record(damaged))) == normed(facts(BASE))


def test_all_caps_headline_gives_the_same_facts():
    damaged = ARTICLE.replace(HEADLINE, HEADLINE.upper(), 1)
    assert HEADLINE.upper() in damaged
    rec = record(damaged)
    assert rec["source"]["title"] == HEADLINE.upper()
    assert facts(rec) == facts(BASE)


def strip_marks(word: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def test_diacritics_stripped_from_every_other_word_give_a_valid_meeting_record():
    words = ARTICLE.split(" ")
    damaged = " ".join(strip_marks(w) if i % 2 else w for i, w in enumerate(words))
    rec = record(damaged)
    assert rec["error"] is None
    assert rec["is_emulation_meeting"] is True
    assert rec["meeting"]["date"] == "2020-12-20"


def test_text_without_any_diacritics_gives_a_valid_negative_record():
    rec = record(strip_marks(ARTICLE))
    assert rec["error"] is None
    assert rec["is_emulation_meeting"] is False
    assert rec["meeting"] is None


def test_half_the_article_as_mojibake_gives_a_valid_record():
    half = len(ARTICLE) // 2
    garbled = ARTICLE[:half].encode("utf-8").decode("cp1252", "replace") + ARTICLE[half:]
    assert "Cá»¥m" in garbled
    rec = record(garbled.encode("utf-8"))
    assert rec["error"] is None
    assert rec["text"].startswith("Cá»¥m thi Ä‘ua sá»‘ 3")
    assert rec["text"].endswith("Mã Thị Hiền-Chi cục An toàn vệ sinh thực phẩm")


def test_page_repeated_twice_gives_the_record_of_one_copy():
    assert record(ARTICLE + "\n\n" + ARTICLE) == BASE
    assert record(ARTICLE + "\n" + ARTICLE + "\n\n" + ARTICLE) == BASE


def test_five_megabyte_file_of_the_page_saved_over_and_over_gives_the_record_of_one_copy():
    data = ((ARTICLE + "\n\n") * 1400).encode("utf-8")
    assert len(data) > 5_000_000
    assert record(data) == BASE


def test_five_megabyte_article_is_refused_with_a_clear_error():
    paragraphs = (" ".join(f"Câu {i}.{j} kể về công việc của đơn vị trong năm." for j in range(8))
                  for i in range(10_000))
    data = (ARTICLE + "\n\n" + "\n\n".join(paragraphs)).encode("utf-8")
    assert len(data) > 5_000_000
    rec = record(data)
    assert rec["error"] == (f"article too long: 3,924,025 characters after cleaning "
                            f"(at most {MAX_ARTICLE_CHARS:,}); not one news article")
    assert rec["is_emulation_meeting"] is False


def test_two_hundred_thousand_short_boilerplate_lines_after_the_article_leave_its_facts():
    data = ARTICLE + "\n" + "\n".join(["Chia sẻ", "Bình luận", "In bài"] * 66_667)
    assert data.count("\n") > 200_000
    assert facts(record(data)) == facts(BASE)


def test_file_of_two_hundred_thousand_short_lines_is_refused_with_a_clear_error():
    data = "\n".join(f"Dòng {i}." for i in range(200_000)).encode("utf-8")
    rec = record(data)
    assert rec["error"] == (f"article too long: 2,488,889 characters after cleaning "
                            f"(at most {MAX_ARTICLE_CHARS:,}); not one news article")
