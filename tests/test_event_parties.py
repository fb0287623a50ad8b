"""Actors and targets of events: both sides of a two-sided act, doers named by "by" or described before a
pronoun, whom an accusation told by its content is aimed at. Sentences of our own, one construct each."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target"),
    [
        # The PLOVER manual, "Compound and Reciprocal Actors": a meeting's parties are all actors; with one actor
        # and one recipient, the sides named together are Side A and Side B.
        ("Kenya and Uganda held talks in Nairobi on Tuesday.", "CONSULT", "Kenya", "Uganda"),
        ("Envoys from Chile and Peru met in Lima on Friday.", "CONSULT", "Chile", "Peru"),
        ("Clashes between rebels and soldiers broke out near the border.", "ASSAULT", "rebels", "soldiers"),
    ],
)
def test_both_sides_of_a_two_sided_act(extractor: Extractor, text: str, kind: str, actor: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.actor, event.actor_words) == actor
    assert party(extraction, event.target, event.target_words) == target


def test_a_joined_subject_of_a_one_sided_act_is_no_target(extractor: Extractor) -> None:
    """ "Russia and Syria launched airstrikes": both struck; neither is struck by the other."""
    extraction = run(extractor, "Russia and Syria bombed the rebel town of Idlib.")
    events = [e for e in extraction.events if e.type == "ASSAULT"]
    assert [party(extraction, e.actor, e.actor_words) for e in events] == ["Russia", "Syria"]
    assert all(party(extraction, e.target, e.target_words) not in ("Russia", "Syria") for e in events)


def test_a_noun_aimed_at_is_aimed_at_its_doer(extractor: Extractor) -> None:
    extraction = run(extractor, "The European Union condemned the decision announced by Belarus.")
    event = only(extraction, "ACCUSE")
    assert party(extraction, event.target, event.target_words) == "Belarus"


def test_an_allegation_is_aimed_at_the_subject_of_its_content(extractor: Extractor) -> None:
    extraction = run(extractor, "Prosecutors alleged that Jonas Berg had bribed the mayor.")
    event = only(extraction, "ACCUSE")
    assert party(extraction, event.target, event.target_words) == "Jonas Berg"


def test_a_pronoun_for_a_described_person_is_named_by_the_description(extractor: Extractor) -> None:
    extraction = run(extractor, "The gunman fled across the square. He was arrested an hour later by police.")
    event = only(extraction, "COERCE")
    assert party(extraction, event.actor, event.actor_words).lower() == "police"
    assert event.target_words is not None and event.target_words.text == "gunman"


def test_what_is_used_is_the_means_and_whom_it_is_used_on_the_target(extractor: Extractor) -> None:
    extraction = run(extractor, "Students blocked the main gate. Riot police used tear gas against them.")
    event = next(e for e in extraction.events if e.trigger.text == "used")
    assert event.target_words is not None and event.target_words.text == "Students"


def test_a_noun_with_an_agent_suffix_is_not_a_person(extractor: Extractor) -> None:
    """ "closed its borders": a border is no one, though its word ends like "worker"."""
    extraction = run(extractor, "Jordan closed its borders with Syria last year.")
    for event in extraction.events:
        assert event.target_words is None or "border" not in event.target_words.text


def test_harm_in_fighting_with_someone_is_theirs(extractor: Extractor) -> None:
    """ "killed in clashes with police": with no agent, the other side of the fighting did it."""
    extraction = run(extractor, "Two miners were killed in clashes with soldiers near the mine.")
    event = next(e for e in extraction.events if e.trigger.text == "killed")
    assert party(extraction, event.actor, event.actor_words) == "soldiers"


def test_protesters_in_a_city_are_its_people_not_its_government(extractor: Extractor) -> None:
    extraction = run(extractor, "Students in Tehran protested against the tuition fees on Monday.")
    event = only(extraction, "PROTEST")
    assert party(extraction, event.actor, event.actor_words) == "Students"


def test_a_request_is_aimed_at_whom_the_thing_is_asked_from(extractor: Extractor) -> None:
    extraction = run(extractor, "The city council requested emergency funds from the national government.")
    event = only(extraction, "REQUEST")
    assert event.target_words is not None and event.target_words.text == "national government"


def test_a_target_after_a_dative_preposition_is_named_by_its_object(extractor: Extractor) -> None:
    # The parser marks "to" as the dative of "sent": the words naming the target are "Belarus", not "to".
    extraction = run(extractor, "Russia sent troops to Belarus on Monday.")
    event = only(extraction, "MOBILIZE")
    assert event.target_words is not None and event.target_words.text == "Belarus"


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        # English "fight" is two-sided like "clash": "X and Y fought" is a fight between them, not one aimed at
        # the city it happened in.
        (
            "Sudanese army troops and the Rapid Support Forces fought in Omdurman overnight.",
            "Sudanese army troops",
            "Rapid Support Forces",
        ),
        # The parser hangs the sides of "clashes erupted between" on the verb; they are the clashes' sides.
        ("Clashes erupted on Friday between riot police and students.", "riot police", "students"),
        ("Heavy fighting broke out between soldiers and Tuareg rebels on Sunday.", "soldiers", "Tuareg rebels"),
        # A gerund subject names its act as a noun does; a verb of outbreak coded itself takes the fight's sides.
        ("Fighting between Armenia and Azerbaijan resumed on Tuesday.", "Armenia", "Azerbaijan"),
        ("Fighting erupted between Hamas and Fatah in Gaza City.", "Hamas", "Fatah"),
    ],
)
def test_both_sides_of_a_fight(extractor: Extractor, text: str, actor: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.actor, event.actor_words) == actor
    assert party(extraction, event.target, event.target_words) == target


@pytest.mark.parametrize(
    ("text", "mode", "target"),
    [
        ("Belarus warned it would cut gas supplies to Lithuania.", "relations", "Lithuania"),
        (
            "Ankara warned that it would launch an offensive against Kurdish militias in Syria.",
            "violence",
            "Kurdish militias",
        ),
    ],
)
def test_a_warning_is_aimed_at_whom_the_warned_act_falls_on(
    extractor: Extractor, text: str, mode: str, target: str
) -> None:
    extraction = run(extractor, text)
    event = only(extraction, "THREATEN")
    assert event.mode == mode
    assert party(extraction, event.target, event.target_words) == target


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # The manual's THREATEN modes are the threat's content: "restrict" covers "boycotts, strikes,
        # blockades"; "arrest" is "Arrest, detain, imprison".
        ("Farmers threatened to block the motorways into Madrid.", "restrict"),
        ("The junta threatened to arrest the opposition leader Ousmane Sonko.", "arrest"),
        # The conversion table: "Threaten to impose curfew" (1323) is restrict, "Threaten with political dissent,
        # protest" (133) relations.
        ("The army threatened to impose a curfew on the capital.", "restrict"),
        ("Protesters threatened to march on the parliament in Nairobi.", "relations"),
    ],
)
def test_a_threat_is_typed_by_what_it_threatens(extractor: Extractor, text: str, mode: str) -> None:
    assert only(run(extractor, text), "THREATEN").mode == mode


def test_a_support_verb_on_a_persons_detention_targets_that_person(extractor: Extractor) -> None:
    extraction = run(extractor, "A Moscow court on Tuesday extended the journalist's detention by three months.")
    event = only(extraction, "COERCE")
    assert party(extraction, event.target, event.target_words) == "journalist"


def test_shot_dead_is_an_assault(extractor: Extractor) -> None:
    extraction = run(extractor, "Police shot the gunman dead on Monday.")
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.actor, event.actor_words) == "Police"
    assert party(extraction, event.target, event.target_words) == "gunman"


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target"),
    [
        # The manual's REQUEST is "All requests, demands, and orders": a request sent or made is one, aimed at
        # the body it goes to, even when the parser hangs that body on the verb.
        (
            "The Kenyan president sent a request to the National Assembly for flood relief funds.",
            "REQUEST",
            "Kenyan president",
            "National Assembly",
        ),
        ("Pakistan made a request to the IMF for a new bailout.", "REQUEST", "Pakistan", "IMF"),
        # "All rejections and refusals": turning down or brushing aside what another put forward rejects it, and
        # the one who put it forward is the target.
        ("Caracas turned down an offer of aid from the United States.", "REJECT", "Caracas", "United States"),
        ("The minister brushed aside criticism from Austria over the border checks.", "REJECT", "minister", "Austria"),
        # AGREE: "Agree to, offer, promise ...": accepting an offer agrees to it.
        ("Poland accepted an offer of howitzers from South Korea.", "AGREE", "Poland", "South Korea"),
    ],
)
def test_a_requests_or_an_offers_party_from_its_phrase(
    extractor: Extractor, text: str, kind: str, actor: str, target: str
) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.actor, event.actor_words) == actor
    assert party(extraction, event.target, event.target_words) == target


def test_a_bare_request_made_is_still_no_event(extractor: Extractor) -> None:
    """ "as she made her request": a verbal act's noun aimed at no one and about nothing tells no request."""
    assert not [
        e
        for e in run(extractor, "The mayor waited in the lobby as she made her request.").events
        if e.type == "REQUEST"
    ]


