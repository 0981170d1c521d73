"""Source facts read from the text of crawled articles: headline, publication date, byline."""
import datetime as dt

from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract.context import Context
from pipeline.extract.source import date_line, find_authors, read_source, split_byline
from pipeline.types import RawDocument


def source_of(stem: str):
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    return read_source(Context(article=article))


def test_headline_after_site_menu_line_and_byline_before_unit():
    src = source_of("000_7386b0def3f7ce0d")
    assert src.title == ("Cụm thi đua số 3 tổ chức Hội nghị Tổng kết công tác thi đua, khen thưởng "
                         "năm 2020, triển khai nhiệm vụ năm 2021")
    assert src.authors == ["Mã Thị Hiền"]
    assert src.published is None


def test_date_line_under_headline_is_the_publication_date_and_dash_byline_gives_two_authors():
    src = source_of("004_65d5dee3be421046")
    assert src.published == dt.date(2017, 7, 24)
    assert src.authors == ["Thanh Sơn", "Văn Toản"]


def test_site_name_above_a_date_line_is_not_the_headline():
    src = source_of("1285ad7cd25b1c0f")
    assert src.title == "Nâng cao trách nhiệm, năng lực, tâm và tầm cán bộ làm công tác thi đua, khen thưởng hiện nay"
    assert src.published == dt.date(2014, 10, 24)


def test_byline_sharing_the_date_line_under_the_headline():
    src = source_of("fb0971e0fb711d8f")
    assert src.published == dt.date(2020, 12, 18)
    assert src.authors == ["Phan Tân"]


def test_date_lines_with_weekday_time_and_labels():
    assert date_line("Thứ hai - 21/10/2024 05:01 9 0") == dt.date(2024, 10, 21)
    assert date_line("Ngày đăng: 11/01/2011") == dt.date(2011, 1, 11)
    assert date_line("02-04-2021 10:07") == dt.date(2021, 4, 2)
    assert date_line("Ngày 21/7/2017, tại Sở Y tế Vĩnh Phúc, Trưởng Khối Thi đua tổ chức Hội nghị") is None


def test_byline_prefixes_units_and_generic_signatures():
    assert split_byline("Nguồn: Hoàng Văn Thông - Phòng Nghiệp vụ") == ["Hoàng Văn Thông"]
    assert split_byline("CTV Lâm Hiền – Thành Trung") == ["Lâm Hiền", "Thành Trung"]
    assert split_byline("Đức Minh, Văn Công") == ["Đức Minh", "Văn Công"]
    assert split_byline("PV") == []
    assert split_byline("Toàn cảnh hội nghị") == []


def test_initials_byline_under_headline():
    text = corpus_text("fab2a68df79dbfa1")
    assert find_authors(text) == ["BẢO NGUYÊN"]


def test_unit_acronym_signature_is_not_an_author_but_short_initials_are():
    from pipeline.extract.source import person_name
    assert person_name("CSMT") is None
    assert person_name("TTXVN") is None
    assert person_name("PM") == "PM"
    assert person_name("P.TRUNG") == "P.TRUNG"


HELDOUT = __import__("pathlib").Path(__file__).parent / "heldout" / "docs"


def heldout_source(stem: str):
    data = (HELDOUT / (stem + ".txt")).read_bytes()
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))
    return read_source(Context(article=article))


def test_bracketed_unit_after_the_names_is_not_part_of_the_byline():
    assert split_byline("Minh Đức (TAND tỉnh Quảng Trị)") == ["Minh Đức"]
    # A line holding only the outlet in brackets names no writer: the real byline is found.
    assert source_of("002_7119cba250cc954d").authors == ["Ngọc Nga"]


def test_acronym_followed_by_lower_case_words_is_the_writers_unit():
    assert split_byline("Thanh Hương - TTVH huyện Lục Ngạn") == ["Thanh Hương"]
    assert split_byline("Ngọc Anh - Hội ND huyện Yên Thành") == ["Ngọc Anh"]
    # an all-caps name is still a name
    assert split_byline("ĐĂNG NGUYÊN") == ["ĐĂNG NGUYÊN"]


