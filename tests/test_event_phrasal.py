"""The CAMEO dictionary's multi-word verbs ("+CRACK_DOWN", "+CARRY_OUT") and the inflections it spells out reach
the event lexicon (issue #11): sentences of our own, one construct each."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.events.frames import Code, Frame
from newsgraph.pipeline.events.lexicon import lemma_in, lexicon
from newsgraph.pipeline.events.matching import _match


def events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(Article(text=text, published="2024-05-02")).events


@pytest.mark.parametrize(
    ("text", "kind", "mode", "trigger"),
    [
        # SUPPRESS [170]: "+CRACK_DOWN" with no code of its own takes its block's.
        ("Security forces cracked down on the demonstrators in the capital.", "COERCE", None, "cracked"),
        # COLLABORATE [050]: "+SIDE_WITH".
        ("The opposition sided with the government on the budget.", "SUPPORT", None, "sided"),
        # MOBILIZE [150]: "+CALL_UP", not "call" alone (a phone call).
        ("The ministry called up thousands of reservists.", "MOBILIZE", None, "called"),
        # DEPORT [174]: "+KICK_OUT", not "kick" alone (a blow).
        ("Police kicked out the foreign reporters.", "COERCE", "deport", "kicked"),
        # EXCLUDE [170]: "+CORDON_OFF".
        ("Police cordoned off the square after the blast.", "COERCE", None, "cordoned"),
    ],
)
def test_multi_word_verbs_take_their_block_code(
    extractor: Extractor, text: str, kind: str, mode: str | None, trigger: str
) -> None:
    found = [(e.type, e.mode, e.trigger.text) for e in events(extractor, text)]
    assert (kind, mode, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        # RETREAT [080] "+PULL_OUT" with "&MILITARY *" (0874, retreat militarily): the parser reads the "out" of
        # "out of" as a preposition with no object of its own.
        ("Russian troops pulled out of Kherson on Friday.", "RETREAT", "disarm"),
        # "+DROP_OUT" in CONCEDE [080]'s yielding.
        ("The opposition dropped out of the presidential race on Monday.", "CONCEDE", None),
    ],
)
def test_a_particle_before_a_second_preposition_is_the_verbs_particle(
    extractor: Extractor, text: str, kind: str, mode: str | None
) -> None:
    found = [(e.type, e.mode) for e in events(extractor, text)]
    assert (kind, mode) in found, found


def test_a_pattern_written_for_a_multi_word_verb_codes_it_with_its_act_on_the_target(extractor: Extractor) -> None:
    # "- * RAID [190] # CARRIED_OUT": the raid is the act, and what it falls on hangs from the noun.
    (event,) = events(extractor, "The militia carried out a raid on the police station in Bunia.")
    assert (event.type, event.trigger.text) == ("ASSAULT", "carried")
    assert event.actor_text == "militia"


@pytest.mark.parametrize(
    ("sentence", "index", "words", "lemma"),
    [
        ("The minister is extolling the plan.", 3, {"extol"}, "extol"),  # a doubled consonant
        ("The unit strove to hold the line.", 2, {"strive"}, "strive"),  # the dictionary's "STRIVE {STROVE}"
        ("The army readied its reserves.", 2, {"ready"}, "ready"),
    ],
)
def test_inflections_find_their_verb(
    extractor: Extractor, sentence: str, index: int, words: set[str], lemma: str
) -> None:
    token = extractor.nlp(sentence)[index]
    assert lemma_in(token, words) == lemma


def _meets(extractor: Extractor, sentence: str, index: int, frame: Frame) -> bool:
    lex = lexicon()
    return _match((frame,), extractor.nlp(sentence)[index], False, lex.recipients, lex.bodies) is not None


def test_a_pattern_preposition_hung_on_the_object_is_read(extractor: Extractor) -> None:
    # "- * DISTRIBUTION (OF AID)": the parser hangs "of aid" on "distribution", not on the verb.
    frame = Frame(Code("COOPERATE"), object=frozenset({"distribution"}), prep=frozenset({"of aid"}))
    assert _meets(extractor, "Officials will monitor the distribution of aid.", 2, frame)
    # A frame of a bare preposition names no object: it is the verb's own ("broke with the party").
    assert not _meets(
        extractor, "Officials will monitor the distribution of aid.", 2, Frame(Code("X"), prep=frozenset({"of"}))
    )


def test_a_pattern_preposition_with_a_noun_phrase_is_read_whole(extractor: Extractor) -> None:
    # "(TO {PEACE PLAN})": every word of the phrase, in its order.
    frame = Frame(Code("AGREE"), prep=frozenset({"to peace plan"}))
    assert _meets(extractor, "The rebels agreed to the peace plan.", 2, frame)


def test_lifting_a_curfew_is_a_concession(extractor: Extractor) -> None:
    # The PLOVER manual's CONCEDE: "easing of administrative or legal restrictions ..., removing curfews".
    found = [(e.type, e.trigger.text) for e in events(extractor, "The minister lifted the curfew in the capital.")]
    assert found == [("CONCEDE", "lifted")]


def test_a_person_with_no_command_of_forces_mobilises_none(extractor: Extractor) -> None:
    # The manual's MOBILIZE: "All military or police moves": "+CALL_UP" said of a friend is a phone call.
    assert [e.type for e in events(extractor, "The actress Lena Varga called up her old friends.")] == []
    assert [e.type for e in events(extractor, "The president called up 300,000 reservists.")] == ["MOBILIZE"]