def test_the_suspect_is_the_person_named_not_the_one_who_said_so(extractor: Extractor) -> None:
    """ "The suspect" points back to the person named as such, not to the minister whose words named him."""
    extraction = run(
        extractor,
        "Interior Minister Paul Marchand said police had identified Karim Benali as the attacker. "
        "The suspect was detained in Marseille on Sunday.",
    )
    event = only(extraction, "COERCE")
    assert party(extraction, event.target, event.target_words) == "Karim Benali"


def test_a_persons_possessive_before_a_noun_for_a_person_names_someone_else(extractor: Extractor) -> None:
    """ "Tomas Varga's attacker" is not Tomas Varga."""
    extraction = run(extractor, "Police in Manhattan arrested Tomas Varga's attacker on Friday.")
    event = only(extraction, "COERCE")
    assert party(extraction, event.target, event.target_words) == "Tomas Varga's attacker"


def test_an_act_on_a_thing_between_two_parties_is_aimed_at_them(extractor: Extractor) -> None:
    """ "brokered a truce between Israel and Hamas": the mediator acts on the two sides the thing is between."""
    extraction = run(extractor, "Qatar brokered a truce between Israel and Hamas on Friday.")
    event = only(extraction, "CONSULT")
    assert party(extraction, event.actor, event.actor_words) == "Qatar"
    assert party(extraction, event.target, event.target_words) == "Israel"


def test_a_modifier_saying_whose_forces_does_not_code_the_act(extractor: Extractor) -> None:
    """ "fought government troops": "government" says whose troops, it does not make the fight a criticism of a
    government (a pattern of the dictionary's FIGHT block met only in the object's modifier)."""
    extraction = run(extractor, "Tuareg rebels fought government troops near Kidal on Sunday.")
    event = only(extraction, "ASSAULT")
    assert party(extraction, event.target, event.target_words) == "government troops"


def test_a_persons_offer_is_still_theirs(extractor: Extractor) -> None:
    """ "Maria Lopez's offer": an "-er" noun that names no doer ("offer", "border") is the person's own thing."""
    extraction = run(extractor, "Prosecutors rejected Maria Lopez's offer of a plea deal.")
    event = only(extraction, "REJECT")
    assert party(extraction, event.target, event.target_words) == "Maria Lopez"
