"""The web pages: home, articles, an article with its quotes highlighted, entities, quotes.

Pages call the same store methods as the JSON API; they only arrange and escape.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.api.annotate import annotate
from newsgraph.api.chart import mentions_chart
from newsgraph.api.routes_api import Offset, Since, Until, blank, day, store_of
from newsgraph.api.templating import entity_href, templates
from newsgraph.model import Entity

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 25
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
# Enough quotes to rank a week's speakers without reading a whole large store.
WEEK_SAMPLE = 2000


def _field(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _counts(stats: dict[str, Any]) -> list[tuple[str, int]]:
    """The integer counts of the store's stats, in a readable order."""
    return [(name.replace("_", " "), value) for name, value in stats.items() if isinstance(value, int)]


def _week(store: Any, latest: list[Any]) -> tuple[date | None, bool]:
    """The last day of "this week": today, or the newest article's day when the corpus is older."""
    days = [d for d in (_parse_day(_field(row, "published")) for row in latest) if d]
    if not days:
        return None, False
    newest = max(days)
    today = date.today()
    return (newest, True) if newest < today - timedelta(days=6) else (today, False)


def _parse_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@router.get("/")
def home(request: Request) -> Response:
    store = store_of(request)
    latest = store.articles(limit=10).items
    end, old = _week(store, latest)
    top: list[tuple[str, str | None, int]] = []
    start = None
    if end is not None:
        start = end - timedelta(days=6)
        week = store.quotes(since=start.isoformat(), until=end.isoformat(), limit=WEEK_SAMPLE).items
        names: dict[str, str] = {}
        tally: Counter[str] = Counter()
        for row in week:
            name = _field(row, "speaker_name")
            if not name:
                continue
            key = _field(row, "speaker_entity") or name
            names[key] = name
            tally[key] += 1
        top = [(names[key], key, count) for key, count in tally.most_common(10)]
    context = {
        "counts": _counts(store.stats()),
        "latest": latest,
        "top_speakers": top,
        "week_start": start,
        "week_end": end,
        "week_is_old": old,
    }
    return templates.TemplateResponse(request, "home.html", context)


@router.get("/articles")
def articles_page(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
) -> Response:
    params = {"q": blank(q), "source": blank(source), "since": day(since), "until": day(until)}
    page = store_of(request).articles(**params, limit=PAGE_SIZE, offset=offset)
    return templates.TemplateResponse(request, "articles.html", {"page": page, "params": params})


def _entity_url(entity: Entity) -> str | None:
    return entity_href(entity.name)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    extraction = store_of(request).article(article_id)
    context = {
        "article": extraction.article,
        "extraction": extraction,
        "annotated": annotate(extraction, _entity_url),
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
    detail: Any = store_of(request).entity(entity_id)
    context = {
        "entity": detail,
        "counts": [],
        "chart": mentions_chart([]),
        "quotes_by": [],
        "quotes_about": [],
        "articles": [],
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
    params = {"q": blank(q), "speaker": blank(speaker), "since": day(since), "until": day(until)}
    page = store_of(request).quotes(**params, limit=PAGE_SIZE, offset=offset)
    return templates.TemplateResponse(request, "quotes.html", {"page": page, "params": params})
