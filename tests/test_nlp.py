from pathlib import Path

from conftest import CORPUS

from pipeline import ingest, nlp
from pipeline.clean import clean_document


def article(stem: str):
    (path,) = sorted((CORPUS / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def heldout(stem: str):
    """A cleaned held-out article (tests/heldout/docs): text written to test, never tuned on."""
    (path,) = sorted((Path(__file__).parent / "heldout" / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def noisy(stem: str):
    """A cleaned crawl-like held-out article (tests/heldout_noisy/docs), never tuned on."""
    (path,) = sorted((Path(__file__).parent / "heldout_noisy" / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def more(stem: str):
    """A cleaned article of tests/heldout_more/docs (written look-alikes and new forms)."""
    (path,) = sorted((Path(__file__).parent / "heldout_more" / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def extra(stem: str):
    """A cleaned article of tests/heldout_extra/docs (a fourth held-out set)."""
    (path,) = sorted((Path(__file__).parent / "heldout_extra" / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def fifth(stem: str):
    """A cleaned article of tests/heldout_fifth/docs (a fifth held-out set)."""
    (path,) = sorted((Path(__file__).parent / "heldout_fifth" / "docs").glob(stem + "*"))
    return clean_document(next(ingest.read_inputs([str(path)])))


def test_airport_heads_open_unit_names_in_full_and_abbreviated_forms():
    doc = nlp.annotate(fifth("f06").text)
    orgs = [o.text for o in doc.spans["ORG"] if o.text.startswith("Cảng")]
    # "tại Cảng hàng không quốc tế Đà Nẵng, ..." then "Khối gồm 5 Cảng: Cảng HKQT Đà Nẵng, ..."
    assert orgs[1:2] + orgs[3:8] == [
        "Cảng hàng không quốc tế Đà Nẵng", "Cảng HKQT Đà Nẵng", "Cảng HKQT Phú Bài",
        "Cảng HK Chu Lai", "Cảng HK Phù Cát", "Cảng HK Pleiku"]


def test_unit_head_inside_a_title_before_another_unit_is_not_a_unit():
    # "Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy": "Ban Thường trực" is the title's
    doc = nlp.annotate(more("m07").text)
    org = [o for o in doc.spans["ORG"] if "Tổ chức" in o.text][0]
    assert (org.text, doc.text[org.start_char - 27:org.start_char]) == (
        "Ban Tổ chức Tỉnh ủy", "Phó Trưởng Ban Thường trực ")


def test_doc_text_is_the_article_text_exactly():
    a = article("000_")
    assert nlp.annotate(a.text).text == a.text


def test_name_joined_to_its_title_by_a_hyphen_is_split():
    doc = nlp.annotate(article("000_").text)
    assert [p.text for p in doc.spans["PER"]] == ["Lý Kim Soi", "Lý Kim Soi"]
    first = doc.spans["TITLE"][0]
    assert (first.text, first.label_) == ("Phó Giám đốc", "Phó Giám đốc")
    assert doc.text[first.start_char - 1] == "-"


def test_abbreviated_title_is_labelled_with_the_full_title():
    doc = nlp.annotate(article("001_").text)
    assert ("PGĐ", "Phó Giám đốc") in [(t.text, t.label_) for t in doc.spans["TITLE"]]


def test_unit_name_stops_at_a_hyphen_before_a_ranking():
    doc = nlp.annotate(article("000_").text)
    orgs = [o.text for o in doc.spans["ORG"]]
    assert "Chi cục An toàn vệ sinh thực phẩm" in orgs
    assert not any("đơn vị Nhất" in o for o in orgs)
    assert "Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn" in orgs


def test_award_phrases_carry_their_type():
    doc = nlp.annotate(article("000_").text)
    assert [(a.text, a.label_) for a in doc.spans["AWARD"]] == [
        ("Cờ thi đua", "co_thi_dua"), ("Bằng khen", "bang_khen"), ("Giấy khen", "giay_khen")]


def test_unit_name_runs_over_ampersand_and_over_tp_before_a_city():
    doc = nlp.annotate(article("003_").text)
    assert "Sở Y tế TP Cần Thơ" in [o.text for o in doc.spans["ORG"]]
    # a sentence of dev article bce4d07a16424697
    doc = nlp.annotate("Hội nghị cũng đề cử, bàn giao trách nhiệm trưởng khối cho Sở Văn hóa Thể thao & Du lịch; "
                       "Ban Dân tộc đảm nhận khối phó")
    assert [o.text for o in doc.spans["ORG"]] == ["Sở Văn hóa Thể thao & Du lịch", "Ban Dân tộc"]


def test_a_head_of_several_words_alone_is_a_whole_unit_but_not_inside_a_bigger_name():
    doc = nlp.annotate("gồm 08 cơ quan: Sở Tài chính; Kho bạc Nhà nước; Cục Thuế; Sở Xây dựng. "
                       "Hội nghị đã bầu đơn vị Cụm trưởng Cụm thi đua số 5, Bộ Công an năm 2018 là Công an tỉnh Quảng Trị.")
    assert [o.text for o in doc.spans["ORG"]] == [
        "Sở Tài chính", "Kho bạc Nhà nước", "Cục Thuế", "Sở Xây dựng", "Công an tỉnh Quảng Trị"]


def test_standard_abbreviations_after_a_dash_go_on_the_unit_name():
    doc = nlp.annotate("Sở Thông tin và Truyền thông, Đài PT - TH Tỉnh, Chi cục Dân số - KHHGĐ tỉnh tham dự.")
    assert [o.text for o in doc.spans["ORG"]] == [
        "Sở Thông tin và Truyền thông", "Đài PT - TH Tỉnh", "Chi cục Dân số - KHHGĐ tỉnh"]


def test_a_unit_ends_before_a_verb_or_an_honorific():
    doc = nlp.annotate("Chính ủy BĐBP tỉnh và ông Vũ Minh Giang; Chủ tịch LĐLĐ tỉnh dự hội nghị; Cục X15 thăm đơn vị.")
    assert [o.text for o in doc.spans["ORG"]] == ["BĐBP tỉnh", "LĐLĐ tỉnh", "Cục X15"]


def test_ranks_are_honorifics_and_not_titles():
    doc = nlp.annotate("Thiếu tướng Phạm Văn Dũng, Thượng úy Lê Văn Tâm và Đại úy Hà Thị Thu dự hội nghị.")
    assert [h.text for h in doc.spans["HONORIFIC"]] == ["Thiếu tướng", "Thượng úy", "Đại úy"]
    assert [p.text for p in doc.spans["PER"]] == ["Phạm Văn Dũng", "Lê Văn Tâm", "Hà Thị Thu"]
    assert list(doc.spans["TITLE"]) == []


def test_cac_after_a_unit_head_before_a_capitalised_word_stays_in_the_unit():
    doc = nlp.annotate(heldout("h03").text)
    orgs = [o.text for o in doc.spans["ORG"]]
    assert orgs.count("Công đoàn các Khu công nghiệp tỉnh") == 2
    assert "Công đoàn" not in orgs


def test_a_name_with_an_apostrophe_is_one_token():
    doc = nlp.annotate("các huyện Sa Thầy, Ia H’Drai và người H'Mông.")
    assert [t.text for t in doc][5:7] == ["Ia", "H’Drai"] and "H'Mông" in [t.text for t in doc]
