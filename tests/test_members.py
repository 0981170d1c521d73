from test_nlp import article

from pipeline import nlp
from pipeline.extract.context import Context
from pipeline.extract.members import find_members


def members(stem):
    a = article(stem)
    return a.text, find_members(Context(article=a).with_(doc=nlp.annotate(a.text)))


def test_member_list_after_gom_is_split_on_semicolons_without_leader_cues():
    text, found = members("001_")
    assert [m.name for m in found][:3] == [
        "Trung tâm Y tế dự phòng", "Chi cục An toàn vệ sinh thực phẩm", "Chi cục Dân số Kế hoạch hóa gia đình"]
    assert text[found[0].evidence.start:found[0].evidence.end] == "Trung tâm Y tế dự phòng"


def test_shared_head_cac_so_is_given_to_each_item_until_a_new_head():
    text, found = members("018462")
    names = [m.name for m in found]
    assert names[:2] == ["Sở Nội vụ", "Sở Tài chính"]
    assert "Ban Dân tộc tỉnh" in names and "Thanh tra tỉnh" in names
    first = found[0]
    assert text[first.evidence.start:first.evidence.end] == "Nội vụ"


def test_units_ranked_for_awards_and_elected_leaders_are_members_without_duplicates():
    _, found = members("000_")
    names = [m.name for m in found]
    assert names[:3] == ["Chi cục An toàn vệ sinh thực phẩm", "Chi cục Dân số và Kế hoạch hóa gia đình",
                         "Trung tâm Kiểm dịch Y tế Quốc tế"]
    assert "Trường Cao đẳng Y tế" in names
    assert len(names) == len(set(n.lower() for n in names))
    assert "Sở Y tế" not in names
