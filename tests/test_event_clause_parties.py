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
