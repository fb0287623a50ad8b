"""Act nouns by English derivation beyond -ion, -al and -ment ("detain" -> "detention", "threaten" -> "threat",
"apologize" -> "apology"): a support verb does the act its noun names, on whom the noun names (issue #11)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Extraction
from newsgraph.pipeline import Extractor


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(text=text, published="2024-05-02"))


def target_of(extraction: Extraction, kind: str) -> str | None:
    (event,) = [e for e in extraction.events if e.type == kind]
    entity = extraction.entity(event.target)
    return entity.name if entity is not None else event.target_text


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("The junta renewed its threats against the protesters.", "THREATEN", "protesters"),
        ("The army issued a threat against the rebels.", "THREATEN", "rebels"),
        ("Police extended the detention of the two journalists.", "COERCE", "two journalists"),
    ],
)
def test_a_support_verb_does_the_act_of_a_derived_noun(extractor: Extractor, text: str, kind: str, target: str) -> None:
    assert target_of(extract(extractor, text), kind) == target


def test_an_apology_is_a_concession(extractor: Extractor) -> None:
    # The PLOVER manual, CONCEDE: "Expressions of regret or remorse for an action or situation".
    extraction = extract(extractor, "The transport minister apologized for the delays.")
    assert [(e.type, e.trigger.text) for e in extraction.events] == [("CONCEDE", "apologized")]
