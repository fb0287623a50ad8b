"""The web pages through FastAPI's TestClient: status, escaping, highlight markup, no outside assets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.test_api import INJECTION, XSS_IMG, bridge_article, build_store, generated, hostile_article

from newsgraph.api import create_app


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_store(tmp_path_factory.mktemp("pages") / "web.db")


@pytest.fixture(scope="module")
def client(store: Any) -> TestClient:
    return TestClient(create_app(store))


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def no_live_markup(html: str) -> None:
    """Nothing from an article became a tag or an attribute."""
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")


def test_home_shows_counts_top_speakers_and_latest(client: TestClient) -> None:
    html = page(client, "/")
    assert '<meta name="viewport"' in html
    assert '<a class="skip" href="#main">' in html
    assert 'role="search"' in html
    assert re.search(r"<strong>3</strong>\s*articles", html)
    # The corpus is old: "this week" is the week of its newest article.
    assert "2024-05-02 to 2024-05-08" in html
    top = html[html.index("Most quoted") : html.index("Latest articles")]
    assert "Ana Ortiz" in top and "3 quotes" in top and "Ben Cole" in top
    latest = html[html.index("Latest articles") :]
    assert latest.index("Bridge over the Lune") < latest.index("Ferry fares rise")
    no_live_markup(html)


def test_article_page_highlights_quotes_by_speaker(client: TestClient) -> None:
    extraction = bridge_article()
    html = page(client, f"/articles/{extraction.article.id}")
    assert '<h1 id="title">Bridge over the Lune to open in June</h1>' in html
    quotes = re.findall(
        r'<span (?:id="quote-q\d" )?class="quote (spk-\d) kind-(\w+)" title="([^"]*)" data-quote="(q\d)"', html
    )
    assert {(q[1], q[3]) for q in quotes} == {("indirect", "q1"), ("direct", "q2"), ("indirect", "q3")}
    colours = {q[3]: q[0] for q in quotes}
    assert colours["q1"] == colours["q2"] != colours["q3"]
    assert 'title="direct quote by Ana Ortiz"' in html
    # The speaker's name as a tag, so the highlight reads without colour.
    assert f'<span class="who {colours["q1"]}" data-label="Ana Ortiz" aria-hidden="true"></span>' in html
    # Every quote can be linked to.
    for local in ("q1", "q2", "q3"):
        assert html.count(f'id="quote-{local}"') == 1
    assert re.search(r'<a href="/entities/[^"]+" class="speaker spk-\d" title="speaker: Ana Ortiz">Ortiz</a>', html)
    assert '<span class="cue" title="cue of q2: said">said</span>' in html
    assert 'class="figure" title="figure: 2000 cars claimed by Ana Ortiz"' in html
    assert re.search(r'<span id="figure-1" class="figure" [^>]*tabindex="0">2,000</span>', html)
    assert re.search(r'<span id="date-1" class="date" title="date: 2024-05-07" [^>]*>Tuesday</span>', html)
    # The event's trigger is marked with its type, actor and target.
    assert re.search(r'<span id="event-v1" class="event" title="ACCUSE \(disapprove\): Ben Cole → Ana Ortiz"', html)
    assert "an event's trigger (boxed)" in html
    assert re.search(r'class="mention ent-loc" title="LOC: Lune">Lune</a>', html)
    assert "How to read the marks" in html


def test_article_side_panel_counts_quotes_per_speaker(client: TestClient) -> None:
    html = page(client, f"/articles/{bridge_article().article.id}")
    panel = html[html.index("Who is quoted, how much") :]
    assert re.search(r"Ana Ortiz</a>\s*<span class=\"count\">2 quotes</span>", panel)
    assert re.search(r"Ben Cole</a>\s*<span class=\"count\">1 quote</span>", panel)
    assert panel.index("Ana Ortiz") < panel.index("Ben Cole")
    events = panel[panel.index("<h2>Events</h2>") :]
    assert re.search(r'ACCUSE</span>\s*Ben Cole <a href="#event-v1"><em>blamed</em></a> Ana Ortiz', events)
    assert '<a href="#figure-2" class="figure">more than 40 million</a>' in panel
    assert '<a href="#date-1" class="date">Tuesday</a>' in panel
    # Each "Show only" button has a name of its own.
    assert 'Show only<span class="visually-hidden"> Ben Cole’s quotes</span>' in panel


def test_article_values_are_escaped_everywhere(client: TestClient) -> None:
    html = page(client, f"/articles/{hostile_article().article.id}")
    no_live_markup(html)
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; · newsgraph</title>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="direct quote by Jo &lt;script&gt;alert(1)&lt;/script&gt; Park"' in html
    assert "javascript:" not in html
    for url in ("/", "/articles", f"/quotes?q={XSS_IMG}", "/entities?q=Park"):
        no_live_markup(page(client, url))


def test_entity_page_lists_quotes_chart_and_articles(client: TestClient) -> None:
    entity_id = client.get("/api/entities?q=Ortiz").json()["items"][0]["id"]
    html = page(client, f"/entities/{entity_id}")
    assert "<h1>Ana Ortiz" in html and "Mayor" in html
    assert '<svg class="chart"' in html and "<rect" in html
    by = html[html.index("Quotes by Ana Ortiz") : html.index("Quotes about Ana Ortiz")]
    assert "ferry fares would rise next year" in by and "It will carry 2,000 cars a day," in by
    about = html[html.index("Quotes about Ana Ortiz") : html.index('id="art-h"')]
    assert "Ortiz had hidden a cost of more than 40 million pounds" in about and "Ben Cole" in about
    articles = html[html.index('id="art-h"') :]
    assert "Bridge over the Lune to open in June" in articles and "Ferry fares rise" in articles


def test_entity_page_by_name_and_hostile_entity(client: TestClient) -> None:
    assert "<h1>Ana Ortiz" in page(client, "/entities/Ana%20Ortiz")
    hostile = client.get("/api/entities?q=Park").json()["items"][0]["id"]
    html = page(client, f"/entities/{hostile}")
    no_live_markup(html)
    assert "Jo &lt;script&gt;alert(1)&lt;/script&gt; Park" in html


def test_quotes_page_searches_words_and_speaker(client: TestClient) -> None:
    # As the search form sends it: empty boxes mean no filter.
    html = page(client, "/quotes?q=ferry&speaker=&since=&until=")
    assert "ferry fares would rise next year" in html and "1 quote" in html
    assert "is not a day" in page(client, "/quotes?since=May", 422)
    html = page(client, "/quotes?speaker=Ben+Cole")
    assert "Ortiz had hidden a cost of more than 40 million pounds" in html
    assert "ferry fares" not in html
    assert 'value="Ben Cole"' in html


def test_searches_with_sql_find_nothing_and_break_nothing(client: TestClient) -> None:
    for url in ("/quotes?q={x}", "/quotes?speaker={x}", "/articles?q={x}", "/entities?q={x}"):
        html = page(client, url.format(x=INJECTION))
        assert re.search(r'role="status">0 ', html)
    assert re.search(r'role="status">3 articles', page(client, "/articles"))


def test_unknown_article_and_entity_get_a_404_page(client: TestClient) -> None:
    assert "no article with id" in page(client, "/articles/ffffffffffffffff", 404)
    hostile = page(client, "/entities/" + quote(XSS_IMG, safe=""), 404)
    no_live_markup(hostile)
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile
    html = page(client, "/entities/nobody-here", 404)
    assert "no entity named or with id &#39;nobody-here&#39;" in html


def test_assets_are_served_locally_with_a_strict_policy(client: TestClient) -> None:
    html = page(client, f"/articles/{bridge_article().article.id}")
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in css.text and "@media" in css.text
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def test_home_page_follows_new_articles(tmp_path: Path) -> None:
    from newsgraph.store import Store

    store = build_store(tmp_path / "growing.db")
    client = TestClient(create_app(store))
    assert "Kim Lee" not in page(client, "/")
    added = generated(1)
    added.article.published = "2024-05-07"
    Store(f"sqlite:///{tmp_path / 'growing.db'}").add(added)
    html = page(client, "/")
    assert re.search(r"<strong>4</strong>\s*articles", html)
    top = html[html.index("Most quoted") : html.index("Latest articles")]
    assert "Kim Lee" in top and "2 quotes" in top
