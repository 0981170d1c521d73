from test_nlp import article

from pipeline import nlp
from pipeline.extract.context import Context
from pipeline.extract.officials import find_officials


def officials(stem):
    a = article(stem)
    return a.text, find_officials(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_name_and_title_joined_by_hyphen_give_one_official_with_director_role():
    text, found = officials("000_")
    assert [(o.name, o.title, o.organization, o.role) for o in found] == [
        ("Lý Kim Soi", "Phó Giám đốc", "Sở Y tế", "director")]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Lý Kim Soi"


def test_abbreviated_title_after_a_dash_is_expanded():
    _, found = officials("001_")
    assert [(o.name, o.title, o.organization) for o in found] == [("Vũ Thị Mai Anh", "Phó Giám đốc", "Sở Nội vụ")]


def test_byline_author_after_the_text_is_not_an_official():
    text, found = officials("000_")
    assert "Mã Thị Hiền" in text
    assert "Mã Thị Hiền" not in [o.name for o in found]


def test_two_chairs_with_two_titles_keep_the_first_title():
    _, found = officials("018462")
    assert [(o.name, o.title, o.role) for o in found][:2] == [
        ("A Lăng Mai", "Trưởng ban", "chair"), ("Đặng Văn Đào", "Giám đốc", "chair")]


def test_speaker_and_reporter_roles_come_from_the_verbs_around_the_name():
    _, found = officials("22707")
    assert [(o.name, o.title, o.role) for o in found] == [
        ("Lê Trung Chánh", "Viện trưởng", "speaker"), ("Lâm Thanh Vân", "Viện trưởng", "reporter")]


def test_title_and_body_before_a_dash_name_the_person_after_it():
    # "Phát biểu chào mừng, Giám đốc Sở TN&MT Long An - Võ Minh Thành nhấn mạnh, ..."
    text, found = officials("f615bf114b53760d")
    assert [(o.name, o.title, o.organization, o.role) for o in found] == [
        ("Võ Minh Thành", "Giám đốc", "Sở TN&MT Long An", "speaker")]
    ev = found[0].evidence
    assert text[ev.start:ev.end] == "Võ Minh Thành"
    assert text[:ev.start].endswith("Giám đốc Sở TN&MT Long An - ")
