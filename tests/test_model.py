"""The JSON contract: lossless round-trip and stable article identity."""

from __future__ import annotations

from newsgraph.model import (
    SCHEMA,
    Article,
    DateRef,
    Entity,
    Event,
    Extraction,
    Figure,
    Part,
    Quote,
    Span,
    Speaker,
    article_id,
)


def sample() -> Extraction:
    text = "Mayor Ana Ortiz said Tuesday that “the bridge will open” to 2,000 cars."
    article = Article(text=text, title="Bridge", published="2024-05-08", source="x.txt", metadata={"k": 1})
    return Extraction(
        article=article,
        entities=[Entity("e1", "Ana Ortiz", "PERSON", ["Mayor"], None, [Span(6, 15, "Ana Ortiz")])],
        quotes=[
            Quote(
                "q1",
                "direct",
                "the bridge will open",
                35,
                55,
                cue=Span(16, 20, "said"),
                speaker=Speaker("e1", "Ana Ortiz", "Ana Ortiz", 6, 15),
                parts=[Part(35, 55)],
                date="2024-05-07",
            )
        ],
        figures=[Figure("2,000", 60, 65, 2000, counted="cars")],
        dates=[DateRef("Tuesday", 21, 28, "2024-05-07")],
        events=[Event("v1", "AGREE", Span(16, 20, "said"), actor="e1", negated=True, size=[1, 2])],
    )


def test_round_trip_is_lossless() -> None:
    extraction = sample()
    data = extraction.to_dict()
    assert data["schema"] == SCHEMA
    assert Extraction.from_dict(data) == extraction


def test_event_words_survive_the_round_trip_as_spans_of_the_text() -> None:
    text = "Police arrested three men."
    event = Event(
        "v1",
        "COERCE",
        Span(7, 15, "arrested"),
        actor_words=Span(0, 6, "Police"),
        target_words=Span(16, 25, "three men"),
    )
    extraction = Extraction(article=Article(text=text), events=[event])
    data = extraction.to_dict()["events"][0]
    assert data["actor_words"] == {"text": "Police", "start": 0, "end": 6}
    assert data["actor"] is None
    assert Extraction.from_dict(extraction.to_dict()) == extraction
    assert (event.actor_text, event.target_text) == ("Police", "three men")
    # An entity actor is named by its entity: its words are where, not a second name.
    assert (
        Event("v2", "COERCE", Span(7, 15, "arrested"), actor="e1", actor_words=Span(0, 6, "Police")).actor_text is None
    )


def test_event_without_words_has_no_words_keys() -> None:
    data = sample().to_dict()["events"][0]
    assert "actor_words" not in data and "target_words" not in data


def test_contract_keys_are_always_present() -> None:
    data = sample().to_dict()
    assert set(data) == {"schema", "article", "entities", "quotes", "figures", "dates", "events"}
    assert {"id", "kind", "text", "start", "end", "cue", "speaker"} <= set(data["quotes"][0])
    assert {"text", "value", "approx", "unit", "counted", "claimed_by", "start", "end"} <= set(data["figures"][0])
    assert {"type", "mode", "actor", "target", "trigger", "date", "location"} <= set(data["events"][0])


def test_article_id_ignores_whitespace_but_not_url() -> None:
    assert article_id("A  b\n c") == article_id("A b c")
    assert article_id("A b c", "https://x.test/1") != article_id("A b c")
    assert Article(text="Hello there.").id == article_id("Hello there.")
