from test_nlp import article, extra, fifth, heldout, more, noisy

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
    assert [a.award for a in found] == [
        "Cờ thi đua ngành Kiểm sát nhân dân", "Tập thể Lao động xuất sắc", "Tập thể Lao động tiên tiến"]


def test_giver_of_a_proposal_carries_to_clauses_opened_by_the_verb_or_joined_by_va():
    # "đề nghị VKSND tối cao công nhận danh hiệu “Cờ thi đua ngành Kiểm sát nhân dân” cho 1 đơn vị;
    # công nhận danh hiệu “Tập thể Lao động xuất sắc” cho 1 đơn vị và danh hiệu “Tập thể Lao động
    # tiên tiến” cho 4 đơn vị."
    text, found = awards("22707")
    assert [a.issuer for a in found] == ["VKSND tối cao"] * 3
    s = found[0].evidence
    assert text[s.start:s.end] == "“Cờ thi đua ngành Kiểm sát nhân dân” cho 1 đơn vị"


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


# --- award year: the year of achievement (EXTRACTION_GUIDE.md, awards.year)

import datetime as dt  # noqa: E402


def _found(text, title=None, date=None):
    from pipeline.types import Article

    a = Article(doc_id="t", path="t.txt", text=text, title=title)
    return find_awards(Context(article=a, date=date).with_(doc=nlp.annotate(text)))


def test_award_year_is_the_year_under_review_for_a_review_held_in_january():
    # dev article 504a7652dc30d586: a review of 2018 held on 28/1/2019
    a = article("504a")
    found = find_awards(Context(article=a, date=dt.date(2019, 1, 28)).with_(doc=nlp.annotate(a.text)))
    assert {(x.recipient, x.year) for x in found} == {
        ("Sở Lao động - Thương binh và Xã hội", 2018), ("Sở Văn hóa và Thể thao", 2018),
        ("Sở Thông tin và Truyền thông", 2018), ("Sở Giáo dục và Đào tạo", 2018)}


def test_award_year_written_in_the_clause_before_the_award_wins_over_the_review_year():
    found = _found("Hội nghị tổng kết công tác thi đua năm 2023 của Khối. Theo đó, năm 2022, "
                   "Sở Y tế được tặng Cờ thi đua của Chính phủ.")
    assert [(a.recipient, a.issuer, a.year) for a in found] == [("Sở Y tế", "Chính phủ", 2022)]


def test_a_year_after_the_meeting_is_when_the_award_is_given_not_what_it_is_for():
    found = _found("Ngày 17/12, Tổng LĐLĐ Việt Nam đề nghị tặng Cờ thi đua của Chính phủ năm 2023 "
                   "cho LĐLĐ tỉnh Thanh Hóa.", date=dt.date(2022, 12, 17))
    assert [(a.recipient, a.status, a.year) for a in found] == [("LĐLĐ tỉnh Thanh Hóa", "proposed", 2022)]


def test_awards_at_a_pact_signing_are_for_the_year_before_the_pact():
    found = _found("Lễ ký kết giao ước thi đua năm 2024 của Cụm thi đua số 2. "
                   "Dịp này, UBND tỉnh tặng Bằng khen cho Sở Tư pháp.")
    assert [(a.award_type, a.issuer, a.recipient, a.year) for a in found] == [
        ("bang_khen", "UBND tỉnh", "Sở Tư pháp", 2023)]


def test_awards_handed_out_in_the_first_quarter_are_for_the_year_before():
    found = _found("Sáng 20/2, Chủ tịch UBND tỉnh trao Bằng khen cho Công an huyện Tân Phú.",
                   date=dt.date(2024, 2, 20))
    assert [(a.recipient, a.year) for a in found] == [("Công an huyện Tân Phú", 2023)]


# --- award names of every sector

