from test_nlp import article, extra, fifth, heldout, more, noisy

from pipeline import nlp
from pipeline.extract.context import Context
from pipeline.extract.officials import find_officials


def officials(stem):
    a = article(stem)
    return a.text, find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_name_and_title_joined_by_hyphen_give_one_official_with_director_role():
    text, found = officials("000_")
    assert [(o.name, o.title, o.organization, o.role) for o in found] == [
        ("Lý Kim Soi", "Phó Giám đốc", "Sở Y tế", "director")]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Lý Kim Soi"


def test_abbreviated_title_after_a_dash_is_expanded():
    _, found = officials("001_")
    assert [(o.name, o.title, o.organization) for o in found] == [("Vũ Thị Mai Anh", "Phó Giám đốc", "Sở Nội vụ")]


def test_byline_author_after_the_text_is_not_an_official():
    text, found = officials("000_")
    assert "Mã Thị Hiền" in text
    assert "Mã Thị Hiền" not in [o.name for o in found]


def test_two_chairs_with_two_titles_keep_the_first_title():
    _, found = officials("018462")
    assert [(o.name, o.title, o.role) for o in found][:2] == [
        ("A Lăng Mai", "Trưởng ban", "chair"), ("Đặng Văn Đào", "Giám đốc", "chair")]


def test_speaker_and_reporter_roles_come_from_the_verbs_around_the_name():
    _, found = officials("22707")
    assert [(o.name, o.title, o.role) for o in found] == [
        ("Lê Trung Chánh", "Viện trưởng", "speaker"), ("Lâm Thanh Vân", "Viện trưởng", "reporter")]


def test_title_and_body_before_a_dash_name_the_person_after_it():
    # "Phát biểu chào mừng, Giám đốc Sở TN&MT Long An - Võ Minh Thành nhấn mạnh, ..."
    text, found = officials("f615bf114b53760d")
    assert [(o.name, o.title, o.organization, o.role) for o in found] == [
        ("Võ Minh Thành", "Giám đốc", "Sở TN&MT Long An", "speaker")]
    ev = found[0].evidence
    assert text[ev.start:ev.end] == "Võ Minh Thành"
    assert text[:ev.start].endswith("Giám đốc Sở TN&MT Long An - ")


# --- other sectors, ranks, and persons who did not take part

def _officials(text):
    from pipeline.types import Article

    a = Article(doc_id="t", path="t.txt", text=text)
    return [(o.name, o.title, o.organization, o.role) for o in
            find_officials(Context(article=a).with_(doc=nlp.annotate(text)))]


def test_military_and_police_ranks_are_stripped_and_the_position_is_the_title():
    assert _officials("Đại tá Nguyễn Văn An, Phó Giám đốc Công an tỉnh phát biểu chỉ đạo hội nghị. "
                      "Thượng tá Trần Văn Bình - Trưởng phòng PC06 trình bày báo cáo.") == [
        ("Nguyễn Văn An", "Phó Giám đốc", "Công an tỉnh", "director"),
        ("Trần Văn Bình", "Trưởng phòng", "Phòng PC06", "reporter")]


def test_heads_of_courts_procuracy_army_border_guard_banks_and_unions():
    assert _officials(
        "Tham dự hội nghị có đồng chí Lê Thị Cúc, Chánh án TAND tỉnh; đồng chí Hồ Văn Đức, Viện trưởng "
        "VKSND tỉnh; Thiếu tướng Phạm Văn Dũng, Chỉ huy trưởng Bộ CHQS tỉnh; Trung tá Đỗ Minh Hải, Chính ủy "
        "BĐBP tỉnh và ông Vũ Minh Giang - PGĐ Ngân hàng Nhà nước chi nhánh tỉnh. Bà Mai Thị Lan, Chủ tịch "
        "Công đoàn ngành Y tế, Phó Trưởng khối báo cáo kết quả thi đua.") == [
        ("Lê Thị Cúc", "Chánh án", "TAND tỉnh", "attendee"),
        ("Hồ Văn Đức", "Viện trưởng", "VKSND tỉnh", "attendee"),
        ("Phạm Văn Dũng", "Chỉ huy trưởng", "Bộ CHQS tỉnh", "attendee"),
        ("Đỗ Minh Hải", "Chính ủy", "BĐBP tỉnh", "attendee"),
        ("Vũ Minh Giang", "Phó Giám đốc", "Ngân hàng Nhà nước chi nhánh tỉnh", "attendee"),
        ("Mai Thị Lan", "Chủ tịch", "Công đoàn ngành Y tế", "reporter")]


