"""`kill -9` during ingest (-j 1 and -j 2): the finished store equals a clean one, and no process is left.

Also: a store of version 4 upgrades, and runs it left unfinished are marked abandoned.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import sqlalchemy as sa
from benchmarks.kills import ingest, make_corpus, trial
from tests.test_store import BACK_TO_V4, downgrade, layout

from newsgraph.store import Store
from newsgraph.store.loader import Ingestion
from newsgraph.store.schema import ingest_runs

# Kills tried before the test gives up (each is a whole ingest of the corpus).
TRIES = 3


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_a_killed_ingest_finishes_as_a_clean_one_would(tmp_path: Path, processes: int) -> None:
    corpus = make_corpus(tmp_path / "corpus", 120)  # several batches per worker, so the kill lands mid-run
    clean = tmp_path / "clean.db"
    ingest(corpus, clean, 1).wait()
    # With -j 2 most articles are stored in a burst near the end, so a random moment after the
    # first one can fall after the last; a few moments are drawn until one falls inside the run.
    for attempt in range(TRIES):
        result = trial(tmp_path, corpus, clean, processes, random.Random(processes + 10 * attempt))
        if result["kills"]:
            break
    assert result["kills"], f"the ingest ended before the kill in {TRIES} tries: nothing was tested"
    assert result["left alive"] == 0, "a worker outlived its killed parent"
    assert (result["lost"], result["extra"], result["differing"], result["orphans"]) == (0, 0, 0, 0)
    assert not result["integrity not ok"]
    assert result["unfinished runs"] == 0
    assert result["abandoned runs"] == result["kills"]


def test_a_v4_store_upgrades_and_marks_its_unfinished_runs_abandoned(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        Ingestion(store, None).start(["killed/"])
    downgrade(url, BACK_TO_V4)
    with Store(url) as store, store.reading() as connection:
        (run,) = connection.execute(sa.select(ingest_runs)).mappings().all()
    assert run["finished"] is None and run["abandoned"] is not None
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    Store(fresh).close()
    assert layout(url) == layout(fresh)


def test_a_run_whose_process_is_gone_is_marked_abandoned_by_the_next(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    with Store(url) as store:
        gone = Ingestion(store, None).start(["a/"])
        with store.writing() as connection:
            connection.execute(sa.update(ingest_runs).where(ingest_runs.c.id == gone).values(pid=2**22 + 7))
        Ingestion(store, None).start(["b/"])
        with store.reading() as connection:
            rows = {r.id: r.abandoned for r in connection.execute(sa.select(ingest_runs))}
    assert rows[gone] is not None and rows[gone + 1] is None
