"""The sample corpus against its own hand-made gold: every feature, no ../shared needed.

Floors sit a little under what the pipeline reaches today; raise them when it gains.
"""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES, SEED_GOLD, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.eval.articles import ArticleScore, evaluate_articles, totals
from newsgraph.pipeline import Extractor

FLOORS = {"quotes": 0.97, "entities": 0.95, "figures": 0.95, "dates": 0.95, "events": 0.76}
MAX_FALSE_QUOTES = 0
# Events matching no gold event, optional ones included (see newsgraph.eval.articles).
MAX_FALSE_EVENTS = 0


@pytest.fixture(scope="module")
def scores(extractor: Extractor) -> list[ArticleScore]:
    return list(evaluate_articles(EXAMPLES / "expected.json", extractor))


def test_every_example_article_is_scored(scores: list[ArticleScore]) -> None:
    assert len(scores) == 11
    assert all(score.parts["quotes"].required for score in scores)


@pytest.mark.parametrize("part", list(FLOORS))
def test_examples_meet_the_floor(scores: list[ArticleScore], part: str) -> None:
    counts = totals(scores)[part]
    assert counts.share >= FLOORS[part], f"{part}: {counts.right}/{counts.required} right, floor {FLOORS[part]}"


def test_examples_add_few_false_quotes(scores: list[ArticleScore]) -> None:
    assert totals(scores)["quotes"].false <= MAX_FALSE_QUOTES


def test_examples_add_few_false_events(scores: list[ArticleScore]) -> None:
    false = [m for score in scores for m in score.parts["events"].misses if m.startswith("false event")]
    assert totals(scores)["events"].false <= MAX_FALSE_EVENTS, false


@pytest.mark.shared
def test_eval_articles_command_on_the_seed_finds_everything() -> None:
    result = CliRunner().invoke(app, ["eval", "articles", "--gold", str(need_shared(SEED_GOLD)), "--misses"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line.split() for line in result.output.splitlines()[2:7]}
    assert lines["quotes"][1:3] == ["9", "9"] and lines["quotes"][4] == "0"
    assert all(lines[part][1] == lines[part][2] for part in ("entities", "figures", "dates", "events"))


def test_eval_articles_names_a_bad_gold_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "gold.json"
    bad.write_text('{"quotes": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "articles", "--gold", str(bad)])
    assert result.exit_code == 1
    assert "[E040]" in result.output and "gold.json" in result.output