def test_abbreviations_inside_an_extended_title_are_expanded():
    assert _officials("Đồng chí Trần Văn Lâm, UVBTV TU, Trưởng ban Dân vận Tỉnh ủy dự hội nghị.") == [
        ("Trần Văn Lâm", "Ủy viên Ban Thường vụ Tỉnh ủy", "TU", "attendee")]


def test_the_authority_who_delegates_is_not_an_official():
    # dev article 6244a9ede555e4e1
    assert _officials("Phát biểu tại buổi lễ, PGS.TS Lâm Việt Trung – Phó Giám đốc Bệnh viện Chợ Rẫy, đại diện "
                      "thừa ủy quyền của TS.BSCKII Nguyễn Tri Thức – Thứ trưởng Bộ Y tế, phụ trách điều hành bệnh "
                      "viện đã biểu dương tinh thần của các cá nhân.") == [
        ("Lâm Việt Trung", "Phó Giám đốc", "Bệnh viện Chợ Rẫy", "speaker")]


def test_persons_of_another_event_are_left_out_also_from_its_photo_caption():
    # the shape of dev article 3afddc19985f8696: a caption of a same-day visit, then its paragraph
    text = ("Ông Võ Văn Phuông, Phó Trưởng ban Tuyên giáo Trung ương chúc mừng lãnh đạo bệnh viện - Ảnh: TTXVN\n"
            "Tối 26/2, Thành đoàn tổ chức Lễ tuyên dương thầy thuốc trẻ. Đồng chí Nguyễn Ngọc Việt, Bí thư "
            "Thành đoàn phát biểu tại buổi lễ.\n"
            "Cùng ngày, đoàn công tác do ông Võ Văn Phuông dẫn đầu thăm và chúc mừng Bệnh viện Nhiệt đới.")
    assert _officials(text) == [("Nguyễn Ngọc Việt", "Bí thư", "Thành đoàn", "speaker")]


def test_a_caption_of_the_meeting_names_an_official():
    text = ("Đại tá Nguyễn Văn An, Phó Giám đốc Công an tỉnh phát biểu tại hội nghị - Ảnh: Minh Hà\n"
            "Sáng 15/1, Công an tỉnh tổ chức Hội nghị tổng kết công tác thi đua năm 2023.")
    assert _officials(text) == [("Nguyễn Văn An", "Phó Giám đốc", "Công an tỉnh", "speaker")]


def test_names_under_a_link_list_heading_are_not_officials():
    text = ("Đồng chí Hoàng Văn Em, Chủ tịch LĐLĐ tỉnh chủ trì hội nghị.\nTin liên quan\n"
            "Đồng chí Phạm Thị Dung, Chủ tịch LĐLĐ tỉnh dự hội nghị tổng kết công đoàn")
    assert _officials(text) == [("Hoàng Văn Em", "Chủ tịch", "LĐLĐ tỉnh", "chair")]


def test_thuong_truc_after_a_title_belongs_to_the_title():
    # "đồng chí Nguyễn Văn Hùng, Phó Trưởng ban Thường trực Ban Thi đua - Khen thưởng Trung ương"
    a = heldout("h10")
    found = find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))
    hung = next(o for o in found if o.name == "Nguyễn Văn Hùng")
    assert hung.title == "Phó Trưởng ban Thường trực"
    assert a.text[hung.evidence.start:hung.evidence.end] == "Nguyễn Văn Hùng"


