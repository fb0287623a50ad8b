"""Figures on small news-style sentences of our own: values, hedges, change, units, counted nouns, speakers."""

from __future__ import annotations

import json
import math

import pytest

from newsgraph.model import Article, Figure
from newsgraph.pipeline import Extractor


def figures(extractor: Extractor, text: str) -> list[Figure]:
    found = extractor.extract(Article(text=text, published="2024-05-06")).figures
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
    return found


def only(extractor: Extractor, text: str) -> Figure:
    found = figures(extractor, text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "shown", "value", "approx", "change"),
    [
        ("Rescuers freed more than 100 miners overnight.", "more than 100", 100, "more than", ">"),
        ("The council counted about 240 empty homes.", "about 240", 240, "about", "~"),
        (
            "Officials fear an estimated 2 million residents lack water.",
            "an estimated 2 million",
            2_000_000,
            "estimated",
            "~",
        ),
        ("The storm left nearly 300 families homeless.", "nearly 300", 300, "nearly", "~"),
        ("The new line will create up to 400 jobs.", "up to 400", 400, "up to", "<"),
        ("At least 14 climbers reached the summit.", "At least 14", 14, "at least", ">"),
        ("Fewer than ten boats left the harbour.", "Fewer than ten", 10, "fewer than", "<"),
    ],
)
def test_hedges(extractor: Extractor, text: str, shown: str, value: int, approx: str, change: str) -> None:
    figure = only(extractor, text)
    assert (figure.text, figure.value, figure.approx, figure.change) == (shown, value, approx, change)


def test_counted_noun_with_its_modifiers(extractor: Extractor) -> None:
    figure = only(extractor, "The exchange freed about 240 Palestinian prisoners on Tuesday.")
    assert figure.counted == "Palestinian prisoners"


def test_elliptical_number_inherits_what_is_counted(extractor: Extractor) -> None:
    found = figures(extractor, "The army said it hit 400 targets in the region, including 50 near the coast.")
    assert [(f.value, f.counted) for f in found] == [(400, "targets"), (50, "targets")]


def test_written_and_vague_numbers(extractor: Extractor) -> None:
    found = figures(extractor, "Three hundred volunteers and a dozen doctors joined tens of thousands of marchers.")
    assert [(f.value, f.counted) for f in found] == [
        (300, "volunteers"),
        (12, "doctors"),
        ([10_000, 100_000], "marchers"),
    ]


def test_change_up_and_down_and_levels_reached(extractor: Extractor) -> None:
    found = figures(extractor, "Shares rose 5% to $84, while exports dropped 7% to $2.3 billion.")
    assert [(f.value, f.unit, f.change) for f in found] == [
        (5, "percentage", "up"),
        (84, "dollar", "="),
        (7, "percentage", "down"),
        (2_300_000_000, "dollar", "="),
    ]


def test_increased_by_is_up(extractor: Extractor) -> None:
    figure = only(extractor, "The city increased its budget by 12 percent.")
    assert (figure.value, figure.unit, figure.change) == (12, "percentage", "up")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The firm raised $19.6 billion last year.", 19_600_000_000, "dollar"),
        ("The club paid 1.5bn euros for the ground.", 1_500_000_000, "euro"),
        ("Growth slowed to 12 per cent.", 12, "percentage"),
        ("The bonus is £1,000 per worker.", 1000, "pound sterling per worker"),
        ("The engine makes 275 pound-feet of torque at 3000 rpm.", 275, "pound-foot"),
        ("The storm moved at 87 mph along the coast.", 87, "mile per hour"),
        ("The probe flew 1.8 billion miles.", 1_800_000_000, "mile"),
        ("Rents reached $3,500 a month.", 3500, "dollar per month"),
        ("The air was minus 40 degrees Celsius.", -40, "celsius"),
    ],
)
def test_money_percent_and_measures(extractor: Extractor, text: str, value: float, unit: str) -> None:
    figure = figures(extractor, text)[0]
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Temperatures will climb 3 to 5 degrees.", [3, 5], "degree"),
        ("Each ticket costs $40-60.", [40, 60], "dollar"),
        ("Prices may rise between 5% and 6%.", [5, 6], "percentage"),
        ("The fine could reach 33-35 billion euros.", [33_000_000_000, 35_000_000_000], "euro"),
    ],
)
def test_ranges(extractor: Extractor, text: str, value: list[float], unit: str) -> None:
    figure = only(extractor, text)
    assert figure.value == value
    assert figure.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11 landed long before COVID-19 spread.",
        "The Boeing 737 and the F-16 share a hangar with the iPhone 11 Pro.",
        "The band played on March 3, 2019 at 10:27 pm.",
        "In 2019 she finished 3rd in the 96th edition.",
        "Call 555-123-4567 for details.",
        "The new 5G network opened in the 1990s style hall.",
        "No one saw it, and each one of them left.",
    ],
)
def test_not_figures(extractor: Extractor, text: str) -> None:
    assert figures(extractor, text) == []


def test_age_apposition_is_not_a_figure_but_a_year_old_is(extractor: Extractor) -> None:
    assert figures(extractor, "Maria Lopez, 52, runs the bakery.") == []
    figure = only(extractor, "A 50-year-old driver was hurt.")
    assert (figure.value, figure.unit) == (50, "year of age")


