from test_nlp import article

from pipeline import nlp
from pipeline.extract.awards import find_awards
from pipeline.extract.context import Context


def awards(stem):
    a = article(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_proposed_awards_with_issuer_and_recipient_after_cho():
    text, found = awards("000_")
    # "trình UBND tỉnh tặng Cờ thi đua cho ...": the body before the giving verb is the issuer.
    assert [(a.award_type, a.award, a.issuer, a.recipient, a.status) for a in found] == [
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "Chi cục An toàn vệ sinh thực phẩm", "proposed"),
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


def spans(text, found):
    return [text[a.evidence.start:a.evidence.end] for a in found]


def test_two_issuers_before_the_giving_verb_give_one_item_each():
    # "đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng cờ thi đua dẫn đầu cho Sở Lao động - ..."
    _, found = awards("504a7652dc30d586")
    assert [(a.award_type, a.award, a.issuer, a.recipient, a.status) for a in found] == [
        ("co_thi_dua", "cờ thi đua dẫn đầu", "Thủ tướng Chính phủ", "Sở Lao động - Thương binh và Xã hội", "proposed"),
        ("co_thi_dua", "cờ thi đua dẫn đầu", "UBND tỉnh", "Sở Lao động - Thương binh và Xã hội", "proposed"),
        ("bang_khen", "bằng khen", "UBND tỉnh", "Sở Văn hóa và Thể thao", "proposed"),
        ("bang_khen", "bằng khen", "UBND tỉnh", "Sở Thông tin và Truyền thông", "proposed"),
        ("bang_khen", "bằng khen", "UBND tỉnh", "Sở Giáo dục và Đào tạo", "proposed")]


def test_recipients_written_before_the_verb_and_joined_by_va():
    # "Ban Tổ chức Huyện ủy được tặng Bằng khen ...; Công an huyện được Bộ Công an tặng Cờ ...;
    #  Ban Tuyên giáo Huyện ủy và Ủy ban Kiểm tra Huyện ủy nhận Cờ dẫn đầu cụm thi đua của tỉnh."
    text, found = awards("911221c21d93c1ea")
    assert [(a.award_type, a.issuer, a.recipient, a.status) for a in found] == [
        ("bang_khen", "Thủ tướng Chính phủ", "Ban Tổ chức Huyện ủy", "conferred"),
        ("co_thi_dua", "Bộ Công an", "Công an huyện", "conferred"),
        ("co_thi_dua", "tỉnh", "Ban Tuyên giáo Huyện ủy", "conferred"),
        ("co_thi_dua", "tỉnh", "Ủy ban Kiểm tra Huyện ủy", "conferred")]
    assert found[1].award == "Cờ đơn vị dẫn đầu phong trào thi đua “Vì an ninh Tổ quốc cấp cơ sở”"
    assert spans(text, found)[2] == ("Ban Tuyên giáo Huyện ủy và Ủy ban Kiểm tra Huyện ủy nhận "
                                     "Cờ dẫn đầu cụm thi đua của tỉnh")


def test_counts_written_before_the_award_two_joined_by_va():
    # "... 21 chiến sĩ thi đua cấp cơ sở; 03 tập thể và 14 cá nhân được Sở Y tế tặng giấy khen."
    text, found = awards("886b0e8589a550c1")
    assert [(a.award_type, a.issuer, a.count, a.status) for a in found] == [
        ("tap_the_lao_dong_tien_tien", None, 16, "proposed"),
        ("tap_the_lao_dong_xuat_sac", None, 1, "proposed"),
        ("bang_khen", "Chủ tịch UBND tỉnh", 2, "proposed"),
        ("chien_si_thi_dua", None, 21, "proposed"),
        ("giay_khen", "Sở Y tế", 3, "proposed"),
        ("giay_khen", "Sở Y tế", 14, "proposed")]
    assert spans(text, found)[4] == "03 tập thể và 14 cá nhân được Sở Y tế tặng giấy khen"


def test_quoted_award_names_and_a_shared_head_after_cho():
    # 'đề nghị tặng danh hiệu "Cờ thi đua" của Bộ Công an cho Công an huyện Hiệp Đức; ...
    #  danh hiệu “Đơn vị tiên tiến” cho lực lượng công an các huyện Tây Giang, Nam Giang, ...'
    _, found = awards("398715fa7a3b2905")
    assert [(a.award, a.issuer, a.recipient) for a in found] == [
        ('"Cờ thi đua" của Bộ Công an', "Bộ Công an", "Công an huyện Hiệp Đức"),
        ('"Cờ thi đua" của Tổng cục Chính trị Công an Nhân dân', "Tổng cục Chính trị Công an Nhân dân",
         "Công an huyện Đông Giang"),
        ("Đơn vị quyết thắng", None, "Công an huyện Phước Sơn"),
        ("Đơn vị quyết thắng", None, "Tiên Phước"),
        ("Đơn vị tiên tiến", None, "Tây Giang"),
        ("Đơn vị tiên tiến", None, "Nam Giang"),
        ("Đơn vị tiên tiến", None, "Nông Sơn"),
        ("Đơn vị tiên tiến", None, "Nam Trà My")]
    assert {a.status for a in found} == {"proposed"}
