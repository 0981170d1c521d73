"""Meeting date: the day of the meeting, with the year inferred when not written."""
import datetime as dt

from conftest import corpus_text
from pipeline.clean import clean_document
from pipeline.extract import dates, kinds, source
from pipeline.extract.context import Context
from pipeline.types import Article, RawDocument


def ctx_of(stem: str) -> Context:
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=corpus_text(stem).encode()))
    ctx = Context(article=article)
    ctx = ctx.with_(published=source.read_source(ctx).published)
    return ctx.with_(kinds=tuple(kinds.find_kinds(ctx)))


def meeting_date(stem: str):
    ctx = ctx_of(stem)
    d, span = dates.find_meeting_date(ctx)
    return d, (ctx.text[span.start:span.end] if span else None)


def test_full_date_after_time_of_day():
    assert meeting_date("000_7386b0def3f7ce0d") == (dt.date(2020, 12, 20), "Sáng ngày 20/12/2020")


def test_meeting_day_not_publication_day():
    assert meeting_date("004_65d5dee3be421046") == (dt.date(2017, 7, 21), "Ngày 21/7/2017")


def test_day_month_with_dash_in_january_is_the_year_after_the_review():
    # "Chiều 5-1": a review of 2023 held in January 2024
    assert meeting_date("3ca3646aa3e34c7f") == (dt.date(2024, 1, 5), "Chiều 5-1")


def test_december_review_without_year_takes_the_review_year():
    assert meeting_date("8dcb4d6f47c32b03") == (dt.date(2023, 12, 12), "Chiều ngày 12/12")


def test_two_days_give_the_first():
    assert meeting_date("3e790dd0837aca0e") == (dt.date(2019, 9, 25), "Chiều ngày 25, 26/9/2019")


def test_day_month_year_in_words_and_deadline_dates_are_skipped():
    text = ("Tính đến ngày 31/12/2023, các đơn vị đã hoàn thành chỉ tiêu.\n"
            "Sáng ngày 19 và 20/7/2023, tại Hà Nội, Cụm thi đua số 2 tổ chức hội nghị sơ kết.")
    ctx = Context(article=Article(doc_id="x", path="x", text=text))
    d, span = dates.find_meeting_date(ctx)
    assert d == dt.date(2023, 7, 19)
    assert text[span.start:span.end] == "Sáng ngày 19 và 20/7/2023"


def test_no_day_no_date():
    text = "Vừa qua, Khối thi đua các cơ quan tỉnh tổ chức hội nghị tổng kết công tác thi đua năm 2024."
    assert dates.find_meeting_date(Context(article=Article(doc_id="x", path="x", text=text))) == (None, None)


def extra_date(stem: str):
    from pathlib import Path
    data = (Path(__file__).parent / "heldout_extra" / "docs" / (stem + ".txt")).read_bytes()
    article = clean_document(RawDocument(path=stem + ".txt", kind="text", data=data))
    ctx = Context(article=article)
    ctx = ctx.with_(published=source.read_source(ctx).published)
    ctx = ctx.with_(kinds=tuple(kinds.find_kinds(ctx)))
    d, span = dates.find_meeting_date(ctx)
    return d, (ctx.text[span.start:span.end] if span else None)


def test_weekday_before_a_date_in_brackets():
    assert extra_date("x09_truong_phatdong_2011") == (dt.date(2023, 10, 16), "Sáng thứ Hai (16/10)")
    # a leap day, the year from the publication day 01/03/2024
    assert extra_date("x14_nganhang_khoi") == (dt.date(2024, 2, 29), "Chiều thứ Năm (29/2)")


def test_today_and_yesterday_written_before_the_date():
    assert extra_date("x04_bo_khoi_tongcuc") == (dt.date(2024, 1, 12), "Hôm nay (12/1)")
    assert extra_date("x02_bao_dienluc_cum3") == (dt.date(2023, 12, 15), "Sáng qua 15/12")


def test_vua_qua_gives_no_date():
    assert extra_date("x05_bhxh_cum4") == (None, None)
