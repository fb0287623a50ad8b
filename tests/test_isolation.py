"""Nothing a file holds can stop a batch, and no file ends without a word (issue 14).

Every hostile file that used to end a run with a traceback, or vanish with exit 0, is
written beside good articles; the batch must store the good ones, name each bad file
with a coded reason, and store the same thing on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.hostile import PROSE, hostile_files
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.pipeline import Extractor
from newsgraph.store import Progress, Store

GOOD = {
    "good.txt": "Harbour crews cleared the quay on Tuesday. “We are ready,” said Mira Olsen, the harbour master.\n",
    "good2.txt": "The council voted on Friday to keep the ferry running all winter, the mayor said.\n",
}
PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, data in hostile_files().items():
        (folder / name).write_bytes(data)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _empty_pg() -> str:
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set: it names a PostgreSQL database to test against (.ci/run sets it)")
    engine = sa.create_engine(PG_URL)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else _empty_pg()
    with Store(url) as opened:
        yield opened


def test_a_hostile_batch_goes_on_and_every_file_is_accounted_for(
    hostile_folder: Path, store: Store, extractor: Extractor
) -> None:
    steps: list[Progress] = []
    report = store.ingest([hostile_folder], extractor=extractor, progress=steps.append)
    told = [s.source or "" for s in steps]
    for file in hostile_folder.iterdir():
        assert any(source.startswith(str(file)) for source in told), f"{file.name} vanished without a word"
    assert report.internal == 0, report.failed
    stored = {a.source: a for a in store.articles(limit=100).items}
    assert {str(hostile_folder / name) for name in GOOD} <= set(stored)
    reasons = dict(report.failed)
    by_name = {Path(source.split("#")[0].split(":")[0]).name: reason for source, reason in reasons.items()}
    assert "E065" in by_name["punctuation.txt"]
    assert "E061" in by_name["deep.json"] and "E061" in by_name["deep.jsonl"]
    assert "header and no rows" in by_name["header-only.csv"]
    for name in ("plain-text-warc.warc", "only-header.warc", "starts-warc.txt", "broken-record.warc"):
        assert "WARC" in by_name[name]
    assert by_name["huge-length.warc"].startswith("damaged WARC")
    assert "too large" in by_name["bomb.jsonl.gz"]


def test_nul_lone_surrogates_and_nan_are_stored_alike_on_every_store(
    hostile_folder: Path, store: Store, extractor: Extractor
) -> None:
    store.ingest([hostile_folder / "nul-nan.jsonl", hostile_folder / "surrogate.jsonl"], extractor=extractor)
    rows = {Path(r.source or "").name: r for r in store.articles(limit=10).items}
    nul = store.article(rows["nul-nan.jsonl#1"].id).article
    assert nul.text == PROSE + " \ufffd NUL." and nul.metadata == {"score": None, "rank": None, "language": "en"}
    lone = store.article(rows["surrogate.jsonl#1"].id).article
    assert lone.text.endswith("\ufffd Lone.") and lone.url == "https://x.example/\ufffd"


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_exit_codes_say_all_good_some_failed_or_internal(
    tmp_path: Path, hostile_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(GOOD["good.txt"], encoding="utf-8")
    assert run("ingest", good, "--db", tmp_path / "a.db")[0] == 0
    code, output = run("ingest", hostile_folder / "header-only.csv", good, "--db", tmp_path / "b.db")
    assert code == 1 and "failed" in output and "header-only.csv: a table with a header and no rows" in output

    def broken(data: bytes, source: str) -> None:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr("newsgraph.ingest.read_text", broken)
    code, output = run("ingest", good, "--db", tmp_path / "c.db", "--debug")
    assert code == 3
    assert "[E060] internal error while reading it after 0 records: RuntimeError: a bug in a reader" in output
    assert "Traceback" in output
