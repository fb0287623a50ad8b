"""The JSON API through FastAPI's TestClient: every endpoint, its filters and its errors; `serve`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.api import create_app
from newsgraph.cli import app as cli_app
from newsgraph.model import Article, DateRef, Entity, Event, Extraction, Figure, Quote, Span, Speaker
from newsgraph.pipeline import Extractor

INJECTION = "'; DROP TABLE articles; --"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def sp(text: str, part: str, after: int = 0) -> Span:
    """The span of ``part`` in ``text``, the first one at or after ``after``."""
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def quote(qid: str, kind: str, words: Span, cue: Span, speaker: Entity, said: Span) -> Quote:
    who = Speaker(speaker.id, speaker.name, said.text, said.start, said.end)
    return Quote(qid, kind, words.text, words.start, words.end, cue=cue, speaker=who)


def bridge_article() -> Extraction:
    text = (
        "Harbour City\n\nBridge over the Lune to open in June\n\n"
        "Mayor Ana Ortiz said Tuesday that the new bridge over the Lune would open in June. "
        "“It will carry 2,000 cars a day,” Ortiz said. "
        "Councillor Ben Cole said Ortiz had hidden a cost of more than 40 million pounds, "
        "and blamed her for the delay.\n"
    )
    second = text.index("2,000")
    ana_said, ortiz_said = sp(text, "Ortiz", second), sp(text, "said", second)
    ana = Entity("e1", "Ana Ortiz", "PERSON", ["Mayor"], None, [sp(text, "Ana Ortiz"), ana_said])
    ana.mentions.append(sp(text, "Ortiz", ana_said.end))
    cole = Entity("e2", "Ben Cole", "PERSON", ["Councillor"], None, [sp(text, "Ben Cole")])
    lune = Entity("e3", "Lune", "LOC", [], None, [sp(text, "Lune")])
    quotes = [
        quote(
            "q1",
            "indirect",
            sp(text, "the new bridge over the Lune would open in June"),
            sp(text, "said"),
            ana,
            sp(text, "Ana Ortiz"),
        ),
        quote("q2", "direct", sp(text, "It will carry 2,000 cars a day,"), ortiz_said, ana, ana_said),
        quote(
            "q3",
            "indirect",
            sp(text, "Ortiz had hidden a cost of more than 40 million pounds"),
            sp(text, "said", text.index("Ben Cole")),
            cole,
            sp(text, "Ben Cole"),
        ),
    ]
    figures = [
        Figure("2,000", second, second + 5, 2000, counted="cars", claimed_by="Ana Ortiz"),
        Figure("more than 40 million", *span_of(text, "more than 40 million"), 40_000_000, approx="more than"),
    ]
    dates = [DateRef("Tuesday", *span_of(text, "Tuesday"), "2024-05-07")]
    events = [Event("v1", "ACCUSE", sp(text, "blamed"), mode="disapprove", actor="e2", target="e1")]
    article = Article(
        text=text,
        title="Bridge over the Lune to open in June",
        section="Harbour City",
        published="2024-05-08",
        source="harbour.txt",
    )
    return Extraction(article, [ana, cole, lune], quotes, figures, dates, events)


def span_of(text: str, part: str) -> tuple[int, int]:
    found = sp(text, part)
    return found.start, found.end


def ferry_article() -> Extraction:
    text = "Ferry fares rise\n\nMayor Ana Ortiz said on Monday that ferry fares would rise next year.\n"
    ana = Entity("e1", "Ana Ortiz", "PERSON", ["Mayor"], None, [sp(text, "Ana Ortiz")])
    said = quote(
        "q1", "indirect", sp(text, "ferry fares would rise next year"), sp(text, "said"), ana, sp(text, "Ana Ortiz")
    )
    article = Article(text=text, title="Ferry fares rise", published="2024-05-06", source="ferry.txt")
    return Extraction(article, [ana], [said], [], [DateRef("Monday", *span_of(text, "Monday"), "2024-05-06")])


def hostile_article() -> Extraction:
    """An article whose every field tries to run script in a page."""
    text = (
        f"{XSS_SCRIPT}\n\nA reader wrote {XSS_IMG} in a letter. "
        f"Editor Jo {XSS_SCRIPT} Park said “{XSS_IMG} is not a picture” to staff.\n"
    )
    name = f"Jo {XSS_SCRIPT} Park"
    jo = Entity("e1", name, "PERSON", [f"Editor {XSS_IMG}"], None, [sp(text, name)])
    said = quote("q1", "direct", sp(text, f"{XSS_IMG} is not a picture"), sp(text, "said"), jo, sp(text, name))
    article = Article(
        text=text, title=XSS_SCRIPT, section=XSS_IMG, published="2023-01-02", source=XSS_IMG, url="javascript:alert(1)"
    )
    return Extraction(article, [jo], [said], [], [])


def sample_extractions() -> list[Extraction]:
    return [bridge_article(), ferry_article(), hostile_article()]


def build_store(path: Path) -> Any:
    """A SQLite store holding the three sample articles."""
    from newsgraph.store import Store

    store = Store(f"sqlite:///{path}")
    for extraction in sample_extractions():
        assert store.add(extraction)
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_store(tmp_path_factory.mktemp("api") / "web.db")


@pytest.fixture(scope="module")
def client(store: Any) -> TestClient:
    return TestClient(create_app(store))


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def page_keys(data: dict[str, Any]) -> None:
    assert set(data) == {"items", "total", "limit", "offset", "chosen"}


def test_articles_list_is_paginated_newest_first(client: TestClient) -> None:
    data = get_json(client, "/api/articles")
    page_keys(data)
    assert data["total"] == 3
    assert [a["published"] for a in data["items"]] == ["2024-05-08", "2024-05-06", "2023-01-02"]
    assert {"id", "title", "published", "source"} <= set(data["items"][0])
    second = get_json(client, "/api/articles?limit=1&offset=1")
    assert (second["total"], second["limit"], second["offset"]) == (3, 1, 1)
    assert [a["title"] for a in second["items"]] == ["Ferry fares rise"]


def test_articles_filters(client: TestClient) -> None:
    assert [a["title"] for a in get_json(client, "/api/articles?q=bridge")["items"]] == [
        "Bridge over the Lune to open in June"
    ]
    assert get_json(client, "/api/articles?since=2024-05-07")["total"] == 1
    assert get_json(client, "/api/articles?until=2024-05-07")["total"] == 2
    assert get_json(client, "/api/articles?source=ferry.txt")["total"] == 1
    assert get_json(client, "/api/articles?q=&since=&until=&source=")["total"] == 3


def test_bad_parameters_get_422_saying_which(client: TestClient) -> None:
    data = get_json(client, "/api/articles?since=yesterday", 422)
    assert "since" in data["detail"]
    assert "limit" in get_json(client, "/api/quotes?limit=0", 422)["detail"]
    assert "offset" in get_json(client, "/api/entities?offset=-1", 422)["detail"]


def test_article_is_the_whole_extraction(client: TestClient) -> None:
    expected = bridge_article()
    data = get_json(client, f"/api/articles/{expected.article.id}")
    assert data == expected.to_dict()
    assert Extraction.from_dict(data) == expected


def test_unknown_ids_get_404_json(client: TestClient) -> None:
    data = get_json(client, "/api/articles/0000000000000000", 404)
    assert data["code"] == "E031" and "0000000000000000" in data["detail"]
    assert get_json(client, "/api/entities/nobody-at-all", 404)["code"] == "E032"
    assert get_json(client, "/api/no-such-endpoint", 404)["status"] == 404


def test_entities_search_and_detail(client: TestClient) -> None:
    data = get_json(client, "/api/entities?q=Ortiz")
    page_keys(data)
    assert [e["name"] for e in data["items"]] == ["Ana Ortiz"]
    assert {e["name"] for e in get_json(client, "/api/entities?type=LOC")["items"]} == {"Lune"}
    entity_id = data["items"][0]["id"]
    detail = get_json(client, f"/api/entities/{entity_id}")
    assert detail["name"] == "Ana Ortiz" and detail["type"] == "PERSON"
    assert "Mayor" in detail["titles"]
    assert {q["text"] for q in detail["quotes_by"]} == {
        "the new bridge over the Lune would open in June",
        "It will carry 2,000 cars a day,",
        "ferry fares would rise next year",
    }
    assert [q["speaker_name"] for q in detail["quotes_about"]] == ["Ben Cole"]
    assert detail["mentions_per_day"] == {"2024-05-06": 1, "2024-05-08": 3}


def test_quotes_filters(client: TestClient) -> None:
    data = get_json(client, "/api/quotes?speaker=Ana%20Ortiz")
    page_keys(data)
    assert data["total"] == 3
    item = data["items"][0]
    assert {"text", "kind", "article_id"} <= set(item)
    assert {q["text"] for q in get_json(client, "/api/quotes?q=ferry")["items"]} == {"ferry fares would rise next year"}
    assert get_json(client, "/api/quotes?speaker=Ana%20Ortiz&since=2024-05-07")["total"] == 2
    assert get_json(client, "/api/quotes?speaker=Ana%20Ortiz&until=2024-05-07")["total"] == 1
    bridge = bridge_article().article.id
    assert get_json(client, f"/api/quotes?article={bridge}")["total"] == 3


def test_speaker_and_actor_by_id_and_by_whole_name_say_which_entity(client: TestClient) -> None:
    by_name = get_json(client, "/api/quotes?speaker=ortiz")
    ana = by_name["chosen"]["id"]
    assert by_name["chosen"]["name"] == "Ana Ortiz" and by_name["total"] == 3
    assert get_json(client, f"/api/quotes?speaker_id={ana}")["total"] == 3
    assert get_json(client, "/api/quotes?speaker=Ort")["total"] == 0  # a part of a name is no name
    assert get_json(client, "/api/quotes")["chosen"] is None
    accused = get_json(client, "/api/events?type=ACCUSE")["items"][0]
    by_actor = get_json(client, f"/api/events?actor_id={accused['actor_entity']}")
    assert [e["id"] for e in by_actor["items"]] == [accused["id"]]
    assert get_json(client, f"/api/events?actor={accused['actor_name']}")["chosen"]["id"] == accused["actor_entity"]
    detail = get_json(client, f"/api/entities/{ana}")
    assert {r["name"] for r in detail["resolution"]} >= {"Ana Ortiz"}
    assert all(r["reason"] for r in detail["resolution"])


def test_figures_events_and_stats(client: TestClient) -> None:
    figures = get_json(client, "/api/figures")
    page_keys(figures)
    assert {f["text"] for f in figures["items"]} == {"2,000", "more than 40 million"}
    assert [f["text"] for f in get_json(client, "/api/figures?counted=cars")["items"]] == ["2,000"]
    events = get_json(client, "/api/events?type=ACCUSE")
    assert events["total"] == 1
    stats = get_json(client, "/api/stats")
    assert stats["articles"] == 3 and stats["quotes"] == 5


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?q={x}",
        "/api/articles?source={x}",
        "/api/quotes?q={x}",
        "/api/quotes?speaker={x}",
        "/api/entities?q={x}",
        "/api/entities?type={x}",
        "/api/figures?q={x}",
    ],
)
def test_sql_injection_finds_nothing_and_breaks_nothing(client: TestClient, url: str) -> None:
    data = get_json(client, url.format(x=INJECTION))
    assert data["total"] == 0 and data["items"] == []
    assert get_json(client, "/api/articles")["total"] == 3
    assert get_json(client, "/api/entities/" + INJECTION.replace("/", ""), 404)["code"] == "E032"


def test_openapi_and_docs_page(client: TestClient) -> None:
    spec = get_json(client, "/openapi.json")
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/quotes", "/api/extract"):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "GET /api/quotes" in docs.text and "POST /api/extract" in docs.text
    assert "cdn" not in docs.text.lower()


# POST /api/extract


@pytest.fixture(scope="module")
def extract_client(store: Any, extractor: Extractor) -> Iterator[TestClient]:
    import newsgraph.pipeline

    # The app loads the pipeline lazily on first use; hand it the session's one instead of a second load.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(newsgraph.pipeline, "_default", extractor)
        yield TestClient(create_app(store, allow_extract=True, max_body=2_000))


NEWS = "Mayor Ana Ortiz said on Tuesday that the harbour would reopen. “We are ready,” she said.\n"


def test_extract_is_off_unless_allowed(client: TestClient) -> None:
    response = client.post("/api/extract", content=NEWS, headers={"content-type": "text/plain"})
    assert response.status_code == 403
    assert "--allow-extract" in response.json()["detail"]


def test_extract_text_returns_the_extraction_and_stores_nothing(extract_client: TestClient) -> None:
    before = extract_client.get("/api/stats").json()
    response = extract_client.post(
        "/api/extract?published=2024-05-08", content=NEWS, headers={"content-type": "text/plain"}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["schema"] == "newsgraph/1"
    assert data["article"]["text"] == NEWS and data["article"]["published"] == "2024-05-08"
    assert "Ana Ortiz" in {e["name"] for e in data["entities"]}
    assert extract_client.get("/api/stats").json() == before


def test_extract_json_and_html_bodies(extract_client: TestClient) -> None:
    response = extract_client.post("/api/extract", json={"text": NEWS, "published": "2024-05-01"})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["published"] == "2024-05-01"
    html = f"<html><body><p>{NEWS}</p></body></html>"
    response = extract_client.post("/api/extract", content=html, headers={"content-type": "text/html"})
    assert response.status_code == 200, response.text
    assert "harbour would reopen" in response.json()["article"]["text"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "says"),
    [
        (b"", "text/plain", 422, "empty"),
        (b"   \n ", "text/plain", 422, "empty"),
        (b"\xff\xfe\xfa not text \x80", "text/plain", 422, "UTF-8"),
        (b"{not json", "application/json", 422, "not valid JSON"),
        (b'{"words": "no text key"}', "application/json", 422, '"text"'),
        (b'{"text": "A.", "published": "soon"}', "application/json", 422, "YYYY-MM-DD"),
        (b"x" * 2_001, "text/plain", 413, "limit of 2,000 bytes"),
        (b"%PDF-1.4", "application/pdf", 415, "text/plain"),
    ],
)
def test_extract_rejects_bad_bodies_clearly(
    extract_client: TestClient, body: bytes, content_type: str, status: int, says: str
) -> None:
    response = extract_client.post("/api/extract", content=body, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert says in response.json()["detail"]


# Reading while another process writes (WAL)


def generated(index: int) -> Extraction:
    text = f"Vote {index}\n\nSenator Kim Lee said that vote {index} would pass. “We have the votes,” Lee said.\n"
    lee = Entity("e1", "Kim Lee", "PERSON", ["Senator"], None, [sp(text, "Kim Lee"), sp(text, "Lee said")])
    lee.mentions[1] = Span(lee.mentions[1].start, lee.mentions[1].start + 3, "Lee")
    first = quote("q1", "indirect", sp(text, f"vote {index} would pass"), sp(text, "said"), lee, sp(text, "Kim Lee"))
    late = text.index("We have")
    second = quote("q2", "direct", sp(text, "We have the votes,"), sp(text, "said", late), lee, lee.mentions[1])
    return Extraction(Article(text=text, title=f"Vote {index}", published="2024-06-01"), [lee], [first, second])


def test_serving_while_another_store_writes(tmp_path: Path) -> None:
    from newsgraph.store import Store

    path = tmp_path / "busy.db"
    writer = Store(f"sqlite:///{path}")
    writer.add(generated(0))
    reader_client = TestClient(create_app(Store(f"sqlite:///{path}")))
    count = 40
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for index in range(1, count):
                writer.add(generated(index))
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            done.set()

    thread = threading.Thread(target=write)
    thread.start()
    seen = 0
    reads = 0
    while True:
        finished = done.is_set()
        data = get_json(reader_client, "/api/articles?limit=500")
        assert data["total"] >= seen
        seen = data["total"]
        reads += 1
        for item in data["items"][:3]:
            # Never half-written: an article listed is there with both of its quotes.
            whole = get_json(reader_client, f"/api/articles/{item['id']}")
            assert len(whole["quotes"]) == 2
        if finished:
            break
    thread.join()
    assert not errors
    assert seen == count and reads > 1


# The command


def test_serve_command_binds_to_localhost_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    build_store(tmp_path / "s.db")
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    assert calls[0]["app"].state.allow_extract is False
    assert "http://127.0.0.1:8000/" in result.output

    result = CliRunner().invoke(
        cli_app, ["serve", "--db", str(tmp_path / "s.db"), "--port", "8123", "--allow-extract", "--max-body", "99"]
    )
    assert result.exit_code == 0, result.output
    assert calls[1]["port"] == 8123 and calls[1]["app"].state.allow_extract is True
    assert calls[1]["app"].state.max_body == 99


def test_serve_with_workers_has_each_process_open_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from newsgraph.api.app import SERVE_OPTIONS, from_environment

    store = build_store(tmp_path / "s.db")
    articles = store.stats()["articles"]
    monkeypatch.setenv(SERVE_OPTIONS, "")
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    arguments = ["serve", "--db", str(tmp_path / "s.db"), "--workers", "2", "--allow-extract", "--max-body", "99"]
    result = CliRunner().invoke(cli_app, arguments)
    assert result.exit_code == 0, result.output
    assert calls[0]["workers"] == 2 and calls[0]["factory"] is True and calls[0]["host"] == "127.0.0.1"
    # What each worker process builds.
    worker = from_environment()
    assert worker.state.allow_extract is True and worker.state.max_body == 99
    assert TestClient(worker).get("/api/stats").json()["articles"] == articles > 0


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no store at" in result.output and "newsgraph ingest" in result.output
