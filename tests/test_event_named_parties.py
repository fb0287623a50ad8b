"""Actors and targets the sentence names in an event noun's own words, a participle, a preposition's complement, or a
person the dictionaries do not list who acts on a state's officer. Sentences of our own, one construct each."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target"),
    [
        # A person with no title whom the Phoenix dictionary (older than their office) does not list, meeting or
        # criticising someone it codes as a state's officer (Putin RUSGOV).
        ("Emmanuel Macron met Vladimir Putin in Moscow on Monday.", "CONSULT", "Emmanuel Macron", "Vladimir Putin"),
        ("Macron met Putin in Moscow on Friday.", "CONSULT", "Macron", "Putin"),
        # An event noun subject is the act of whom its "by" names.
        ("The airstrikes by Israel killed 20 people in Gaza.", "ASSAULT", "Israel", "20 people"),
        ("An attack by Hamas killed three soldiers near the border.", "ASSAULT", "Hamas", "three soldiers"),
        # A participle on the event noun it does, with the one it falls on.
        ("Sanctions imposed by the EU on Russia have cut its oil revenue.", "SANCTION", "EU", "Russia"),
        ("The sanctions imposed on Iran by Washington remain in place.", "SANCTION", "Washington", "Iran"),
        # Whom a request is aimed at, named in the complement of what is asked for.
        ("Poland called for an apology from Germany.", "REQUEST", "Poland", "Germany"),
        ("The opposition is calling for an explanation from the government.", "REQUEST", "opposition", "government"),
        # Talks carried on by a verb: the sides the noun names.
        (
            "Officials arrived in Geneva on Monday. The US-China trade talks resumed there on Tuesday.",
            "CONSULT",
            "US",
            "China",
        ),
        ("Talks between Israel and Hamas resumed in Cairo.", "CONSULT", "Israel", "Hamas"),
        ("Delegates attended the US-Canada talks in Ottawa.", "CONSULT", "US", "Canada"),
        # A named modifier of the event noun is the other party when the actor is named otherwise.
        ("Britain opened its India trade talks in Delhi on Monday.", "CONSULT", "Britain", "India"),
        ("Washington's Cuba trade talks resumed on Monday.", "CONSULT", "Washington", "Cuba"),
        # A demand or an accusation in a participle's clause is made to the one the speech verb names as told.
        (
            "Senator Maria Lopez told Minister Tom Brandt, repeatedly calling for an explanation of the escape.",
            "REQUEST",
            "Maria Lopez",
            "Tom Brandt",
        ),
        (
            "The minister told Parliament on Tuesday, accusing the opposition of lying.",
            "ACCUSE",
            "minister",
            "opposition",
        ),
        # An offer told by a participle is made to the one who takes it up or turns it down.
        ("Ukraine accepted the aid offered by Germany on Monday.", "AGREE", "Germany", "Ukraine"),
        ("Zambia turned to Kenya and rejected the loan offered by China.", "AGREE", "China", "Zambia"),
        # The PLOVER manual's AID: "Hostage rescues ... should be coded as AID", the people rescued its recipient.
        ("Pakistani troops rescued 10 hostages near the border.", "AID", "Pakistani troops", "10 hostages"),
        ("The army rescued the stranded villagers after the flood.", "AID", "army", "stranded villagers"),
        # A rescue operation is the AID its modifier names; whom it is for, the object of its purpose.
        ("Special forces launched a rescue operation to free the hostages.", "AID", "Special forces", "hostages"),
    ],
)
def test_parties_named_in_the_sentence(extractor: Extractor, text: str, kind: str, actor: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.actor, event.actor_words) == actor
    assert party(extraction, event.target, event.target_words) == target


@pytest.mark.parametrize(
    "text",
    [
        "Mary Jones met her sister in Paris on Monday.",
        "Mary Jones thanked the police for their help.",
        "John Smith accused his neighbour of theft.",
        "The government sent aid on Monday.",
        "This week, Mary Jones launched a tour of early-voting states, visiting Nevada and Iowa.",
    ],
)
def test_a_private_persons_act_stays_out(extractor: Extractor, text: str) -> None:
    """A person the dictionaries do not list, with no title, acting on no state's officer: no PLOVER event."""
    assert run(extractor, text).events == []


def test_a_firms_cuts_on_its_own_papers_name_no_party(extractor: Extractor) -> None:
    """ "imposed cuts on its local newspapers": the actor's own are no party an act is aimed at."""
    assert run(extractor, "Keller Media Inc. imposed sharp cuts on its local newspapers.").events == []


def test_a_rescue_of_no_one_named_is_no_event(extractor: Extractor) -> None:
    """A rescue operation names no one rescued: no AID (the manual requires its recipient), and no military
    operation, which the frame's bare object would make it."""
    assert run(extractor, "Israeli forces carried out a rescue operation in Gaza.").events == []