def test_a_title_naming_its_units_head_gives_that_head_to_the_body_read_whole_over_khen_thuong():
    # dev fc002794: "ông Võ Thanh Minh - Phó ban Thi đua khen thưởng tỉnh và đại diện lãnh đạo ..."
    assert _officials("Dự hội nghị có ông Võ Thanh Minh - Phó ban Thi đua khen thưởng tỉnh và đại diện "
                      "lãnh đạo 8 cơ quan trong khối.") == [
        ("Võ Thanh Minh", "Phó ban", "Ban Thi đua khen thưởng tỉnh", "attendee")]
    assert _officials("Tham dự hội nghị có đồng chí Vương Văn Đinh, Phó Trưởng ban Thi đua - Khen thưởng "
                      "Trung ương và lãnh đạo 7 tỉnh. Bộ trưởng Y tế Đào Hồng Lan phát biểu.") == [
        ("Vương Văn Đinh", "Phó Trưởng ban", "Ban Thi đua - Khen thưởng Trung ương", "attendee"),
        ("Đào Hồng Lan", "Bộ trưởng", "Bộ Y tế", "speaker")]


def test_a_title_right_before_the_name_has_no_body_and_award_list_names_are_honourees():
    # dev 98cb9001: the President handing the title; a decision's list of honourees after "gồm:"
    text, found = officials("98cb9001")
    assert [(o.name, o.title, o.organization, o.role) for o in found] == [
        ("Lương Cường", "Chủ tịch nước", None, "other"),
        ("Dương Đình Chỉnh", "Bí thư Huyện ủy", "Huyện ủy Nghi Lộc", "other")]
    s = found[1].evidence
    assert (s.start, s.end, text[s.start:s.end]) == (1320, 1336, "Dương Đình Chỉnh")


def test_the_role_is_the_strongest_of_the_persons_mentions_at_the_meeting():
    # dev 1fa72789: a first mention with no cue ("đề nghị các đơn vị ..."), then "dự, chỉ đạo hội nghị"
    text, found = officials("1fa72789")
    tuan = next(o for o in found if o.name == "Phùng Quốc Tuấn")
    assert (tuan.title, tuan.role) == ("Phó Chính ủy", "director")
    assert text[tuan.evidence.start:tuan.evidence.end] == "Phùng Quốc Tuấn"
    # dev e5fe7bb2: attending, then speaking ("nhấn mạnh"); handing out awards does not outweigh attending
    assert _officials("Tham dự hội nghị có đồng chí Vương Văn Đinh, Phó Trưởng ban Thi đua khen thưởng Trung "
                      "ương. Phát biểu tại hội nghị, đồng chí Vương Văn Đinh nhấn mạnh những nhiệm vụ trọng tâm. "
                      "Đồng chí Vương Văn Đinh trao Cờ thi đua cho các đơn vị.") == [
        ("Vương Văn Đinh", "Phó Trưởng ban", "Ban Thi đua khen thưởng Trung ương", "speaker")]
    assert _officials("Tham dự hội nghị có đồng chí Vương Văn Đinh, Phó Trưởng ban Thi đua khen thưởng Trung "
                      "ương. Đồng chí Vương Văn Đinh trao Cờ thi đua cho các đơn vị.") == [
        ("Vương Văn Đinh", "Phó Trưởng ban", "Ban Thi đua khen thưởng Trung ương", "attendee")]


def noisy_officials(stem):
    a = noisy(stem)
    found = find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))
    return [(o.name, o.title, o.organization, o.role, a.text[o.evidence.start:o.evidence.end]) for o in found]


def test_body_keeps_the_dash_between_two_places_of_one_area():
    # "ông Nguyễn Đình Toàn, Chi cục trưởng Chi cục Thuế khu vực Nghi Sơn - Như Thanh, Cụm trưởng"
    assert noisy_officials("p01")[2] == (
        "Nguyễn Đình Toàn", "Chi cục trưởng", "Chi cục Thuế khu vực Nghi Sơn - Như Thanh", "chair",
        "Nguyễn Đình Toàn")


def test_a_person_named_again_after_a_degree_prefix_takes_the_role_of_that_mention():
    # "BSCKII Đặng Quốc Hưng, Giám đốc Bệnh viện, ..." then "BSCKII Đặng Quốc Hưng chủ trì hội nghị"
    assert noisy_officials("p02")[1] == ("Đặng Quốc Hưng", "Giám đốc", "Bệnh viện", "chair", "Đặng Quốc Hưng")


