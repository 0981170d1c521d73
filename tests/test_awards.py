from test_nlp import article

from pipeline import nlp
from pipeline.extract.awards import find_awards
from pipeline.extract.context import Context


def awards(stem):
    a = article(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_proposed_awards_with_issuer_and_recipient_after_cho():
    text, found = awards("000_")
    assert [(a.award_type, a.award, a.issuer, a.recipient, a.status) for a in found] == [
        ("co_thi_dua", "Cờ thi đua", None, "Chi cục An toàn vệ sinh thực phẩm", "proposed"),
        ("bang_khen", "Bằng khen của UBND tỉnh", "UBND tỉnh", "Chi cục Dân số và KHH gia đình", "proposed"),
        ("giay_khen", "Giấy khen của Sở Y tế", "Sở Y tế", "Trung tâm Kiểm dịch Y tế Quốc tế", "proposed")]
    span = text[found[1].evidence.start:found[1].evidence.end]
    assert span.startswith("Bằng khen") and span.endswith("Chi cục Dân số và KHH gia đình")


def test_quoted_title_with_a_count_after_cho():
    _, found = awards("22707")
    assert [(a.award_type, a.recipient, a.count, a.status) for a in found] == [
        ("co_thi_dua", None, 1, "proposed"), ("tap_the_lao_dong_xuat_sac", None, 1, "proposed"),
        ("tap_the_lao_dong_tien_tien", None, 4, "proposed")]
    assert [a.award for a in found] == ["Cờ thi đua", "Tập thể Lao động xuất sắc", "Tập thể Lao động tiên tiến"]


def test_award_year_is_read_after_the_phrase():
    _, found = awards("002_")
    assert [(a.award, a.recipient, a.year) for a in found] == [
        ("Cờ thi đua của UBND tỉnh", "Trường Cao đẳng Y tế", 2022)]
