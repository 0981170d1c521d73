"""Meeting kinds from the announcement and from acts reported at the meeting."""
from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract.context import Context
from pipeline.extract.kinds import find_kinds
from pipeline.types import RawDocument


def kinds_of(stem: str):
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    return find_kinds(Context(article=article))


def test_review_with_launch_pact_and_voting():
    assert kinds_of("000_7386b0def3f7ce0d") == ["tong_ket", "trien_khai", "ky_giao_uoc", "binh_xet"]


def test_mid_year_review_that_launches_second_half_tasks_is_not_a_pact_signing():
    # "Ngay từ đầu năm ... đã triển khai hội nghị ký kết giao ước" is an earlier event.
    assert kinds_of("004_65d5dee3be421046") == ["so_ket", "trien_khai"]


def test_pact_signing_conference_launching_the_year():
    assert kinds_of("e4c19f6a656a1f1c") == ["trien_khai", "ky_giao_uoc"]


def test_review_handing_out_titles():
    assert kinds_of("fb0971e0fb711d8f") == ["tong_ket", "trao_thuong"]
