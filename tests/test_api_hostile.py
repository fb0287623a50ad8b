"""Hostile HTTP requests: every bad parameter or body is a 422 or 413 with a JSON error, never a 500.

Each answer, errors included, carries the security headers; a bug inside a route is a
coded 500 with the headers too, not a dropped connection.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.test_api import build_store

from newsgraph.api import create_app
from newsgraph.pipeline import Extractor

HOSTILE_GETS = [
    "/api/articles?offset=9223372036854775808",
    "/api/quotes?offset=99999999999",
    "/api/articles?q=%00",
    "/api/quotes?speaker=a%00b",
    "/api/articles/%00abc",
    "/api/events?actor=%00",
    "/articles?offset=9223372036854775808",
    "/quotes?speaker=%00",
]
# Names, not ids: each is searched for and found nowhere.
ODD_IDS = [
    "/api/entities/%ED%A0%80",
    "/api/entities/%C2%B2",
    "/api/entities/12345678901234567890123",
    "/entities/12345678901234567890123",
]
ODD_FILTERS = [
    "/api/quotes?speaker=%C2%B2",
    "/api/quotes?speaker=12345678901234567890123",
    "/api/events?actor=12345678901234567890123",
    "/api/events?actor=%C2%B2",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("hostile") / "web.db"), allow_extract=True))


def secured(response: Any) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("url", HOSTILE_GETS)
def test_a_bad_parameter_is_a_422_with_the_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    secured(response)


@pytest.mark.parametrize("url", ODD_IDS)
def test_a_number_that_names_no_row_is_a_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404, response.text
    secured(response)


@pytest.mark.parametrize("url", ODD_FILTERS)
def test_a_number_that_names_no_row_filters_to_nothing(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and response.json()["total"] == 0


@pytest.fixture(scope="module")
def extract_client(client: TestClient, extractor: Extractor) -> Iterator[TestClient]:
    import newsgraph.pipeline

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(newsgraph.pipeline, "_default", extractor)
        yield client


@pytest.mark.parametrize(
    "body, status",
    [
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", 422),  # nested far past the parser's stack
        (json.dumps({"text": "Mira Olsen said the quay \ud800 was clear on Tuesday."}), 200),
        (json.dumps({"text": "x " * 60_000}), 413),
        (json.dumps({"text": "The mayor said " + "&" * 5_000}), 422),
    ],
    ids=["nested", "surrogate", "too-long", "punctuation"],
)
def test_extract_keeps_to_the_bounds(extract_client: TestClient, body: str, status: int) -> None:
    response = extract_client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text[:300]
    secured(response)


def test_a_bug_in_a_route_is_a_coded_500_with_the_headers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = build_store(tmp_path / "bug.db")

    def broken(**_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "articles", broken)
    response = TestClient(create_app(store)).get("/api/articles")
    assert response.status_code == 500 and "[E067]" in response.json()["detail"]
    secured(response)
