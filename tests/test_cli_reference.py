"""Every command has help text and is in docs/cli.md, and the reference is current."""

from __future__ import annotations

import subprocess
import sys

import typer
from tests.conftest import ROOT
from typer.testing import CliRunner

from newsgraph.cli import app

sys.path.insert(0, str(ROOT / "scripts"))
from cli_reference import command_paths  # noqa: E402


def test_every_command_has_help_text() -> None:
    root = typer.main.get_command(app)
    runner = CliRunner()
    for path in command_paths(root)[1:]:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        command = root
        for name in path:
            command = command.get_command(None, name)  # type: ignore[attr-defined]
        assert (command.help or "").strip(), f"newsgraph {' '.join(path)} has no help text"


def test_reference_is_current() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"], cwd=ROOT)
    assert check.returncode == 0, "docs/cli.md is out of date: run `python scripts/cli_reference.py`"
