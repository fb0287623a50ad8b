"""`newsgraph eval events` on a small PLOVER file of our own, and the accuracy gate on PLOVER dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import PLOVER_DEV, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.eval.articles import score_events
from newsgraph.eval.events import actor_matches, content_words, evaluate_events
from newsgraph.model import Article, Entity, Event, Extraction, Span
from newsgraph.pipeline import Extractor

RECORDS = [
    {
        "id": "T-1",
        "date": "2024-02-01",
        "event": "ASSAULT",
        "eventText": "shelled",
        "source": [{"actorText": "Ukrainian army", "code": "UKR", "sector": "MIL"}],
        "target": [{"actorText": "Donetsk", "code": "UKR"}],
        "text": "The Ukrainian army shelled positions near Donetsk on Tuesday.",
    },
    {
        "id": "T-2",
        "date": "2024-02-01",
        "event": "ACCUSE",
        "eventText": "accused",
        "source": [{"actorText": "Kenya", "code": "KEN"}],
        "target": [{"actorText": "Somalia", "code": "SOM"}],
        "text": "Kenya accused Somalia of harbouring the gunmen.",
    },
    {
        "id": "T-3",
        "date": "2024-02-01",
        "event": "PROTEST",
        "eventText": "rallied",
        "source": [{"actorText": "Chilean students"}],
        "target": "",
        "text": "Chilean students rallied in Santiago for free tuition.",
    },
]


def write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_eval_events_prints_the_figures(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(write(tmp_path, RECORDS))])
    assert result.exit_code == 0, result.output
    assert "PLOVER records: 3" in result.output
    assert "type recall (gold type among the sentence's events): 1.000" in result.output
    assert "top-1 type accuracy" in result.output
    assert "first-event type accuracy (our first event, no gold words used): 1.000" in result.output
    assert "type + source actor accuracy" in result.output
    assert "5-fold cross-validated (nothing tuned or learned on these records" in result.output


def test_eval_events_lists_confusions_and_misses(tmp_path: Path) -> None:
    wrong = dict(RECORDS[1], event="SUPPORT", id="T-4")
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(write(tmp_path, [wrong])), "--misses", "5"])
    assert result.exit_code == 0, result.output
    assert "SUPPORT -> ACCUSE" in result.output
    assert "T-4: ACCUSE (accused), gold SUPPORT" in result.output


def test_eval_events_lists_misses_of_the_folds_asked_only(tmp_path: Path) -> None:
    # Records 0 and 1 are in folds 0 and 1 (record i in fold i mod 5); both are coded wrong.
    wrong = [dict(RECORDS[1], event="SUPPORT", id="T-5"), dict(RECORDS[1], event="SUPPORT", id="T-6")]
    gold = str(write(tmp_path, wrong))
    result = CliRunner().invoke(app, ["eval", "events", "--gold", gold, "--misses", "5", "--folds", "1"])
    assert result.exit_code == 0, result.output
    assert "misses in folds 1:" in result.output
    assert "T-6: ACCUSE (accused)" in result.output
    assert "T-5" not in result.output, "a fold kept unread is not listed"
    refused = CliRunner().invoke(app, ["eval", "events", "--gold", gold, "--misses", "5", "--folds", "7"])
    assert refused.exit_code == 1
    assert "--folds takes fold numbers from 0 to 4" in refused.output


def test_eval_events_refuses_a_file_that_is_not_plover(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "not a list"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(path)])
    assert result.exit_code == 1
    assert "E040" in result.output


def test_eval_events_says_when_the_gold_is_missing(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_actor_words_ignore_articles_and_plurals() -> None:
    assert content_words("the Israeli soldiers") == {"israeli", "soldier"}


def test_an_actor_named_by_its_words_is_an_actor() -> None:
    text = "Riot police fired tear gas."
    extraction = Extraction(Article(text=text))
    by_words = Event("v1", "ASSAULT", Span(12, 17, "fired"), actor_words=Span(0, 11, "Riot police"))
    assert actor_matches(extraction, by_words, ["police"])
    assert not actor_matches(extraction, by_words, ["protesters"])
    # A record with no gold source wants no actor, and words are one.
    assert not actor_matches(extraction, by_words, [])
    assert actor_matches(extraction, Event("v2", "ASSAULT", Span(12, 17, "fired")), [])


def test_article_gold_reads_an_actor_named_by_its_words() -> None:
    text = "Police arrested two men."
    extraction = Extraction(
        Article(text=text),
        events=[
            Event("v1", "COERCE", Span(7, 15, "arrested"), actor_words=Span(0, 6, "Police")),
            Event("v2", "COERCE", Span(7, 15, "arrested"), actor_words=Span(16, 23, "two men")),
        ],
    )
    score = score_events([{"type": "COERCE", "actor": "Police", "trigger": "arrested"}], extraction)
    # The police's arrest is the gold one; one by "two men" names a different actor: false.
    assert (score.right, score.false) == (1, 1)


@pytest.mark.shared
def test_plover_dev_accuracy_stays_above_its_floors(extractor: Extractor) -> None:
    report = evaluate_events(need_shared(PLOVER_DEV), extractor)
    assert report.failed == 0
    # Lexicon generated from the CAMEO dictionary (scripts/build_event_lexicon.py), nothing tuned on dev.
    # Measured 0.776 recall, 0.770 top-1 (0.770 first event), 0.739 type+source; floors at or a little under.
    # (0.770/0.764/0.764/0.739 before country words joined before one noun each marked a party, "the Russian and
    # Syrian defense ministries": fold 3 rose 0.656 -> 0.688, a held-out fold no one reads.)
    # (0.764/0.758/0.758/0.733 before "US" in capitals was the country, not the pronoun "us": fold 1, one
    # record; folds 3-4 unchanged.)
    # (0.752/0.745/0.745/0.720 before a subject hung after a comma on an opening phrase was the verb's actor and
    # an order was coded by what it orders: fold 0 only, one record each; folds 3-4 unchanged.)
    # (type+source 0.708 before an actor named by its words, "Prisoners", counted as one: fold 0.)
    # (0.739/0.733/0.702 before a frame naming the object's head beat one naming its modifier, "withdraw
    # weapons inspectors": fold 2; folds 3-4 unchanged.)
    # (0.733/0.727/0.696 before the code descriptions' verb-object frames made "expelled inspectors of the
    # IAEA" SANCTION expel on the IAEA: fold 0; folds 3-4 unchanged.)
    # (0.727/0.720/0.689 before people named by their country or body were named objects: fold 2.)
    # (0.720/0.714 before what is fired at people was the target and a crowd could be harmed: fold 2.)
    # (0.739/0.739/0.714 before blocking a road was the manual's PROTEST obstruct: found on fold 0, folds 3-4
    # unchanged.)
    # (0.702/0.696/0.671 before suits and indictments were the manual's ACCUSE allege, an invasion its
    # ASSAULT and a dismissed appeal its REJECT: found on folds 0-2, folds 3-4 unchanged.)
    # (0.646/0.640/0.615 before support verbs did the act their pattern's object names, sanctions were
    # the manual's SANCTION, phrasal patterns coded only their own verb, a thing given or imposed reached
    # its recipient, and a fired weapon was the means, not the target.)
    # (0.652/0.646/0.621 before a country's code alone on an ORG stopped making it political: NER's ORG
    # "Ethopia", a misspelt country, lost one AGREE; on real pages the rule drops firms' offers and falls.)
    # Down from 0.677/0.665/0.634: general verbs and WordNet neighbours no longer code without their
    # frame, and COOPERATE/AID/SANCTION need a recipient (the manual), a trade for precision on real
    # pages (README, "Events").
    assert report.ratio(report.recalled) >= 0.77
    assert report.ratio(report.top1) >= 0.765
    assert report.ratio(report.first) >= 0.765
    assert report.ratio(report.top1_source) >= 0.735
    # Nothing is fitted on dev, so the 5-fold figure is the same coder scored fold by fold: its mean
    # holds the same floors, and no fold falls far under them.
    top1, source = report.cross_validated()
    assert top1 >= 0.765 and source >= 0.735
    assert min(t for t, _ in report.folds()) >= 0.68


def test_article_gold_counts_events_that_match_no_gold_event() -> None:
    def event(event_id: str, kind: str, actor: str | None, negated: bool = False) -> Event:
        return Event(event_id, kind, Span(0, 6, "struck"), actor=actor, negated=negated)

    extraction = Extraction(
        Article(text="struck"),
        entities=[Entity("e1", "Estria", "GPE"), Entity("e2", "Dock Workers' Union", "ORG")],
        events=[
            event("v1", "RETREAT", "e1"),  # the gold release: right
            event("v2", "RETREAT", None),  # the same release told again, no actor named: incomplete, not false
            event("v3", "RETREAT", "e2"),  # a release by someone else: false
            event("v4", "ASSAULT", None),  # a type the gold has not: false
            event("v5", "COERCE", None, negated=True),  # "no arrests were made": not false
            event("v6", "AGREE", "e1"),  # matches an optional gold event: not false
        ],
    )
    gold = [
        {"type": "RETREAT", "actor": "Estria", "trigger": "released"},
        {"type": "AGREE", "actor": "Estria", "trigger": "agreed", "optional": True},
    ]
    score = score_events(gold, extraction)
    assert (score.right, score.required, score.false) == (1, 1, 2)
    assert [m for m in score.misses if m.startswith("false event")] == [
        "false event RETREAT by Dock Workers' Union on None ('struck')",
        "false event ASSAULT by None on None ('struck')",
    ]
