"""Page furniture is left out of real pages' body text, and the story's own lines stay."""

from __future__ import annotations

import pytest
from tests.conftest import SHARED, need_shared

from newsgraph.eval.extraction import format_totals, gold_pages, score_pages, score_tokens, totals
from newsgraph.ingest.furniture import furniture, remove_furniture
from newsgraph.ingest.html import read_html

REALWORLD = SHARED / "data" / "realworld"

# Floors for the 181 benchmark pages (measured 0.962 / 0.966); trafilatura 2.0.0 publishes 0.958 / 0.938.
F1_FLOOR = 0.961
PRECISION_FLOOR = 0.965


@pytest.mark.parametrize(
    "line",
    [
        "Jonathan Nackstrand/AFP via Getty Images",
        "Photo: Maria Lopez/Reuters",
        "Reporting by Ana Ruiz; Editing by Tom Lee",
        "Keith Ortega contributed reporting from Lima.",
        "Sign up for our morning newsletter and get the news in your inbox.",
        "Related: Five things to know about the budget",
        "VIDEO: The mayor speaks after the vote",
        "Copyright 2024 The Daily Example. All rights reserved.",
        "Our Standards: The Example Trust Principles.",
        "Have a tip? Reach Dana Kim at dkim@example.com.",
        "By Aaron Humes:",
        "Updated at 1:23 p.m.",
        "Flood waters rise in the delta [VIDEO]",
    ],
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert furniture(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The council said the newsletter it mails to residents would stop next year because of costs.",
        "More than 200 people signed the petition, organisers said.",
        "By the end of the week, the river had fallen by two metres.",
        "Watch officials said the storm could strengthen overnight.",
        "The photographer, who works for a local paper, said she saw the crowd grow.",
    ],
)
def test_story_lines_stay(line: str) -> None:
    assert furniture(line) is None


def test_headline_is_set_apart_a_teaser_before_it_dropped_and_bullets_lose_their_marker() -> None:
    lines = ["Another story you may like", "Rain Returns Early", "Rain returns to the valley.", "- a listed point"]
    headline, body = remove_furniture(lines, title="Opinion | Rain Returns Early")
    assert (headline, body) == ("Rain Returns Early", ["Rain returns to the valley.", "a listed point"])


def test_a_hover_card_in_a_sentence_is_cut_to_the_name_it_hangs_on() -> None:
    card = (
        '<span class="who"><a href="/people/ana-ortiz">Ana Ortiz</a><span class="card"><img src="/ortiz.jpg">'
        '<a href="/people/ana-ortiz">Ana Ortiz</a><a href="/story/1">Council delays port vote | Budget talks stall</a>'
        '<a href="/people/ana-ortiz">MORE</a></span></span>'
    )
    story = (
        "<p>The harbour board will meet on Friday, said Mayor " + card + " (Ind.), after a week of talks with "
        "the dock workers' union over pay and hours.</p><p>The union has asked for a ten percent rise.</p>"
    )
    page = f"<html><head><title>Harbour board to meet</title></head><body><article>{story}</article></body></html>"
    article = read_html(page, "card.html")
    assert "said Mayor Ana Ortiz (Ind.), after a week" in article.text
    assert "Budget talks" not in article.text and "MORE" not in article.text


def test_a_dateline_in_its_own_element_is_set_apart_from_the_first_word() -> None:
    story = (
        '<p><cite class="source">Port Alder (Harbour Wire)</cite>A strike by crane drivers closed the container '
        "terminal on Monday, the port authority said in a statement.</p><p>Talks will resume on Thursday, said "
        "the union's secretary, Mira Kowal, who called the offer an insult.</p>"
    )
    page = f"<html><head><title>Port strike</title></head><body><article>{story}</article></body></html>"
    article = read_html(page, "cite.html")
    assert "Port Alder (Harbour Wire) A strike by crane drivers" in article.text


def test_token_score_counts_repeated_words_as_a_multiset() -> None:
    score = score_tokens("the cat the cat extra", "the cat the dog")
    assert (score.precision, score.recall) == (3 / 5, 3 / 4)
    assert score_tokens("", "gold words").f1 == 0.0


@pytest.mark.shared
def test_real_pages_body_text_beats_the_floors() -> None:
    pairs = list(score_pages(gold_pages(need_shared(REALWORLD))))
    alone, filtered = totals(a for a, _ in pairs), totals(f for _, f in pairs)
    print(format_totals("trafilatura alone", alone), format_totals("with furniture filters", filtered), sep="\n")
    assert filtered.pages == 181
    assert filtered.f1 >= F1_FLOOR and filtered.precision >= PRECISION_FLOOR
    assert filtered.f1 > alone.f1 and filtered.precision > alone.precision
