"""Gaps of the event lexicon found on sentences outside dev, closed by class from the CAMEO dictionary and the
PLOVER manual; each sentence here is written for the test, in news style."""

from __future__ import annotations

from newsgraph.model import Article, Event
from newsgraph.pipeline import Extractor


def events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(Article(text=text)).events


def test_an_inquiry_into_killings_investigates_an_act_not_a_thing(extractor: Extractor) -> None:
    (found,) = [e for e in events(extractor, "Prosecutors are investigating the killings of three journalists.")]
    assert (found.type, found.mode) == ("ACCUSE", "investigate")
    (stabbing,) = events(extractor, "Police in Dunmore are investigating the stabbing.")
    assert (stabbing.type, stabbing.mode) == ("ACCUSE", "investigate")


def test_gerunds_of_sport_and_work_stay_no_event(extractor: Extractor) -> None:
    assert events(extractor, "The shooting of the film begins in May.") == []
    assert events(extractor, "He took up wrestling at school.") == []


def test_a_state_named_as_an_organisation_withdrawing_its_troops_retreats(extractor: Extractor) -> None:
    # The NER labels the unknown country an organisation; having troops of its own makes it a state or armed group.
    (found,) = events(extractor, "Estria withdrew its troops from the border region.")
    assert found.type == "RETREAT" and found.actor is not None


def test_recalling_ones_ambassador_sanctions_an_unnamed_host(extractor: Extractor) -> None:
    (found,) = events(extractor, "Estria recalled its ambassador on Tuesday.")
    assert (found.type, found.mode, found.target, found.target_words) == ("SANCTION", "withdraw", None, None)


def test_a_court_ordered_payment_sanctions_the_party_that_pays_though_unnamed(extractor: Extractor) -> None:
    (found,) = events(extractor, "A court in Dunmore ordered the company to pay damages.")
    assert found.type == "SANCTION" and found.target_words is not None


def test_a_firm_recalling_its_products_is_no_sanction(extractor: Extractor) -> None:
    assert events(extractor, "The company recalled 10,000 cars over faulty brakes.") == []


def test_paying_a_firm_for_its_work_is_a_purchase_not_cooperation(extractor: Extractor) -> None:
    assert events(extractor, "The ministry paid Saatchi and Saatchi for their work on the campaign.") == []
    (trade,) = events(extractor, "Moravia paid Estria for the gas.")
    assert trade.type == "COOPERATE"


def test_dispersing_a_crowd_restricts_it_and_with_tear_gas_is_crowd_control(extractor: Extractor) -> None:
    (crowd,) = events(extractor, "Police dispersed the crowd outside parliament on Monday.")
    assert (crowd.type, crowd.mode) == ("COERCE", "restrict")
    (gassed,) = events(extractor, "Police dispersed the protesters with tear gas.")
    assert (gassed.type, gassed.mode) == ("ASSAULT", "crowd-control")
    assert events(extractor, "The clouds dispersed by noon.") == []


def test_seizing_a_port_or_a_ship_is_coerce_seize(extractor: Extractor) -> None:
    for text in ("Rebels seized the port of Kismayo after heavy fighting.", "Pirates seized a cargo ship on Monday."):
        (found,) = events(extractor, text)
        assert (found.type, found.mode) == ("COERCE", "seize")


def test_troops_withdrawn_are_the_manuals_retreat_withdraw(extractor: Extractor) -> None:
    (found,) = events(extractor, "The army withdrew its troops from the border region on Friday.")
    assert (found.type, found.mode) == ("RETREAT", "withdraw")


def test_a_sanction_on_a_described_party_keeps_it_as_recipient(extractor: Extractor) -> None:
    (found,) = events(extractor, "The government cut ties with the rebels.")
    assert found.type == "SANCTION" and found.target_words is not None
    assert "rebels" in found.target_words.text
    (imposed,) = events(extractor, "The government imposed sanctions on the militia.")
    assert imposed.type == "SANCTION" and imposed.target_words is not None


def test_forces_massed_or_weapons_deployed_are_a_mobilization(extractor: Extractor) -> None:
    # The PLOVER manual's MOBILIZE: "All military or police moves that fall short of the actual use of force";
    # "Mobilizing weapons, ships, or vehicles should be coded as MOBILIZE `weapons'".
    massed = events(extractor, "Estria has massed thousands of troops near the border with Veldland.")
    assert [(e.type, e.mode, e.trigger.text) for e in massed] == [("MOBILIZE", "troops", "massed")]
    deployed = events(extractor, "The Estrian army deployed tanks to the capital on Sunday.")
    assert [(e.type, e.mode, e.trigger.text) for e in deployed] == [("MOBILIZE", "weapons", "deployed")]
    assert events(extractor, "Fans massed outside the stadium before the final.") == []


def test_the_noun_of_an_act_coded_by_its_object_takes_the_verbs_frames(extractor: Extractor) -> None:
    # "deploy TROOPS", "expel DIPLOMATS": their nouns do the act on what "of" names, and only then.
    (deployment,) = events(extractor, "Estria's deployment of troops to Veldland alarmed its neighbours.")
    assert (deployment.type, deployment.mode, deployment.trigger.text) == ("MOBILIZE", "troops", "deployment")
    assert deployment.target_words is None or deployment.target_words.text != "troops"
    (expulsion,) = events(extractor, "Britain's expulsion of two Estrian diplomats angered the Estrian government.")
    assert (expulsion.type, expulsion.mode) == ("SANCTION", "expel")
    assert events(extractor, "The deployment of the new payroll software was delayed again.") == []


def test_a_buildup_of_forces_is_a_mobilization_and_of_debt_none(extractor: Extractor) -> None:
    found = events(extractor, "Estria's troop buildup near the border alarmed its neighbours.")
    assert [(e.type, e.mode, e.trigger.text) for e in found] == [("MOBILIZE", "troops", "buildup")]
    assert events(extractor, "The buildup of household debt worried the central bank.") == []


def test_an_act_threatened_or_warned_of_is_the_threats_mode_not_an_act(extractor: Extractor) -> None:
    threat = events(extractor, "Russia threatened retaliation against Finland on Monday.")
    assert [(e.type, e.mode) for e in threat] == [("THREATEN", "violence")]
    nuclear = events(extractor, "Estria threatened Veldland with nuclear strikes.")
    assert [(e.type, e.mode) for e in nuclear] == [("THREATEN", "violence")]
    assert [e.type for e in events(extractor, "Estria warned of retaliation against Veldland.")] == []


def test_readying_force_mobilizes_and_readying_sanctions_threatens(extractor: Extractor) -> None:
    # The manual's MOBILIZE is "All military or police moves that fall short of the actual use of force".
    force = events(extractor, "The army is preparing to attack the rebels in Goma.")
    assert [e.type for e in force] == ["MOBILIZE"]
    sanctions = events(extractor, "The European Union is preparing to impose sanctions on Iran.")
    assert [(e.type, e.mode) for e in sanctions] == [("THREATEN", "relations")]
