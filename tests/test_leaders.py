from test_nlp import article, extra, fifth, heldout, more, noisy

from pipeline import nlp
from pipeline.extract.context import Context
from pipeline.extract.leaders import find_leaders


def leaders(stem):
    a = article(stem)
    return a.text, find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_cues_in_brackets_after_elected_units_give_leader_and_deputy_with_year():
    text, found = leaders("000_")
    assert [(l.unit, l.position, l.year) for l in found] == [
        ("Chi cục An toàn vệ sinh thực phẩm", "leader", 2021), ("Trường Cao đẳng Y tế", "deputy", 2021)]
    assert text[found[1].evidence.start:found[1].evidence.end] == "Trường Cao đẳng Y tế"


def test_list_items_marked_with_a_dash_cue_are_leaders():
    _, found = leaders("001_")
    assert [(l.unit, l.position) for l in found] == [
        ("Trung tâm Y tế dự phòng", "leader"), ("Chi cục An toàn vệ sinh thực phẩm", "deputy")]


def test_unit_la_truong_khoi_names_the_leader_for_the_year_after_it():
    _, found = leaders("002_")
    assert [(l.unit, l.position, l.year) for l in found] == [
        ("Chi cục Dân số – Kế hoạch hóa gia đình", "leader", 2023), ("Trung tâm Pháp y", "deputy", 2023)]


def test_unit_of_a_person_then_don_vi_cum_truong_is_the_leader():
    _, found = leaders("22707")
    assert [(l.unit, l.position) for l in found] == [
        ("VKSND huyện Phú Tân", "leader"), ("VKSND huyện Châu Thành", "deputy")]


def test_unit_after_tai_is_the_venue_not_the_leader_named_after_it():
    _, found = leaders("004_")
    assert found == []


def test_tp_inside_a_unit_name_is_a_place_and_the_unit_before_cum_truong_leads():
    text, found = leaders("003_")
    assert [(l.unit, l.position, l.year) for l in found] == [("Sở Y tế TP Cần Thơ", "leader", 2024)]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Sở Y tế TP Cần Thơ"


def test_ban_giao_ends_the_unit_and_dang_vi_cum_truong_gives_the_year_before():
    _, found = leaders("3ca3646a")
    assert [(l.unit, l.position, l.year) for l in found] == [
        ("Ban CHQS H.Trảng Bom", "leader", 2024), ("Ban CHQS Thống Nhất", "leader", 2023)]


# --- the year standing leaders lead for

import datetime as dt  # noqa: E402


def test_standing_leaders_of_a_review_held_in_january_lead_for_the_year_under_review():
    # dev article 018462d843c0f193: the review of 2022 held on 13/01/2023
    a = article("018462")
    ctx = Context(article=a, date=dt.date(2023, 1, 13)).with_(doc=nlp.annotate(a.text))
    assert [(x.unit, x.position, x.year) for x in find_leaders(ctx)] == [
        ("Ban Dân tộc tỉnh", "leader", 2022), ("Sở Tư pháp", "deputy", 2022)]


def test_a_review_year_after_the_meeting_in_the_headline_is_a_slip():
    from pipeline.types import Article

    text = ("TỔNG KẾT CỤM THI ĐUA LIÊN ĐOÀN LAO ĐỘNG CÁC TỈNH NAM BỘ NĂM 2026\n"
            "Chiều ngày 29/01/2026, Cụm thi đua tổ chức Hội nghị tổng kết thi đua năm 2025. "
            "Cụm thi đua gồm Liên đoàn Lao động các tỉnh: Vĩnh Long, An Giang và Tây Ninh, do Liên đoàn Lao động "
            "tỉnh Vĩnh Long làm Cụm trưởng.")
    a = Article(doc_id="t", path="t.txt", text=text, title=text.split("\n")[0])
    ctx = Context(article=a, date=dt.date(2026, 1, 29)).with_(doc=nlp.annotate(text))
    assert [(x.unit, x.position, x.year) for x in find_leaders(ctx)] == [
        ("Liên đoàn Lao động tỉnh Vĩnh Long", "leader", 2025)]


