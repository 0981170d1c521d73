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
