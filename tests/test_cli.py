"""Every command is documented in the README, and the CLI turns errors into messages."""
from __future__ import annotations

from typer.testing import CliRunner

from kibaru.cli import app
from tests.conftest import ROOT


def _commands() -> set[str]:
    import typer.main

    group = typer.main.get_command(app)
    return set(group.commands)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in sorted(_commands()) if f"kibaru {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_extract_of_a_missing_file_says_so(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert "nope.txt" in result.output + (result.stderr if result.stderr_bytes is not None else "")
