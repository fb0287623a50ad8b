"""Dates resolved against the publication day: rules on their own, then through the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.model import Article, DateRef, Extraction
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.dates.calendar import parse_published, weekday
from newsgraph.pipeline.dates.ranges import year_range
from newsgraph.pipeline.dates.resolution import resolve

SUNDAY = date(2023, 12, 3)
WEDNESDAY = date(2023, 12, 6)


def run(extractor: Extractor, text: str, published: str | None) -> Extraction:
    extraction = extractor.extract(Article(text=text, published=published))
    for ref in extraction.dates:
        assert text[ref.start : ref.end] == ref.text
    return extraction


def values(extractor: Extractor, text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in run(extractor, text, published).dates]


def test_weekday_in_a_past_report_is_the_last_one_on_or_before_publication() -> None:
    assert weekday(6, SUNDAY, future=False) == SUNDAY
    assert weekday(4, SUNDAY, future=False) == date(2023, 12, 1)
    assert weekday(5, SUNDAY, future=False) == date(2023, 12, 2)


def test_last_weekday_written_on_that_weekday_is_a_week_back() -> None:
    assert resolve(["last", "sunday"], SUNDAY).value == "2023-11-26"
    assert resolve(["sunday"], SUNDAY).value == "2023-12-03"
    assert resolve(["next", "friday"], SUNDAY).value == "2023-12-08"


def test_weekday_in_the_future_is_the_next_one() -> None:
    assert weekday(4, SUNDAY, future=True) == date(2023, 12, 8)
    assert weekday(6, SUNDAY, future=True) == date(2023, 12, 10)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["today"], "2023-12-06"),
        (["yesterday"], "2023-12-05"),
        (["tomorrow"], "2023-12-07"),
        (["last", "week"], "2023-11-27/2023-12-03"),
        (["this", "week"], "2023-12-04/2023-12-10"),
        (["last", "month"], "2023-11-01/2023-11-30"),
        (["next", "year"], "2024-01-01/2024-12-31"),
        (["the", "weekend"], "2023-12-02/2023-12-03"),
        (["dec.", "1"], "2023-12-01"),
        (["march", "3"], "2023-03-03"),
        (["march", "3", ",", "2024"], "2024-03-03"),
        (["in", "march"], "2023-03-01/2023-03-31"),
        (["april", "2018"], "2018-04-01/2018-04-30"),
        (["2019"], "2019-01-01/2019-12-31"),
        (["three", "days", "ago"], "2023-12-03"),
        (["september", "16", "-", "19"], "2023-09-16/2023-09-19"),
        (["the", "1990s"], "1990-01-01/1999-12-31"),
        (["1995", "to", "1997"], "1995-01-01/1997-12-31"),
        (["the", "past", "week"], "2023-11-30/2023-12-06"),
        (["march", "of", "next", "year"], "2024-03-01/2024-03-31"),
        (["june", "16th", "of", "last", "year"], "2022-06-16"),
    ],
)
def test_rules(words: list[str], value: str) -> None:
    assert resolve(words, WEDNESDAY).value == value


def test_partial_date_after_publication_is_last_year_in_a_past_report_and_this_year_ahead() -> None:
    assert resolve(["dec.", "20"], WEDNESDAY).value == "2022-12-20"
    assert resolve(["dec.", "20"], WEDNESDAY, future=True).value == "2023-12-20"
    assert resolve(["in", "january"], WEDNESDAY, future=True).value == "2024-01-01/2024-01-31"


def test_weekend_seen_from_monday_and_ahead() -> None:
    monday = date(2023, 12, 4)
    assert resolve(["over", "the", "weekend"], monday).value == "2023-12-02/2023-12-03"
    assert resolve(["the", "weekend"], monday, future=True).value == "2023-12-09/2023-12-10"


def test_periods_not_tied_to_the_time_of_writing_are_not_dates() -> None:
    for words in (["a", "month", "later"], ["every", "year"], ["a", "single", "year"]):
        assert resolve(words, WEDNESDAY).value is None


def test_february_30_has_no_value_and_says_why() -> None:
    result = resolve(["february", "30"], WEDNESDAY)
    assert result.value is None and "no day 30" in (result.problem or "")


def test_year_9999_plus_one_day_overflows_without_crashing() -> None:
    last = date(9999, 12, 31)
    for words in (["tomorrow"], ["next", "week"], ["next", "year"], ["saturday"]):
        result = resolve(words, last, future=True)
        assert result.value is None and result.problem


def test_published_strings() -> None:
    assert parse_published("2023-12-03T10:15:00Z") == SUNDAY
    assert parse_published("yesterday") is None
    assert parse_published(None) is None


def test_past_and_future_weekdays_in_one_article(extractor: Extractor) -> None:
    text = "The ministers met on Friday and will meet again on Friday."
    assert values(extractor, text, "2023-12-06") == [("Friday", "2023-12-01"), ("Friday", "2023-12-08")]


def test_weekday_of_publication_is_that_day_in_any_tense() -> None:
    assert resolve(["sunday"], SUNDAY, future=True).value == "2023-12-03"
    assert resolve(["next", "sunday"], SUNDAY, future=True).value == "2023-12-10"


@pytest.mark.parametrize(
    "text",
    [
        "The board said it would vote on the merger on Thursday.",
        "Forecasters said the storm could reach the coast on Thursday night.",
        "Both parties agreed to sign the deal on Thursday.",
        "The mayor is due to open the bridge on Thursday.",
    ],
)
def test_modals_infinitives_and_cues_point_ahead(extractor: Extractor, text: str) -> None:
    assert [v for _, v in values(extractor, text, "2023-12-05")] == ["2023-12-07"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the storm could have reached the coast on Thursday.",
        "The airline declined to comment on Thursday.",
        "The minister could not be reached for comment on Thursday.",
        "The ferry had to turn back on Thursday.",
    ],
)
def test_perfect_negated_modal_and_other_infinitives_point_back(extractor: Extractor, text: str) -> None:
    assert [v for _, v in values(extractor, text, "2023-12-05")] == ["2023-11-30"]


def test_condition_takes_the_time_of_its_main_clause(extractor: Extractor) -> None:
    text = "She threatened to resign if the council did not release the report by April 20."
    assert values(extractor, text, "2024-04-02") == [("April 20", "2024-04-20")]


def test_expected_on_the_day_of_publication(extractor: Extractor) -> None:
    text = "The crew were released and were expected home late on Friday."
    assert values(extractor, text, "2024-03-08") == [("Friday", "2024-03-08")]


def test_day_words_and_periods(extractor: Extractor) -> None:
    text = "She spoke yesterday and will return tomorrow; it was quiet last week and over the weekend."
    assert values(extractor, text, "2023-12-06") == [
        ("yesterday", "2023-12-05"),
        ("tomorrow", "2023-12-07"),
        ("last week", "2023-11-27/2023-12-03"),
        ("the weekend", "2023-12-02/2023-12-03"),
    ]


def test_absolute_and_partial_dates(extractor: Extractor) -> None:
    text = "The law passed on Dec. 1 and takes effect March 3, 2024; sales slumped in March and in 2019."
    assert values(extractor, text, "2023-12-06") == [
        ("Dec. 1", "2023-12-01"),
        ("March 3, 2024", "2024-03-03"),
        ("March", "2023-03-01/2023-03-31"),
        ("2019", "2019-01-01/2019-12-31"),
    ]


def test_one_entity_holding_two_dates_gives_two(extractor: Extractor) -> None:
    text = "The council met on Friday and Saturday, and again on Dec. 1 and March 3, 2024."
    assert values(extractor, text, "2023-12-06") == [
        ("Friday", "2023-12-01"),
        ("Saturday", "2023-12-02"),
        ("Dec. 1", "2023-12-01"),
        ("March 3, 2024", "2024-03-03"),
    ]


def test_unknown_publication_leaves_relative_dates_null(extractor: Extractor) -> None:
    text = "She spoke yesterday, on Friday, on Dec. 1 and on March 3, 2024, and in 2019."
    assert values(extractor, text, None) == [
        ("yesterday", None),
        ("Friday", None),
        ("Dec. 1", None),
        ("March 3, 2024", "2024-03-03"),
        ("2019", "2019-01-01/2019-12-31"),
    ]


def test_durations_are_not_dates(extractor: Extractor) -> None:
    assert values(extractor, "The talks lasted three years and two weeks.", "2023-12-06") == []


def test_bad_dates_and_the_end_of_the_calendar(extractor: Extractor) -> None:
    refs: list[DateRef] = run(extractor, "It happened on February 30.", "2023-12-06").dates
    assert [(r.text, r.value) for r in refs] == [("February 30", None)]
    assert refs[0].note
    late = run(extractor, "She will speak tomorrow and next year.", "9999-12-31").dates
    assert [(r.text, r.value) for r in late] == [("tomorrow", None), ("next year", None)]
    assert all(r.note for r in late)


def test_quote_takes_the_day_its_cue_verb_carries(extractor: Extractor) -> None:
    quotes = run(extractor, '"We are ready," the mayor said Tuesday.', "2023-12-06").quotes
    assert [q.date for q in quotes] == ["2023-12-05"]


def test_quote_without_a_day_on_its_cue_stays_undated(extractor: Extractor) -> None:
    text = 'The mayor, who arrived on Tuesday, said: "We are ready for the storm."'
    assert [q.date for q in run(extractor, text, "2023-12-06").quotes] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The minister told the Mail on Sunday that he would not resign.",
        "A columnist in the Sunday Times called the plan reckless.",
        "Queues formed outside the shops for Black Friday deals.",
        "The mayor gave an interview to USA Today about the floods.",
    ],
)
def test_day_words_in_names_of_papers_and_events_are_no_dates(extractor: Extractor, text: str) -> None:
    assert values(extractor, text, "2019-08-14") == []


def test_a_date_after_a_longer_name_stays_a_date(extractor: Extractor) -> None:
    found = values(
        extractor, "The governor told the Harbour Evening Leader Monday that the bridge would reopen.", "2019-08-14"
    )
    assert found == [("Monday", "2019-08-12")]


@pytest.mark.parametrize(
    "text",
    [
        "For tickets call (555) 123-4567, ext. 8477, before noon.",
        "The product code is 960574 on the box.",
        "The journal is registered as ISSN: 2283-5474.",
    ],
)
def test_phone_extensions_and_codes_are_not_years(extractor: Extractor, text: str) -> None:
    assert [value for _, value in values(extractor, text, "2019-08-14")] == []


@pytest.mark.parametrize(
    ("text", "shown", "value"),
    [
        ("The club's 2017-18 season ended badly.", "2017-18 season", "2017-01-01/2018-12-31"),
        ("Profits rose in the 2017–2018 financial year.", "2017–2018 financial year", "2017-01-01/2018-12-31"),
        (
            "She ran the charity from January 2015 to December 2019.",
            "January 2015 to December 2019",
            "2015-01-01/2019-12-31",
        ),
        ("The survey ran between May and July.", "between May and July", "2019-05-01/2019-07-31"),
        ("Cases rose between 2010 and 2015 in the region.", "between 2010 and 2015", "2010-01-01/2015-12-31"),
    ],
)
def test_ranges_are_one_interval(extractor: Extractor, text: str, shown: str, value: str) -> None:
    assert values(extractor, text, "2019-08-14") == [(shown, value)]


def test_a_day_range_under_way_at_publication_keeps_one_year(extractor: Extractor) -> None:
    found = values(extractor, "The finals take place 18-24 November in Madrid.", "2019-11-19")
    assert found == [("18-24 November", "2019-11-18/2019-11-24")]


def test_a_date_moved_to_another_is_two_dates(extractor: Extractor) -> None:
    found = values(extractor, "The vote will be postponed from Tuesday to Friday.", "2019-08-14")
    assert found == [("Tuesday", "2019-08-20"), ("Friday", "2019-08-16")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The festival will return next October.", "2019-10-01/2019-10-31"),
        ("The festival took place last October.", "2018-10-01/2018-10-31"),
        ("The band will tour the coast in October.", "2019-10-01/2019-10-31"),
        ("The band toured the coast in October.", "2018-10-01/2018-10-31"),
        ("Parliament returns in October after the recess.", "2019-10-01/2019-10-31"),
        ("Officials want to cancel a scheduled Dec. 15 vote.", "2019-12-15"),
    ],
)
def test_a_month_without_year_resolves_by_tense_and_modifier(extractor: Extractor, text: str, value: str) -> None:
    assert [v for _, v in values(extractor, text, "2019-08-14")] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Heavy rain is forecast for Monday across the north.", "2019-08-19"),
        ("The trial begins Monday in the capital.", "2019-08-19"),
        ("The union is holding a rally on Monday.", "2019-08-19"),
        ("The union held a rally on Monday.", "2019-08-12"),
        ("Police say the man died Monday.", "2019-08-12"),
    ],
)
def test_a_weekday_resolves_by_the_tense_of_its_verb(extractor: Extractor, text: str, value: str) -> None:
    assert [v for _, v in values(extractor, text, "2019-08-14")] == [value]


def test_a_headline_in_the_present_keeps_the_past(extractor: Extractor) -> None:
    assert values(extractor, "Ferry sales plunge in July\n\nSales fell again.", "2019-08-14")[0][1] == (
        "2019-07-01/2019-07-31"
    )


def test_the_previous_week_is_told_from_the_story_date(extractor: Extractor) -> None:
    text = "The firm dropped its listing on September 30. Its founder had resigned the previous week."
    assert values(extractor, text, "2019-11-18")[-1] == ("the previous week", "2019-09-23/2019-09-29")


def test_a_fraction_is_no_date(extractor: Extractor) -> None:
    assert values(extractor, "The talks ended a near 1-1/2 year dispute.", "2019-08-14") == []


@pytest.mark.parametrize(
    ("words", "years"),
    [
        (["2017", "-", "18"], (2017, 2018)),
        (["2017–2018"], (2017, 2018)),
        (["the", "2019/20", "season"], (2019, 2020)),
        (["1999", "-", "00"], (1999, 2000)),
        (["2283", "-", "5474"], None),
        (["2018", "-", "17"], None),
    ],
)
def test_year_ranges_written_in_one_word(words: list[str], years: tuple[int, int] | None) -> None:
    assert year_range(words) == years
