from test_nlp import article

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
