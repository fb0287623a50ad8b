"""Whose clause a verb is in: a relative clause on what the subject is said to be ("the mayor is a crook who was
indicted") tells of the subject; a plain present verb joined to a clause in another tense ("say that Moscow has
armed the rebels and urge") is not that clause's subject's act. Sentences of our own."""

from __future__ import annotations

from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


def test_a_relative_clause_on_a_predicate_tells_of_the_subject(extractor: Extractor) -> None:
    extraction = run(extractor, "The opposition says the mayor is a crook who was indicted by federal prosecutors.")
    event = only(extraction, "ACCUSE")
    assert party(extraction, event.target, event.target_words) == "mayor"
    extraction = run(extractor, "Karim Haddad is the activist who was arrested by police on Friday.")
    event = only(extraction, "COERCE")
    assert party(extraction, event.target, event.target_words) == "Karim Haddad"


def test_a_present_verb_joined_to_a_perfect_one_belongs_to_the_clause_above(extractor: Extractor) -> None:
    extraction = run(
        extractor, "Western diplomats say that Moscow has armed the rebels and urge the United Nations to act."
    )
    event = only(extraction, "REQUEST")
    assert party(extraction, event.actor, event.actor_words) == "Western diplomats"
    assert party(extraction, event.target, event.target_words) == "United Nations"


def test_verbs_sharing_a_modal_or_a_tense_share_the_subject(extractor: Extractor) -> None:
    extraction = run(extractor, "Officials say that Beijing will arrest the activists and hold them without trial.")
    assert [party(extraction, e.actor, e.actor_words) for e in extraction.events] == ["Beijing"]


def test_she_is_the_owner_of_the_subject_before_and_him_is_not_she(extractor: Extractor) -> None:
    """ "Taylor Brandt's lawyers were questioned by Senator Castellanos. Later she accused him": the one whose
    lawyers are the subject is who "she" takes up, and "him" is the other one."""
    text = (
        "Taylor Brandt's lawyers were questioned by Senator Kip Castellanos on Monday. "
        "Later she accused him of bullying."
    )
    extraction = run(extractor, text)
    event = only(extraction, "ACCUSE")
    assert party(extraction, event.actor, event.actor_words) == "Taylor Brandt"
    assert party(extraction, event.target, event.target_words) == "Kip Castellanos"