def test_orders_medals_and_titles_keep_their_name_and_class():
    found = _found("Thừa ủy quyền của Chủ tịch nước, đồng chí Ngô Văn Hải trao Huân chương Lao động hạng Ba "
                   "cho Cục Thuế tỉnh. Hội nghị đề nghị Bộ Quốc phòng tặng Kỷ niệm chương “Vì sự nghiệp xây dựng "
                   "Quân đội” cho 3 cá nhân và danh hiệu Đơn vị quyết thắng cho Ban CHQS huyện Tân Phú.",
                   date=dt.date(2023, 12, 20))
    assert [(a.award_type, a.award, a.issuer, a.recipient, a.count, a.status) for a in found] == [
        ("huan_chuong", "Huân chương Lao động hạng Ba", None, "Cục Thuế tỉnh", None, "conferred"),
        ("ky_niem_chuong", "Kỷ niệm chương “Vì sự nghiệp xây dựng Quân đội”", "Bộ Quốc phòng", None, 3, "proposed"),
        # "... cho 3 cá nhân và danh hiệu ...": the award joined by "và" has the same giver
        ("danh_hieu_khac", "Đơn vị quyết thắng", "Bộ Quốc phòng", "Ban CHQS huyện Tân Phú", None, "proposed")]
    assert {a.year for a in found} == {2023}


def test_emulation_titles_of_individuals_and_collectives():
    found = _found("Hội nghị bình xét đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 12 cá nhân, "
                   "Tập thể lao động tiên tiến cho 5 tập thể và Chiến sĩ tiên tiến cho 40 cán bộ, chiến sĩ.",
                   date=dt.date(2023, 12, 5))
    assert [(a.award_type, a.award, a.count, a.status) for a in found] == [
        ("chien_si_thi_dua", "Chiến sĩ thi đua cơ sở", 12, "proposed"),
        ("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến", 5, "proposed"),
        ("lao_dong_tien_tien", "Chiến sĩ tiên tiến", 40, "proposed")]


