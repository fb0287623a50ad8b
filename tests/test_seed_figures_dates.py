"""The seed article's figures and dates through `newsgraph extract`, checked against gold/seed.json."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import SEED, SEED_GOLD, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_output() -> dict[str, Any]:
    need_shared(SEED)
    result = CliRunner().invoke(app, ["extract", str(SEED), "--published", "2023-12-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads(need_shared(SEED_GOLD).read_text(encoding="utf-8"))


def test_every_gold_figure_with_value_hedge_and_counted(seed_output: dict[str, Any], gold: dict[str, Any]) -> None:
    figures = seed_output["figures"]
    for wanted in gold["figures"]:
        hits = [f for f in figures if wanted["text"] in f["text"] and f["value"] == wanted["value"]]
        assert hits, f"missing {wanted['text']!r}"
        figure = hits[0]
        assert wanted["counted"].split()[-1] in (figure["counted"] or ""), figure
        if wanted["approx"]:
            assert wanted["approx"] in (figure["approx"] or ""), figure
        else:
            assert figure["approx"] is None


def test_every_gold_date_resolved_wherever_it_appears(seed_output: dict[str, Any], gold: dict[str, Any]) -> None:
    dates = seed_output["dates"]
    for wanted in gold["dates"]:
        hits = [d for d in dates if d["text"] == wanted["text"]]
        if wanted.get("optional") and not hits:
            continue
        assert hits, f"missing {wanted['text']!r}"
        assert {d["value"] for d in hits} == {wanted["value"]}


def test_offsets_point_at_the_article_text(seed_output: dict[str, Any]) -> None:
    text = seed_output["article"]["text"]
    for item in seed_output["figures"] + seed_output["dates"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_kirby_said_sunday_dates_his_quote(seed_output: dict[str, Any]) -> None:
    dated = [q for q in seed_output["quotes"] if q.get("date")]
    assert dated, "no quote carries a date"
    assert all(q["date"] in ("2023-12-03", "2023-12-02") for q in dated)
    assert any(q["date"] == "2023-12-03" and "does not know" in q["text"] for q in dated)


def test_no_date_is_counted_as_a_figure(seed_output: dict[str, Any]) -> None:
    assert len(seed_output["figures"]) == 5
