"""The web pages: home, articles, an article with its quotes highlighted, entities, quotes.

Pages call the same store methods as the JSON API; they only arrange and escape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.api.annotate import annotate
from newsgraph.api.chart import mentions_chart
from newsgraph.api.routes_api import Offset, Since, Until, blank, day, store_of
from newsgraph.api.templating import entity_href, templates
from newsgraph.model import Entity

if TYPE_CHECKING:
    from newsgraph.store import ArticleRow, Store

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 25
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
HOME_COUNTS = ("articles", "quotes", "entities", "figures", "dates", "events")
# Enough quotes to rank a week's speakers without reading a whole large store.
WEEK_SAMPLE = 2000


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _week_end(latest: list[ArticleRow]) -> tuple[date | None, bool]:
    """The last day of "this week": today, or the newest article's day when the corpus is older."""
    days = [d for d in (_day(row.published) for row in latest) if d]
    if not days:
        return None, False
    newest, today = max(days), date.today()
    return (newest, True) if newest < today - timedelta(days=6) else (today, False)


def _most_quoted(store: Store, start: date, end: date) -> list[tuple[str, str, int]]:
    """Speakers of the week's quotes, most quoted first: (name, link key, count)."""
    rows = store.quotes(since=start.isoformat(), until=end.isoformat(), limit=WEEK_SAMPLE).items
    names: dict[str, str] = {}
    tally: Counter[str] = Counter()
    for row in rows:
        if row.speaker_name:
            key = str(row.speaker_entity or row.speaker_name)
            names[key] = row.speaker_name
            tally[key] += 1
    return [(names[key], key, count) for key, count in tally.most_common(10)]


@dataclass(frozen=True)
class HomeSummary:
    """The home page's aggregates: counts and the week's most quoted speakers."""

    counts: list[tuple[str, int]]
    top_speakers: list[tuple[str, str, int]]
    week_start: date | None
    week_end: date | None
    week_is_old: bool


def _summary(store: Store, latest: list[ArticleRow]) -> HomeSummary:
    end, old = _week_end(latest)
    start = end - timedelta(days=6) if end else None
    stats = store.stats()
    return HomeSummary(
        counts=[(name, stats[name]) for name in HOME_COUNTS if isinstance(stats.get(name), int)],
        top_speakers=_most_quoted(store, start, end) if start and end else [],
        week_start=start,
        week_end=end,
        week_is_old=old,
    )


@router.get("/")
def home(request: Request) -> Response:
    store = store_of(request)
    latest = store.articles(limit=10)
    # Articles are only ever added, so the count, the newest article and the day fix the aggregates.
    key = (latest.total, latest.items[0].id if latest.items else None, date.today())
    cached: tuple[object, HomeSummary] | None = request.app.state.home_summary
    if cached is None or cached[0] != key:
        cached = (key, _summary(store, latest.items))
        request.app.state.home_summary = cached
    return templates.TemplateResponse(request, "home.html", {"latest": latest.items, "summary": cached[1]})


@router.get("/articles")
def articles_page(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
) -> Response:
    params = {"q": blank(q), "source": blank(source), "since": day(since, "since"), "until": day(until, "until")}
    page = store_of(request).articles(**params, limit=PAGE_SIZE, offset=offset)
    return templates.TemplateResponse(request, "articles.html", {"page": page, "params": params})


def _entity_urls(store: Store, article_id: str) -> Callable[[Entity], str | None]:
    """Links from an article's entities to their store-wide pages.

    Speakers link by the store-wide id their quotes carry; other entities by name,
    which the store resolves to the most reported entity of that name or alias.
    """
    quotes = store.quotes(article=article_id, limit=500).items
    linked = {row.speaker_local: row.speaker_entity for row in quotes if row.speaker_local and row.speaker_entity}

    def url(entity: Entity) -> str | None:
        return entity_href(str(linked.get(entity.id) or entity.name))

    return url


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    store = store_of(request)
    extraction = store.article(article_id)
    entity_url = _entity_urls(store, article_id)
    context = {
        "article": extraction.article,
        "extraction": extraction,
        "annotated": annotate(extraction, entity_url),
        "entity_url": entity_url,
    }
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/entities")
def entities_page(
    request: Request,
    q: str | None = None,
    type: Annotated[str | None, Query()] = None,
    offset: Offset = 0,
) -> Response:
    params = {"q": blank(q), "type": blank(type)}
    page = store_of(request).entities(**params, limit=PAGE_SIZE, offset=offset)
    context = {"page": page, "params": params, "types": ENTITY_TYPES}
    return templates.TemplateResponse(request, "entities.html", context)


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str) -> Response:
    detail = store_of(request).entity(entity_id)
    context = {
        "entity": detail,
        "counts": [(name.replace("_", " "), value) for name, value in detail.counts.items()],
        "chart": mentions_chart(detail.mentions_per_day.items()),
        "quotes_by": detail.quotes_by,
        "quotes_about": detail.quotes_about,
        "articles": detail.articles,
    }
    return templates.TemplateResponse(request, "entity.html", context)


@router.get("/quotes")
def quotes_page(
    request: Request,
    q: str | None = None,
    speaker: str | None = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
) -> Response:
    params = {"q": blank(q), "speaker": blank(speaker), "since": day(since, "since"), "until": day(until, "until")}
    page = store_of(request).quotes(
        speaker=params["speaker"],
        q=params["q"],
        since=params["since"],
        until=params["until"],
        limit=PAGE_SIZE,
        offset=offset,
    )
    return templates.TemplateResponse(request, "quotes.html", {"page": page, "params": params})
