"""Events that did not happen, on sentences of our own: told as not done, they are marked negated and left out
of the output unless asked for (the PLOVER manual: "Negated events can be excluded from the final event
dataset"); a refusal is an event of its own (REJECT: "All rejections and refusals")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.events_support import run
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.pipeline import Extractor


def coded(extractor: Extractor, text: str) -> list[tuple[str, str, bool]]:
    return [(e.type, e.trigger.text, e.negated) for e in run(extractor, text).events]


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("The soldiers crossed the border without firing a shot at the villagers.", "ASSAULT", "firing"),
        ("Riot police cleared the square without arresting any of the students.", "COERCE", "arresting"),
        # ... and what a denial says did not happen.
        ("The defence ministry denied that its troops had fired on the protesters.", "ASSAULT", "fired"),
    ],
)
def test_what_without_governs_or_a_denial_denies_was_not_done(
    keeping: Extractor, extractor: Extractor, text: str, kind: str, trigger: str
) -> None:
    assert (kind, trigger, True) in coded(keeping, text)
    assert kind not in [t for t, _, _ in coded(extractor, text)]


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        # An act kept from ("refrained from", "were barred from", "stopped ... from") ...
        ("Beijing has so far refrained from sending troops to the border.", "MOBILIZE", "sending"),
        ("Riot police were barred from arresting the students inside the campus.", "COERCE", "arresting"),
        ("Police stopped the protesters from storming the parliament.", "ASSAULT", "storming"),
        # ... or set aside for another ("instead of", "rather than").
        ("The army shelled the villages instead of negotiating with the rebels.", "SUPPORT", "negotiating"),
        ("The junta jailed the mayor rather than negotiate with the opposition.", "SUPPORT", "negotiate"),
        ("Rather than attack the city, the rebels besieged it.", "ASSAULT", "attack"),
    ],
)
def test_an_act_kept_from_or_set_aside_was_not_done(
    keeping: Extractor, extractor: Extractor, text: str, kind: str, trigger: str
) -> None:
    assert (kind, trigger, True) in coded(keeping, text)
    assert (kind, trigger) not in [(t, w) for t, w, _ in coded(extractor, text)]


def test_the_act_done_in_place_of_another_stays(extractor: Extractor) -> None:
    assert ("ASSAULT", "shelled", False) in coded(
        extractor, "The army shelled the villages instead of negotiating with the rebels."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Russia considered sanctioning the Baltic states over the pipeline.",
        "The cabinet discussed deploying troops to the northern border.",
    ],
)
def test_an_act_only_weighed_is_no_event(keeping: Extractor, text: str) -> None:
    assert coded(keeping, text) == []


def test_a_refusal_is_a_rejection_that_happened(extractor: Extractor) -> None:
    assert coded(extractor, "Kenya refused to extradite the opposition leader to Uganda.") == [
        ("REJECT", "refused", False)
    ]


def test_the_cli_flag_keeps_negated_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_NEGATED_EVENTS", "")
    path = tmp_path / "news.txt"
    path.write_text("The navy did not attack the tanker on Monday.\n", encoding="utf-8")
    plain = CliRunner().invoke(app, ["extract", str(path), "--published", "2024-03-07", "--format", "json"])
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.output)["events"] == []
    kept = CliRunner().invoke(
        app, ["--negated-events", "extract", str(path), "--published", "2024-03-07", "--format", "json"]
    )
    assert kept.exit_code == 0, kept.output
    events = json.loads(kept.output)["events"]
    assert [(e["type"], e["negated"]) for e in events] == [("ASSAULT", True)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Estrian government did not accept the union's offer on Friday.", "union"),
        ("Kenya did not approve the extradition request from Uganda.", "Uganda"),
    ],
)
def test_acceptance_withheld_from_a_proposal_is_a_rejection(extractor: Extractor, text: str, target: str) -> None:
    extraction = run(extractor, text)
    (event,) = extraction.events
    assert (event.type, event.negated) == ("REJECT", False)
    named = extraction.entity(event.target)
    assert target in (named.name if named is not None else getattr(event.target_words, "text", ""))


def test_an_acceptance_not_yet_given_is_no_rejection(keeping: Extractor) -> None:
    assert "REJECT" not in [t for t, _, _ in coded(keeping, "Israel has not yet accepted the ceasefire proposal.")]