def heldout_awards(stem):
    a = heldout(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_counts_joined_by_va_or_a_comma_after_cho_are_one_item_each():
    text, found = heldout_awards("h10")
    assert [(a.award_type, a.issuer, a.recipient, a.count, text[a.evidence.start:a.evidence.end]) for a in found] == [
        ("huan_chuong", None, None, 3, "Huân chương Lao động hạng Ba cho 3 tập thể"),
        ("huan_chuong", None, None, 2, "Huân chương Lao động hạng Ba cho 3 tập thể và 2 cá nhân"),
        ("co_thi_dua", "Chính phủ", "Sở Giáo dục và Đào tạo", None,
         "Cờ thi đua của Chính phủ cho Sở Giáo dục và Đào tạo"),
        ("bang_khen", "Thủ tướng Chính phủ", None, 10, "Bằng khen của Thủ tướng Chính phủ cho 10 tập thể"),
        ("bang_khen", "UBND tỉnh", None, 45, "Bằng khen cho 45 tập thể"),
        ("bang_khen", "UBND tỉnh", None, 60, "Bằng khen cho 45 tập thể, 60 cá nhân")]


def test_count_handed_out_is_kept_beside_a_named_proposal_of_the_same_award():
    # "đề nghị Bộ trưởng Bộ Công an tặng Bằng khen cho Công an tỉnh Tuyên Quang" ...
    # "Đại tá Nguyễn Văn Khiêm đã trao Bằng khen của Bộ Công an cho 5 tập thể"
    _, found = heldout_awards("h01")
    assert [(a.award_type, a.recipient, a.count, a.status) for a in found if a.award_type == "bang_khen"] == [
        ("bang_khen", "Công an tỉnh Tuyên Quang", None, "proposed"), ("bang_khen", None, 5, "conferred")]


def test_unit_after_the_last_proposing_word_receives_and_counts_of_another_issuer_stay():
    # "các đơn vị trong Khối đã thống nhất bình xét thi đua và đề nghị Thanh tra tỉnh được nhận Cờ
    # thi đua của Chính phủ; 02 đơn vị được nhận Cờ thi đua của UBND tỉnh; 03 đơn vị ..."
    text, found = awards("de915ba9")
    assert [(a.award_type, a.award, a.issuer, a.recipient, a.count, a.status) for a in found] == [
        ("co_thi_dua", "Cờ thi đua của Chính phủ", "Chính phủ", "Thanh tra tỉnh", None, "proposed"),
        ("co_thi_dua", "Cờ thi đua của UBND tỉnh", "UBND tỉnh", None, 2, "proposed"),
        ("bang_khen", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", None, 3, "proposed")]
    s = found[0].evidence
    assert text[s.start:s.end] == "Thanh tra tỉnh được nhận Cờ thi đua của Chính phủ"


def test_each_person_of_a_recipient_list_after_gom_is_an_item_even_before_a_former_title():
    # "tỉnh Nghệ An có 4 cá nhân được phong tặng danh hiệu Thầy thuốc Nhân dân, gồm: ... bác sĩ chuyên
    # khoa 2 Nguyễn Bá Tân – nguyên Chi cục trưởng Chi cục Dân số ...; bác sĩ ... Nguyễn Hải Linh – ..."
    text, found = awards("98cb9001")
    assert [(a.award_type, a.award, a.recipient, a.status) for a in found] == [
        ("danh_hieu_khac", "Thầy thuốc Nhân dân", n, "conferred")
        for n in ("Dương Đình Chỉnh", "Phạm Vĩnh Hùng", "Nguyễn Bá Tân", "Nguyễn Hải Linh")]
    s = found[2].evidence
    assert (s.start, s.end) == (740, 1018) and text[s.start:s.end].endswith("Nguyễn Bá Tân")


def noisy_awards(stem):
    a = noisy(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def item(text, w):
    return (w.award_type, w.award, w.issuer, w.recipient, w.count, w.status, w.year,
            text[w.evidence.start:w.evidence.end])


def test_unit_acclaimed_dan_dau_before_de_nghi_tang_is_the_flags_recipient():
    text, found = noisy_awards("p06")
    # "suy tôn LĐLĐ huyện Giao Thủy dẫn đầu Cụm, đề nghị Tổng LĐLĐ Việt Nam tặng Cờ thi đua năm 2023"
    assert [item(text, w) for w in found] == [
        ("co_thi_dua", "Cờ thi đua", "Tổng LĐLĐ Việt Nam", "LĐLĐ huyện Giao Thủy", None, "proposed", 2023,
         "LĐLĐ huyện Giao Thủy dẫn đầu Cụm, đề nghị Tổng LĐLĐ Việt Nam tặng Cờ thi đua"),
        ("bang_khen", "Bằng khen", "LĐLĐ tỉnh", "LĐLĐ huyện Xuân Trường", None, "proposed", 2023,
         "Bằng khen cho LĐLĐ huyện Xuân Trường")]


def test_abbreviated_bank_branch_is_recipient_as_la_don_vi_dan_dau_and_before_duoc_de_nghi_tang():
    text, found = noisy_awards("p09")
    assert [item(text, w) for w in found] == [
        ("co_thi_dua", "Cờ thi đua", "Thống đốc NHNN", "NHNN chi nhánh tỉnh Nghệ An", None, "proposed", 2022,
         "NHNN chi nhánh tỉnh Nghệ An là đơn vị dẫn đầu Cụm, đề nghị Thống đốc NHNN tặng Cờ thi đua"),
        ("bang_khen", "Bằng khen của Thống đốc NHNN", "Thống đốc NHNN", "NHNN chi nhánh tỉnh Hà Tĩnh", None,
         "proposed", 2022,
         "NHNN chi nhánh tỉnh Hà Tĩnh được đề nghị tặng Bằng khen của Thống đốc NHNN")]


def more_awards(stem):
    a = more(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_two_units_acclaimed_with_va_before_de_nghi_tang_are_two_recipients():
    # "suy tôn Ban Tổ chức Tỉnh ủy và Ủy ban MTTQ Việt Nam tỉnh là 2 đơn vị dẫn đầu Khối, đề nghị
    # UBND tỉnh tặng Cờ thi đua"
    text, found = more_awards("m07")
    assert [item(text, w) for w in found if w.award_type == "co_thi_dua"] == [
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "Ban Tổ chức Tỉnh ủy", None, "proposed", 2023,
         "Ban Tổ chức Tỉnh ủy và Ủy ban MTTQ Việt Nam tỉnh là 2 đơn vị dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua"),
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", None, "proposed", 2023,
         "Ủy ban MTTQ Việt Nam tỉnh là 2 đơn vị dẫn đầu Khối, đề nghị UBND tỉnh tặng Cờ thi đua")]


def test_units_named_after_a_count_and_a_colon_are_the_recipients_not_the_count():
    # "đề nghị UBND tỉnh tặng Cờ thi đua cho 2 đơn vị: UBND huyện Lạc Dương, UBND huyện Lâm Hà;"
    text, found = more_awards("m08")
    assert [item(text, w) for w in found if w.award_type == "co_thi_dua"] == [
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "UBND huyện Lạc Dương", None, "proposed", 2023,
         "Cờ thi đua cho 2 đơn vị: UBND huyện Lạc Dương"),
        ("co_thi_dua", "Cờ thi đua", "UBND tỉnh", "UBND huyện Lâm Hà", None, "proposed", 2023,
         "Cờ thi đua cho 2 đơn vị: UBND huyện Lạc Dương, UBND huyện Lâm Hà")]


def test_persons_after_cho_joined_by_va_over_their_titles_are_recipients():
    # "trao danh hiệu Chiến sĩ thi đua cấp tỉnh cho ông Lý Văn Hậu, Trưởng phòng Quản lý vận tải và
    # bà Trần Thị Ngọc Hân, Chánh Văn phòng Sở;"
    text, found = more_awards("m10")
    assert [item(text, w) for w in found if w.award_type == "chien_si_thi_dua"] == [
        ("chien_si_thi_dua", "Chiến sĩ thi đua cấp tỉnh", None, "Lý Văn Hậu", None, "conferred", 2023,
         "Chiến sĩ thi đua cấp tỉnh cho ông Lý Văn Hậu"),
        ("chien_si_thi_dua", "Chiến sĩ thi đua cấp tỉnh", None, "Trần Thị Ngọc Hân", None, "conferred", 2023,
         "Chiến sĩ thi đua cấp tỉnh cho ông Lý Văn Hậu, Trưởng phòng Quản lý vận tải và bà Trần Thị Ngọc Hân")]


def test_person_before_duoc_trao_receives_and_counts_joined_by_a_comma_are_two_items():
    # "Dịp này, ông Phạm Quốc Cường được trao Huy chương Chiến sĩ vẻ vang hạng Ba; xã Phú Cường được
    # UBND tỉnh tặng Cờ thi đua; 8 tập thể, 12 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen; ..."
    text, found = more_awards("m14")
    got = [item(text, w) for w in found]
    assert got[0] == ("huy_chuong", "Huy chương Chiến sĩ vẻ vang hạng Ba", None, "Phạm Quốc Cường", None,
                      "conferred", 2023, "Phạm Quốc Cường được trao Huy chương Chiến sĩ vẻ vang hạng Ba")
    assert [g for g in got if g[0] == "bang_khen"] == [
        ("bang_khen", "Bằng khen", "Chủ tịch UBND tỉnh", None, 8, "conferred", 2023,
         "8 tập thể, 12 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen"),
        ("bang_khen", "Bằng khen", "Chủ tịch UBND tỉnh", None, 12, "conferred", 2023,
         "12 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen")]


def extra_awards(stem):
    a = extra(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_numbered_award_list_gives_a_recipient_or_counts_after_each_colon():
    # "1. Giấy khen của Chủ tịch UBND huyện: ấp Bình Phú;\n2. Danh hiệu "Lao động tiên tiến": 18
    # cá nhân;\n3. Danh hiệu "Chiến sĩ thi đua cơ sở": 02 cá nhân."
    text, found = extra_awards("x03")
    assert [(a.award_type, a.issuer, a.recipient, a.count) for a in found] == [
        ("giay_khen", "Chủ tịch UBND huyện", "ấp Bình Phú", None),
        ("lao_dong_tien_tien", None, None, 18),
        ("chien_si_thi_dua", None, None, 2)]
    assert spans(text, found) == [
        "Giấy khen của Chủ tịch UBND huyện: ấp Bình Phú", '"Lao động tiên tiến": 18 cá nhân',
        '"Chiến sĩ thi đua cơ sở": 02 cá nhân']


def test_issuer_after_cua_stops_at_the_colon_of_a_list_item():
    # "3. Bằng khen của Tổng Giám đốc BHXH Việt Nam: BHXH tỉnh Bình Phước."
    text, found = extra_awards("x05")
    assert [(a.award, a.issuer, a.recipient) for a in found][-1] == (
        "Bằng khen của Tổng Giám đốc BHXH Việt Nam", "Tổng Giám đốc BHXH Việt Nam", "BHXH tỉnh Bình Phước")
    assert spans(text, found)[-1] == "Bằng khen của Tổng Giám đốc BHXH Việt Nam: BHXH tỉnh Bình Phước"


def test_number_closing_a_unit_name_is_part_of_the_issuer_not_a_count():
    # "12 tập thể và 35 cá nhân được Tư lệnh Quân khu 3 tặng Bằng khen"
    text, found = extra_awards("x08")
    assert [(a.award_type, a.issuer, a.recipient, a.count) for a in found] == [
        ("co_thi_dua", "Bộ Quốc phòng", "Sư đoàn 395", None),
        ("bang_khen", "Tư lệnh Quân khu 3", None, 12),
        ("bang_khen", "Tư lệnh Quân khu 3", None, 35)]
    assert spans(text, found)[1:] == [
        "12 tập thể và 35 cá nhân được Tư lệnh Quân khu 3 tặng Bằng khen",
        "35 cá nhân được Tư lệnh Quân khu 3 tặng Bằng khen"]


def fifth_awards(stem):
    a = fifth(stem)
    return a.text, find_awards(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_unit_opening_passive_verbs_joined_by_va_receives_and_the_sentence_opener_does_not():
    # "Qua chấm điểm chéo, Huyện Đoàn Cần Đước được suy tôn là đơn vị dẫn đầu Cụm và được đề
    # nghị Tỉnh Đoàn tặng Cờ thi đua năm 2019; Huyện Đoàn Tân Trụ được đề nghị tặng Bằng khen ..."
    text, found = fifth_awards("f04")
    assert [(a.award_type, a.issuer, a.recipient, a.status, a.year) for a in found] == [
        ("co_thi_dua", "Tỉnh Đoàn", "Huyện Đoàn Cần Đước", "proposed", 2019),
        ("bang_khen", "Ban Thường vụ Tỉnh Đoàn", "Huyện Đoàn Tân Trụ", "proposed", 2019)]
    ev = found[0].evidence
    assert text[ev.start:ev.end].startswith("Huyện Đoàn Cần Đước được suy tôn")
    assert text[ev.start:ev.end].endswith("Cờ thi đua")


def test_period_written_after_the_award_gives_its_end_year():
    # "... trao Huân chương Bảo vệ Tổ quốc hạng Ba của Chủ tịch nước cho Hội CCB huyện Tương
    # Dương vì có thành tích xuất sắc trong phong trào thi đua giai đoạn 2018 - 2022."
    text, found = fifth_awards("f01")
    assert [(a.award_type, a.recipient, a.status, a.year) for a in found][-1] == (
        "huan_chuong", "Hội CCB huyện Tương Dương", "conferred", 2022)
    ev = found[-1].evidence
    assert text[ev.start:ev.end] == (
        "Huân chương Bảo vệ Tổ quốc hạng Ba của Chủ tịch nước cho Hội CCB huyện Tương Dương")


def test_award_to_cac_ca_nhan_goes_to_the_persons_listed_earlier_after_gom():
    # "danh sách các cá nhân được tuyên dương gồm: hai nhân viên bảo vệ Nguyễn Phùng Hào và La
    # Quốc Minh (...); điều dưỡng Nguyễn Phúc Hào (...); và sinh viên Nguyễn Phi Đăng (...)" ...
    # "Lãnh đạo Bệnh viện Chợ Rẫy trao giấy khen cho các cá nhân tiêu biểu ..."
    text, found = awards("6244a9ed")
    assert [(a.award_type, a.award, a.recipient, a.count, a.status) for a in found] == [
        ("giay_khen", "giấy khen", "Nguyễn Phùng Hào", None, "conferred"),
        ("giay_khen", "giấy khen", "La Quốc Minh", None, "conferred"),
        ("giay_khen", "giấy khen", "Nguyễn Phúc Hào", None, "conferred"),
        ("giay_khen", "giấy khen", "Nguyễn Phi Đăng", None, "conferred")]
    for a in found:
        span = text[a.evidence.start:a.evidence.end]
        assert span.startswith(a.recipient) and span.endswith("trao giấy khen")
    # Names inside the parentheses ("Trường Cao đẳng Y khoa Phạm Ngọc Thạch") are not recipients.
    assert "Phạm Ngọc Thạch" not in [a.recipient for a in found]
