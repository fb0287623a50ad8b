"""The seed article's entities through `newsgraph extract`, checked against ../shared/gold/seed.json."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest
from tests.conftest import SEED, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "it", "its"})


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


@pytest.fixture(scope="module")
def seed_output() -> dict[str, Any]:
    result = CliRunner().invoke(
        app, ["extract", str(need_shared(SEED)), "--published", "2023-12-03", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.shared
def test_every_required_seed_entity_is_found_once_with_its_titles(
    seed_gold: dict[str, Any], seed_output: dict[str, Any]
) -> None:
    for gold in (g for g in seed_gold["entities"] if not g.get("optional")):
        hits = [e for e in seed_output["entities"] if norm(e["name"]) == norm(gold["name"])]
        assert len(hits) == 1, (gold["name"], [e["name"] for e in seed_output["entities"]])
        entity = hits[0]
        assert entity["type"] == gold["type"], gold["name"]
        assert [norm(t) for t in entity["titles"]] == [norm(t) for t in gold.get("titles", [])], gold["name"]
        if gold.get("affiliation"):
            assert entity["affiliation"] == gold["affiliation"]
        if gold.get("mentions"):
            assert len(entity["mentions"]) >= gold["mentions"], gold["name"]


@pytest.mark.shared
def test_the_seed_person_has_all_his_name_mentions_without_possessives(seed_output: dict[str, Any]) -> None:
    (kirby,) = [e for e in seed_output["entities"] if e["name"] == "John Kirby"]
    names = [m["text"] for m in kirby["mentions"] if m["text"].lower() not in PRONOUNS]
    # The headline, "John Kirby", three "Kirby said"/"Kirby also", and "Kirby’s comments" (name only).
    assert names == ["Kirby", "John Kirby", "Kirby", "Kirby", "Kirby", "Kirby"]
    assert kirby["affiliation"] == "National Security Council"


@pytest.mark.shared
def test_seed_groups_are_organisations_and_nationalities_are_not(seed_output: dict[str, Any]) -> None:
    by_name = {e["name"]: e for e in seed_output["entities"]}
    assert by_name["Israeli military"]["type"] == "ORG"
    assert by_name["Hamas"]["descriptions"] == ["militant group"]
    assert {"Israeli", "Palestinian"} <= {e["name"] for e in seed_output["entities"] if e["type"] == "NORP"}
    assert not any(e["type"] == "ORG" and e["name"] in ("Israeli", "Palestinian") for e in seed_output["entities"])


@pytest.mark.shared
def test_seed_mentions_are_the_text_at_their_offsets(seed_output: dict[str, Any]) -> None:
    text = seed_output["article"]["text"]
    for entity in seed_output["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
