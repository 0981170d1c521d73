"""The emulation cluster/block named by the article and its stated member count."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract import groups
from pipeline.extract.context import Context
from pipeline.record import Group
from pipeline.types import Article, RawDocument


def group_of(stem: str):
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    ctx = Context(article=article)
    g = groups.find_group(ctx)
    ctx = ctx.with_(group=g)
    return (g.name, g.kind) if g else None, groups.find_member_count(ctx)


def test_numbered_cluster_and_delegates_of_8_units():
    assert group_of("000_7386b0def3f7ce0d") == (("Cụm thi đua số 3", "cum"), 8)


def test_block_with_descriptive_name_and_gom_count():
    assert group_of("8dcb4d6f47c32b03") == (("Cụm thi đua các đơn vị Y tế tuyến tỉnh", "cum"), 11)


def test_name_keeps_commas_between_unit_words():
    assert group_of("e4c19f6a656a1f1c") == (("Cụm thi đua các huyện, thành phố, thị xã", "cum"), 9)


def test_single_agency_meeting_has_no_group():
    text = ("Chiều 17/12, Bộ Chỉ huy Bộ đội biên phòng tỉnh tổ chức tổng kết phong trào Thi đua Quyết thắng "
            "năm 2020. Đảng ủy Khối các cơ quan tỉnh dự.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    assert groups.find_group(ctx) is None


def test_number_counting_members_is_not_the_group_number():
    text = "Ngày 25/3, cụm thi đua 7 tỉnh trung du và miền núi phía Bắc tổ chức hội nghị tổng kết."
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    g = groups.find_group(ctx)
    assert (g.name, g.kind) == ("Cụm thi đua 7 tỉnh trung du và miền núi phía Bắc", "cum")
    assert groups.find_member_count(ctx.with_(group=g)) == 7


def count_in(text: str, group):
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    return groups.find_member_count(ctx.with_(group=group))


def test_units_signing_the_pact_state_the_count_even_without_a_named_group():
    text = ("Cụm thi đua khu vực miền Đông Nam bộ đứng vị trí thứ nhất, kế đến là Bình Thuận. "
            "Dịp này, 7 tỉnh đã ký kết giao ước thi đua năm 2013.")
    assert count_in(text, None) == 7
    text = "Tại hội nghị, 11 Chi cục Thuế các huyện, thị, thành đã thống nhất ký kết giao ước thi đua khối."
    assert count_in(text, None) == 11


def test_the_groups_own_number_does_not_count_members():
    text = "Sáng 4/3, Cụm thi đua số 3 Công an tỉnh ký kết giao ước phong trào thi đua năm 2021."
    assert count_in(text, Group(name="Cụm thi đua số 3 Công an tỉnh", kind="cum")) is None


def test_delegates_of_units_within_the_cluster_count_the_units():
    text = ("Dự Hội nghị có đại diện lãnh đạo HĐND, UBND Thị trấn Tân Minh và 12 đồng chí Bí thư "
            "Khu phố trong cụm.")
    assert count_in(text, Group(name="Cụm thi đua số 1", kind="cum")) == 12


def test_staff_of_n_units_count_the_units():
    text = "Tham dự có các đồng chí Viện trưởng, các kiểm sát viên, kiểm tra viên của 03 đơn vị."
    assert count_in(text, Group(name="Cụm thi đua số 3", kind="cum")) == 3


def test_number_before_the_units_the_group_is_named_for():
    text = "Đảng bộ 13 Sở Y tế các tỉnh, thành miền Tây Nam bộ sẽ tiếp tục thi đua."
    group = Group(name="Cụm thi đua các Sở Y tế miền Tây Nam bộ", kind="cum")
    assert count_in(text, group) == 13
    assert count_in(text, Group(name="Cụm thi đua số 5", kind="cum")) is None


def test_n_of_n_units_signing():
    text = "Đại diện 9/9 tỉnh, thành đã ký kết giao ước thi đua năm 2018."
    assert count_in(text, Group(name="Cụm thi đua Hội Cựu chiến binh", kind="cum")) == 9


def group_in(text: str):
    return groups.find_group(Context(article=Article(doc_id="x", path="x.txt", text=text)))


def test_name_keeps_lower_case_body_words_after_a_comma():
    text = ("Khối thi đua các cơ quan Đảng, đoàn thể tỉnh sơ kết 6 tháng\n\nNgày 5-7-2023, tại TP. Thủ Dầu "
            "Một, Khối thi đua các cơ quan Đảng, đoàn thể tỉnh tổ chức hội nghị sơ kết công tác thi đua.")
    assert group_in(text) == Group(name="Khối thi đua các cơ quan Đảng, đoàn thể tỉnh", kind="khoi")


def test_numbered_group_shortened_in_the_headline_is_named_as_the_body_spells_it():
    text = ("Ký kết giao ước thi đua Cụm số 3\n\nSáng 12/3/2024 tại TP.HCM, Cụm thi đua số 3 gồm 09 đơn vị "
            "tổ chức ký kết giao ước thi đua năm 2024.")
    assert group_in(text) == Group(name="Cụm thi đua số 3", kind="cum")


def test_unit_abbreviation_counts_members_after_gom():
    text = ("Cụm thi đua số 3 gồm 4 LĐLĐ huyện: Hải Hậu, Giao Thủy, Xuân Trường và Nghĩa Hưng. Năm 2023, "
            "các LĐLĐ huyện trong Cụm đã chỉ đạo các công đoàn cơ sở (CĐCS) tổ chức tốt phong trào thi đua.")
    assert count_in(text, Group(name="Cụm thi đua số 3", kind="cum")) == 4


def test_one_agencys_local_units_signing_a_pact_are_not_a_member_count():
    text = ("Ngay sau lễ phát động, đại diện các đội nghiệp vụ và Công an 11 xã, phường đã kí giao ước "
            "thi đua với lãnh đạo Công an thành phố.")
    assert count_in(text, None) is None


def test_count_after_the_agency_name_of_the_localities_in_the_group():
    text = ("Cụm thi đua số 3 gồm Hội LHPN 5 huyện: Yên Thành, Diễn Châu, Quỳnh Lưu, Đô Lương "
            "và Nghi Lộc.")
    assert count_in(text, Group(name="Cụm thi đua số 3", kind="cum")) == 5


def extra_group(stem: str, folder: str = "heldout_extra"):
    from pathlib import Path
    data = (Path(__file__).parent / folder / "docs" / (stem + ".txt")).read_bytes()
    ctx = Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data)))
    g = groups.find_group(ctx)
    ctx = ctx.with_(group=g)
    return (g.name, g.kind) if g else None, groups.find_member_count(ctx)


def test_province_after_tinh_belongs_to_the_group_name():
    assert extra_group("x06_daihoc_khoi") == (
        ("Khối thi đua các trường đại học, cao đẳng tỉnh Thái Nguyên", "khoi"), 6)


def test_number_after_so_is_the_group_number_even_before_an_agency():
    # "Cụm thi đua số 5 Cục Thi hành án dân sự ...": 5 is not a count of Cục
    assert extra_group("x07_thads_cum5") == (("Cụm thi đua số 5", "cum"), 5)


def test_bank_branches_count_members():
    assert extra_group("x14_nganhang_khoi") == (
        ("Khối thi đua các ngân hàng thương mại tỉnh Lâm Đồng", "khoi"), 5)


def test_dang_uy_khoi_is_no_emulation_block():
    assert extra_group("x11_neg_tongket_dang") == (None, None)


def test_stop_word_inside_a_compound_does_not_end_the_name_and_n_units_before_a_colon_count():
    # "Khối thi đua các Cảng hàng không khu vực miền Trung thuộc ...": "không" of "hàng không"
    # is no stop; "Khối gồm 5 Cảng: Cảng HKQT Đà Nẵng, ..." states the count
    assert extra_group("f06_canghangkhong_khoi", "heldout_fifth") == (
        ("Khối thi đua các Cảng hàng không khu vực miền Trung", "khoi"), 5)


def test_a_stop_word_outside_any_compound_still_ends_the_name():
    text = "Khối thi đua các doanh nghiệp nhỏ và vừa không tổ chức hội nghị năm nay."
    assert [m.name for m in groups.mentions(text)] == ["Khối thi đua các doanh nghiệp nhỏ và vừa"]


def test_n_unit_nouns_before_a_colon_after_co_count_members():
    text = ("Hội nghị tổng kết Cụm thi đua số 2 diễn ra tại Long An. Tham gia giao ước thi đua có "
            "4 Huyện Đoàn: Huyện Đoàn Cần Đước, Huyện Đoàn Cần Giuộc, Huyện Đoàn Bến Lức và "
            "Huyện Đoàn Đức Hòa.")
    assert count_in(text, Group(name="Cụm thi đua số 2", kind="cum")) == 4
    assert count_in(text, None) is None  # trusted only once a group is found


def test_name_ending_with_a_region_is_a_group_without_thi_dua():
    # real lead (dev 75564d661df8c7ca): a youth-union cluster named by its region only
    text = ("Ngày 25-2, tại Hà Nội, Cụm Đoàn thanh niên các tỉnh, thành đồng bằng sông Hồng đã tổ chức "
            "ký giao ước thi đua và giao ban công tác Đoàn và phong trào thanh thiếu nhi năm 2012.")
    g = group_in(text)
    assert (g.name, g.kind) == ("Cụm Đoàn thanh niên các tỉnh, thành đồng bằng sông Hồng", "cum")


def test_region_is_compared_without_case():
    text = "Cụm các tỉnh miền Đông Nam bộ đã ký kết giao ước thi đua năm 2013."
    g = group_in(text)
    assert (g.name, g.kind) == ("Cụm các tỉnh miền Đông Nam bộ", "cum")


def test_lower_case_cum_with_a_plain_tail_is_no_group_name():
    # "cụm đồng bằng của tỉnh" (a province's plains cluster, named in passing): not a region,
    # not capitalised, no "thi đua"
    assert group_of("911221c21d93c1ea") == (None, None)


def test_abbreviation_in_parentheses_inside_the_name_does_not_end_it():
    # "các đơn vị cụm thi đua phía Nam lực lượng vũ trang (LLVT) tỉnh."
    assert group_of("3ca3646aa3e34c7f")[0] == ("Cụm thi đua phía Nam lực lượng vũ trang (LLVT) tỉnh", "cum")


def test_abbreviation_in_parentheses_at_the_end_of_the_name_is_left_out():
    g = group_in("Khối thi đua các cơ quan Đảng (CQĐ) đã tổ chức hội nghị.")
    assert g.name == "Khối thi đua các cơ quan Đảng"
