"""A party's or a legislator's "attack" on an office-holder is criticism, the PLOVER manual's ACCUSE ("criticize,
defame, denigrate responsible parties"), not the manual's ASSAULT, which is violence (issue #11)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event
from newsgraph.pipeline import Extractor


def events(extractor: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    found: list[Event] = extractor.extract(Article(text=text, published="2024-05-02")).events
    return [(e.type, e.mode, e.trigger.text) for e in found]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Republican attacks on the governor grew sharper this week.", "attacks"),
        ("Democratic attacks on the mayor have intensified since the debate.", "attacks"),
        ("The senator attacked the prime minister in a speech on Tuesday.", "attacked"),
    ],
)
def test_a_political_attack_is_criticism(extractor: Extractor, text: str, trigger: str) -> None:
    assert events(extractor, text) == [("ACCUSE", "disapprove", trigger)]


@pytest.mark.parametrize(
    "text",
    [
        "Palestinian attacks on Israeli soldiers rose in March.",
        "Gunmen attacked the governor's residence in Kaduna on Sunday.",
    ],
)
def test_violence_stays_an_assault(extractor: Extractor, text: str) -> None:
    assert [kind for kind, _, _ in events(extractor, text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        # An election won is no criticism: only attacking is said of words.
        "Kentucky Democrats beat incumbent Gov. Hal Brenner in a state the president won by 30 points.",
        # "faction" names armed groups as often as parties.
        "Rival factions attacked each other in Tripoli.",
    ],
)
def test_other_acts_of_politicians_and_factions_are_no_criticism(extractor: Extractor, text: str) -> None:
    assert [kind for kind, _, _ in events(extractor, text) if kind == "ACCUSE"] == []
