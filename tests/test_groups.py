"""The emulation cluster/block named by the article and its stated member count."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract import groups
from pipeline.extract.context import Context
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
