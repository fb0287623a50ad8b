"""Speakers: our rule-based coreference from the speaker's mention to an entity of the article."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Extraction, Speaker
from newsgraph.pipeline import Extractor, load_model
from newsgraph.settings import Settings


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """spaCy with the components quotes depend on (entities) and the two under test, nothing after them."""
    nlp = load_model(Settings().model)
    for name in ("newsgraph_entities", "newsgraph_quotes", "newsgraph_speakers"):
        nlp.add_pipe(name)
    return Extractor(nlp=nlp)


def speakers(extractor: Extractor, text: str) -> tuple[Extraction, list[Speaker | None]]:
    """The speakers of the quotes of a small article."""
    result = extractor.extract(Article(text=text))
    return result, [q.speaker for q in result.quotes]


def test_pronoun_goes_to_the_person_of_its_gender(extractor: Extractor) -> None:
    text = (
        "John Carter met Linda Park on Tuesday to sign the harbour contract.\n\n"
        "“The deal is done and we are happy,” she said."
    )
    result, (speaker,) = speakers(extractor, text)
    assert speaker is not None and (speaker.text, speaker.name) == ("she", "Linda Park")
    entity = result.entity(speaker.entity)
    assert entity is not None and "she" in [m.text for m in entity.mentions]


def test_he_skips_a_woman_named_after_him(extractor: Extractor) -> None:
    text = (
        "Senator Paul Grant spoke after Karen Holt asked him about the vote.\n\n"
        "“I have not made up my mind on the bill,” he said."
    )
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Paul Grant"


def test_surname_resolves_to_the_full_name(extractor: Extractor) -> None:
    text = "Police chief Daniel Reyes spoke to reporters on Monday.\n\n“We have arrested two suspects,” Reyes said."
    _, (speaker,) = speakers(extractor, text)
    assert speaker is not None and (speaker.text, speaker.name) == ("Reyes", "Daniel Reyes")


def test_description_resolves_to_the_entity_it_described(extractor: Extractor) -> None:
    text = (
        "Talks stalled after the militant group Hezbollah left the meeting.\n\n"
        "“We will not sign,” the militant group said."
    )
    result, (speaker,) = speakers(extractor, text)
    assert speaker is not None and speaker.name == "Hezbollah"
    entity = result.entity(speaker.entity)
    assert entity is not None and "the militant group" in [m.text for m in entity.mentions]


def test_group_ner_missed_becomes_an_organisation(extractor: Extractor) -> None:
    result, (speaker,) = speakers(extractor, "The Norwegian navy said it had rescued 40 sailors from the ferry.")
    assert speaker is not None and speaker.name == "Norwegian navy"
    entity = result.entity(speaker.entity)
    assert entity is not None and entity.type == "ORG"


def test_nobody_named_means_no_speaker(extractor: Extractor) -> None:
    _, found = speakers(extractor, "It was reported that the bridge would close for a month of repairs.")
    assert all(s is None for s in found)
    text = "“Nobody told us the water was unsafe to drink for a week.”\n\nThe town has asked for help."
    _, (speaker,) = speakers(extractor, text)
    assert speaker is None


def test_unnamed_source_keeps_its_own_words(extractor: Extractor) -> None:
    _, (speaker,) = speakers(extractor, "“The talks collapsed before midnight,” a senior official said.")
    assert speaker is not None and speaker.entity is None and speaker.name == "a senior official"