def test_body_ends_at_a_lower_case_verb_after_a_place_name_and_quan_triet_speaks():
    # "Thượng tá Phạm Minh Tuấn, Trưởng Công an thành phố Bảo Lộc quán triệt kế hoạch ..."
    assert noisy_officials("p05")[1] == (
        "Phạm Minh Tuấn", "Trưởng Công an", "thành phố Bảo Lộc", "speaker", "Phạm Minh Tuấn")


def test_body_reads_over_va_inside_a_department_name():
    # "Ông Nguyễn Hoàng Sơn - Giám đốc Sở Kế hoạch và Đầu tư, Khối trưởng năm 2022 chủ trì"
    assert noisy_officials("p08")[0] == ("Nguyễn Hoàng Sơn", "Giám đốc", "Sở Kế hoạch và Đầu tư", "chair",
                                         "Nguyễn Hoàng Sơn")


def more_officials(stem):
    a = more(stem)
    return a.text, find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_persons_named_only_as_award_recipients_are_not_officials():
    # "trao danh hiệu Chiến sĩ thi đua cấp tỉnh cho ông Lý Văn Hậu, ... và bà Trần Thị Ngọc Hân, ..."
    text, found = more_officials("m10")
    assert [(o.name, o.title, o.organization, o.role, text[o.evidence.start:o.evidence.end]) for o in found] == [
        ("Nguyễn Văn Thanh", "Giám đốc", "Sở GTVT", "chair", "Nguyễn Văn Thanh"),
        ("Võ Minh Trí", "Phó Chủ tịch", "UBND tỉnh", "director", "Võ Minh Trí")]
    _, found = more_officials("m14")  # "Dịp này, ông Phạm Quốc Cường được trao Huy chương ..."
    assert [o.name for o in found] == ["Lê Hoàng Sơn", "Nguyễn Văn Lực"]


def test_head_of_a_part_then_comma_and_its_body_keeps_the_part_in_the_title():
    # "bà Đoàn Thị Mỹ Linh, Trưởng phòng Nghiệp vụ thi đua, Ban Thi đua - Khen thưởng (Sở Nội vụ)"
    text, found = more_officials("m12")
    o = found[0]
    assert (o.name, o.title, o.organization, text[o.evidence.start:o.evidence.end]) == (
        "Đoàn Thị Mỹ Linh", "Trưởng phòng Nghiệp vụ thi đua", "Ban Thi đua - Khen thưởng", "Đoàn Thị Mỹ Linh")
    _, found = more_officials("m11")  # "Trưởng phòng Hậu cần - Kỹ thuật được giao": no body after it
    assert [(o.title, o.organization) for o in found][2] == ("Trưởng phòng", "Phòng Hậu cần")


def extra_officials(stem):
    a = extra(stem)
    return a.text, find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_a_name_after_khach_san_is_a_venue_and_tp_before_a_place_is_thanh_pho():
    # "Sáng qua 15/12, tại Khách sạn Hoàng Lam, TP Vinh, Cụm thi đua số 3 ..."
    text, found = extra_officials("x02")
    assert "Hoàng Lam" not in [o.name for o in found]
    doc = nlp.annotate(text)
    at = text.index("Khách sạn Hoàng Lam, TP Vinh")
    assert [p.text for p in nlp.spans(doc, "PER") if at <= p.start_char < at + 40] == []
    assert [t.text for t in nlp.spans(doc, "TITLE") if at <= t.start_char < at + 40] == []


def test_bi_thu_dang_uy_xa_is_the_title_bi_thu_of_the_dang_uy_and_organisation_stops_at_a_verb():
    # "ông Huỳnh Thanh Nhàn, Bí thư Đảng ủy xã;" / "ông Võ Minh Khoa, Phó Chủ tịch UBND xã thông
    # qua báo cáo tổng kết ..."
    text, found = extra_officials("x03")
    assert [(o.name, o.title, o.organization) for o in found] == [
        ("Phan Văn Tài", "Phó Chủ tịch", "UBND huyện Chợ Gạo"),
        ("Huỳnh Thanh Nhàn", "Bí thư", "Đảng ủy xã"),
        ("Lê Văn Bé Năm", "Chủ tịch", "UBND xã"),
        ("Võ Minh Khoa", "Phó Chủ tịch", "UBND xã")]
    assert [text[o.evidence.start:o.evidence.end] for o in found] == [o.name for o in found]


