"""The seed article's events through `newsgraph extract`, checked against the gold in ../shared."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from tests.conftest import SEED, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app

STOP = {"the", "a", "an", "of"}


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w']+", (text or "").lower()) if w not in STOP}


def same_name(gold: str, ours: str) -> bool:
    """One name holds all the words of the other ("Kirby" and "John Kirby")."""
    g, p = words(gold), words(ours)
    return bool(g and p) and (g <= p or p <= g)


@pytest.fixture(scope="module")
def seed_output() -> dict[str, Any]:
    result = CliRunner().invoke(
        app, ["extract", str(need_shared(SEED)), "--published", "2023-12-03", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.output)
    return data


@pytest.mark.shared
def test_every_required_seed_event_has_type_actor_and_target(
    seed_output: dict[str, Any], seed_gold: dict[str, Any]
) -> None:
    names = {e["id"]: e["name"] for e in seed_output["entities"]}
    required = [g for g in seed_gold["events"] if not g.get("optional")]
    assert len(required) == 6
    for gold in required:
        actors = [gold["actor"], *gold.get("actor_also", [])]
        hits = [
            e
            for e in seed_output["events"]
            if e["type"] == gold["type"] and any(same_name(a, names.get(e.get("actor"), "")) for a in actors)
        ]
        assert hits, f"missing {gold['type']} by {gold['actor']} ({gold['trigger']})"
        if gold.get("target"):
            targets = [names.get(e.get("target"), "") for e in hits]
            assert any(same_name(gold["target"], t) for t in targets), (gold, targets)


@pytest.mark.shared
def test_reported_strike_keeps_its_quote_date_place_and_size(seed_output: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed_output["entities"]}
    (strike,) = [e for e in seed_output["events"] if e["trigger"]["text"] == "struck"]
    assert strike["type"] == "ASSAULT"
    assert same_name("Israeli military", names[strike["actor"]])
    assert strike["date"] == "2023-12-02"
    assert names[strike["location"]] == "Gaza"
    assert strike["size"] == 400
    assert strike["actor_country"] == "ISR"
    quote = next(q for q in seed_output["quotes"] if q["id"] == strike["reported_by"])
    assert quote["start"] <= strike["trigger"]["start"] < quote["end"]


@pytest.mark.shared
def test_seed_blame_by_he_is_netanyahu_with_his_country(seed_output: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed_output["entities"]}
    (blame,) = [
        e for e in seed_output["events"] if e["type"] == "ACCUSE" and same_name("Netanyahu", names.get(e["actor"], ""))
    ]
    assert seed_output["article"]["text"][blame["trigger"]["start"] - 3 : blame["trigger"]["start"]] == "He "
    assert blame["actor_country"] == "ISR"


@pytest.mark.shared
def test_seed_sanction_is_the_withdrawal_of_negotiators(seed_output: dict[str, Any]) -> None:
    (sanction,) = [e for e in seed_output["events"] if e["type"] == "SANCTION"]
    assert sanction["trigger"]["text"] == "pulled"
    assert sanction["mode"] == "withdraw"


@pytest.mark.shared
def test_seed_blames_are_dated_where_the_sentence_says_when(seed_output: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed_output["entities"]}
    kirby = [
        e for e in seed_output["events"] if e["type"] == "ACCUSE" and same_name("Kirby", names.get(e["actor"], ""))
    ]
    assert [e["date"] for e in kirby] == ["2023-12-03"]
