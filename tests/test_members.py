from test_nlp import article, extra, fifth, heldout, more, noisy

from pipeline import nlp
from pipeline.extract.context import Context
from pipeline.extract.members import find_members


def members(stem):
    a = article(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_member_list_after_gom_is_split_on_semicolons_without_leader_cues():
    text, found = members("001_")
    assert [m.name for m in found][:3] == [
        "Trung tâm Y tế dự phòng", "Chi cục An toàn vệ sinh thực phẩm", "Chi cục Dân số Kế hoạch hóa gia đình"]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Trung tâm Y tế dự phòng"


def test_shared_head_cac_so_is_given_to_each_item_until_a_new_head():
    text, found = members("018462")
    names = [m.name for m in found]
    assert names[:2] == ["Sở Nội vụ", "Sở Tài chính"]
    assert "Ban Dân tộc tỉnh" in names and "Thanh tra tỉnh" in names
    first = found[0]
    assert text[first.evidence.start:first.evidence.end] == "Nội vụ"


def test_units_ranked_for_awards_and_elected_leaders_are_members_without_duplicates():
    _, found = members("000_")
    names = [m.name for m in found]
    assert names[:3] == ["Chi cục An toàn vệ sinh thực phẩm", "Chi cục Dân số và Kế hoạch hóa gia đình",
                         "Trung tâm Kiểm dịch Y tế Quốc tế"]
    assert "Trường Cao đẳng Y tế" in names
    assert len(names) == len(set(n.lower() for n in names))
    assert "Sở Y tế" not in names


def test_bare_department_names_after_cac_so_colon_are_given_so_and_grounded_as_written():
    text, found = members("004_")
    assert [m.name for m in found][:9] == [
        "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Văn hóa Thể thao và Du lịch",
        "Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông",
        "Ban Dân tộc", "Đài PT - TH Tỉnh", "Vườn Quốc gia Tam Đảo"]
    assert text[found[1].evidence.start:found[1].evidence.end] == "Khoa học và Công nghệ"
    assert "Ban" not in [m.name for m in found]


def test_department_name_with_commas_is_one_item_after_a_so_item():
    text, found = members("23421c99")
    assert [m.name for m in found][:6] == [
        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Lao động-Thương binh và Xã Hội",
        "Sở Văn hóa, Thể thao và Du lịch", "Đài Phát thanh và Truyền hình tỉnh", "Ban Dân tộc tỉnh"]
    assert text[found[3].evidence.start:found[3].evidence.end] == "Văn hóa, Thể thao và Du lịch"


def test_shared_head_over_cac_huyen_colon_keeps_the_head_without_the_unwritten_locality():
    text, found = members("3ca3646a")
    names = [m.name for m in found]
    assert names[:5] == ["Ban CHQS Thống Nhất", "Ban CHQS Trảng Bom", "Ban CHQS Long Thành",
                         "Ban CHQS Nhơn Trạch", "Ban CHQS Vĩnh Cửu"]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Thống Nhất"


def test_old_and_dashed_department_names_are_whole_items_given_so():
    from pipeline.types import Article

    text = ("Khối thi đua Kinh tế gồm các sở: Kế hoạch - Đầu tư, Tài nguyên - Môi trường, "
            "Lao động - Thương binh - Xã hội và Cục Thuế tỉnh.")
    a = Article(doc_id="t", path="t.txt", text=text)
    found = find_members(Context(article=a).with_(doc=nlp.annotate(text)))
    assert [(m.name, text[m.evidence.start:m.evidence.end]) for m in found] == [
        ("Sở Kế hoạch - Đầu tư", "Kế hoạch - Đầu tư"),
        ("Sở Tài nguyên - Môi trường", "Tài nguyên - Môi trường"),
        ("Sở Lao động - Thương binh - Xã hội", "Lao động - Thương binh - Xã hội"),
        ("Cục Thuế tỉnh", "Cục Thuế tỉnh")]


def heldout_members(stem):
    a = heldout(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def spans(text, found):
    return [(m.name, text[m.evidence.start:m.evidence.end]) for m in found]


def test_last_item_keeps_cac_inside_a_headed_name():
    text, found = heldout_members("h03")
    assert spans(text, found)[-2:] == [
        ("Công đoàn Viên chức tỉnh", "Công đoàn Viên chức tỉnh"),
        ("Công đoàn các Khu công nghiệp tỉnh", "Công đoàn các Khu công nghiệp tỉnh")]


def test_locality_after_va_takes_the_shared_head_without_its_own_locality():
    text, found = heldout_members("h04")
    # "Hội Nông dân các huyện: ..., Nghi Lộc và thị xã Hoàng Mai tổ chức ..."
    assert spans(text, found)[-2:] == [("Nghi Lộc", "Nghi Lộc"),
                                       ("Hội Nông dân thị xã Hoàng Mai", "thị xã Hoàng Mai")]


def test_last_item_of_two_names_opening_with_one_word_is_split_on_va():
    text, found = heldout_members("h07")
    assert spans(text, found)[3:5] == [("THPT Hà Huy Tập", "THPT Hà Huy Tập"), ("THPT Cẩm Bình", "THPT Cẩm Bình")]


def test_gom_before_a_locality_and_va_cac_xa_opens_a_new_shared_head():
    text, found = heldout_members("h08")
    # "gồm thị trấn Chũ và các xã Hồng Giang, Nghĩa Hồ, Quý Sơn, Trù Hựu tổ chức ..."
    assert spans(text, found) == [
        ("xã Hồng Giang", "Hồng Giang"), ("xã Nghĩa Hồ", "Nghĩa Hồ"), ("xã Quý Sơn", "Quý Sơn"),
        ("xã Trù Hựu", "Trù Hựu"), ("UBND thị trấn Chũ", "UBND thị trấn Chũ")]


def test_abbreviated_spelling_of_a_listed_unit_is_not_a_second_member():
    # "Khối trưởng" after "Chánh án TAND tỉnh": the leader is the listed Tòa án nhân dân tỉnh.
    _, found = heldout_members("h02")
    assert [m.name for m in found] == ["Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
                                       "Cục Thi hành án dân sự tỉnh", "Thanh tra tỉnh", "Sở Tư pháp"]


def test_semicolon_list_goes_on_to_the_last_item_and_keeps_cac_cong_trinh_inside_a_name():
    # "...; Ban Quản lý Dự án các công trình y tế; Trung tâm Chăm sóc sức khỏe sinh sản; ...;
    # Trung tâm Pháp Y." (13 centres): "công trình" is a compound, "trình" no verb here.
    text, found = members("001_")
    assert len(found) == 13
    assert [m.name for m in found][3:6] == [
        "Ban Quản lý Dự án các công trình y tế", "Trung tâm Chăm sóc sức khỏe sinh sản", "Trung tâm Kiểm dịch y tế quốc tế"]
    assert text[found[-1].evidence.start:found[-1].evidence.end] == "Trung tâm Pháp Y"


def test_three_or_more_units_after_dai_dien_lanh_dao_are_members_and_the_guest_before_is_not():
    # "Dự ... có đồng chí Dương Thị Thanh - Trưởng Ban thi đua - Khen thưởng, Sở Nội vụ; đại diện
    # lãnh đạo Sở Y tế, Đài phát thanh và truyền hỉnh tỉnh, ..., Sở Lao động Thương binh và Xã hội tỉnh."
    text, found = members("63959f2d")
    assert [m.name for m in found] == [
        "Sở Y tế", "Đài phát thanh và truyền hỉnh tỉnh", "Sở Thông tin và truyền thông",
        "Sở Khoa học và Công nghệ", "Sở Văn hóa và Thể thao", "Sở Giáo dục và Đào tạo",
        "Sở Lao động Thương binh và Xã hội tỉnh"]
    assert [(m.evidence.start, m.evidence.end) for m in found][:2] == [(273, 280), (282, 316)]
    assert text[found[-1].evidence.start:found[-1].evidence.end] == "Sở Lao động Thương binh và Xã hội tỉnh"


def test_short_items_under_a_long_shared_head_take_its_abbreviation_to_stay_grounded():
    # "Cụm thi đua gồm Liên đoàn Lao động các tỉnh: Vĩnh Long, An Giang,  Đồng Tháp, Cà Mau, Đồng
    # Nai và Tây Ninh, do Liên đoàn Lao động tỉnh Vĩnh Long làm Cụm trưởng, ..."
    text, found = members("60e421f5")
    assert [m.name for m in found] == [
        "Liên đoàn Lao động tỉnh Vĩnh Long", "LĐLĐ tỉnh An Giang", "LĐLĐ tỉnh Đồng Tháp", "LĐLĐ tỉnh Cà Mau",
        "LĐLĐ tỉnh Đồng Nai", "Liên đoàn Lao động tỉnh Tây Ninh"]
    assert (found[1].evidence.start, found[1].evidence.end) == (345, 353)
    assert text[345:353] == "An Giang"


def test_delegates_of_a_head_over_several_levels_take_the_head_without_a_level():
    # "đại biểu Bộ đội Biên phòng các tỉnh, thành, đơn vị: Thành phố Hải Phòng, Hải đoàn 38, Thái
    # Bình, Nam Định, Ninh Bình, Thanh Hóa, Nghệ An và Hà Tĩnh."
    text, found = members("1fa72789")
    assert [m.name for m in found] == [
        "Bộ đội Biên phòng Thành phố Hải Phòng", "Hải đoàn 38", "BĐBP Thái Bình", "BĐBP Nam Định",
        "BĐBP Ninh Bình", "BĐBP Thanh Hóa", "Bộ đội Biên phòng Nghệ An", "BĐBP Hà Tĩnh"]
    assert [(m.evidence.start, m.evidence.end) for m in found][:3] == [(671, 690), (692, 703), (705, 714)]
    assert text[705:714] == "Thái Bình"


def test_gom_with_a_stated_count_then_la_opens_the_list_and_names_keep_their_apostrophe():
    # "Cụm thi đua số II, gồm 5 đơn vị là thành phố Kon Tum và các huyện Sa Thầy, Kon Plông, Ia
    # H’Drai, Kon Rẫy."
    text, found = members("59681d97")
    assert [m.name for m in found] == [
        "thành phố Kon Tum", "huyện Sa Thầy", "huyện Kon Plông", "huyện Ia H’Drai", "UBMTTQVN huyện Kon Rẫy"]
    assert [(m.evidence.start, m.evidence.end) for m in found][:4] == [(340, 357), (371, 378), (380, 389), (391, 400)]
    assert text[391:400] == "Ia H’Drai"


def noisy_members(stem):
    a = noisy(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_last_item_of_two_long_names_joined_by_va_is_split_and_dashed_place_pairs_stay_whole():
    text, found = noisy_members("p01")
    assert spans(text, found)[3:5] == [
        ("Chi cục Thuế khu vực Thọ Xuân - Thường Xuân", "Chi cục Thuế khu vực Thọ Xuân - Thường Xuân"),
        ("Chi cục Thuế thành phố Sầm Sơn", "Chi cục Thuế thành phố Sầm Sơn")]


def test_lower_case_words_inside_unit_names_do_not_end_the_list():
    text, found = noisy_members("p03")
    assert spans(text, found)[2:4] == [
        ("Chi cục Hải quan cửa khẩu Bắc Phong Sinh", "Chi cục Hải quan cửa khẩu Bắc Phong Sinh"),
        ("Chi cục Hải quan cửa khẩu cảng Cẩm Phả", "Chi cục Hải quan cửa khẩu cảng Cẩm Phả")]


def test_cac_head_colon_inside_a_list_is_shared_until_a_semicolon():
    text, found = noisy_members("p08")
    # "gồm 7 đơn vị: các Sở: Kế hoạch và Đầu tư, Tài chính, Công Thương, Xây dựng; Cục Thống kê
    # tỉnh, Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh."
    assert spans(text, found)[:7] == [
        ("Sở Kế hoạch và Đầu tư", "Kế hoạch và Đầu tư"), ("Sở Tài chính", "Tài chính"),
        ("Sở Công Thương", "Công Thương"), ("Sở Xây dựng", "Xây dựng"),
        ("Cục Thống kê tỉnh", "Cục Thống kê tỉnh"), ("Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước tỉnh"),
        ("Cục Thuế tỉnh", "Cục Thuế tỉnh")]


def test_a_unit_written_once_with_an_inner_word_left_out_is_one_member():
    text, found = members("8ada6215")
    assert [m.name for m in found] == [
        "Viện kiểm sát nhân thị xã Phú Thọ", "Viện kiểm sát nhân dân huyện Thanh Ba",
        "Viện kiểm sát nhân dân huyện Hạ Hòa"]


def test_bare_place_and_a_locality_after_va_are_two_members():
    text, found = members("ba3936a02f213a98")
    # "gồm các tỉnh: Phú Thọ, Tuyên Quang, Lào Cai, Sơn La và thành phố Hải Phòng với ..."
    # Phú Thọ is kept in its whole name, as the elected leader.
    assert spans(text, found) == [
        ("Tuyên Quang", "Tuyên Quang"), ("Lào Cai", "Lào Cai"), ("Sơn La", "Sơn La"),
        ("thành phố Hải Phòng", "thành phố Hải Phòng"),
        ("Hội TTTS - Đường HCM tỉnh Phú Thọ", "Hội TTTS - Đường HCM tỉnh Phú Thọ")]


def more_members(stem):
    a = more(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_units_listed_one_a_line_after_a_colon_are_members_to_the_last_line():
    # "Cụm thi đua gồm 4 đơn vị:\nUBND huyện Lạc Dương\n...\nUBND huyện Lâm Hà\n\nNăm 2023, ..."
    text, found = more_members("m08")
    assert [(m.name, text[m.evidence.start:m.evidence.end]) for m in found] == [
        (n, n) for n in ("UBND huyện Lạc Dương", "UBND huyện Đam Rông", "UBND huyện Đơn Dương", "UBND huyện Lâm Hà")]


def test_a_compound_like_cong_trinh_inside_an_enterprise_name_does_not_end_it():
    # "Khối gồm 6 doanh nghiệp: ...; Công ty TNHH MTV Khai thác công trình thủy lợi Tiền Giang; ..."
    text, found = more_members("m12")
    m = found[2]
    assert (m.name, text[m.evidence.start:m.evidence.end]) == (
        "Công ty TNHH MTV Khai thác công trình thủy lợi Tiền Giang",
        "Công ty TNHH MTV Khai thác công trình thủy lợi Tiền Giang")


def extra_members(stem):
    a = extra(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_count_before_the_shared_heads_locality_word_drops_out():
    # "Cụm gồm BHXH 5 tỉnh: Tây Ninh, Bình Dương, Bình Phước, Đồng Nai và Bà Rịa - Vũng Tàu."
    text, found = extra_members("x05")
    assert [m.name for m in found] == [
        "BHXH tỉnh Tây Ninh", "BHXH tỉnh Bình Dương", "BHXH tỉnh Bình Phước", "BHXH tỉnh Đồng Nai",
        "BHXH tỉnh Bà Rịa - Vũng Tàu"]
    assert [text[m.evidence.start:m.evidence.end] for m in found] == [
        "Tây Ninh", "Bình Dương", "Bình Phước", "Đồng Nai", "BHXH tỉnh Bà Rịa - Vũng Tàu"]
    # (a name written whole elsewhere in the article is grounded there: "bầu BHXH tỉnh Bà Rịa -
    # Vũng Tàu làm Cụm trưởng")


def test_bank_brands_with_a_place_are_whole_units_not_prefixed_by_a_plural_generic_noun():
    # "Khối thi đua gồm 5 chi nhánh: Agribank Lâm Đồng, Vietcombank Lâm Đồng, ..."
    text, found = extra_members("x14")
    names = ["Agribank Lâm Đồng", "Vietcombank Lâm Đồng", "VietinBank Lâm Đồng", "BIDV Lâm Đồng",
             "Sacombank Lâm Đồng"]
    assert [m.name for m in found] == names
    assert [text[m.evidence.start:m.evidence.end] for m in found] == names


def fifth_members(stem):
    a = fifth(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_items_that_already_start_with_the_shared_head_do_not_take_it_twice():
    # "Khối gồm 5 Cảng: Cảng HKQT Đà Nẵng, Cảng HKQT Phú Bài, Cảng HK Chu Lai, ..."
    text, found = fifth_members("f06")
    assert spans(text, found) == [
        ("Cảng HKQT Đà Nẵng", "Cảng HKQT Đà Nẵng"), ("Cảng HKQT Phú Bài", "Cảng HKQT Phú Bài"),
        ("Cảng HK Chu Lai", "Cảng HK Chu Lai"), ("Cảng HK Phù Cát", "Cảng HK Phù Cát"),
        ("Cảng HK Pleiku", "Cảng HK Pleiku")]


def test_cum_co_n_don_vi_colon_opens_the_member_list():
    # "Tham gia Cụm có 4 đơn vị: TTYT huyện Gio Linh, TTYT huyện Vĩnh Linh, ... và TTYT ..."
    text, found = fifth_members("f07")
    assert spans(text, found) == [
        ("TTYT huyện Gio Linh", "TTYT huyện Gio Linh"), ("TTYT huyện Vĩnh Linh", "TTYT huyện Vĩnh Linh"),
        ("TTYT huyện Cam Lộ", "TTYT huyện Cam Lộ"), ("TTYT huyện Đakrông", "TTYT huyện Đakrông")]


def test_unit_then_va_cac_so_colon_gives_the_unit_and_each_item_under_the_shared_head():
    # "gồm 5 đơn vị: Văn phòng UBND tỉnh và các Sở: Ngoại vụ, Kế hoạch và Đầu tư, Tài chính, Nội vụ."
    text, found = fifth_members("f05")
    assert spans(text, found) == [
        ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"), ("Sở Ngoại vụ", "Ngoại vụ"),
        ("Sở Kế hoạch và Đầu tư", "Kế hoạch và Đầu tư"), ("Sở Tài chính", "Tài chính"),
        ("Sở Nội vụ", "Nội vụ")]
