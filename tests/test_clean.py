"""The cleaner: Unicode and whitespace normalization, and web boilerplate dropped by the rules
of pipeline/lexicon/boilerplate.tsv without losing article sentences."""
import unicodedata

import pytest

from conftest import corpus_text
from pipeline.clean import (boilerplate_rules, clean_document, clean_text, dedupe, drop_boilerplate,
                            is_hard_wrapped, line_kind, normalize)
from pipeline.types import Article, RawDocument


def squash(line: str) -> str:
    """A raw line as the cleaner writes it: NFC, one space between words, no edge spaces."""
    return " ".join(unicodedata.normalize("NFC", line).split())


def raw_lines(stem: str) -> list[str]:
    return [squash(ln) for ln in corpus_text(stem).split("\n") if squash(ln)]


def cleaned(stem: str) -> str:
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    assert isinstance(article, Article)
    return article.text


# The boilerplate lines each seed article holds, exactly as the crawler delivered them. Every
# other line of the file is article (headline, date line, paragraphs, captions, byline) or page
# furniture the cleaner cannot tell from article text and must keep.
SEED_BOILERPLATE = {
    "000_": ["Skip to main content", "1"],
    "001_": ["Trả lời",
             "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
             "Back to top button"],
    "002_": ["Bài viết liên quan",
             "Bản tin công tác phòng, chống dịch sáng ngày 15/10/2021",
             "Hà Nam: 02 trường hợp dương tính với SARS-CoV-2",
             "Họp Ban chỉ đạo phòng, chống Covid-19 tỉnh: Hà Nam tiếp tục tập trung truy vết thần tốc, "
             "khoanh vùng cách ly triệt để lấy mẫu xét nghiệm trên diện rộng để dập dịch",
             "Mậu Ngọ"],
    "003_": ["-",
             "Gia Lai phát động tháng hành động vì bình đẳng giới",
             "400 triệu đồng gây quỹ hỗ trợ sinh viên tại giải golf Trường Đại học Luật TP.HCM",
             "Ninh Thuận: Phát động tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới năm 2024",
             "Bình Thuận: Phát động tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới"],
    "004_": ["Các tin đã đưa ngày:"],
}
# Related-article teasers in 003 (long lines of other news), identified by their start.
TEASER_STARTS_003 = ["Vừa qua, tại TP. Pleiku", "Ngày 19/11, giải golf", "Sáng 18/11, UBND tỉnh Ninh Thuận",
                     "Sáng 18/11, Sở Lao động"]


@pytest.mark.parametrize("stem", sorted(SEED_BOILERPLATE))
def test_seed_article_loses_its_boilerplate_lines(stem):
    lines = cleaned(stem).split("\n")
    for junk in SEED_BOILERPLATE[stem]:
        assert junk not in lines


@pytest.mark.parametrize("stem", sorted(SEED_BOILERPLATE))
def test_seed_article_keeps_every_other_line_whole_and_in_order(stem):
    text = cleaned(stem)
    lines = text.split("\n")
    junk = set(SEED_BOILERPLATE[stem])
    if stem == "002_":
        # Below the heading, the link authors repeat the byline name; the byline above stays.
        junk.add("Ngọc Nga")
    kept = [ln for ln in raw_lines(stem) if ln not in junk and not ln.startswith(tuple(TEASER_STARTS_003))]
    if stem == "002_":
        kept.append("Ngọc Nga")
        kept.sort(key=lambda ln: text.find(ln))
    positions = [lines.index(ln) for ln in kept]
    assert positions == sorted(positions)


def test_seed_000_keeps_headline_first_caption_and_byline_last():
    lines = cleaned("000_").split("\n")
    assert lines[0] == ("Cụm thi đua số 3 tổ chức Hội nghị Tổng kết công tác thi đua, khen thưởng năm 2020, "
                        "triển khai nhiệm vụ năm 2021")
    assert "Các đơn vị ký giao ước thi đua năm 2021" in lines
    assert lines[-1] == "Mã Thị Hiền-Chi cục An toàn vệ sinh thực phẩm"


def test_seed_002_related_links_block_is_cut_after_the_byline():
    text = cleaned("002_")
    assert text.endswith("đồng thời đề xuất Trường Cao đẳng Y tế nhận Cờ thi đua của UBND tỉnh năm 2022.\n\nNgọc Nga")
    assert "SARS-CoV-2" not in text


def test_seed_003_teasers_of_other_news_are_gone_and_the_byline_stays():
    text = cleaned("003_")
    for start in TEASER_STARTS_003:
        assert start not in text
    assert "bình đẳng giới" not in text
    assert "Nguyệt Hương" in text.split("\n")


