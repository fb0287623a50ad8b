"""Reports the attribution model adds (spoken by whom the rules would say, only where the model agrees) and drops."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.pipeline import Extractor
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.attribution import TaggedSpan, Tags
from newsgraph.pipeline.quotes.component import QuoteFinder
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.reporters import report_speaker
from newsgraph.pipeline.quotes.weighing import Weighing, paragraphs, weigh
from newsgraph.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return Extractor(Settings(quotes="fast")).nlp


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Monday that the bridge would reopen in May.",
        "The bridge will reopen in May, according to the city's chief engineer.",
        "Asked about the delay, the engineer said the steel had come late.",
        "Jane Roe, who said the bridge was safe, left the council in March.",
        "The council rejected his claim that the bridge was safe.",
        "Officials believe the repairs will cost more than planned, and they said so on Monday.",
    ],
)
def test_a_cue_gets_the_speaker_the_rules_give_it(nlp: Language, text: str) -> None:
    doc = nlp(text)
    finder = nlp.get_pipe("newsgraph_quotes")
    assert isinstance(finder, QuoteFinder)
    found = [c for c in finder.rules(doc)[0] if c.kind != "direct" and c.cue_token is not None]
    assert found
    for candidate in found:
        assert candidate.cue_token is not None
        cue = doc[candidate.cue_token]
        assert report_speaker(cue, (candidate.start, candidate.end)) == candidate.speaker


# A report the rules do not read ("pushed for" is no reporting verb), with the model's tags on it.
_TEXT = "Mayor Jane Roe, unlike the council, pushed hard for the bridge to reopen in May."


def _tags(source: str) -> Tags:
    def span(words: str) -> TaggedSpan:
        start = _TEXT.index(words)
        return TaggedSpan(start, start + len(words), 0.9)

    tags = Tags(read=paragraphs(_TEXT))
    tags.spans["cue"].append(span("pushed hard for"))
    tags.spans["content"].append(span("the bridge to reopen in May"))
    tags.spans["source"].append(span(source))
    return tags


@pytest.mark.parametrize("add_speaker", ["rules", "agree"])
def test_an_added_report_takes_the_rules_speaker_when_the_model_agrees(nlp: Language, add_speaker: str) -> None:
    doc = nlp(_TEXT)
    (added,) = weigh(doc, [], _tags("Roe"), Weighing(add=True, add_speaker=add_speaker))
    assert added.speaker is not None
    assert _TEXT[added.start : added.end] == "the bridge to reopen in May"
    assert _TEXT[added.speaker[0] : added.speaker[1]] == "Mayor Jane Roe"


def test_an_added_report_where_model_and_rules_name_different_speakers_is_not_added(nlp: Language) -> None:
    doc = nlp(_TEXT)
    assert weigh(doc, [], _tags("the council"), Weighing(add=True, add_speaker="agree")) == []
    (taken,) = weigh(doc, [], _tags("the council"), Weighing(add=True, add_speaker="model"))
    assert taken.speaker is not None and _TEXT[taken.speaker[0] : taken.speaker[1]] == "the council"


def _stance(scored: bool) -> Candidate:
    start = _TEXT.index("the bridge to reopen")
    cue = _TEXT.index("pushed")
    return Candidate(
        kind="indirect",
        start=start,
        end=start + len("the bridge to reopen in May"),
        cue=(cue, cue + len("pushed")),
        speaker=None,
        act=acts.STANCE,
        scored=scored,
    )


@pytest.mark.parametrize("scored", [True, False])
def test_a_stance_the_scorer_proposed_needs_its_content_tagged(nlp: Language, scored: bool) -> None:
    doc = nlp(_TEXT)
    cue_only = Tags(read=paragraphs(_TEXT))
    cue_only.spans["cue"].append(TaggedSpan(_TEXT.index("pushed"), _TEXT.index("pushed") + len("pushed"), 0.9))
    kept = weigh(doc, [_stance(scored)], cue_only, Weighing(fill_speaker=False))
    assert len(kept) == (0 if scored else 1)
    assert len(weigh(doc, [_stance(scored)], _tags("Roe"), Weighing(fill_speaker=False))) == 1
