"""`newsgraph extract` through the command line: formats, worker processes, failures."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from newsgraph.cli import app


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, result.output


def test_worker_processes_give_what_one_process_gives() -> None:
    files = [str(EXAMPLES / "01_port_strike_courier.txt"), str(EXAMPLES / "06_courier_feed.jsonl")]
    code_one, one = run(*files, "--format", "jsonl")
    code_two, two = run(*files, "--format", "jsonl", "--processes", "2")
    assert code_one == code_two == 0
    assert one == two
    assert len(one.splitlines()) == 3


def test_table_shows_quotes_with_their_speakers() -> None:
    code, output = run(str(EXAMPLES / "03_linden_bridge.txt"), "--format", "table")
    assert code == 0
    assert "Quotes" in output and "Ana Ortiz" in output and "Entities" in output


def test_a_bad_file_is_named_and_the_rest_still_printed(tmp_path: Path) -> None:
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "good.txt").write_text("Mayor Ana Ortiz said on Tuesday that the bridge would reopen.\n")
    code, output = run(str(tmp_path), "--format", "jsonl", "--published", "2024-03-07")
    assert code == 1
    assert "junk.bin" in output
    (line,) = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert line["article"]["published"] == "2024-03-07"
