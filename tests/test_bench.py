"""`newsgraph bench` times every stage against bare spaCy on the same texts, both quote modes included."""

from __future__ import annotations

import re

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from newsgraph.cli import app


def test_bench_prints_each_stage_with_its_ratio_to_bare_spacy() -> None:
    result = CliRunner().invoke(app, ["bench", str(EXAMPLES), "--rounds", "1"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    assert re.search(r"^\d+ articles, [\d,]+ words; best of 1 rounds", result.output, re.M)
    assert "1.000x (bare spaCy)" in rows["spacy"]
    assert re.search(r"\d\.\d{3}x spacy$", rows["extract"])
    assert re.search(r"\d\.\d{3}x spacy$", rows["fast"]), "the rules alone are timed in the same run"
    assert re.search(r"\d\.\d{3}x extract$", rows["ingest"])
    assert re.search(r"peak memory .*: [\d,]+ MB", result.output)


def test_bench_gives_speed_relative_to_spacy_with_its_spread_over_rounds() -> None:
    result = CliRunner().invoke(app, ["bench", str(EXAMPLES), "--rounds", "2", "--no-ingest"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("extract "))
    speed, low, high, time_ratio = re.search(r"(\d\.\d{3})  (\d\.\d{3})-(\d\.\d{3})  (\d\.\d{3})x spacy$", row).groups()
    assert float(speed) == pytest.approx(1 / float(time_ratio), abs=0.002), "speed is the inverse of the time ratio"
    assert float(low) <= float(high), row
    assert float(low) <= float(speed) + 0.001, "the fastest rounds' ratio is no lower than the slowest round's"


def test_bench_in_fast_mode_has_no_second_extract_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    # --quotes reaches worker processes through the environment: undo it for the tests after this one.
    monkeypatch.setenv("NEWSGRAPH_QUOTES", "model")
    result = CliRunner().invoke(app, ["--quotes", "fast", "bench", str(EXAMPLES), "--rounds", "1", "--no-ingest"])
    assert result.exit_code == 0, result.output
    table = result.output[result.output.index("stage ") :].splitlines()[1:]
    assert [line.split()[0] for line in table if re.match(r"^[a-z]+ +\d", line)] == ["spacy", "extract"]