def test_standing_leaders_at_a_pact_signing_lead_for_the_pledged_year():
    from pipeline.types import Article

    text = ("Các Hội trong khối thi đua số 3 tổ chức ký kết giao ước thi đua năm 2023. "
            "Hội Chữ thập đỏ tỉnh làm trưởng khối, Hội Khuyến học tỉnh làm phó khối.")
    a = Article(doc_id="t", path="t.txt", text=text)
    ctx = Context(article=a).with_(doc=nlp.annotate(text))
    assert [(x.unit, x.position, x.year) for x in find_leaders(ctx)] == [
        ("Hội Chữ thập đỏ tỉnh", "leader", 2023), ("Hội Khuyến học tỉnh", "deputy", 2023)]


def test_lower_case_communes_elected_as_leader_and_deputy():
    a = heldout("h08")
    found = find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))
    assert [(x.unit, x.position, x.year, a.text[x.evidence.start:x.evidence.end]) for x in found] == [
        ("UBND thị trấn Chũ", "leader", 2023, "UBND thị trấn Chũ"),
        ("xã Nghĩa Hồ", "leader", 2024, "xã Nghĩa Hồ"),
        ("xã Quý Sơn", "deputy", 2024, "xã Quý Sơn")]


def test_units_after_gom_are_not_the_unit_a_leader_cue_names():
    # "UBMTTQVN huyện Kon Rẫy là đơn vị đăng cai cụm trưởng Cụm thi đua số II, gồm 5 đơn vị là
    # thành phố Kon Tum ...": the city is a member, not the leader.
    _, found = leaders("59681d97")
    assert [(x.unit, x.position, x.year) for x in found] == [("UBMTTQVN huyện Kon Rẫy", "leader", 2020)]


def test_khoi_truong_before_a_name_makes_the_unit_of_the_persons_last_title_the_leader():
    # "Đồng chí Khối trưởng Nguyễn Thị Kim Chi, Ủy viên BCH Đảng bộ tỉnh, Giám đốc Sở Giáo dục chủ trì"
    text, found = leaders("bce4d07a")
    assert [(l.unit, l.position, l.year) for l in found] == [
        ("Ban Dân tộc", "deputy", 2016), ("Sở Văn hóa Thể thao & Du lịch", "leader", 2016),
        ("Sở Giáo dục", "leader", 2015)]
    s = found[2].evidence
    assert (s.start, s.end, text[s.start:s.end]) == (276, 287, "Sở Giáo dục")


def test_a_person_of_a_unit_who_la_truong_khu_vuc_thi_dua_makes_it_the_leader():
    # "bà Ung Thị Xuân Hương, Giám đốc Sở Tư pháp TP.HCM, là trưởng khu vực thi đua"
    text, found = leaders("ed72955d")
    assert [(l.unit, l.position, l.year) for l in found] == [("Sở Tư pháp TP.HCM", "leader", None)]
    assert (found[0].evidence.start, found[0].evidence.end) == (41, 58)


def test_la_don_vi_truong_cum_opening_a_sentence_names_its_subject_unit():
    # "…Là đơn vị Trưởng cụm thi đua năm 2021, đại diện lãnh đạo UBND huyện Đại Từ đã phát động"
    text, found = leaders("e4c19f6a")
    assert [(l.unit, l.position, l.year) for l in found] == [("UBND huyện Đại Từ", "leader", 2021)]
    s = found[0].evidence
    assert text[s.start - 18:s.end] == "đại diện lãnh đạo UBND huyện Đại Từ"


def test_abbreviated_bank_head_keeps_lower_case_chi_nhanh_inside_the_leading_unit():
    a = noisy("p09")
    found = find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))
    assert [(l.unit, l.position, l.year, a.text[l.evidence.start:l.evidence.end]) for l in found] == [
        ("NHNN chi nhánh tỉnh Quảng Bình", "leader", 2022, "NHNN chi nhánh tỉnh Quảng Bình"),
        ("NHNN chi nhánh tỉnh Quảng Trị", "leader", 2023, "NHNN chi nhánh tỉnh Quảng Trị"),
        ("NHNN chi nhánh tỉnh Hà Tĩnh", "deputy", 2023, "NHNN chi nhánh tỉnh Hà Tĩnh")]


