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