def test_a_bank_brand_and_place_is_the_organisation_and_no_person():
    # "Bà Đặng Thị Hồng Hạnh, Giám đốc Agribank Lâm Đồng, Trưởng khối năm 2024 chủ trì hội nghị."
    text, found = extra_officials("x14")
    assert [(o.name, o.title, o.organization) for o in found] == [
        ("Lương Quốc Hưng", "Phó Giám đốc", "Ngân hàng Nhà nước chi nhánh tỉnh Lâm Đồng"),
        ("Đặng Thị Hồng Hạnh", "Giám đốc", "Agribank Lâm Đồng")]


def test_a_cue_after_the_last_clause_of_a_semicolon_list_is_that_persons_role_alone():
    # "Tham dự Hội nghị có: ông Phan Văn Tài, ...; ông Huỳnh Thanh Nhàn, Bí thư Đảng ủy xã; ông Lê
    # Văn Bé Năm, Chủ tịch UBND xã chủ trì Hội nghị; ..." / "ông Võ Minh Khoa, ... thông qua báo cáo"
    _, found = extra_officials("x03")
    assert [(o.name, o.role) for o in found] == [
        ("Phan Văn Tài", "attendee"), ("Huỳnh Thanh Nhàn", "attendee"), ("Lê Văn Bé Năm", "chair"),
        ("Võ Minh Khoa", "reporter")]


def fifth_officials(stem):
    a = fifth(stem)
    return a.text, find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_chuyen_vien_is_a_title_with_the_body_after_it():
    # "Tham dự có đồng chí Đỗ Thị Kim Oanh, Chuyên viên Ban Thi đua - Khen thưởng tỉnh."
    text, found = fifth_officials("f03")
    assert [(o.name, o.title, o.organization, o.role, text[o.evidence.start:o.evidence.end])
            for o in found][1:] == [
        ("Đỗ Thị Kim Oanh", "Chuyên viên", "Ban Thi đua - Khen thưởng tỉnh", "attendee", "Đỗ Thị Kim Oanh")]


def test_title_ending_with_a_party_committee_and_no_body_after_it_holds_the_organization():
    # "Đồng chí Nguyễn Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, ... chủ trì hội nghị."
    text, found = fifth_officials("f09")
    assert [(o.name, o.title, o.organization, o.role, text[o.evidence.start:o.evidence.end])
            for o in found][0] == ("Nguyễn Văn Sơn", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy", "chair", "Nguyễn Văn Sơn")


def test_doc_dien_van_makes_a_speaker():
    # "Ông Lê Văn Thành, Chủ tịch UBND huyện Tân Thạnh đọc diễn văn khánh thành."
    text, found = fifth_officials("f12")
    assert [(o.name, o.role) for o in found] == [
        ("Nguyễn Minh Lâm", "attendee"), ("Phạm Văn Cảnh", "attendee"), ("Lê Văn Thành", "speaker")]


def test_cue_before_a_list_reaches_a_person_after_an_abbreviated_honorific_with_a_stop():
    # "Đến dự và chỉ đạo hội nghị có PGS.TS Lê Văn Bình, Giám đốc Sở Y tế; ThS. Trần Thị Ngọc
    # Lan, Trưởng phòng Tổ chức cán bộ Sở Y tế.": the stop after "ThS" ends no sentence.
    text, found = fifth_officials("f07")
    assert [(o.name, o.role, text[o.evidence.start:o.evidence.end]) for o in found] == [
        ("Lê Văn Bình", "director", "Lê Văn Bình"), ("Trần Thị Ngọc Lan", "director", "Trần Thị Ngọc Lan"),
        ("Nguyễn Hữu Phước", "chair", "Nguyễn Hữu Phước")]
