"""Every attribution is typed by its act; the store keeps only quotes (speech)."""

from __future__ import annotations

import json

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import QUOTE_ACTS, Article
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

PORT = (
    "The harbour master said on Monday that the port would reopen next week.\n\n"
    "A spokesman for Keller Shipping declined to comment.\n\n"
    "Residents criticized the delay.\n\n"
    "A survey by the chamber of commerce shows that most shops lost orders.\n\n"
    "The strike appears to be over.\n\n"
    "Mayor Ortiz believes the talks will succeed.\n\n"
    "The union leader spoke about the pension fund.\n\n"
    "The council called the strike a disgrace.\n\n"
    "The company rejected the union's claims as “simply untrue.”\n"
)


@pytest.fixture(scope="module")
def acts(extractor: Extractor) -> dict[str, str]:
    extraction = extractor.extract(Article(text=PORT, published="2024-03-12"))
    return {quote.text: quote.act for quote in extraction.quotes}


@pytest.mark.parametrize(
    ("content", "act"),
    [
        ("that the port would reopen next week", "speech"),
        ("to comment", "intent"),
        ("the delay", "stance"),
        ("that most shops lost orders", "evidence"),
        ("the talks will succeed", "thought"),
        ("the pension fund", "topic"),
        ("the strike a disgrace", "speech"),
    ],
)
def test_each_report_is_typed_by_what_it_ascribes(acts: dict[str, str], content: str, act: str) -> None:
    assert acts.get(content) == act, acts


def test_an_appearance_with_no_one_named_is_evidence(acts: dict[str, str]) -> None:
    assert [act for text, act in acts.items() if "appears" in text] == ["evidence"]


def test_a_dismissal_in_their_own_marked_words_is_speech(acts: dict[str, str]) -> None:
    assert [act for text, act in acts.items() if "simply untrue" in text] == ["speech"]


COLUMN = (
    "I think the strike will end soon.\n\n"
    "The minister did not say whether the port would reopen.\n\n"
    "The mayor may believe the talks will fail.\n\n"
    "The strike, it was reported, cost $2 million a day.\n\n"
    "VELDPORT (NP) — Harbour master Anna Berg said on Monday that the cranes would restart.\n"
)


Attributions = dict[str, tuple[str, str | None]]


def attributions(extractor: Extractor, text: str) -> Attributions:
    """Each attribution's act and speaker, by its content."""
    extraction = extractor.extract(Article(text=text, published="2024-03-12"))
    return {q.text: (q.act, q.speaker.name if q.speaker else None) for q in extraction.quotes}


@pytest.fixture(scope="module")
def column(extractor: Extractor) -> Attributions:
    return attributions(extractor, COLUMN)


def test_the_writers_own_view_is_not_a_quote(column: Attributions) -> None:
    assert column["the strike will end soon"][0] == "writer"


def test_what_was_not_or_may_not_have_been_said_is_unsaid(column: Attributions) -> None:
    assert column["whether the port would reopen"][0] == "unsaid"
    assert column["the talks will fail"][0] == "unsaid"


def test_a_report_with_no_one_named_is_evidence(column: Attributions) -> None:
    assert [act for text, (act, _) in column.items() if "$2 million" in text] == ["evidence"]


def test_a_dateline_is_not_the_speaker(column: Attributions) -> None:
    assert column["that the cranes would restart"] == ("speech", "Anna Berg")


HARBOUR = (
    "Dock workers shrug and think, “Enough already, just open the gates.”\n\n"
    "The council's refusal to say which bidder it favours drew laughter.\n\n"
    "Among hauliers, the number who said they had lost a contract rose by 23 percent.\n\n"
    "According to data released by the port authority, cargo volumes fell 12 percent in March.\n\n"
    "The inspectors observed the harbour cranes for 17 nights.\n\n"
    "Given that record -- and the fact that the council missed 14 deadlines, according to the city auditor -- "
    "residents have reason to doubt the plan.\n\n"
    "Handling costs rose 8 percent last year, the analysts said. "
    "“The rise will not stop soon, and shippers will pay for it,” they wrote.\n"
)


@pytest.fixture(scope="module")
def harbour(extractor: Extractor) -> Attributions:
    return attributions(extractor, HARBOUR)


@pytest.mark.parametrize(
    ("content", "act"),
    [
        # Words in marks with no one to say them: a columnist's imagined crowd, not a quote.
        ("Enough already, just open the gates.", "unattributed"),
        ("which bidder it favours", "intent"),
        # A share of respondents is a survey's finding, and data are a measurement.
        ("they had lost a contract", "evidence"),
        ("cargo volumes fell 12 percent in March", "evidence"),
        # "for 17 nights" says how long they looked, nothing of what they said.
        ("the harbour cranes for 17 nights", "stance"),
    ],
)
def test_what_no_one_said_is_not_a_quote(harbour: Attributions, content: str, act: str) -> None:
    assert harbour[content][0] == act, harbour


def test_an_aside_vouched_for_ends_at_its_dashes(harbour: Attributions) -> None:
    audited = [text for text, (_, speaker) in harbour.items() if speaker == "city auditor"]
    assert audited == ["and the fact that the council missed 14 deadlines"]


def test_they_with_no_entity_is_the_group_that_spoke_before(harbour: Attributions) -> None:
    assert harbour["The rise will not stop soon, and shippers will pay for it"] == ("speech", "analysts")


