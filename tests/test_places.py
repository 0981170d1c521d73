"""Venue after "tại" and the province it is in."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract import places
from pipeline.extract.context import Context
from pipeline.types import Article, RawDocument


def ctx_of(stem: str) -> Context:
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    return Context(article=article)


def frame(ctx: Context):
    loc, span = places.find_location(ctx)
    assert span is None or ctx.text[span.start:span.end] == loc
    return loc, places.find_province(ctx, loc)


def test_venue_trimmed_at_comma_and_province_from_venue():
    assert frame(ctx_of("000_7386b0def3f7ce0d")) == ("Trung tâm Kiểm soát bệnh tật tỉnh Lạng Sơn", "Lạng Sơn")


def test_well_known_city_gives_its_province():
    assert frame(ctx_of("001_1723ef2b947018fe")) == ("Hạ Long", "Quảng Ninh")


def test_venue_ends_before_the_group_that_follows_without_comma():
    assert frame(ctx_of("e4c19f6a656a1f1c")) == ("huyện Đại Từ", "Thái Nguyên")


def test_abbreviated_district_keeps_its_dot():
    assert frame(ctx_of("3ca3646aa3e34c7f")) == ("H.Trảng Bom", "Đồng Nai")


def test_tai_hoi_nghi_is_not_a_venue_and_province_comes_from_organizer():
    text = ("Ngày 21/7/2017, Sở Y tế Vĩnh Phúc tổ chức hội nghị sơ kết thi đua.\n"
            "Tại hội nghị, các đơn vị đã thảo luận.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    assert frame(ctx) == (None, "Vĩnh Phúc")


def test_city_short_forms():
    assert [p for _, p in places.provinces_in("tại TP.HCM và TP. Cần Thơ, Thừa Thiên - Huế")] == [
        "Hồ Chí Minh", "Cần Thơ", "Thừa Thiên Huế"]


def test_provincial_newspaper_site_gives_its_province():
    text = ("(Baonghean.vn) - Ngày 13/11, Khối Thi đua các cơ quan Đảng tổ chức Hội nghị tổng kết "
            "phong trào thi đua, khen thưởng năm 2015.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    assert frame(ctx) == (None, "Nghệ An")
    assert [p for _, p in places.provinces_in("Nguồn: baodongnai.com.vn")] == ["Đồng Nai"]
    assert places.provinces_in("xem thêm tại baomoi.vn") == []


def test_national_convention_centre_is_in_the_capital():
    text = ("Ngày 17/09/2015 tại Trung tâm Hội nghị Quốc gia Mỹ Đình, Ngành Y tế đã tổ chức "
            "Đại hội thi đua yêu nước ngành Y tế lần thứ VI.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    assert frame(ctx) == ("Trung tâm Hội nghị Quốc gia Mỹ Đình", "Hà Nội")


def test_district_named_with_its_unit_word_gives_its_province():
    text = ("date 2022-01 UBND huyện Đại Lộc vừa hội nghị tổng kết phong trào thi đua năm 2021 và phát "
            "động phong trào thi đua năm 2022.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    assert frame(ctx) == (None, "Quảng Nam")
    assert [p for _, p in places.provinces_in("các khu phố thuộc cụm thi đua số 1 của huyện Hàm Tân")] == [
        "Bình Thuận"]
    # a bare district name may be a person's or a street's: only read after its unit word
    assert places.provinces_in("đồng chí Đại Lộc phát biểu") == []


def heldout_ctx(stem: str) -> Context:
    from pathlib import Path
    data = (Path(__file__).parent / "heldout" / "docs" / (stem + ".txt")).read_bytes()
    return Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data)))


def test_body_named_after_a_building_word_owns_the_venue():
    # "tại trụ sở Liên đoàn Lao động tỉnh": 'Liên đoàn' does not start the next clause here.
    assert frame(heldout_ctx("h03_congdoan_khoi")) == ("trụ sở Liên đoàn Lao động tỉnh", "Thái Bình")


def test_body_after_a_venue_without_building_word_still_ends_it():
    text = ("Ngày 9/1/2024, tại huyện Đại Từ Liên đoàn Lao động huyện tổ chức hội nghị tổng kết "
            "công tác thi đua năm 2023.")
    ctx = Context(article=Article(doc_id="x", path="x.txt", text=text))
    assert places.find_location(ctx)[0] == "huyện Đại Từ"


def more_ctx(stem: str) -> Context:
    from pathlib import Path
    data = (Path(__file__).parent / "heldout_more" / "docs" / (stem + ".txt")).read_bytes()
    return Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data)))


def test_province_in_a_banner_written_in_capitals():
    assert places.provinces_in("BỘ CHỈ HUY QUÂN SỰ TỈNH BÌNH PHƯỚC") == [(24, "Bình Phước")]
    assert frame(more_ctx("m11_quansu_khoi")) == ("Hội trường Bộ Chỉ huy Quân sự tỉnh", "Bình Phước")


def test_venue_in_a_well_known_city_named_with_its_unit_word():
    assert frame(more_ctx("m08_cum_miennui")) == ("thành phố Đà Lạt", "Lâm Đồng")


def extra_ctx(stem: str) -> Context:
    from pathlib import Path
    data = (Path(__file__).parent / "heldout_extra" / "docs" / (stem + ".txt")).read_bytes()
    return Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data)))


def test_province_name_after_a_commune_word_names_the_commune():
    # "tại hội trường UBND xã Hòa Bình" under a portal header "HUYỆN CHỢ GẠO - TỈNH TIỀN GIANG"
    assert frame(extra_ctx("x03_xa_portal_tongket")) == ("hội trường UBND xã Hòa Bình", "Tiền Giang")
    assert places.provinces_in("phường Thái Bình, tỉnh Hà Nam") == [(23, "Hà Nam")]


def test_hotel_in_a_well_known_city_after_a_comma():
    assert frame(extra_ctx("x02_bao_dienluc_cum3")) == ("Khách sạn Hoàng Lam", "Nghệ An")


def test_national_landmark_venue_gives_ha_noi_over_the_province_in_the_headline():
    # "Sáng 26/2, tại Phủ Chủ tịch, ...": a Nghệ An headline, the ceremony in the capital
    assert frame(ctx_of("98cb9001107cf762")) == ("Phủ Chủ tịch", "Hà Nội")


def test_landmark_venue_names_are_matched_as_written():
    hits = places.provinces_in("tại Hội trường Diên Hồng, Nhà Quốc hội; tại Hội trường Thống Nhất")
    assert [p for _, p in hits] == ["Hà Nội", "Hà Nội", "Hồ Chí Minh"]
