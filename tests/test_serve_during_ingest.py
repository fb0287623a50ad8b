"""The server keeps answering while an ingest writes to the same store: no error, no 500 (issue 14)."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES

from newsgraph.api import create_app
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

URLS = ("/api/articles", "/api/quotes?speaker=Ortiz", "/api/entities?q=port", "/api/stats", "/", "/quotes")


def test_reads_while_an_ingest_writes(tmp_path: Path, extractor: Extractor) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    with Store(url) as writer, Store(url) as reader:
        ingest = threading.Thread(target=writer.ingest, args=([EXAMPLES],), kwargs={"extractor": extractor})
        client = TestClient(create_app(reader))
        statuses: list[int] = []
        ingest.start()
        while ingest.is_alive() or len(statuses) < len(URLS):
            statuses.append(client.get(URLS[len(statuses) % len(URLS)]).status_code)
        ingest.join()
        assert set(statuses) == {200}, statuses
        assert client.get("/api/stats").json()["articles"] == writer.stats()["articles"] > 0