def test_seed_004_keeps_date_line_under_headline_and_byline_with_its_unit():
    lines = cleaned("004_").split("\n")
    assert lines[:3] == ["Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2017",
                         "", "24/07/2017"]
    assert lines[-3:] == ["Thanh Sơn – Văn Toản", "", "Trung tâm TT - GDSK"]


def test_seed_001_comment_form_and_back_to_top_are_gone_but_site_name_stays():
    text = cleaned("001_")
    assert text.startswith("Bản Tin Trung TâmY Tế Quảng Ninh\n\nKhối các Trung tâm thuộc Sở Y tế triển khai hoạt động thi đua")
    assert text.endswith("hoàn thành xuất sắc nhiệm vụ được giao.")


# --- the mechanism, on real lines ---------------------------------------------------------------

def paragraphs(stem: str) -> list[str]:
    return [ln for ln in raw_lines(stem) if len(ln.split()) >= 25]


def test_link_block_in_mid_article_ends_at_the_next_article_paragraphs():
    paras = paragraphs("000_")
    lines = [paras[0], "", "Tin liên quan", "Hà Nam: 02 trường hợp dương tính với SARS-CoV-2",
             "Bản tin công tác phòng, chống dịch sáng ngày 15/10/2021", "", paras[1], "", paras[2]]
    assert drop_boilerplate(lines) == [paras[0], "", paras[1], "", paras[2]]


def test_link_block_heading_in_the_page_head_drops_only_itself():
    headline = "Khối các Trung tâm thuộc Sở Y tế triển khai hoạt động thi đua"
    lines = ["Tin mới", headline, paragraphs("001_")[0]]
    assert drop_boilerplate(lines) == [headline, paragraphs("001_")[0]]


def test_comment_form_heading_drops_the_rest_of_the_page():
    paras = paragraphs("002_")
    lines = [paras[0], "Ngọc Nga", "Gửi bình luận", "Họ và tên", "Email", "Nội dung bình luận", paras[1]]
    assert drop_boilerplate(lines) == [paras[0], "Ngọc Nga"]


def test_teaser_with_a_post_timestamp_takes_its_title_with_it():
    raw = corpus_text("003_").split("\n")
    at = raw.index("Gia Lai phát động tháng hành động vì bình đẳng giới")
    lines = ["Nguyệt Hương"] + [squash(ln) for ln in raw[at:at + 2]]
    assert drop_boilerplate(lines) == ["Nguyệt Hương"]


# Short real lines of corpus articles that are article, not boilerplate: date lines under the
# headline, captions, bylines, sources, list items, document headings, table rows.
ARTICLE_LINES = {
    "004_": ["24/07/2017", "Thanh Sơn – Văn Toản", "Trung tâm TT - GDSK"],
    "52c384511892ef3b": ["Thứ hai - 21/10/2024 05:01 9 0", "• Thăm khám tốt",
                         "Phong Trào Thi Đua Với Mục Tiêu Tăng Cường Chất Lượng Dịch Vụ"],
    "5c79209e4eedbc61": ["Ngày đăng: 11/01/2011", "Hội nghị tổng kết công đoàn năm 2010"],
    "000_": ["Các đơn vị ký giao ước thi đua năm 2021", "Mã Thị Hiền-Chi cục An toàn vệ sinh thực phẩm"],
    "002_": ["(CDC Hà Nam)", "Toàn cảnh hội nghị", "Ngọc Nga"],
    "1245606d028fb868": ["Hải Xuân"],
    "4e2364e302871df0": ["1. Cờ Thi đua của Chính phủ cho 10 tập thể gồm:", "- Sở Công Thương tỉnh Tây Ninh.",
                         "- Ban Tổ chức Tỉnh ủy Tây Ninh", "PM"],
    "70124748a9e0ee58": ["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
                         "Số: 1306/QĐ-UBND | Hòa Bình, ngày 29 tháng 07 năm 2015 |", "QUYẾT ĐỊNH:"],
}


@pytest.mark.parametrize("stem, line", [(stem, line) for stem, lines in ARTICLE_LINES.items() for line in lines])
def test_short_article_line_matches_no_boilerplate_rule_and_is_kept(stem, line):
    assert line in raw_lines(stem)
    assert line_kind(line) is None
    assert line in cleaned(stem).split("\n")