def test_extract_prints_every_act_and_the_store_keeps_only_quotes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "port.txt"
    source.write_text(PORT, encoding="utf-8")
    printed = CliRunner().invoke(app, ["extract", str(source), "--format", "json"])
    assert printed.exit_code == 0, printed.output
    extracted = json.loads(printed.output)["quotes"]
    assert {q["act"] for q in extracted} == {"speech", "intent", "stance", "evidence", "thought", "topic"}
    db = str(tmp_path / "port.db")
    assert CliRunner().invoke(app, ["ingest", str(source), "--db", db]).exit_code == 0
    with Store(db) as store:
        stored = store.quotes(limit=100).items
    assert sorted(q.text for q in stored) == sorted(q["text"] for q in extracted if q["act"] in QUOTE_ACTS)
    assert "to comment" not in {q.text for q in stored}


def test_the_sample_corpus_stores_its_quotes_and_not_its_other_attributions(tmp_path, extractor: Extractor) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "examples.db")
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        stored = {(q.article_id, q.text) for q in store.quotes(limit=1000).items}
    printed = CliRunner().invoke(app, ["extract", str(EXAMPLES), "--format", "jsonl"])
    extractions = [json.loads(line) for line in printed.output.splitlines() if line.startswith("{")]
    said = {(e["article"]["id"], q["text"]) for e in extractions for q in e["quotes"] if q["act"] in QUOTE_ACTS}
    others = [q for e in extractions for q in e["quotes"] if q["act"] not in QUOTE_ACTS]
    assert stored == said
    # "threatened to call a vote of no confidence", "agreed to meet again on Thursday": not quotes.
    assert {q["act"] for q in others} >= {"intent", "stance"}


RALLY = (
    "Teachers Rally at Statehouse as Governor Says Pay Will Wait\n\n"
    "Thousands of teachers marched on the Statehouse on Tuesday.\n\n"
    "Teachers chanted, “Fund our schools,” as lawmakers arrived.\n\n"
    "Union president Clara Diaz said the rally was the largest in the state's history.\n\n"
    "It is worth noting that the union has not called a strike. Is it fair to say that the march changed "
    "minds in the chamber?\n\n"
    "The school board said it is pleased to report that attendance held steady.\n\n"
    "Dr. Ann Lee of the county hospital found that most of the injured were teachers.\n\n"
    "Later a choir sang from the steps. “We stand for every child,” they sang. “We will not be moved.”\n\n"
    "Charges filed after the protest:\n\n"
    "Mark T. Olsen: Trespassing, resisting arrest, held in lieu of $5,000 bond.\n\n"
    "Clara Diaz: We will be back every week until the budget changes.\n"
)


@pytest.fixture(scope="module")
def rally(extractor: Extractor) -> Attributions:
    return attributions(extractor, RALLY)


@pytest.mark.parametrize(
    ("content", "act"),
    [
        ("Fund our schools", "unattributed"),  # a chant is a slogan, not a statement
        ("We stand for every child", "unattributed"),  # a lyric
        ("We will not be moved.", "unattributed"),  # the next line of the song
        ("Pay Will Wait", "headline"),  # the story below tells what the governor said
        ("the rally was the largest in the state's history", "speech"),
        ("that the union has not called a strike", "writer"),  # "it" stands for no one
        ("that the march changed minds in the chamber", "writer"),
        ("it is pleased to report that attendance held steady", "speech"),
        ("that most of the injured were teachers", "evidence"),  # a finding, whoever found it
        ("We will be back every week until the budget changes", "speech"),
    ],
)
def test_what_is_performed_or_headlined_is_not_a_quote(rally: Attributions, content: str, act: str) -> None:
    assert rally[content][0] == act, rally


def test_a_list_item_after_a_name_and_a_colon_is_not_a_quote(rally: Attributions) -> None:
    assert not any(content.startswith("Trespassing") for content in rally), rally


def test_a_report_inside_the_writers_question_is_not_said(extractor: Extractor) -> None:
    text = (
        "What better fix than to put an app over basic banking, and call it a revolution? "
        "Did the mayor say the bridge would open?\n"
    )
    found = attributions(extractor, text)
    assert found["the bridge would open"][0] == "unsaid", found


def test_why_a_source_goes_unnamed_is_not_what_they_said(extractor: Extractor) -> None:
    text = (
        "The mayor of Harlow will not run again, according to two council members who requested anonymity "
        "to reveal private conversations.\n\n"
        "A port official said on condition of anonymity that the ferry had been seized."
    )
    found = {q.text: q.act for q in extractor.extract(Article(text=text)).quotes}
    assert found.get("anonymity to reveal private conversations", "intent") != "speech"
    assert found["that the ferry had been seized"] == "speech"
    assert found["The mayor of Harlow will not run again"] == "speech"


def test_a_source_named_after_according_to_lends_no_anonymity_to_the_report(extractor: Extractor) -> None:
    text = (
        "Senator Mara Quill used a private lunch to complain that the mayor's plan was hurting the party, "
        "according to two senators present who requested anonymity to reveal private conversations."
    )
    found = {q.text: q.act for q in extractor.extract(Article(text=text)).quotes}
    assert found["that the mayor's plan was hurting the party"] == "speech"
