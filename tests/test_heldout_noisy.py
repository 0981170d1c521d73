"""The noisy held-out set: 14 articles written for testing (tests/heldout_noisy/docs), never
tuned on, that look like what a crawler delivers rather than clean copy: site names and menus
before the headline, date lines with view counts, 'Skip to main content', captions and lone
digits, all-caps headlines, old tone placement (hoá, Thuỷ, Uỷ), 'kí', bylines glued to their
unit, a missing lead, a body cut off mid-sentence, share widgets, comment forms and 'Tin liên
quan' / 'Các tin đã đưa ngày:' link lists naming other meetings. Four are saved HTML pages
(meta og:title, article:published_time, author; nav, sidebar, related links, footer), ten are
text. Sectors: tax office, hospital, customs, court, police, trade union, Fatherland Front,
provincial departments, university, central bank. Nine positives (cụm, khối and single-agency
meetings) and five look-alike negatives (a cluster's sports exchange, a bank's business review,
an award-decision list, an emulation plan document, a teaching contest).

thidua's own evaluator scores the records against tests/heldout_noisy/gold.jsonl; each floor
sits a little below the figure reached, so that a change that loses ground on crawl noise
shows here."""
from pathlib import Path

import pytest

from conftest import evaluate_folder

HELDOUT = Path(__file__).parent / "heldout_noisy"

F1_FLOORS = {
    "relevance": 0.95, "kinds": 0.95, "date": 0.9, "group": 0.9, "member_count": 0.75,
    "published": 0.9, "authors": 0.75,
    "members": 0.95, "officials": 0.95, "leaders": 0.95, "awards": 0.95,
}
RATIO_FLOORS = {
    "location_token_f1": 0.9, "province_acc": 0.9, "title_acc": 0.85, "official_title_acc": 0.95,
    "grounding_rate": 1.0,
}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_folder(HELDOUT, tmp_path_factory.mktemp("heldout_noisy"))


def test_every_noisy_article_gives_a_record(result):
    assert result["docs"]["gold"] == 14
    assert result["missing_ids"] == []


def test_html_pages_and_text_files_are_both_read(result):
    docs = sorted(p.name for p in (HELDOUT / "docs").iterdir())
    assert sum(name.endswith(".html") for name in docs) == 4
    assert sum(name.endswith(".txt") for name in docs) == 10


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_field_f1_stays_above_its_floor_on_crawl_noise(result, field):
    assert result["fields"][field]["f1"] >= F1_FLOORS[field], result["details"]


@pytest.mark.parametrize("name", sorted(RATIO_FLOORS))
def test_ratio_stays_above_its_floor_on_crawl_noise(result, name):
    assert result["extra"][name] >= RATIO_FLOORS[name], result["details"]
