"""Quotes on small news-style sentences of our own: each construct, and each thing that is not a quote."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Extraction, Quote
from newsgraph.pipeline import Extractor, load_model
from newsgraph.pipeline.quotes.direct import find_marked
from newsgraph.settings import Settings


@pytest.fixture(scope="module")
def extractor(quotes_extractor: Extractor) -> Extractor:
    return quotes_extractor


@pytest.fixture(scope="module")
def rules() -> Extractor:
    """The same without the attribution model (``--quotes fast``): what the rules alone find."""
    nlp = load_model(Settings().model)
    nlp.add_pipe("newsgraph_entities")
    nlp.add_pipe("newsgraph_quotes", config={"model": False})
    nlp.add_pipe("newsgraph_speakers")
    return Extractor(nlp=nlp)


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(text=text))


def only(extraction: Extraction) -> Quote:
    assert len(extraction.quotes) == 1, [q.text for q in extraction.quotes]
    return extraction.quotes[0]


def assert_offsets(extraction: Extraction) -> None:
    text = extraction.article.text
    for quote in extraction.quotes:
        assert quote.text == text[quote.start : quote.end]
        if quote.cue:
            assert quote.cue.text == text[quote.cue.start : quote.cue.end]
        if quote.speaker:
            assert quote.speaker.text == text[quote.speaker.start : quote.speaker.end]
        for part in quote.parts:
            assert quote.start <= part.start < part.end <= quote.end


def test_quote_then_cue_and_speaker(extractor: Extractor) -> None:
    result = run(extractor, "“We will finish the bridge before winter,” the mayor said on Tuesday.")
    quote = only(result)
    assert (quote.kind, quote.text) == ("direct", "We will finish the bridge before winter")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "the mayor"
    assert_offsets(result)


def test_inverted_cue_with_straight_marks(extractor: Extractor) -> None:
    quote = only(run(extractor, '"The budget is balanced for the first time," said Maria Lopez.'))
    assert quote.text == "The budget is balanced for the first time"
    assert quote.speaker is not None and quote.speaker.name == "Maria Lopez"


def test_cue_before_the_quote(extractor: Extractor) -> None:
    quote = only(run(extractor, "Maria Lopez told reporters: “The budget is balanced for the first time.”"))
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker is not None and quote.speaker.name == "Maria Lopez"


def test_quote_over_two_paragraphs_is_one_quote_with_parts(extractor: Extractor) -> None:
    text = (
        "“The river rose faster than anyone expected this spring.\n\n"
        "“We moved the families out before the levee broke,” the fire chief said."
    )
    result = run(extractor, text)
    quote = only(result)
    assert len(quote.parts) == 2
    assert quote.text.startswith("The river rose") and quote.text.endswith("before the levee broke")
    assert quote.speaker is not None and quote.speaker.text == "the fire chief"
    assert_offsets(result)


def test_interrupted_mid_sentence_is_one_quote(extractor: Extractor) -> None:
    result = run(extractor, "“The vote,” the senator said, “was never going to be close this year.”")
    quote = only(result)
    assert [result.article.text[p.start : p.end] for p in quote.parts] == [
        "The vote",
        "was never going to be close this year.",
    ]
    assert quote.cue is not None and quote.cue.text == "said"


def test_two_sentences_around_the_cue_are_two_quotes_sharing_the_speaker(extractor: Extractor) -> None:
    text = "“We lost the vote tonight,” Peter Hale said. “We will come back stronger next year.”"
    first, second = run(extractor, text).quotes
    assert first.cue is not None and second.cue is None
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.name == first.speaker.name == "Peter Hale"
    assert second.continues == first.id and first.continues is None


def test_uncued_paragraph_continues_the_previous_speaker(extractor: Extractor) -> None:
    text = (
        "“The factory will stay open through the summer,” said Anna Berg, the plant manager.\n\n"
        "“Nobody is losing a job this year, and we are hiring again.”"
    )
    first, second = run(extractor, text).quotes
    assert second.cue is None and second.continues == first.id
    assert second.speaker is not None and second.speaker.name == "Anna Berg"


def test_quote_never_closed_ends_with_its_paragraph(extractor: Extractor) -> None:
    result = run(extractor, "The coach said: “We played badly and we know it\n\nThe team flies home on Sunday.")
    quote = only(result)
    assert quote.text == "We played badly and we know it"
    assert_offsets(result)


@pytest.mark.parametrize(
    "text",
    [
        "The minister appeared on “Evening Report” on Sunday morning.",
        "Talks over the port reached an “impasse” last week.",
        "Senator James “Jimmy” Olsen arrived late to the hearing.",
    ],
)
def test_titles_nicknames_and_scare_quotes_are_not_quotes(extractor: Extractor, text: str) -> None:
    assert run(extractor, text).quotes == []


def test_fragment_inside_reported_speech_makes_it_mixed(extractor: Extractor) -> None:
    quote = only(run(extractor, "The mayor said that the stadium deal was a “costly mistake” for the city."))
    assert quote.kind == "mixed"
    assert "costly mistake" in quote.text


def test_a_fragment_closing_the_sentence_with_its_full_stop_makes_the_report_mixed(extractor: Extractor) -> None:
    text = "Harbour master Ines Calder said the inquiry is “ongoing.” She said the city has not confirmed the cost."
    first = run(extractor, text).quotes[0]
    assert (first.kind, first.text) == ("mixed", "the inquiry is “ongoing.”")
    assert first.speaker is not None and first.speaker.name == "Ines Calder"


def test_words_in_marks_with_a_cue_or_comma_of_their_own_stay_a_whole_quote(extractor: Extractor) -> None:
    text = (
        "Harbour master Ines Calder chaired the meeting. According to her deputy, Tom Reyes, “The repairs are "
        "overdue and the money is there.”\n\n"
        "Calder said she never used the word “crisis” and added, “I frankly cringe when I hear it.”"
    )
    quotes = run(extractor, text).quotes
    assert any(q.kind == "direct" and q.text == "The repairs are overdue and the money is there." for q in quotes)
    assert any(q.kind == "direct" and q.text == "I frankly cringe when I hear it." for q in quotes)


def test_a_second_verb_of_saying_in_the_reporting_tense_starts_a_second_report(extractor: Extractor) -> None:
    text = (
        "Mayor Ana Ruiz says she would veto the budget and tell the council “not one cent more” "
        "and tells reporters she has the votes."
    )
    first, second = run(extractor, text).quotes
    assert first.text == "she would veto the budget and tell the council “not one cent more”"
    assert (second.act, second.text) == ("speech", "she has the votes")
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.entity == first.speaker.entity


def test_a_finding_inside_the_report_stays_in_it(extractor: Extractor) -> None:
    text = "The transport agency said that its engineers examined the bridge and concluded that it could stay open."
    assert only(run(extractor, text)).text.endswith("and concluded that it could stay open")


def test_reported_speech_from_the_parse(extractor: Extractor) -> None:
    quote = only(run(extractor, "The governor said on Friday that the bridge would reopen next month."))
    assert quote.kind == "indirect"
    assert quote.text == "that the bridge would reopen next month"
    assert quote.speaker is not None and quote.speaker.text == "The governor"


def test_participle_takes_the_main_subject(extractor: Extractor) -> None:
    quote = only(run(extractor, "Laura Kim left the meeting early, saying that the vote had been rigged."))
    assert quote.cue is not None and quote.cue.text == "saying"
    assert quote.speaker is not None and quote.speaker.name == "Laura Kim"


def test_according_to_names_the_source_of_the_clause(extractor: Extractor) -> None:
    quote = only(run(extractor, "The paper mill will close in May, according to Northfield Paper."))
    assert quote.text == "The paper mill will close in May"
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker is not None and quote.speaker.text == "Northfield Paper"


def test_a_relayed_quote_keeps_its_speaker_and_names_who_relayed_it(extractor: Extractor) -> None:
    text = "“I ask you not to protest on the floor tonight,” Mark Holloway said, according to the Harbour Gazette."
    quote = only(run(extractor, text))
    assert quote.speaker is not None and quote.speaker.text == "Mark Holloway"
    assert quote.via is not None and quote.via.text == "the Harbour Gazette"
    assert quote.to_dict()["via"] == {"text": "the Harbour Gazette", "start": quote.via.start, "end": quote.via.end}


def test_according_to_inside_the_quoted_words_is_the_speaker_s_own(extractor: Extractor) -> None:
    text = "Mayor Ana Ortiz told the radio that “the driver fired first, according to the officers on the bridge.”"
    quote = only(run(extractor, text))
    assert quote.speaker is not None and quote.speaker.text == "Mayor Ana Ortiz"
    assert quote.via is None and "via" not in quote.to_dict()


def test_an_as_clause_opening_a_sentence_names_the_source_of_the_rest(extractor: Extractor) -> None:
    quote = only(run(extractor, "As the Harbour Gazette reported last week, the mayor was planning to close the port."))
    assert quote.text == "the mayor was planning to close the port"
    assert quote.cue is not None and quote.cue.text == "reported"
    assert quote.speaker is not None and quote.speaker.text == "the Harbour Gazette"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "But as the city's engineers noted, the port has lost half its ferries.",
            "the port has lost half its ferries",
        ),
        (
            "But the port has lost half its ferries, as the city's engineers noted.",
            "the port has lost half its ferries",
        ),
    ],
)
def test_an_as_clause_after_a_joining_word_or_closing_the_sentence_names_the_source(
    extractor: Extractor, text: str, said: str
) -> None:
    quote = only(run(extractor, text))
    assert quote.text == said
    assert quote.speaker is not None and quote.speaker.text == "the city's engineers"


@pytest.mark.parametrize(
    "text",
    [
        "The crowd cheered loudly, as the mayor said goodbye.",
        "The mayor smiled broadly, as she pointed to the harbour.",
    ],
)
def test_an_as_clause_with_an_object_or_a_gesture_names_no_source(extractor: Extractor, text: str) -> None:
    assert not [q for q in run(extractor, text).quotes if q.text.startswith("The ")]


def test_an_as_clause_telling_when_names_no_source(extractor: Extractor) -> None:
    text = "As the judge read the verdict, Tom Hale held his head in his hands."
    assert not [q for q in run(extractor, text).quotes if q.cue is not None and q.cue.text == "read"]


def test_a_report_opening_a_story_starts_after_its_dateline(extractor: Extractor) -> None:
    text = (
        "(Harbour Wire) Mayor Ana Ortiz, according to City Hall, made an unplanned visit to the county hospital on "
        'Sunday for a "routine check" as the first part of her yearly exam.'
    )
    quote = only(run(extractor, text))
    assert quote.text.startswith("Mayor Ana Ortiz, according to City Hall, made an unplanned visit")
    assert quote.speaker is not None and quote.speaker.text == "City Hall"


def test_a_dash_after_a_capitalised_subject_is_no_dateline(extractor: Extractor) -> None:
    text = "NASA said the four firms — Orbit Works, Lunar Freight and two others — will carry its instruments."
    quote = only(run(extractor, text))
    assert quote.text.startswith("the four firms — Orbit Works")


def test_belief_counts_as_attribution(extractor: Extractor) -> None:
    quote = only(run(extractor, "Most economists believe that prices will fall next year."))
    assert quote.text == "that prices will fall next year"


@pytest.mark.parametrize(
    "text",
    ['"""""""', "“““”””", "“never closed " * 50, "\n".join(["A paragraph."] * 5000), "", "   \n\n  ", "!!! ???"],
)
def test_odd_text_gives_a_result(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert_offsets(result)


def test_marks_scanner_recovers_unbalanced_marks() -> None:
    text = "He said the line was “long.\n\nShe agreed” and left."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["long.", "She agreed"]


def test_name_and_colon_opening_a_paragraph_attributes_the_rest(extractor: Extractor) -> None:
    result = run(extractor, "Harbour talks resume\n\nMayor Berg: The harbour will reopen by spring")
    quote = next(q for q in result.quotes if q.cue and q.cue.text == ":")
    assert quote.text == "The harbour will reopen by spring"
    assert quote.speaker is not None and quote.speaker.text == "Mayor Berg"


def test_object_of_a_stance_verb_is_reported(extractor: Extractor) -> None:
    quote = only(run(extractor, "The union criticized the mayor for closing the harbour."))
    assert quote.text == "the mayor for closing the harbour"
    assert quote.cue is not None and quote.cue.text == "criticized"


def test_doubled_apostrophes_mark_a_quote(extractor: Extractor) -> None:
    extraction = run(extractor, "''The ferry will not sail tomorrow,'' said Ana Ruiz, the harbour master.")
    quote = only(extraction)
    assert quote.kind == "direct" and quote.text == "The ferry will not sail tomorrow"
    assert quote.speaker is not None and "Ana Ruiz" in quote.speaker.text
    assert_offsets(extraction)


def test_a_report_keeps_its_lead_in_and_the_clause_joined_after_it(extractor: Extractor) -> None:
    text = "The mayor says, win or lose, the market will open, but the council has not paid for it."
    assert only(run(extractor, text)).text == "win or lose, the market will open, but the council has not paid for it"
    text = "The mayor says no matter what the council decides, the market will open on Friday."
    assert only(run(extractor, text)).text == "no matter what the council decides, the market will open on Friday"


def test_a_report_stops_before_a_report_of_its_own(extractor: Extractor) -> None:
    extraction = run(extractor, "She said the bridge would close, adding that the ferry would run twice a day.")
    assert [q.text for q in extraction.quotes] == ["the bridge would close", "that the ferry would run twice a day"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The ferry company said the crossing could reopen on Sunday and advised passengers to check its website.",
            "the crossing could reopen on Sunday",
        ),
        (
            "The bakery said it had lost two ovens in the fire and thanked the firefighters for their work.",
            "it had lost two ovens in the fire",
        ),
        (
            "The inspector said prices had risen and fallen again within a week.",
            "prices had risen and fallen again within a week",
        ),
        (
            "The minister said the school would close and reopen in the autumn.",
            "the school would close and reopen in the autumn",
        ),
    ],
)
def test_a_report_stops_before_the_speakers_next_act(extractor: Extractor, text: str, said: str) -> None:
    """A verb in the reporting verb's tense cannot share the reported verb's "could" or "had"."""
    assert only(run(extractor, text)).text == said


def test_a_quote_signed_by_a_dash_and_a_name_is_that_persons(extractor: Extractor) -> None:
    extraction = run(extractor, "“The ferry is late again and nobody tells us why.” ― Ana Ruiz")
    quote = only(extraction)
    assert quote.speaker is not None and quote.speaker.text == "Ana Ruiz"
    assert_offsets(extraction)


def test_a_long_description_between_quote_and_cue_keeps_the_speaker(extractor: Extractor) -> None:
    text = (
        "“We will rebuild the pier before winter,” Jane Roe, the director of the harbour authority"
        " and a former port engineer, said on Tuesday."
    )
    quote = only(run(extractor, text))
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text.startswith("Jane Roe")


def test_a_that_clause_hung_on_the_occasion_is_still_what_was_said(extractor: Extractor) -> None:
    text = "Mr. Adler said on Friday during a news conference that he may sell the team."
    quote = only(run(extractor, text))
    assert quote.text == "that he may sell the team"
    assert quote.speaker is not None and quote.speaker.text == "Mr. Adler"


def test_a_dateline_is_not_what_was_said(extractor: Extractor) -> None:
    text = "LISBON (AP) — A report published Monday said the minister used a private phone for state business."
    quote = only(run(extractor, text))
    assert quote.text == "the minister used a private phone for state business"


def test_a_one_word_answer_is_a_report(extractor: Extractor) -> None:
    extraction = run(extractor, "Most of the farmers said yes, and a third of the fishermen said so.")
    assert [q.text for q in extraction.quotes] == ["yes", "so"]


def test_an_impression_with_no_one_named_is_a_report_without_speaker(extractor: Extractor) -> None:
    quote = only(run(extractor, "The old alliance between the two ports appears to be alive and well."))
    assert [quote.text[p.start - quote.start : p.end - quote.start] for p in quote.parts] == [
        "The old alliance between the two ports",
        "to be alive and well",
    ]
    assert quote.cue is not None and quote.cue.text == "appears" and quote.speaker is None


def test_a_passive_expectation_is_a_report_without_speaker(extractor: Extractor) -> None:
    quote = only(run(extractor, "The mayor is expected to announce her decision on Friday."))
    assert quote.cue is not None and quote.cue.text == "expected" and quote.speaker is None
    assert quote.text.startswith("The mayor") and quote.text.endswith("on Friday")


def test_appearing_somewhere_is_not_a_report(extractor: Extractor) -> None:
    assert run(extractor, "The minister appeared on television on Sunday.").quotes == []


def test_a_claim_noun_reports_its_that_clause(extractor: Extractor) -> None:
    quote = only(run(extractor, "His view that taxes must rise was shared by few."))
    assert quote.text == "that taxes must rise" and quote.cue is not None and quote.cue.text == "view"
    assert quote.speaker is not None and quote.speaker.text == "His"


def test_a_belief_adjective_reports_its_clause(rules: Extractor) -> None:
    # The attribution model gives this one sentence alone no support, and drops it (a known loss).
    quote = only(run(rules, "The mayor was confident the bridge would open."))
    assert quote.text == "the bridge would open" and quote.cue is not None and quote.cue.text == "confident"
    assert quote.speaker is not None and quote.speaker.text == "The mayor"


def test_hoping_is_a_cue_whatever_its_lemma(extractor: Extractor) -> None:
    quote = only(run(extractor, "The council is hoping that the ferry will run again by June."))
    assert quote.text == "that the ferry will run again by June"
    assert quote.speaker is not None and quote.speaker.text == "The council"


def test_an_order_is_a_report_of_what_was_ordered(extractor: Extractor) -> None:
    quote = only(run(extractor, "The judge ordered the company to pay its workers by Friday."))
    assert quote.text == "the company to pay its workers by Friday"


def test_a_claim_put_forward_is_its_makers(extractor: Extractor) -> None:
    quote = only(run(extractor, "Democrats made the argument that the panel is trying to second-guess the court."))
    assert quote.text == "that the panel is trying to second-guess the court"
    assert quote.speaker is not None and quote.speaker.text == "Democrats"


def test_talking_about_reports_the_topic_only(extractor: Extractor) -> None:
    quote = only(run(extractor, "The senator talked about the cost of the new bridge."))
    assert quote.text == "the cost of the new bridge"
    assert quote.speaker is not None and quote.speaker.text == "The senator"
    assert run(extractor, "The senator talked to reporters on Monday.").quotes == []


def test_referring_to_reports_what_is_referred_to(extractor: Extractor) -> None:
    quote = only(run(extractor, "The mayor pointed to the rising cost of housing."))
    assert quote.text == "the rising cost of housing"
    assert quote.speaker is not None and quote.speaker.text == "The mayor"


def test_asked_about_names_the_topic_and_not_who_asked(extractor: Extractor) -> None:
    extraction = run(extractor, "Asked about the cost of the bridge, the mayor said the city would pay.")
    asked, said = extraction.quotes
    assert asked.text == "the cost of the bridge" and asked.speaker is None
    assert said.text == "the city would pay" and said.speaker is not None and said.speaker.text == "the mayor"


def test_a_set_off_attribution_reports_the_sentence_around_it(extractor: Extractor) -> None:
    text = "The real problem, the harbour master said, is that nobody reads the safety reports."
    (quote,) = run(extractor, text).quotes
    assert [text[p.start : p.end] for p in quote.parts] == [
        "The real problem",
        "is that nobody reads the safety reports",
    ]
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "the harbour master"


def test_an_object_report_runs_to_its_completion(extractor: Extractor) -> None:
    text = "The union called on the port authority to reopen the northern gate."
    (quote,) = run(extractor, text).quotes
    assert quote.text == "the port authority to reopen the northern gate"


def test_a_curly_quote_closed_by_a_straight_mark_ends_there(extractor: Extractor) -> None:
    text = '“Deals should never be a reward for silence," the committee chairman said after the hearing.'
    quote = only(run(extractor, text))
    assert quote.text == "Deals should never be a reward for silence"
    assert quote.speaker is not None and quote.speaker.text == "the committee chairman"


def test_a_straight_quote_inside_a_curly_one_stays_inside(extractor: Extractor) -> None:
    text = '“He called the plan "nonsense" on Monday, and he was right,” the mayor said.'
    quote = only(run(extractor, text))
    assert quote.text == 'He called the plan "nonsense" on Monday, and he was right'


def test_a_reported_condition_is_what_was_said(extractor: Extractor) -> None:
    quote = only(run(extractor, "Ms. Vance said if elected mayor she would cut the harbour fees."))
    assert quote.text == "if elected mayor she would cut the harbour fees"


def test_a_report_inside_a_relative_clause_is_its_relative_word_and_what_follows_the_verb(
    extractor: Extractor,
) -> None:
    text = "The agency withheld records that officials said would harm the inquiry."
    quote = only(run(extractor, text))
    assert [text[p.start : p.end] for p in quote.parts] == ["that", "would harm the inquiry"]
    assert quote.speaker is not None and quote.speaker.text == "officials"


def test_a_closing_mark_opening_a_paragraph_opens_the_quote(extractor: Extractor) -> None:
    text = "Readers wrote to us.\n\n”The ferry is late every single morning and nobody answers.” ― Ida Brandt.\n"
    quote = only(run(extractor, text))
    assert quote.text == "The ferry is late every single morning and nobody answers."
    assert quote.speaker is not None and quote.speaker.text == "Ida Brandt"


def test_a_subject_inside_the_quote_does_not_hide_the_speaker_after_it(extractor: Extractor) -> None:
    text = '"A fine harbour master. Not good, great. One of the best," Rep. Jane Roe (D-Md.) said by phone.'
    quote = only(run(extractor, text))
    assert quote.speaker is not None and "Jane Roe" in quote.speaker.text


def test_an_uncued_quote_goes_on_with_the_report_before_it(extractor: Extractor) -> None:
    text = 'The council may wait until spring, Mayor Ada Lind said. "The other question is who pays for it."'
    report, quote = run(extractor, text).quotes
    assert report.kind == "indirect" and quote.kind == "direct" and quote.cue is None
    assert quote.speaker is not None and quote.speaker.name == "Ada Lind"


def test_a_sentence_in_marks_without_a_verb_goes_on_with_the_quote_before_it(extractor: Extractor) -> None:
    text = '"We waited at the gate for three hours," Mayor Ada Lind said. "Three hours, and not one bus."'
    first, second = run(extractor, text).quotes
    assert second.text == "Three hours, and not one bus." and second.continues == first.id
    assert second.speaker is not None and second.speaker.name == "Ada Lind"


def test_a_verbless_phrase_in_marks_inside_a_sentence_is_no_quote(extractor: Extractor) -> None:
    text = '"We waited at the gate for three hours," Mayor Ada Lind said of the "new and improved service."'
    assert [q.text for q in run(extractor, text).quotes] == ["We waited at the gate for three hours"]


def test_a_speaker_set_off_after_a_fronted_report_is_not_what_was_said(extractor: Extractor) -> None:
    text = "Waiting times for a new passport have grown to nearly 6 weeks, the office's manager, Ines Farr, said."
    quote = only(run(extractor, text))
    assert quote.text == "Waiting times for a new passport have grown to nearly 6 weeks"
    assert quote.speaker is not None and quote.speaker.name == "Ines Farr"


def test_a_second_that_clause_of_the_same_verb_is_the_same_report(extractor: Extractor) -> None:
    text = (
        'Lind said she was "cautiously hopeful" about the new round, and that she had asked both sides '
        'to bring "figures they can defend."'
    )
    quote = only(run(extractor, text))
    assert quote.text == text[text.index("she was") :]


def test_a_but_turning_to_another_party_ends_the_report(extractor: Extractor) -> None:
    text = (
        "The mayor has since said that the bridge would open in the spring, but the state has been "
        "slow to release the money."
    )
    quote = next(q for q in run(extractor, text).quotes if "bridge" in q.text)
    assert quote.text == "that the bridge would open in the spring"


def test_an_uncued_quote_after_narration_of_a_person_is_theirs(extractor: Extractor) -> None:
    text = (
        "“We cannot add another launch,” Nora Velde said at the hearing.\n\n"
        "Representative Tom Aldane questioned the plan. Aldane returned to the issue later in the hearing. "
        "“Which rockets in service today could carry the lander to the Moon by 2028?”"
    )
    result = run(extractor, text)
    quote = next(q for q in result.quotes if "Which rockets" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Tom Aldane"


def test_a_sentence_after_a_closed_quote_is_the_writers_unless_it_names_the_speaker(extractor: Extractor) -> None:
    text = (
        "Elsa Marr found him at home. “He looked a little surprised,” she wrote in an email. “Not pained. "
        "Which was some comfort at least.” Although he had written a will, it was never signed.\n\n"
        "“My people had a deal done,” Mr. Lund recounted. “And I said, ‘I want more.’ They said, ‘The farmers "
        "can’t take it.’” The ministers around him laughed.\n\n"
        "“What is the incentive to sign this deal?” Li Wen, a former director at the fund, said on Tuesday."
    )
    result = run(extractor, text)
    comfort = next(q for q in result.quotes if "some comfort" in q.text)
    assert comfort.speaker is not None and comfort.speaker.name == "Elsa Marr"
    more = next(q for q in result.quotes if "I want more" in q.text)
    assert more.speaker is not None and more.speaker.name == "Lund"
    incentive = next(q for q in result.quotes if "incentive" in q.text)
    assert incentive.speaker is not None and incentive.speaker.name == "Li Wen"


def test_a_completion_in_marks_belongs_to_the_object_report(extractor: Extractor) -> None:
    quote = only(
        run(extractor, 'Sen. Ana Ruiz, D-Ore., called his death "a crisis of public trust" within the prisons.')
    )
    assert quote.text == 'his death "a crisis of public trust" within the prisons'


def test_a_clause_whose_subject_the_parser_took_for_an_object_is_reported_whole(extractor: Extractor) -> None:
    text = (
        "The public defender's office said 30 people were hurt, but added the exact circumstances of the "
        "deaths remained unclear."
    )
    quote = next(q for q in run(extractor, text).quotes if q.cue is not None and q.cue.text == "added")
    assert quote.text == "the exact circumstances of the deaths remained unclear"


def test_a_title_in_marks_inside_the_attribution_is_not_a_quote(extractor: Extractor) -> None:
    text = '"Hearing the heartbeat was something we never take for granted," the "Harbor Lights" actor said on "Live."'
    result = run(extractor, text)
    assert [q.text for q in result.quotes] == ["Hearing the heartbeat was something we never take for granted"]
    assert result.quotes[0].speaker is not None and result.quotes[0].speaker.text == 'the "Harbor Lights" actor'


def test_marks_after_a_naming_word_hold_a_name(extractor: Extractor) -> None:
    text = (
        "He hosted a live show called “Tell Me Everything” at fan conventions, where audience members shouted "
        "out questions. The group, known as “We Stand Together Now,” said it would march again."
    )
    result = run(extractor, text)
    assert not [q for q in result.quotes if q.kind == "direct" and q.act == "speech"], result.quotes


def test_a_dash_and_which_after_the_report_open_the_writers_aside(extractor: Extractor) -> None:
    quote = only(
        run(extractor, "Northline says the battery lasts 11 hours — which is an hour more than last year's model.")
    )
    assert quote.text == "the battery lasts 11 hours"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A relative clause holding a report of its own (a cue, or words in marks) is that report's.
        ("The plant will close in May, said Dana Holt, who has argued that the town needs new jobs.", "Dana Holt"),
        ("The vote was rushed, said Ana Ruiz, who called the plan “a disaster for the town.”", "Ana Ruiz"),
        # A dateline the parser hung on the speaker's name, in capitals or crediting an agency.
        ("Lisbon (AFP) – Prime Minister Rui Matos said the economy was strong.", "Prime Minister Rui Matos"),
        ("New York (AFP) – Vice President Joe Biden said the plan would work.", "Vice President Joe Biden"),
        ("BOSTON - City council member Ana Ruiz said the budget would pass next week.", "City council member Ana Ruiz"),
        # A focus "even", a floated quantifier, a set-off aside: not who spoke.
        ("Even Mayor Tom Berg said the plan was too expensive.", "Mayor Tom Berg"),
        ("Ana Ruiz and Tom Berg both said the plan would fail.", "Ana Ruiz and Tom Berg"),
        ("Ana Ruiz, clearly frustrated, said the council had ignored the plan.", "Ana Ruiz"),
        # A quote the parser read into the speaker's phrase ends at its closing mark.
        (
            "Vela spoke on Monday.\n\n“That’s a real concern, because they’re very passionate and very "
            "principled,” Vela, 69, told Channel 4 Monday.",
            "Vela, 69",
        ),
        # A speaker the parser hung in apposition to a fronted place, its titles joined by "and".
        (
            "At Pine Ridge, where it costs new members $40,000 to sign up, Jay Moreno, the club's 71-year-old "
            "president and general manager, suggested that fees would rise next year.",
            "Jay Moreno, the club's 71-year-old president and general manager",
        ),
        # ", who …" stays with the speaker it tells of.
        (
            "Ana Ruiz, who has served two terms on the council, said the budget would pass.",
            "Ana Ruiz, who has served two terms on the council",
        ),
    ],
)
def test_speaker_phrase_is_who_spoke_not_what_else_is_told_of_them(
    extractor: Extractor, text: str, speaker: str
) -> None:
    result = run(extractor, text)
    quote = result.quotes[0]
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert_offsets(result)


def test_a_participle_set_off_inside_a_report_is_the_speakers_next_report(extractor: Extractor) -> None:
    text = (
        "Donald Trump is insisting that he has “expanded the Republican party,” claiming that he is "
        "responsible for higher turnout in the primary states."
    )
    result = run(extractor, text)
    by_cue = {q.cue.text: q for q in result.quotes if q.cue is not None}
    assert by_cue["insisting"].text == "that he has “expanded the Republican party,”"
    claiming = by_cue["claiming"]
    assert claiming.text == "that he is responsible for higher turnout in the primary states"
    assert claiming.speaker is not None and claiming.speaker.text == "Donald Trump"
    assert_offsets(result)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Sanders accused him of misleading voters about the plan.", "him of misleading voters about the plan"),
        ("Schilling describes himself as a conservative.", "himself as a conservative"),
    ],
)
def test_a_pronoun_object_that_a_preposition_says_something_of_is_reported(
    extractor: Extractor, text: str, content: str
) -> None:
    quote = only(run(extractor, text))
    assert quote.text == content


def test_a_pronoun_object_alone_is_no_report(extractor: Extractor) -> None:
    assert not run(extractor, "The senator asked him on Tuesday.").quotes


def test_she_goes_on_about_the_owner_of_the_subject_not_a_name_in_its_relative_clause(extractor: Extractor) -> None:
    text = (
        "Taylor Swift's first six albums were released through Big Machine, which was bought out by a company "
        "owned by talent manager Scooter Braun this year.\n\n"
        "In a post at the time she said this was the worst case scenario."
    )
    quote = only(run(extractor, text))
    assert quote.speaker is not None and quote.speaker.name == "Taylor Swift"


def test_a_long_common_noun_phrase_after_the_quote_is_its_speaker(extractor: Extractor) -> None:
    text = (
        '"China is equally concerned about what North Korea is doing. North Korea is a paranoid, isolated nation," '
        'the independent Vermont senator and Democratic presidential candidate told ABC\'s "Good Morning America."\n\n'
        "“Are we talking about the same Nikki Haley?” the editorial board writes.\n\n"
        "“We will fight this in court.” The company said it would appeal the ruling."
    )
    result = run(extractor, text)
    nation = next(q for q in result.quotes if "isolated nation" in q.text)
    assert nation.speaker is not None and nation.speaker.text.endswith("presidential candidate")
    haley = next(q for q in result.quotes if "Nikki Haley" in q.text)
    assert haley.speaker is not None and haley.speaker.text == "the editorial board"
    court = next(q for q in result.quotes if "fight this" in q.text)
    assert court.speaker is None or court.speaker.text != "The company"


def test_a_quote_whose_cue_the_parse_left_without_subject_takes_the_models_source(extractor: Extractor) -> None:
    text = (
        "But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in "
        "Baghdad, said, ''I mean, a raid is a combat operation. There is no way around it.''"
    )
    result = run(extractor, text)
    raid = next(q for q in result.quotes if "combat operation" in q.text)
    assert raid.speaker is not None and raid.speaker.name == "Steven H. Warren"


def test_the_one_told_is_not_the_speaker_and_a_described_name_is(extractor: Extractor) -> None:
    text = (
        "''That was a good speech you gave last night, Mr. President,'' Representative Steve Cohen, Democrat of "
        "Tennessee, told Mr. Obama as he stopped to have his picture taken with him."
    )
    result = run(extractor, text)
    speech = next(q for q in result.quotes if "good speech" in q.text)
    assert speech.speaker is not None and speech.speaker.name == "Steve Cohen"


def test_a_cue_the_tagger_reads_as_a_noun_still_names_the_document_and_its_issuer(extractor: Extractor) -> None:
    text = (
        "Singer Maria Lopez canceled her tour on Friday. “We regret to inform fans that Maria will not be "
        "performing this summer,” a statement from her label read."
    )
    result = run(extractor, text)
    regret = next(q for q in result.quotes if "regret" in q.text)
    assert regret.cue is not None and regret.cue.text == "read"
    assert regret.speaker is not None and regret.speaker.text == "a statement from her label"


def test_a_digest_line_names_its_topic_then_whose_words_follow(extractor: Extractor) -> None:
    text = (
        "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: Keep on contacting voters "
        "as late as possible.”"
    )
    result = run(extractor, text)
    lesson = next(q for q in result.quotes if "biggest lessons" in q.text)
    assert lesson.speaker is not None and lesson.speaker.name == "Carl Bialik"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We need to be united here,“ said Jim Clyburn on Sunday.", ["We need to be united here"]),
        ("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"]),
        ("“She told me “never“ and left,” he said.", ["She told me “never“ and left"]),
    ],
)
def test_a_mark_of_the_opening_shape_in_a_closing_place_closes(text: str, quoted: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text)] == quoted


def test_a_quote_closed_by_a_mark_of_the_wrong_shape_keeps_its_speaker(extractor: Extractor) -> None:
    quote = only(run(extractor, "“We need to be united here,“ said Jim Clyburn, the House whip, on Sunday."))
    assert quote.speaker is not None and quote.speaker.name == "Jim Clyburn"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“This is a disgrace to the whole country and its people,” Senator Bolton charged.", "charged"),
        ("“We will build every one of those houses,” Senator Bolton went on.", "went on"),
        ("“That was a mistake we should never have made,” Senator Bolton agreed.", "agreed"),
    ],
)
def test_a_verb_that_says_only_on_its_own_after_a_quote_is_its_cue(extractor: Extractor, text: str, cue: str) -> None:
    quote = only(run(extractor, text))
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.name == "Bolton"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("“Get out of here right now,” Senator Bolton charged into the crowd of reporters.", "charged"),
        ("The deal is a “pre-agreement” because some governments did not actually agree to it.", "agree"),
        ("Republicans backed the reform, as the “autopsy” recommended, and watched it fail.", "recommended"),
    ],
)
def test_a_verb_that_goes_on_is_no_bare_cue(extractor: Extractor, text: str, verb: str) -> None:
    result = run(extractor, text)
    assert all(q.cue is None or q.cue.text != verb for q in result.quotes)


def test_a_name_the_tagger_misreads_after_an_inverted_said_is_the_speaker(extractor: Extractor) -> None:
    quote = only(run(extractor, "“The water has been rising for days now,” said Skelly, a local fisherman."))
    assert quote.speaker is not None and quote.speaker.text.startswith("Skelly")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('In an interview with "Morning Desk," Mayor Ana Ruiz pointed to the port as the cause.', "Morning Desk"),
        (
            'Holt, the co-author of "Open Water," about the history of the harbour, said the cheap days were over.',
            "Open Water",
        ),
        (
            'Berg, who has starred in "Harbour Lights and Shadows," posted the clip online on Thursday.',
            "Harbour Lights and Shadows",
        ),
    ],
)
def test_a_title_in_a_noun_phrase_is_no_quote(extractor: Extractor, text: str, title: str) -> None:
    assert title not in [q.text.rstrip(",") for q in run(extractor, text).quotes]


def test_a_cry_in_a_noun_phrase_stays_a_quote(extractor: Extractor) -> None:
    text = 'Walking into the office to chants of "Marco! Marco!," the senator said he was happy.'
    assert "Marco! Marco!" in [q.text for q in run(extractor, text).quotes]


def test_a_time_is_no_report_of_what_was_said(extractor: Extractor) -> None:
    assert not run(extractor, "They have been discussing several weeks.").quotes


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('"Her work will live on," Moreno said as a few young volunteers cleared the hall.', "as a few"),
        (
            '"Good question, a very good question that one," Ruiz said when Holt asked her a question.',
            "when Holt",
        ),
        ("He said if elected president he could work effectively with GOP leadership.", None),
    ],
)
def test_a_clause_telling_when_it_was_said_is_not_what_was_said(
    extractor: Extractor, text: str, said: str | None
) -> None:
    quotes = [q.text for q in run(extractor, text).quotes]
    if said is None:
        assert any(q.startswith("if elected") for q in quotes), quotes
    else:
        assert not any(q.startswith(said) for q in quotes), quotes


def test_a_quote_opening_the_paragraph_after_a_report_goes_on_with_its_speaker(extractor: Extractor) -> None:
    text = (
        "Harbour Commissioner Lena Ortiz said that critics had long predicted a closure, but this would not happen."
        "\n\n“That’s because this port remains the most important for our own jobs and trade.”"
    )
    result = run(extractor, text)
    quote = next(q for q in result.quotes if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.name == "Lena Ortiz"
    assert_offsets(result)


def test_a_participle_set_off_after_a_report_quotes_its_speaker_not_a_name_inside_it(extractor: Extractor) -> None:
    text = (
        "Ruiz told the Harbour Wire that Tom Berg “had a reckless plan for the port which was doomed,” "
        "adding, “He lost all of the dock workers’ votes.”"
    )
    result = run(extractor, text)
    quote = next(q for q in result.quotes if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.text == "Ruiz"
    assert_offsets(result)


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        (
            "The harbour, she said, is “busier than it has been in a decade.”",
            ["The harbour", "is “busier than it has been in a decade.”"],
            "she",
        ),
        (
            "The council's new budget, Ana Ruiz said, “leaves the libraries with nothing” for next year.",
            ["The council's new budget", "leaves the libraries with nothing” for next year"],
            "Ana Ruiz",
        ),
    ],
)
def test_a_set_off_cue_before_words_in_marks_makes_one_mixed_report(
    extractor: Extractor, text: str, pieces: list[str], speaker: str
) -> None:
    """The words around "she said" are all hers, the ones in marks verbatim: one report, not the marks alone."""
    extraction = run(extractor, text)
    quote = only(extraction)
    assert quote.kind == "mixed"
    assert [extraction.article.text[p.start : p.end] for p in quote.parts] == pieces
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_second_speakers_report_set_against_the_first_is_its_own(extractor: Extractor) -> None:
    """ "…, while other residents said …": the parser may hang the second report inside the first one's words."""
    text = (
        "Several fishermen said the new pier had made the harbour safer for small boats,"
        " while other residents said they had not noticed any change at all."
    )
    quotes = run(extractor, text).quotes
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("the new pier had made the harbour safer for small boats", "Several fishermen"),
        ("they had not noticed any change at all", "other residents"),
    ]