@pytest.mark.parametrize("line, kind", [
    ("Skip to main content", "drop"),
    ("Back to top button", "drop"),
    ("Bỏ qua nội dung", "drop"),
    ("Truy cập nội dung luôn", "drop"),
    ("Chia sẻ", "drop"),
    ("In bài viết", "drop"),
    ("Cỡ chữ", "drop"),
    ("A- A+", "drop"),
    ("Lượt xem: 123", "drop"),
    ("2,028 lượt xem", "drop"),
    ("Views: 51", "drop"),
    ("+1", "drop"),
    ("Họ và tên", "drop"),
    ("Mã xác nhận", "drop"),
    ("Gửi bình luận", "cut"),
    ("Bình luận (0)", "cut"),
    ("Bài viết liên quan", "block"),
    ("Tin liên quan", "block"),
    ("Tin khác", "block"),
    ("Các tin khác", "block"),
    ("Các tin đã đưa ngày:", "block"),
    ("Tin cùng chuyên mục", "block"),
    ("TIN CÙNG CHUYÊN MỤC", "block"),
    ("Xem thêm", "block"),
    ("Xem thêm: Hà Nam: 02 trường hợp dương tính với SARS-CoV-2", "block"),
    ("Những tin cũ hơn", "block"),
    ("Chia sẻ bài viết", "drop"),
    ("« Trang trước", "drop"),
    ("Hôm nay: 1.234", "drop"),
    ("Bản quyền thuộc về Sở Y tế", "drop"),
    ("Ý kiến (0)", "cut"),
    ("Liên kết website", "block"),
])
def test_web_widget_lines_are_recognized(line, kind):
    assert line_kind(line) == kind


def test_every_rule_kind_in_the_data_file_is_known_and_every_pattern_compiles():
    kinds = {rule.kind for rule in boilerplate_rules()}
    assert kinds == {"drop", "block", "cut", "teaser", "strip"}


def test_portal_placeholder_before_the_first_words_is_stripped_and_the_repeat_merged():
    line = "Sáng ngày 26/10 Trung tâm Y tế huyện Châu Thành tổ chức Hội nghị Tổng kết hoạt động Công đoàn năm 2021."
    assert clean_text(f"Asset Publisher\nnull {line}\n{line}") == line


# --- normalization ---------------------------------------------------------------------------------

def test_normalize_composes_nfc_and_squeezes_whitespace_and_blank_lines():
    decomposed = unicodedata.normalize("NFD", "Hội nghị  tổng kết\u00a0thi đua")
    text = f"\ufeff  {decomposed}\u200b \r\n\r\n\r\n\tSở Y tế\x07 \n\n"
    assert normalize(text) == "Hội nghị tổng kết thi đua\n\nSở Y tế"


def test_caption_broken_before_a_lowercase_word_is_joined_and_the_next_paragraph_is_not():
    lines = cleaned("23421c99074435a0").split("\n")
    at = lines.index("Khối thi đua Văn hóa-Xã hội tổ chức sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2018.")
    assert lines[at + 1] == ""
    assert lines[at + 2].startswith("Từ nay đến cuối năm, Khối Thi đua Văn hóa-Xã hội tiếp tục")


def test_page_hard_wrapped_at_a_fixed_width_gets_its_paragraphs_back():
    text = cleaned("e86f61f6b60b0a09")
    lines = text.split("\n")
    assert lines[0].startswith("(TUAG)- Chiều 29/4, Bệnh viện Đa khoa Trung tâm (ĐKTT) An Giang long trọng tổ chức "
                               "Lễ kỷ niệm 115 năm thành lập bệnh viện (1907-2022) và 6 năm di dời về trụ sở mới "
                               "(29/4/2016 - 9/4/2022)")
    assert lines[0].endswith("kỷ niệm 132 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022).")
    assert "Chủ tịch HĐND tỉnh An Giang Lê Văn Nưng; Phó Chủ tịch HĐND tỉnh Đỗ Tấn Kiết;" in text
    assert ("BS CK II Nguyễn Thị Hạnh, Giám đốc Bệnh viện ĐKTT An Giang trao tặng hoa tri ân và cảm ơn "
            "các đồng chí lãnh đạo tỉnh, lãnh đạo ngành Y tế qua các thời kỳ.") in lines


@pytest.mark.parametrize("stem, wrapped", [("e86f61f6b60b0a09", True), ("000_", False), ("003_", False),
                                           ("4e2364e302871df0", False), ("70124748a9e0ee58", False),
                                           ("23421c99074435a0", False)])
def test_only_a_page_wrapped_at_a_fixed_width_is_taken_for_hard_wrapped(stem, wrapped):
    assert is_hard_wrapped(normalize(corpus_text(stem)).split("\n")) is wrapped


def test_repeated_headline_is_kept_once():
    headline = "Triển khai hiệu quả các phong trào thi đua"
    assert dedupe([headline, "", headline, "Ngày 28-1"]) == [headline, "Ngày 28-1"]