def test_flattened_navigation_menu_is_not_the_headline():
    src = heldout_source("h09_benhvien")
    assert src.title == "Bệnh viện Đa khoa tỉnh Sóc Trăng phát động phong trào thi đua năm 2024"
    assert src.authors == []
    assert src.published is None


def test_agency_banner_in_capitals_above_the_date_is_not_the_headline():
    from pipeline.extract.source import find_title
    text = ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM - CHI NHÁNH TỈNH QUẢNG BÌNH\n06/01/2023 14:30\n"
            "In bài | Gửi email | Chia sẻ\n"
            "Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2022\n\n"
            "Ngày 5-1-2023, tại Đồng Hới, Cụm thi đua số 4 Ngân hàng Nhà nước (NHNN) chi nhánh các tỉnh "
            "khu vực Bắc Trung Bộ tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022 và "
            "triển khai nhiệm vụ năm 2023.\n")
    assert find_title(text) == "Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2022"
    # a headline in capitals right above its date stays the headline over a photo caption
    text = ("Báo Lâm Đồng điện tử\nAn ninh - Trật tự\n"
            "CÔNG AN TP BẢO LỘC PHÁT ĐỘNG ĐỢT THI ĐUA CAO ĐIỂM \"VÌ AN NINH TỔ QUỐC\"\n"
            "09/04/2024 | 15:20 GMT+7\n\n"
            "Đại tá Nguyễn Quang Huy, Phó Giám đốc Công an tỉnh phát biểu chỉ đạo tại buổi lễ\n")
    assert find_title(text) == "CÔNG AN TP BẢO LỘC PHÁT ĐỘNG ĐỢT THI ĐUA CAO ĐIỂM \"VÌ AN NINH TỔ QUỐC\""


def test_writers_unit_after_a_dash_may_hold_commas_or_be_an_acronym():
    assert split_byline("Hoàng Linh - Đội Tuyên truyền, hỗ trợ NNT") == ["Hoàng Linh"]
    assert split_byline("Thanh Hải - Phòng Tổng hợp, Nhân sự và Kiểm soát nội bộ") == ["Thanh Hải"]
    assert split_byline("Thanh Hương - TTYT Thanh Sơn") == ["Thanh Hương"]
    # a pen name after a dash is a second writer, not a unit
    assert split_byline("Thanh Sơn – Văn Toản") == ["Thanh Sơn", "Văn Toản"]


def test_office_signing_a_document_is_not_an_author():
    assert split_byline("HIỆU TRƯỞNG") == []
    text = ("Phòng Tổ chức - Hành chính chịu trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch này./.\n\n"
            "HIỆU TRƯỞNG\n(đã ký)\n")
    assert find_authors(text) == []


def test_author_label_and_initials_kept_as_signed():
    assert split_byline("Tác giả bài viết: Ninh Minh Tân – Hoàng Tân") == ["Ninh Minh Tân", "Hoàng Tân"]
    assert split_byline("M.Q.") == ["M.Q."]
    assert split_byline("V.G") == ["V.G"]
    # a document's type heading is no writer
    assert split_byline("HƯỚNG DẪN") == []


MORE = __import__("pathlib").Path(__file__).parent / "heldout_more" / "docs"


def more_source(stem: str):
    data = (MORE / (stem + ".txt")).read_bytes()
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))
    return read_source(Context(article=article))


def test_labelled_byline_above_or_below_the_headline_gives_the_author():
    # "Bài, ảnh: Hoàng Minh Tâm" is the first line, above the headline
    src = more_source("m07_khoi_dang_doanthe")
    assert src.authors == ["Hoàng Minh Tâm"]
    assert src.title.startswith("Khối thi đua các cơ quan Đảng, đoàn thể tỉnh tổng kết")
    assert src.published == dt.date(2023, 12, 20)
    # "Bài và ảnh: Thu Hà" under the date line
    assert more_source("m13_hoiphunu_cum").authors == ["Thu Hà"]


def test_dated_page_headline_above_its_date_line_is_not_a_site_name():
    src = more_source("m05_tinvan")
    assert src.title == "Tin vắn trong tỉnh ngày 22/12/2023"
    assert src.published == dt.date(2023, 12, 22)