def more_leaders(stem):
    a = more(stem)
    return a.text, find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_unit_after_a_title_ending_in_thuong_truc_leads_not_the_title_words():
    # "Đồng chí Lê Văn Hòa, Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy, Khối trưởng năm 2023"
    text, found = more_leaders("m07")
    assert [(l.unit, l.position, l.year, text[l.evidence.start:l.evidence.end]) for l in found][0] == (
        "Ban Tổ chức Tỉnh ủy", "leader", 2023, "Ban Tổ chức Tỉnh ủy")


def test_unit_of_the_title_a_person_holds_before_duoc_giao_lam_pho_khoi_is_the_deputy():
    # "Trung tá Vũ Quang Hưng, Trưởng phòng Hậu cần - Kỹ thuật được giao làm Phó khối thi đua năm 2024."
    text, found = more_leaders("m11")
    assert [(l.unit, l.position, l.year, text[l.evidence.start:l.evidence.end]) for l in found] == [
        ("Phòng Hậu cần - Kỹ thuật", "deputy", 2024, "Hậu cần - Kỹ thuật")]


def test_bank_brand_units_lead_the_block_from_a_persons_title_and_from_lam():
    # "Bà Đặng Thị Hồng Hạnh, Giám đốc Agribank Lâm Đồng, Trưởng khối năm 2024 chủ trì hội nghị."
    # "Hội nghị thống nhất BIDV Lâm Đồng làm Phó Trưởng khối năm 2024."
    a = extra("x14")
    found = find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))
    assert [(x.unit, x.position, x.year) for x in found] == [
        ("Agribank Lâm Đồng", "leader", 2024), ("BIDV Lâm Đồng", "deputy", 2024)]
    assert all(x.unit in a.text[x.evidence.start:x.evidence.end] for x in found)


def fifth_leaders(stem):
    a = fifth(stem)
    return a.text, find_leaders(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_airport_units_with_khoi_truong_after_a_director_or_elected_are_leaders():
    # "Giám đốc Cảng HKQT Đà Nẵng, Khối trưởng năm 2023" / "Cảng HKQT Phú Bài được bầu làm
    # Khối trưởng năm 2024"
    text, found = fifth_leaders("f06")
    assert [(l.unit, l.position, l.year, text[l.evidence.start:l.evidence.end]) for l in found] == [
        ("Cảng HKQT Đà Nẵng", "leader", 2023, "Cảng HKQT Đà Nẵng"),
        ("Cảng HKQT Phú Bài", "leader", 2024, "Cảng HKQT Phú Bài")]


def test_duoc_thong_nhat_lam_or_giu_vai_tro_before_a_cue_ties_it_to_the_unit():
    # "Liên minh Hợp tác xã tỉnh được thống nhất làm Khối phó năm 2024."
    text, found = fifth_leaders("f03")
    assert [(l.unit, l.position, l.year, text[l.evidence.start:l.evidence.end]) for l in found][1:] == [
        ("Liên minh Hợp tác xã tỉnh", "deputy", 2024, "Liên minh Hợp tác xã tỉnh")]
    # "BSCKII. X, Giám đốc TTYT huyện Gio Linh, Cụm trưởng năm 2025" (the TTYT head kept);
    # "Trung tâm Y tế huyện Cam Lộ được thống nhất giữ vai trò Cụm phó năm 2025."
    text, found = fifth_leaders("f07")
    assert [(l.unit, l.position, l.year, text[l.evidence.start:l.evidence.end]) for l in found] == [
        ("TTYT huyện Gio Linh", "leader", 2025, "TTYT huyện Gio Linh"),
        ("Trung tâm Y tế huyện Cam Lộ", "deputy", 2025, "Trung tâm Y tế huyện Cam Lộ")]
