from __future__ import annotations

import json

from typer.testing import CliRunner

from kibaru import cli_store

from .conftest import ambush_corpus

runner = CliRunner()


def test_every_command_is_documented():
    assert all(command.__doc__ for command in cli_store.COMMANDS)


def test_ingest_records_file_then_query(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in ambush_corpus()) + "\nnot json\n")
    db = str(tmp_path / "c.duckdb")
    result = runner.invoke(cli_store.app, ["ingest", str(records), "--db", db])
    assert result.exit_code == 0, result.output
    assert "8 documents stored" in result.output and "1 failures" in result.output

    result = runner.invoke(cli_store.app, ["events", "--actor", "jnim", "--type", "ASSAULT",
                                           "--since", "2024-03-01", "--until", "2024-03-31",
                                           "--country", "MLI", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 5 and {r["actors"] for r in rows} == {"JNIM"}  # c1 names no actor
    assert len({r["corpus_event_id"] for r in rows}) == 1

    for args in (["actors", "--top", "5"], ["timeline", "--by", "month"],
                 ["events", "--format", "csv", "--limit", "2"]):
        result = runner.invoke(cli_store.app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
    out = tmp_path / "events.csv"
    result = runner.invoke(cli_store.app, ["export", "--format", "acled", "-o", str(out), "--db", db])
    assert result.exit_code == 0 and out.exists()


def test_unknown_actor_is_a_clean_error(tmp_path):
    result = runner.invoke(cli_store.app, ["events", "--actor", "Nobody", "--db",
                                           str(tmp_path / "c.duckdb")])
    assert result.exit_code == 1 and "no actor named" in result.output
