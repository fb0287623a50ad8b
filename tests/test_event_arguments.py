"""Who acts and who is acted on, where news text hides it: datelines and credits that are no one, a place whose
people protest or fight, the pair "the two sides" stand for, a thing acted on whose recipient follows a
preposition, a description pointing back to a person named before, negated and standing acts. Sentences of our
own, one construct each."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor
from newsgraph.pipeline.datelines import credit


@pytest.mark.parametrize(
    "text",
    [
        "KAMPALA (Nile Wire)A protester attacked a police officer on Monday.",
        "KAMPALA (Nile Wire) - A protester attacked a police officer on Monday.",
    ],
)
def test_an_agency_credit_is_no_actor(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.actor, event.actor_words) == "protester"


@pytest.mark.parametrize(
    ("text", "word", "is_credit"),
    [
        # A dateline the sentence splitter cuts off as a sentence of its own, before its dash.
        ("Guards charged\n\nKAMPALA\n\n\u2013 Two guards were charged on Tuesday.", "KAMPALA", True),
        ("KAMPALA (Nile Wire)A protester attacked a police officer.", "Nile", True),
        ("By Miriam Achieng\nThe army shelled rebel positions on Monday.", "Achieng", True),
        ("Reporting by Miriam Achieng; Editing by Peter Kamau", "Kamau", True),
        ("By Monday, Miriam Achieng had accused the army of shelling the town.", "Achieng", False),
        ("KAMPALA police arrested two men on Monday.", "KAMPALA", False),
        # A hyphen joining two names opens no dateline: both are parties to the talks.
        ("UK-Kenya trade talks resumed in Nairobi on Monday.", "UK", False),
        ("NAIROBI - Kenyan officials resumed trade talks on Monday.", "NAIROBI", True),
    ],
)
def test_datelines_and_credits_are_told_apart_from_the_story(
    extractor: Extractor, text: str, word: str, is_credit: bool
) -> None:
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == word)
    assert credit(token) is is_credit


@pytest.mark.parametrize(
    "text",
    [
        "Kampala's street battles have unsettled the government.",
        "Kampala's street battles killed three people on Sunday.",
    ],
)
def test_a_place_does_not_fight_its_peoples_battles(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert all(party(extraction, e.actor, e.actor_words) != "Kampala" for e in extraction.events)


def test_a_places_protest_is_its_protesters(extractor: Extractor) -> None:
    extraction = run(extractor, "The Kampala protests have agitated the protesters.")
    event = only(extraction, "PROTEST")
    assert party(extraction, event.actor, event.actor_words) == "protesters"


def test_a_states_attack_that_kills_is_that_states(extractor: Extractor) -> None:
    extraction = run(extractor, "Uganda's attack on Goma killed 12 people on Monday.")
    assert any(party(extraction, e.actor, e.actor_words) == "Uganda" for e in extraction.events)


def test_the_two_sides_are_the_pair_named_before(extractor: Extractor) -> None:
    text = "Kenya and Tanzania signed a border accord in March. The two sides continue to negotiate."
    extraction = run(extractor, text)
    event = only(extraction, "CONSULT")
    assert {party(extraction, event.actor, None), party(extraction, event.target, None)} == {"Kenya", "Tanzania"}


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Tanzania closed its borders with Kenya on Sunday.", "COERCE", "Kenya"),
        ("Germany declined to send arms to Ukraine.", "REJECT", "Ukraine"),
    ],
)
def test_a_thing_acted_on_leaves_the_target_to_its_preposition(
    extractor: Extractor, text: str, kind: str, target: str
) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.target, event.target_words) == target


def test_what_is_killed_in_a_place_is_not_the_place(extractor: Extractor) -> None:
    extraction = run(extractor, "A farmer killed a stray dog in Tanzania last week.")
    assert all(extraction.entity(e.target) is None or e.target != e.location for e in extraction.events)
    assert all(party(extraction, e.target, e.target_words) != "Tanzania" for e in extraction.events)


def test_a_strike_on_targets_in_a_place_still_strikes_the_place(extractor: Extractor) -> None:
    extraction = run(extractor, "Ugandan jets struck 40 targets in Goma on Monday.")
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.target, event.target_words) == "Goma"


def test_the_man_is_the_man_named_before(extractor: Extractor) -> None:
    text = "Daniel Okoth, 41, was stopped near the station on Monday. Officers shot the man after he drew a knife."
    extraction = run(extractor, text)
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.target, event.target_words) == "Daniel Okoth"


def test_the_man_with_a_clause_of_his_own_is_someone_new(extractor: Extractor) -> None:
    text = "Senator Okello Mutebi spoke on Monday. Gunmen abducted the man who guarded his house."
    extraction = run(extractor, text)
    event = only(extraction, "ASSAULT")
    assert event.target is None


def test_the_demonstrators_a_clause_says_were_killed_by_police_are_not_the_police(extractor: Extractor) -> None:
    text = (
        "\u2018He died in my arms\u2019: 3 opposition demonstrators killed in clashes with Uganda\u2019s police near "
        "a fuel depot\nThe army said nothing."
    )
    extraction = run(extractor, text)
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.target, event.target_words) == "3 opposition demonstrators"


def test_they_after_two_people_named_together_are_those_people(extractor: Extractor) -> None:
    text = (
        "The post drew two senators: Senator Amina Odhiambo and Senator Peter Kamau. "
        "They criticised Grace Wanjiru's company."
    )
    extraction = run(extractor, text)
    events = [e for e in extraction.events if e.type == "ACCUSE"]
    # (Each of them criticised: one event for each, as for "Odhiambo and Kamau criticised".)
    assert [party(extraction, e.actor, e.actor_words) for e in events] == ["Amina Odhiambo", "Peter Kamau"]


@pytest.mark.parametrize(
    "text",
    [
        "The teachers told lawmakers they weren\u2019t \u201cattacking the government.\u201d",
        "The army neither attacked nor shelled the town of Goma.",
    ],
)
def test_a_denial_the_parser_loses_still_negates(keeping: Extractor, text: str) -> None:
    extraction = run(keeping, text)
    assert extraction.events
    assert all(e.negated for e in extraction.events)


@pytest.mark.parametrize(
    "text",
    [
        "Convicted felons are barred from possessing firearms in Kenya.",
        "Mutebi, who was barred from owning guns, spoke to reporters.",
    ],
)
def test_a_standing_legal_status_is_no_event(extractor: Extractor, text: str) -> None:
    assert not run(extractor, text).events


def test_a_bar_with_a_date_is_an_act(extractor: Extractor) -> None:
    extraction = run(extractor, "The court barred Mutebi from entering Kenya on Monday.")
    assert only(extraction, "COERCE").negated is False


def test_a_place_that_struggles_is_its_people(extractor: Extractor) -> None:
    extraction = run(extractor, "Nor does the president see Kampala struggle through a simple lens.")
    assert all(party(extraction, e.actor, e.actor_words) != "Kampala" for e in extraction.events)


def test_a_place_that_blocks_a_crossing_is_its_government(extractor: Extractor) -> None:
    extraction = run(extractor, "Tanzania closed its borders with Kenya and blocked the Namanga crossing point.")
    assert sum(party(extraction, e.actor, e.actor_words) == "Tanzania" for e in extraction.events) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Settlers said the ruling paved the way for the annexation of Kenyan villages by Uganda.",
        "Kenya warned of the risk of an invasion of Tanzania by Uganda.",
    ],
)
def test_what_is_aimed_at_or_asked_for_has_not_happened(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert all(e.type not in ("COERCE", "ASSAULT") for e in extraction.events)


@pytest.mark.parametrize("name", ["Kibera", "Sondland"])
def test_he_after_a_speaker_ner_took_for_a_place_or_a_body_is_that_speaker(extractor: Extractor, name: str) -> None:
    text = (
        f"President Ruto denied knowing his envoy. But {name} has said he has spoken several times with the president."
    )
    extraction = run(extractor, text)
    assert all(party(extraction, e.actor, e.actor_words) != "President Ruto" for e in extraction.events)


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Kenya condemned the sanctions and the United States.", "ACCUSE", "United States"),
        ("The minister criticised the ruling and the judges who made it.", "ACCUSE", "judges"),
    ],
)
def test_a_target_joined_to_a_thing_acted_on(extractor: Extractor, text: str, kind: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.target, event.target_words) == target


def test_a_participle_before_whom_a_speaker_told_describes_them(extractor: Extractor) -> None:
    text = "The minister told visiting Ugandan officials that they would need to deliver."
    extraction = run(extractor, text)
    assert all(e.mode != "visit" for e in extraction.events)


def test_both_sides_of_a_battle_a_light_verb_takes(extractor: Extractor) -> None:
    extraction = run(extractor, "Rebels and soldiers engaged in a fierce battle near Goma.")
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.target, event.target_words) == "soldiers"


@pytest.mark.parametrize(
    "text", ["As many as 200 have been killed, reports suggest.", "Three were arrested in Goma on Monday."]
)
def test_an_act_with_no_one_named_on_either_side_is_no_event(extractor: Extractor, text: str) -> None:
    assert not run(extractor, text).events


def test_a_victim_named_by_a_noun_keeps_an_act_with_no_doer(extractor: Extractor) -> None:
    extraction = run(extractor, "At least 12 people were killed in Goma on Monday.")
    assert only(extraction, "ASSAULT").target_words is not None


def test_she_is_no_man_named_before(extractor: Extractor) -> None:
    text = "Michael Otieno was convicted on Thursday. Officers found and rescued her from a hotel room in Nairobi."
    extraction = run(extractor, text)
    rescues = [e for e in extraction.events if e.trigger.text == "rescued"]
    assert all(party(extraction, e.target, e.target_words) != "Michael Otieno" for e in rescues)


def test_where_people_are_at_any_depth_is_not_whom_an_act_is_aimed_at(extractor: Extractor) -> None:
    text = "The minister said Kenya supports voluntary movements of displaced persons within Uganda."
    extraction = run(extractor, text)
    event = only(extraction, "SUPPORT")
    assert party(extraction, event.target, None) != "Uganda"


def test_the_ground_of_a_charge_is_no_act_of_whoever_brought_it(extractor: Extractor) -> None:
    text = (
        "President William Ruto has claimed victory as the opposition-controlled National Assembly concluded its third "
        "public hearing on the impeachment proceedings against him for allegedly abusing his office for political gain."
    )
    extraction = run(extractor, text)
    assert all(e.trigger.text != "abusing" for e in extraction.events)


def test_a_demand_that_something_not_be_done_is_a_demand_made(extractor: Extractor) -> None:
    extraction = run(extractor, "The minister said Uganda must not close the border.")
    assert only(extraction, "REQUEST").negated is False


def test_an_ultimatum_is_aimed_at_the_subject_of_its_for_clause(extractor: Extractor) -> None:
    extraction = run(extractor, "Kenya set a deadline for Uganda to withdraw its troops.")
    event = only(extraction, "THREATEN")
    assert party(extraction, event.target, event.target_words) == "Uganda"


def test_a_present_passive_of_someone_particular_is_an_act(extractor: Extractor) -> None:
    extraction = run(extractor, "The journalist Daniel Okoth is detained at the central police station.")
    assert only(extraction, "COERCE").target is not None
