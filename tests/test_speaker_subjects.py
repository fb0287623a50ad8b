"""Who a report is by when the parser gives its verb no subject of its own: the words of our own sentences,
each built like the PolNeAR train sentences the rule was measured on."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Quote
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.quotes.subjects import subject_of


@pytest.fixture(scope="module")
def extractor(quotes_extractor: Extractor) -> Extractor:
    return quotes_extractor


def cued(extractor: Extractor, text: str, cue: str) -> Quote:
    quotes = extractor.extract(Article(text=text)).quotes
    found = [q for q in quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1, [(q.text, q.cue and q.cue.text) for q in quotes]
    return found[0]


def speaker(extractor: Extractor, text: str, cue: str) -> str | None:
    quote = cued(extractor, text, cue)
    return quote.speaker.text if quote.speaker is not None else None


def test_an_opening_asked_names_no_one_who_asked(extractor: Extractor) -> None:
    # The tagger reads "Asked" as a past tense; the one asked answers, but who asked is not said.
    text = "Asked what a fair price looks like, Halvorsen replied: “We are a long way off from that.”"
    assert speaker(extractor, text, "Asked") is None
    assert speaker(extractor, text, "replied") == "Halvorsen"


def test_a_predicate_after_a_comma_shares_the_subject_before_it(extractor: Extractor) -> None:
    text = (
        "Kasich jokingly offered the man a job as Secretary of Defense, then says he will welcome advice from anyone."
    )
    assert speaker(extractor, text, "says") == "Kasich"


@pytest.mark.parametrize(
    ("text", "cue", "who"),
    [
        (
            "He will likely be able to sign up more donors and score a few endorsements by citing his Iowa results.",
            "citing",
            "He",
        ),
        (
            "In addition to stating that the cranes are unsafe, the dock workers' union has vowed to strike.",
            "stating",
            "the dock workers' union",
        ),
    ],
)
def test_a_gerund_after_a_preposition_is_the_clause_subjects(
    extractor: Extractor, text: str, cue: str, who: str
) -> None:
    assert speaker(extractor, text, cue) == who


def test_a_demonstrative_does_no_saying(extractor: Extractor) -> None:
    text = "That is like saying an Indiana-born judge cannot be impartial because of his parents."
    assert speaker(extractor, text, "saying") is None


@pytest.mark.parametrize(
    ("text", "cue", "who"),
    [
        ("About 4 in 10 say they want the next president to have more liberal policies.", "say", "About 4 in 10"),
        ("Less than a third agreed with the minister that the port would have to wait.", "agreed", "Less than a third"),
    ],
)
def test_a_share_of_those_polled_is_who_says_it(extractor: Extractor, text: str, cue: str, who: str) -> None:
    assert speaker(extractor, text, cue) == who


def test_a_name_the_parser_hangs_on_a_fronted_place_is_the_subject(extractor: Extractor) -> None:
    text = (
        "At a campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against the plan, "
        "and explained how much it upset her."
    )
    assert speaker(extractor, text, "explained") == "62-year-old Brenda Johnson"


def test_a_tensed_verb_joined_to_a_bare_one_goes_on_with_the_verb_above(extractor: Extractor) -> None:
    text = (
        "Mr. Putin forecast that the slumping economy would soon rebound and praised efforts by Secretary of "
        "State John Kerry to find a political solution in Syria."
    )
    assert speaker(extractor, text, "praised") == "Mr. Putin"


def test_an_infinitive_after_a_passive_is_its_subjects_to_do(extractor: Extractor) -> None:
    text = "The debate was so subdued that Mr. Halvorsen was prompted to say, “So far, it is all very civil.”"
    assert speaker(extractor, text, "say") == "Mr. Halvorsen"


def test_a_gerund_hung_on_a_noun_is_the_subject_above_its(extractor: Extractor) -> None:
    text = (
        "She opposed the harbour deal and outstripped his plans to defeat the cartel by calling for a curfew "
        "in the port."
    )
    assert speaker(extractor, text, "calling") == "She"


def test_a_clause_of_its_own_before_the_verb_lends_it_no_subject(extractor: Extractor) -> None:
    text = (
        "While the port's current expected lineup is light on new ships, Early says there is a possibility "
        "that future ferries could be built for the harbour."
    )
    assert speaker(extractor, text, "says") != "the port's current expected lineup"


def test_a_tensed_verb_goes_on_with_the_modal_verb_it_is_joined_to(extractor: Extractor) -> None:
    text = (
        "Earlier this year, the Harbour Group reportedly laid off more than 60 dockers (the company would not "
        "disclose the actual number but called it “immaterial”) and the port laid off several hundred."
    )
    assert speaker(extractor, text, "called") == "the company"


def test_an_infinitive_after_a_passive_naming_no_one_is_no_ones(extractor: Extractor) -> None:
    doc = extractor.nlp("More research is needed to evaluate the long-term effects of these medications.")
    evaluate = next(t for t in doc if t.text == "evaluate")
    assert evaluate.dep_ == "xcomp" and any(c.dep_ == "nsubjpass" for c in evaluate.head.children)
    assert subject_of(evaluate) is None
