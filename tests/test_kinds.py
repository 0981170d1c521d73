"""Meeting kinds from the announcement and from acts reported at the meeting."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract.context import Context
from pipeline.extract.kinds import find_kinds
from pipeline.types import Article, RawDocument


def kinds_of(stem: str):
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    return find_kinds(Context(article=article))


def test_review_with_launch_pact_and_voting():
    assert kinds_of("000_7386b0def3f7ce0d") == ["tong_ket", "trien_khai", "ky_giao_uoc", "binh_xet"]


def test_mid_year_review_that_launches_second_half_tasks_is_not_a_pact_signing():
    # "Ngay từ đầu năm ... đã triển khai hội nghị ký kết giao ước" is an earlier event.
    assert kinds_of("004_65d5dee3be421046") == ["so_ket", "trien_khai"]


def test_pact_signing_conference_launching_the_year():
    assert kinds_of("e4c19f6a656a1f1c") == ["trien_khai", "ky_giao_uoc"]


def test_review_handing_out_titles():
    assert kinds_of("fb0971e0fb711d8f") == ["tong_ket", "trao_thuong"]


def kinds_in(title: str, body: str):
    text = title + "\n" + body
    return find_kinds(Context(article=Article(doc_id="x", path="x", text=text, title=title)))


def test_discussing_next_years_tasks_is_not_a_launch():
    assert kinds_in(
        "Khối thi đua các cơ quan Đảng tổng kết năm 2015",
        "Ngày 13/11, Khối Thi đua các cơ quan Đảng tổ chức Hội nghị tổng kết phong trào thi đua, khen "
        "thưởng năm 2015, thảo luận nhiệm vụ trọng tâm năm 2016.") == ["tong_ket"]


def test_movements_launched_by_others_or_cited_documents_are_not_a_launch():
    assert kinds_in(
        "Khối thi đua Nội chính tổng kết công tác thi đua năm 2023",
        "Các đơn vị trong khối Nội chính tỉnh đã quán triệt, triển khai thực hiện nghiêm túc các phong "
        "trào thi đua do UBND tỉnh phát động; tổ chức hội nghị tổng kết. Thực hiện Chỉ thị số 29/CT-UBND "
        "của UBND Tỉnh về việc phát động thi đua thực hiện thắng lợi nhiệm vụ năm 2019.") == ["tong_ket"]


def test_rules_about_voting_are_not_a_vote():
    assert kinds_in(
        "Các đơn vị trong khối thi đua 10 ký kết giao ước thi đua",
        "Trường Đại học Kiên Giang vừa tổ chức Lễ ký kết giao ước thi đua năm học 2018 - 2019. Buổi lễ "
        "đã thông qua quy định về tổ chức hoạt động và bình xét thi đua của khối với các nội dung như: "
        "thi đua hoàn thành xuất sắc chỉ tiêu.") == ["ky_giao_uoc"]


def test_reviewing_the_pact_or_registering_it_is_not_signing_it():
    assert kinds_in(
        "Cụm các tỉnh Đông Nam Bộ: Sơ kết thực hiện giao ước thi đua năm 2016",
        "Cụm thi đua các tỉnh Đông Nam Bộ vừa tổ chức sơ kết thực hiện giao ước thi đua năm 2016.") == ["so_ket"]


def test_awards_received_during_the_year_are_not_handed_out_at_the_meeting():
    assert kinds_in(
        "Cụm thi đua số 5 tổng kết phong trào thi đua Vì an ninh Tổ quốc năm 2018",
        "Năm 2018, Cụm thi đua số 5 có 1 đơn vị được tặng Cờ thi đua của Chính phủ; 4 đơn vị được tặng "
        "Cờ thi đua của Bộ Công an. Tại Hội nghị, các đơn vị đã bình xét, suy tôn tập thể xuất sắc gồm: "
        "Bệnh viện Sản - Nhi tỉnh nhận Cờ thi đua của UBND tỉnh.") == ["tong_ket", "binh_xet"]


def test_flags_for_football_teams_are_not_emulation_awards():
    assert kinds_in("Ngành Tài Nguyên và Môi trường Cụm VIII ký kết giao ước thi đua",
                    "Trao cờ, hoa cho các đội bóng tham gia giải giao hữu.") == ["ky_giao_uoc"]


def test_titles_given_at_the_event_in_a_dip_nay_sentence_are_handed_out():
    from pathlib import Path
    data = (Path(__file__).parent / "heldout" / "docs" / "h06_bienphong.txt").read_bytes()
    article = clean_document(RawDocument(path="h06.txt", kind="text", data=data))
    # "Dịp này, 4 tập thể được tặng danh hiệu Đơn vị quyết thắng"
    assert find_kinds(Context(article=article)) == ["tong_ket", "trien_khai", "trao_thuong"]


def test_awards_proposed_at_the_meeting_are_not_handed_out():
    text = ("Tổng kết phong trào thi đua năm 2023\n\nNgày 10/1/2024, Cụm thi đua số 2 tổ chức hội nghị "
            "tổng kết phong trào thi đua năm 2023. Tại hội nghị, các đơn vị thống nhất đề nghị UBND tỉnh "
            "tặng Cờ thi đua cho Sở Xây dựng.")
    kinds = find_kinds(Context(article=Article(doc_id="x", path="x.txt", text=text)))
    assert "trao_thuong" not in kinds


def test_announcement_below_a_results_lead_is_read():
    assert kinds_in(
        "",
        "(TBTCO) - Nhờ thực hiện có hiệu quả các phong trào thi đua, kết quả thu ngân sách nhà nước năm 2025 "
        "của Cụm thi đua số 5 thuộc Cục Thuế đều đạt và vượt cao so với dự toán Bộ Tài chính, UBND tỉnh, Cục "
        "Thuế giao. Đáng chú ý, có địa phương số thu vượt 90% so với dự toán pháp lệnh được giao. Cụm thi đua "
        "số 5 gồm Thuế các tỉnh Bắc Ninh, Hưng Yên, Ninh Bình vừa tổ chức Hội nghị Tổng kết công tác thi đua, "
        "khen thưởng năm 2025 và triển khai phương hướng, nhiệm vụ công tác năm 2026.") == ["tong_ket", "trien_khai"]


def test_evaluating_the_years_emulation_work_is_a_review_and_a_vote_is_read():
    assert kinds_of("bce4d07a16424697") == ["tong_ket", "trien_khai", "binh_xet"]


def test_launching_emulation_for_the_second_half_year():
    assert kinds_of("23421c99074435a0") == ["so_ket", "trien_khai"]


def test_proposing_a_unit_to_receive_a_flag_is_a_vote():
    assert kinds_of("002_7119cba250cc954d") == ["tong_ket", "trien_khai", "binh_xet"]


def test_a_word_inside_a_quoted_workshop_title_is_not_a_kind():
    assert kinds_in(
        "",
        "(HNM) - Sáng 16-6, tại Tam Đảo (Vĩnh Phúc), UBND huyện Mê Linh - Cụm trưởng Cụm Thi đua số 9 đã chủ "
        "trì tổ chức sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm, phát động thi đua đợt "
        "3-2012 và hội thảo \"Nâng cao chất lượng công tác phát hiện, bồi dưỡng, tổng kết và nhân điển hình "
        "tiên tiến trong giai đoạn hiện nay\" của cụm.") == ["so_ket", "trien_khai"]


def test_registering_a_pact_between_units_is_not_signing_it():
    assert kinds_in(
        "",
        "Năm 2016, các đơn vị trong Cụm thi đua số 3 gồm các tỉnh: Cao Bằng, Thái Nguyên, Bắc Kạn, Lạng Sơn "
        "đã chủ động xây dựng kế hoạch, đề ra nội dung, chỉ tiêu thi đua, tổ chức, đăng ký giao ước thi đua "
        "giữa các đơn vị trong Cụm.") == []


def test_leaders_signing_in_a_caption_and_an_official_handing_flags_to_units():
    assert kinds_in(
        "Cụm thi đua số 2 ngành Tài chính triển khai nhiệm vụ năm 2026",
        "Lãnh đạo Sở Tài chính các tỉnh trong cụm ký giao ước thi đua, quyết tâm thực hiện thắng lợi các "
        "nhiệm vụ năm 2026. Đ/c Trần Lê Đoài, Phó Chủ tịch UBND tỉnh tặng Cờ “Đơn vị dẫn đầu phong trào thi "
        "đua” cho 02 tập thể (Sở Giáo dục và Đào tạo, Sở Lao động – Thương binh và Xã hội).") == [
            "trien_khai", "ky_giao_uoc", "trao_thuong"]


def test_old_spelling_ki_of_signing():
    assert kinds_in("Cụm thi đua số 1 kí kết giao ước thi đua năm 2013",
                    "Các khu phố thuộc cụm đã kí kết giao ước thi đua năm 2013.") == ["ky_giao_uoc"]


def test_agreeing_on_the_scores_is_a_vote():
    assert kinds_in(
        "TỔNG KẾT HOẠT ĐỘNG THI ĐUA CỤM I CÁC QUẬN HUYỆN",
        "Các Liên đoàn Lao động quận, huyện đã thống nhất với kết quả chấm điểm thi đua của từng đơn vị, "
        "để làm cơ sở xét khen thưởng năm 2015.") == ["tong_ket", "binh_xet"]


def test_evaluating_first_quarter_results_is_a_mid_term_review():
    assert kinds_in(
        "",
        "Tại hội nghị, các đơn vị đánh giá kết quả thi đua quý I năm 2018 của Cụm thi đua số 4.") == ["so_ket"]


def more_kinds(stem: str):
    data = (__import__("pathlib").Path(__file__).parent / "heldout_more" / "docs" / (stem + ".txt")).read_bytes()
    return find_kinds(Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))))


def test_announcement_after_a_preamble_citing_a_party_congress_resolution():
    # the preamble names "Nghị quyết Đại hội Đảng bộ tỉnh"; the meeting, announced in the
    # second paragraph, also launches 2024 ("triển khai nhiệm vụ năm 2024")
    assert more_kinds("m07_khoi_dang_doanthe") == ["tong_ket", "trien_khai", "ky_giao_uoc", "binh_xet"]


def test_awards_handed_out_for_the_achievements_of_a_named_year():
    # "trao Kỷ niệm chương ... vì đã có thành tích xuất sắc trong năm 2023" is handing out
    assert more_kinds("m10_sogtvt_tongket") == ["tong_ket", "trien_khai", "trao_thuong"]


def extra_kinds(stem: str):
    from pathlib import Path
    data = (Path(__file__).parent / "heldout_extra" / "docs" / (stem + ".txt")).read_bytes()
    return find_kinds(Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))))


def test_proposing_awards_as_a_list_is_voting():
    # "Hội nghị thống nhất đề nghị khen thưởng như sau:" followed by a numbered list
    assert extra_kinds("x05_bhxh_cum4") == ["tong_ket", "binh_xet"]


def test_conference_of_advanced_examples_is_a_review():
    assert extra_kinds("x08_quankhu_dienhinh") == ["tong_ket", "trao_thuong"]
