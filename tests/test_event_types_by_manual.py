"""Acts the dictionary's codes type otherwise than the PLOVER manual's definitions, on news-style sentences of our
own: an arrest or expulsion of protesters is coercion, not violence."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


def codes(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in run(extractor, text).events]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Police arrested the journalist at the airport on Monday.", "arrest"),
        ("Riot police arrested 40 demonstrators during the protest.", "arrest"),
        ("Officers arrested protesters after the march.", "arrest"),
        ("The regime expelled the protester from the country.", "deport"),
    ],
)
def test_an_arrest_or_expulsion_of_protesters_is_coercion(extractor: Extractor, text: str, mode: str) -> None:
    # The manual's COERCE: "Repression, restrictions on rights, or coercive uses of power falling short of
    # violence" (arrest: "Arrest, detain"; deport: "Expel or deport individuals"), where CAMEO's 175 patterns made
    # it ASSAULT.
    assert codes(extractor, text) == [("COERCE", mode)]


@pytest.mark.parametrize(
    "text",
    ["Police killed two demonstrators during the protest.", "Riot police fired tear gas at the protesters."],
)
def test_violence_against_protesters_stays_an_assault(extractor: Extractor, text: str) -> None:
    assert [t for t, _ in codes(extractor, text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Firefighters battled the blaze for six hours on Sunday.",
        "Hundreds of firefighters fought the wildfire near the town.",
        "Doctors are fighting the outbreak in the northern province.",
        "The central bank is fighting inflation with higher interest rates.",
        "The government attacked inflation with a new budget.",
    ],
)
def test_a_force_of_nature_a_disease_or_the_economy_fought_is_no_assault(extractor: Extractor, text: str) -> None:
    # The manual's ASSAULT: "deliberate actions which can potentially result in substantial physical harm".
    assert codes(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the pipeline near the border.",
        "Troops fired on the ship off the coast.",
        # A hazard that says how the harm was done is no issue criticised ("hammered him on his plan").
        "Rebels set the village on fire on Sunday.",
        "Rioters set a police officer on fire outside the court.",
    ],
)
def test_a_structure_or_a_vessel_attacked_stays_an_assault(extractor: Extractor, text: str) -> None:
    assert [t for t, _ in codes(extractor, text)] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "If Oxfam fails to find new donors, barring any major change, the programme will close.",
        "Russia will hold the vote in March, barring a major escalation.",
        "The Senate will pass the bill this week, barring a last-minute objection.",
    ],
)
def test_barring_as_a_preposition_restricts_no_one(extractor: Extractor, text: str) -> None:
    # "barring a major escalation": unless there is one. No act of the verb "bar" (COERCE restrict) is told.
    assert "COERCE" not in [t for t, _ in codes(extractor, text)]


@pytest.mark.parametrize(
    "text",
    ["The government is barring journalists from the region.", "Police cordoned off the square, barring protesters."],
)
def test_barring_someone_stays_a_restriction(extractor: Extractor, text: str) -> None:
    assert ("COERCE", "restrict") in codes(extractor, text)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Amnesty condemned the systematic impunity for security forces who kill protesters.", "kill"),
        ("The law protects journalists who criticize the government.", "criticize"),
        ("Militants who attack aid convoys will face justice, the general said.", "attack"),
    ],
)
def test_a_kind_of_people_told_by_what_they_do_is_no_event(extractor: Extractor, text: str, verb: str) -> None:
    # "security forces who kill protesters": a relative clause in the simple present tells what a kind of people do;
    # no killing nor criticism is reported.
    assert verb not in [e.trigger.text for e in run(extractor, text).events]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The officer who shot the teenager in March was charged on Monday.", "shot"),
        ("Police arrested the gunmen who attacked a bus in Kabul.", "attacked"),
    ],
)
def test_an_act_told_in_a_relative_clause_stays(extractor: Extractor, text: str, verb: str) -> None:
    assert verb in [e.trigger.text for e in run(extractor, text).events]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The president threatened to veto the bill.", None),
        ("The governor threatened to sue the federal government over the rule.", None),
        ("Russia threatened to reject the peace plan.", None),
        ("The rebels threatened to kill the hostages.", "violence"),
        ("The minister threatened to arrest the protest leaders.", "arrest"),
    ],
)
def test_a_threat_of_no_force_has_no_mode_of_violence(extractor: Extractor, text: str, mode: str | None) -> None:
    # The manual's THREATEN mode is "the content of the threat"; the conversion table's 130 "Threaten" and 131
    # "Threaten non-force" have none, its 137 and 138 (repression, military force) are "violence".
    assert codes(extractor, text) == [("THREATEN", mode)]


@pytest.mark.parametrize(
    "text",
    [
        "The driver struck a pedestrian on Main Street.",
        "A drunk driver hit a family of four on the highway.",
        "A motorist struck and killed two teenagers on Friday.",
    ],
)
def test_a_driver_hitting_someone_is_a_crash_not_an_assault(extractor: Extractor, text: str) -> None:
    # The manual's ASSAULT is "deliberate actions which can potentially result in substantial physical harm".
    assert "ASSAULT" not in [t for t, _ in codes(extractor, text)]


def test_a_driver_who_shoots_someone_assaults(extractor: Extractor) -> None:
    assert [t for t, _ in codes(extractor, "The driver shot a police officer in Dallas on Monday.")] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Teachers struck for a third day on Wednesday.", ("PROTEST", "strike")),
        ("The union threatened to strike if wages were not raised.", ("THREATEN", "restrict")),
        ("Workers struck a deal with the company on Friday.", ("AGREE", None)),
    ],
)
def test_workers_who_strike_abandon_work(extractor: Extractor, text: str, code: tuple[str, str | None]) -> None:
    # The manual's PROTEST strike: "members of an organization or union engage in the abandonment of work"; its
    # THREATEN restrict includes strikes.
    assert codes(extractor, text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Many Americans support a ban on assault weapons.",
        "Many Ukrainians blame Russia for the war.",
        "Some senators oppose the nomination of the judge.",
    ],
)
def test_what_a_share_of_a_group_holds_is_no_act(extractor: Extractor, text: str) -> None:
    # The simple present told of many, most or some of a group is what they think as a rule: no support expressed nor
    # accusation made on a day.
    assert codes(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    ["Several Republicans criticized the trade policy on Monday.", "Police arrest six in drug raid."],
)
def test_an_act_of_a_share_or_a_headline_in_the_present_stays(extractor: Extractor, text: str) -> None:
    assert codes(extractor, text) != []


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The UN demanded that Israel withdraw its troops from Gaza.", "Israel"),
        ("Protesters demanded that police free the detained activists.", "police"),
    ],
)
def test_a_demand_in_the_subjunctive_is_asked_of_its_subject(extractor: Extractor, text: str, asked: str) -> None:
    # The manual's REQUEST: "All requests, demands, and orders". What is demanded has not been done: no RETREAT.
    result = run(extractor, text)
    assert [e.type for e in result.events] == ["REQUEST"]
    request = result.events[0]
    assert party(result, request.target, request.target_words) == asked


@pytest.mark.parametrize(
    "text",
    [
        "The committee recommended that the government release the prisoners.",
        "The senator insisted that the president meet the Chinese leader.",
    ],
)
def test_an_act_proposed_in_the_subjunctive_is_not_done(extractor: Extractor, text: str) -> None:
    assert not {"RETREAT", "CONSULT"} & {t for t, _ in codes(extractor, text)}


def test_an_act_reported_in_a_that_clause_stays(extractor: Extractor) -> None:
    text = "The ministry said that the army withdrew its troops from the city on Monday."
    assert [t for t, _ in codes(extractor, text)] == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said Russia threatens the stability of the region.",
        "Officials said the dispute threatens the independence of the central bank.",
    ],
)
def test_threatening_a_quality_or_a_state_endangers_it(extractor: Extractor, text: str) -> None:
    # The manual's THREATEN: "All threats, coercive or forceful warnings with serious potential repercussions".
    assert codes(extractor, text) == []


@pytest.mark.parametrize(
    "text", ["Iran threatened Israel on Monday.", "China threatened sanctions against the senators."]
)
def test_threatening_someone_or_an_act_stays_a_threat(extractor: Extractor, text: str) -> None:
    assert [t for t, _ in codes(extractor, text)] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the government would likely approve the deal next month.",
        "The army will probably attack the town next week, officials said.",
        "Analysts said China will likely retaliate with tariffs.",
    ],
)
def test_a_forecast_is_no_promise_nor_threat(extractor: Extractor, text: str) -> None:
    # The manual's AGREE is a "commitment to cooperate" and its THREATEN a warning; "will likely" commits no one.
    assert codes(extractor, text) == []


def test_a_future_act_said_by_its_doer_stays_a_threat(extractor: Extractor) -> None:
    assert codes(extractor, "Iran said it would retaliate against any attack.") == [("THREATEN", "violence")]


@pytest.mark.parametrize(
    "text",
    [
        "Vindman told lawmakers it was his duty to report the call, as he deflected Republican attacks on his loyalty.",
        "The senator brushed off Democratic attacks on his record.",
    ],
)
def test_a_party_attack_on_an_issue_is_criticism(extractor: Extractor, text: str) -> None:
    # The manual's ACCUSE: "criticize, defame, denigrate responsible parties"; violence cannot reach a record.
    assert [t for t, _ in codes(extractor, text)] == ["ACCUSE"]


def test_the_one_whose_loyalty_is_attacked_is_the_target(extractor: Extractor) -> None:
    result = run(
        extractor, "Vindman said he was proud of his service, as he deflected Republican attacks on his loyalty."
    )
    accusation = only(result, "ACCUSE")
    assert party(result, accusation.target, accusation.target_words) == "Vindman"


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Militants attacked an army base near the border.", "army"),
        ("Gunmen attacked a police station in the city.", "police"),
    ],
)
def test_armed_men_striking_what_a_force_holds_strike_the_force(extractor: Extractor, text: str, force: str) -> None:
    # The manual's ASSAULT: "the perpetrator is coded as the actor and the victim as the recipient".
    result = run(extractor, text)
    assault = only(result, "ASSAULT")
    assert party(result, assault.target, assault.target_words) == force


def test_a_senator_attacking_a_military_budget_does_no_violence(extractor: Extractor) -> None:
    assert "ASSAULT" not in [t for t, _ in codes(extractor, "The senator attacked the military budget on Monday.")]
