"""Number parsing: the words and digits news uses for amounts, and inputs that must not break it."""

from __future__ import annotations

import math

import pytest

from newsgraph.pipeline.figures.numbers import parse_number, read_phrase, read_token


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("1,234.5", 1234.5),
        (".001", 0.001),
        ("two", 2),
        ("twenty-five", 25),
        ("three hundred", 300),
        ("one hundred and five", 105),
        ("a dozen", 12),
        ("two dozen", 24),
        ("4 hundred million", 400_000_000),
        ("2 million", 2_000_000),
        ("1.5bn", 1_500_000_000),
        ("5k", 5000),
        ("a million", 1_000_000),
        ("half", 0.5),
        ("1/16", 0.0625),
        ("minus 387", -387),
        ("minus-5", -5),
    ],
)
def test_written_and_scaled_numbers(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3-5", [3, 5]),
        ("3 to 5", [3, 5]),
        ("1 to 1.5", [1, 1.5]),
        ("tens of thousands", [10_000, 100_000]),
        ("dozens", [12, 120]),
        ("millions", [1_000_000, 10_000_000]),
    ],
)
def test_ranges_and_vague_plurals(text: str, value: list[float]) -> None:
    assert parse_number(text) == value


def test_two_thirds_is_a_fraction() -> None:
    assert parse_number("two-thirds") == pytest.approx(2 / 3)


def test_money_makes_a_short_m_a_scale_but_alone_it_is_not() -> None:
    assert read_phrase(["5.4", "m"], money=True).value == 5_400_000
    assert read_phrase(["5.4", "m"]).value == 5.4


def test_currency_and_unit_glued_to_digits_are_kept_apart() -> None:
    dollars = read_token("USD10")
    assert dollars is not None and (dollars.value, dollars.prefix) == (10, "USD")
    power = read_token("640bhp")
    assert power is not None and (power.value, power.suffix) == (640, "bhp")
    assert read_phrase(["PS2.7m"]).value == 2_700_000


def test_words_that_are_not_numbers() -> None:
    assert read_token("hostages") is None
    assert parse_number("one two") is None
    assert parse_number("an hour") is None


@pytest.mark.parametrize(
    "text",
    ["1e400", "9" * 10_000, "1" + ",000" * 20, "5 trillion trillion trillion", "1e" + "9" * 5000, "9" * 5000 + "e5"],
)
def test_absurd_numbers_give_no_value_and_a_reason(text: str) -> None:
    phrase = read_phrase(text.split())
    assert phrase is not None
    assert phrase.value is None
    assert phrase.problem


def test_giant_fractions_have_no_value() -> None:
    reading = read_token("1" * 5000 + "/2")
    assert reading is not None and reading.value is None and reading.problem


def test_values_are_never_inf_or_nan() -> None:
    for text in ["1e300", "1e-300", "0.000000000001", "9" * 30]:
        value = parse_number(text)
        assert value is None or math.isfinite(value)