def test_claimed_by_the_speaker_of_the_quote(extractor: Extractor) -> None:
    found = figures(
        extractor, '"We will hire about 2,000 nurses," Health Minister Anna Berg said. The plan costs $40 million.'
    )
    nurses, cost = found
    assert nurses.claimed_by == "Anna Berg"
    assert cost.claimed_by is None


def test_claimed_by_an_attributed_source(extractor: Extractor) -> None:
    for text in (
        "More than 300 homes were damaged, according to the county fire service.",
        "The county fire service said more than 300 homes were damaged.",
    ):
        figure = only(extractor, text)
        assert "fire service" in (figure.claimed_by or ""), text


@pytest.mark.parametrize(
    "text",
    [
        "They paid 1e400 dollars for it.",
        "The ledger showed " + "9" * 10_000 + " coins.",
        "It rose 1,000,000,000,000,000,000,000,000,000,000,000 percent.",
        "$ $ % % 5 -- 12.12.12 ... 3/0 1/0 0/0 minus - minus",
    ],
)
def test_absurd_numbers_never_crash_or_leak_inf(extractor: Extractor, text: str) -> None:
    found = figures(extractor, text)
    dumped = json.dumps([f.to_dict() for f in found], allow_nan=False)
    assert "Infinity" not in dumped
    for figure in found:
        if figure.value is None:
            assert figure.note
        elif isinstance(figure.value, int | float):
            assert math.isfinite(figure.value)


def test_absurd_number_is_reported(extractor: Extractor) -> None:
    figure = only(extractor, "They paid 1e400 dollars for it.")
    assert figure.value is None
    assert "out of range" in (figure.note or "")


@pytest.mark.parametrize(
    ("text", "shown", "counted"),
    [
        ("Officers detained three women near the station.", "three", "women"),
        ("The council closed two libraries for repairs.", "two", "libraries"),
        ("The ferry has broken down at least 12 times this winter.", "at least 12 times", "times"),
        ("The mayor was accused of hiding some $3 million of spending.", "some $3 million", "spending"),
        ("The firm will retrain its drivers, and about 25 of them may move.", "about 25", "drivers"),
    ],
)
def test_what_written_counts_occurrences_gerunds_and_pronouns_count(
    extractor: Extractor, text: str, shown: str, counted: str
) -> None:
    figure = only(extractor, text)
    assert (figure.text, figure.counted) == (shown, counted)


def test_a_multiplier_counts_nothing(extractor: Extractor) -> None:
    figure = only(extractor, "Rents in the old town grew four times faster than wages.")
    assert figure.counted is None


def test_the_number_named_again_inherits_the_count(extractor: Extractor) -> None:
    found = figures(extractor, "Police said about 900 fans attended. The club put the number at nearly 1,500.")
    assert [(f.value, f.counted) for f in found] == [(900, "fans"), (1500, "fans")]


def test_a_bare_number_in_the_next_sentence_inherits_nothing(extractor: Extractor) -> None:
    found = figures(extractor, "The shop employs 30 cooks. Its rating rose to 8.")
    assert [(f.value, f.counted) for f in found] == [(30, "cooks"), (8, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Readers can reach the newsroom on 020 7946 0958 or on +44 20 7946 0958.",
        "For tickets call (555) 123-4567, ext. 8477, before noon.",
        "The hotline, 555-1234, opened at dawn.",
        "Neighbours called 911 when the roof caught fire.",
        "The dispatcher took the 999 call at the depot.",
        "The journal is registered as ISSN: 2283-5474.",
    ],
)
def test_phone_numbers_extensions_and_codes_are_not_figures(extractor: Extractor, text: str) -> None:
    assert figures(extractor, text) == []


def test_a_count_of_calls_stays_a_figure(extractor: Extractor) -> None:
    figure = only(extractor, "The helpline answered 340 calls on its first night.")
    assert (figure.value, figure.counted) == (340, "calls")


def test_list_markers_and_year_abbreviations_are_not_figures(extractor: Extractor) -> None:
    text = "Our picks:\n1) A tent for 4 people\n2) A stove from the '80s"
    assert [f.value for f in figures(extractor, text)] == [4]


def test_a_season_written_2017_18_gives_no_figure(extractor: Extractor) -> None:
    assert [f.value for f in figures(extractor, "The club's 2017-18 season ended with 12 wins.")] == [12]


def test_labels_and_names_with_number_words_are_not_figures(extractor: Extractor) -> None:
    assert figures(extractor, 'Both sides want a "phase one" deal before the summit.') == []
    assert figures(extractor, "The bank praised our One Harbour Bank programme in its note.") == []


def test_year_after_a_possessive_is_not_a_figure(extractor: Extractor) -> None:
    assert figures(extractor, "The charity beat the agency's 2017 top projects on cost.") == []


def test_mixed_fraction_is_one_value(extractor: Extractor) -> None:
    assert only(extractor, "The talks ended a near 1-1/2 year dispute.").value == 1.5
    assert only(extractor, "The crossing took 2 1/2 hours.").value == 2.5
