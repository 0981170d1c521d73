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
