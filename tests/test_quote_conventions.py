"""Quotes as real pages write them, on sentences of our own: single marks, nested marks, embedded posts,
page furniture before a colon, and a quote repeated in a caption."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Extraction, Quote
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.quotes.singles import find_quotes


@pytest.fixture(scope="module")
def extractor(quotes_extractor: Extractor) -> Extractor:
    return quotes_extractor


def quotes(extractor: Extractor, text: str) -> list[Quote]:
    extraction: Extraction = extractor.extract(Article(text=text))
    for quote in extraction.quotes:
        assert quote.text == text[quote.start : quote.end]
    return extraction.quotes


def marked(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quotes(text)]


def test_a_british_quote_in_single_marks_is_direct_with_its_speaker(extractor: Extractor) -> None:
    found = quotes(extractor, "‘We will reopen the harbour before the summer,’ the council leader, Ann Hale, said.")
    assert [(q.kind, q.text) for q in found] == [("direct", "We will reopen the harbour before the summer")]
    assert found[0].speaker is not None and found[0].speaker.name == "Ann Hale"


def test_a_report_runs_to_the_end_of_the_words_it_quotes(extractor: Extractor) -> None:
    said = 'that the union "will have to accept a deal we can pay for. If not, so be it."'
    (found,) = quotes(extractor, f"Mayor Ana Ortiz said on Tuesday {said}")
    assert (found.kind, found.text) == ("mixed", said)


def test_two_curly_single_marks_close_a_double_quote(extractor: Extractor) -> None:
    text = "“The figures were never checked,’’ Ruth Okafor, the watchdog’s director, told reporters. “Never.”"
    assert marked(text) == ["The figures were never checked", "Never."]
    found = quotes(extractor, text)
    assert found[0].speaker is not None and found[0].speaker.name == "Ruth Okafor"


def test_straight_single_marks_around_a_cue_give_two_quotes(extractor: Extractor) -> None:
    text = "'The ferry is late again,' said Tom Reid. 'Nobody at the port answers the phone.'"
    found = quotes(extractor, text)
    assert [q.text for q in found] == ["The ferry is late again", "Nobody at the port answers the phone."]
    assert all(q.kind == "direct" and q.speaker and q.speaker.name == "Tom Reid" for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "I don't think O'Brien ever liked the music of the '90s, and the players' union agreed.",
        "'Tis the season for rock 'n' roll at the boys' school, the head teacher's letter says.",
        "The Smiths’ house and the Joneses’ dog kept ’em awake through the ’80s, Ms. O’Neill said.",
    ],
)
def test_apostrophes_are_not_quote_marks(text: str) -> None:
    assert marked(text) == []


def test_a_plural_possessive_inside_single_marks_does_not_end_the_quote() -> None:
    text = "'We back the players' union all the way,' the manager said."
    assert marked(text) == ["We back the players' union all the way"]


def test_double_marks_inside_single_ones_are_one_quote(extractor: Extractor) -> None:
    text = "'He told me \"never again\" and walked out,' the harbour master said."
    found = quotes(extractor, text)
    assert [q.text for q in found] == ['He told me "never again" and walked out']
    assert found[0].speaker is not None and found[0].speaker.text == "the harbour master"


def test_single_marks_inside_double_ones_are_one_quote(extractor: Extractor) -> None:
    text = "“Then he said, ‘I want more boats,’ and left the room,” the harbour master said."
    found = quotes(extractor, text)
    assert [q.text for q in found] == ["Then he said, ‘I want more boats,’ and left the room"]


def test_a_single_quoted_paragraph_goes_on_in_the_next_one() -> None:
    text = "'The ferry is late every single morning this month.\n\n'And nobody at the port answers,' the clerk said."
    found = find_quotes(text)
    assert len(found) == 1 and len(found[0].pieces) == 2


def test_an_embedded_post_is_a_quote_of_its_author(extractor: Extractor) -> None:
    text = (
        "The ferry was cancelled for the third day running.\n\n"
        "Passengers complained online about the delays.\n\n"
        "Third day without a ferry. We are stuck on the island with no word from anyone "
        "pic.twitter.com/abc123XYZ\n\n"
        "— Maria Olsen (@mariaolsen) March 3, 2021\n\n"
        "The port said repairs would take a week."
    )
    found = [q for q in quotes(extractor, text) if q.speaker and q.speaker.name == "Maria Olsen"]
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "Third day without a ferry. We are stuck on the island with no word from anyone")
    ]


def test_a_post_over_several_lines_keeps_them_all(extractor: Extractor) -> None:
    text = (
        "The mayor answered on social media.\n\n"
        "The harbour stays open.\n\n"
        "Repairs start on Monday and will take a week.\n\n"
        "— Mayor Ana Ruiz (@anaruiz) May 2, 2022"
    )
    post = next(q for q in quotes(extractor, text) if q.speaker and "Ana Ruiz" in q.speaker.name)
    assert post.text == "The harbour stays open.\n\nRepairs start on Monday and will take a week."


@pytest.mark.parametrize(
    "text",
    [
        "By Aaron Holt: The council met on Tuesday and passed the harbour budget.",
        "Photo: The new ferry leaves the harbour on its first trip.",
        "VIDEO: Firefighters battle the blaze that closed the harbour road.",
        "- Harbour news: Ferries will run late all week.",
        "Wild 4, Sabres 1: Zach Moor scored twice and Minnesota won.",
        "Portion Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp",
    ],
)
def test_page_furniture_before_a_colon_gives_no_quote(extractor: Extractor, text: str) -> None:
    found = quotes(extractor, "Harbour notes\n\n" + text)
    assert [q for q in found if q.cue and q.cue.text == ":"] == []


def test_a_name_before_a_colon_in_a_headline_still_speaks(extractor: Extractor) -> None:
    found = quotes(extractor, "Pence: Harbour Deal Is Dead\n\nVice President Mike Pence spoke in Ohio on Friday.")
    quote = next(q for q in found if q.cue and q.cue.text == ":")
    assert quote.speaker is not None and quote.speaker.name == "Mike Pence"


def test_a_quote_repeated_in_a_caption_is_one_quote(extractor: Extractor) -> None:
    text = (
        "“We will not close the harbour while I am mayor,” Mayor Ada Lind said on Monday.\n\n"
        "The council votes next week.\n\n"
        "Ada Lind at the harbour: “We will not close the harbour while I am mayor.”"
    )
    found = quotes(extractor, text)
    assert [q.text for q in found] == ["We will not close the harbour while I am mayor"]
    assert found[0].speaker is not None and found[0].speaker.name == "Ada Lind"


def test_single_marks_in_a_headline_are_not_a_quote_of_their_own() -> None:
    text = "'Ferries first': harbour plan divides the council\n\nThe council met on Monday."
    assert marked(text) == []
    assert marked("Mayor Says Harbour Plan Is 'Dead In The Water'\n\nThe council met.") == []


def test_a_reporters_note_with_a_handle_is_not_a_post(extractor: Extractor) -> None:
    text = "The council will vote again in May.\n\n— Jane Roe (@janeroe) covers the harbour for the paper"
    assert [q for q in quotes(extractor, text) if q.speaker and "Jane Roe" in q.speaker.name] == []


def test_single_marks_in_a_short_first_line_are_a_headlines_own() -> None:
    text = "Harbour closes as storm nears – ‘We have never seen this’\n\nThe harbour closed on Monday."
    assert marked(text) == []


def test_a_single_mark_of_the_opening_shape_in_a_closing_place_closes() -> None:
    assert marked("He said ‘we need to be united here,‘ and walked away.") == ["we need to be united here"]


def test_a_backwards_single_mark_closes_only_when_no_right_one_can() -> None:
    assert marked("‘Rock ‘n‘ roll is here to stay,’ she said.") == ["Rock ‘n‘ roll is here to stay"]


def test_a_relative_word_that_is_the_reports_subject_is_its_first_piece(extractor: Extractor) -> None:
    text = "The council passed new rules, which farmers said would ruin the small growers of the valley."
    found = [q for q in quotes(extractor, text) if q.cue and q.cue.text == "said"]
    assert [[text[p.start : p.end] for p in q.parts] for q in found] == [
        ["which", "would ruin the small growers of the valley"]
    ]


def test_a_relative_word_that_is_the_speaker_stays_out_of_the_report(extractor: Extractor) -> None:
    text = "The farmers, who said the rules would ruin the small growers, met the council on Friday."
    found = [q for q in quotes(extractor, text) if q.cue and q.cue.text == "said"]
    assert [(q.text, q.parts) for q in found] == [("the rules would ruin the small growers", [])]


def test_a_clause_set_off_before_the_speaker_is_the_first_piece_of_the_report(extractor: Extractor) -> None:
    text = "It is no surprise, Ms. Okafor said, that the ferry company raised its fares again."
    found = [q for q in quotes(extractor, text) if q.cue and q.cue.text == "said"]
    assert [[text[p.start : p.end] for p in q.parts] for q in found] == [
        ["It is no surprise", "that the ferry company raised its fares again"]
    ]


def test_a_time_set_off_before_the_speaker_stays_out_of_the_report(extractor: Extractor) -> None:
    text = "On Tuesday, the mayor said the bridge would reopen in May."
    found = [q for q in quotes(extractor, text) if q.cue and q.cue.text == "said"]
    assert [(q.text, q.parts) for q in found] == [("the bridge would reopen in May", [])]
