"""Relevance: emulation meetings are positive; contests, sports, COVID news, award-decision
lists and guidance documents are negative, whatever they say about "thi đua"."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract.context import Context
from pipeline.extract.relevance import is_emulation_meeting
from pipeline.types import Article, RawDocument


def relevant(stem: str) -> bool:
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    return is_emulation_meeting(Context(article=article))


def test_cluster_year_end_review_conference_is_relevant():
    assert relevant("000_7386b0def3f7ce0d")


def test_block_pact_signing_without_thi_dua_in_headline_is_relevant():
    assert relevant("001_1723ef2b947018fe")


def test_badminton_and_table_tennis_tournament_is_not_relevant():
    assert not relevant("144776df151607d9")


def test_covid_bulletin_is_not_relevant():
    assert not relevant("9b406f121b88f59c")


def test_award_decision_with_no_meeting_is_not_relevant():
    assert not relevant("fab2a68df79dbfa1")


def test_summary_of_guidance_on_clusters_is_not_relevant():
    assert not relevant("0c17a55c82350866")


def test_word_thi_dua_alone_does_not_make_a_meeting():
    text = "Phong trào thi đua của ngành y tế được nhiều người quan tâm.\nBài viết phân tích thi đua."
    assert not is_emulation_meeting(Context(article=Article(doc_id="x", path="x", text=text)))


def test_ceremony_handing_out_state_titles_is_relevant():
    # "Sáng 26/2, tại Phủ Chủ tịch, Chủ tịch nước ... gặp mặt ... và trao danh hiệu ..."
    assert relevant("98cb9001107cf762")


def test_emulation_congress_told_deep_in_the_text_is_relevant():
    # "... trong Đại hội Thi đua yêu nước ngành Y tế lần thứ VIII (2025-2030), diễn ra ngày 26/10, tại Hà Nội."
    assert relevant("0b58be485cc534f0")


def test_article_starting_mid_way_with_a_speech_on_a_clusters_results_is_relevant():
    assert relevant("e35cac160afe8a2a")


def test_meeting_on_a_plan_where_a_review_is_only_planned_is_not_relevant():
    # "... dự kiến tổ chức các hoạt động: tổng kết phong trào thi đua; ..."
    assert not relevant("619902ee252a6b13")


def test_spelling_variants_of_signing_and_of_emulation_and_commendation():
    def title_only(title, body):
        return is_emulation_meeting(Context(article=Article(doc_id="x", path="x", text=title + "\n" + body,
                                                            title=title)))
    body = ("Sáng 12/3/2019, tại hội trường Sở Nội vụ, Cụm thi đua số 2 tổ chức hội nghị. Đại diện các "
            "đơn vị đã kí kết giao ước thi đua năm 2019 về công tác thi đua, khen thưởng.")
    assert title_only("KÍ KẾT GIAO ƯỚC THI ĐUA NĂM 2019", body)
    assert title_only("Kí kết giao ước thi đua năm 2019", body.replace("thi đua, khen thưởng", "TĐ-KT"))


def extra_relevant(stem: str) -> bool:
    from pathlib import Path
    data = (Path(__file__).parent / "heldout_extra" / "docs" / (stem + ".txt")).read_bytes()
    return is_emulation_meeting(Context(article=clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))))


def test_question_and_answer_on_emulation_rules_is_not_relevant():
    assert not extra_relevant("x12_neg_hoidap")


def test_close_negatives_of_a_cluster_or_a_party_committee_are_not_relevant():
    assert not extra_relevant("x10_neg_cum_vannghe")
    assert not extra_relevant("x11_neg_tongket_dang")
    assert not extra_relevant("x13_neg_thongcao_quyetdinh")


def test_three_sentence_bulletin_of_a_cluster_is_relevant():
    assert extra_relevant("x01_bantin_vks_cum2")
