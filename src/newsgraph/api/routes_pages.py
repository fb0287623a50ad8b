"""The web pages: home, articles, an article with its marks, entities, quotes, speakers, events.

Pages call the same store methods as the JSON API; they only arrange and escape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from newsgraph.api.annotate import annotate
from newsgraph.api.chart import bar_chart, mentions_chart
from newsgraph.api.counting import counted, kept
from newsgraph.api.params import (
    KINDS,
    Filters,
    Offset,
    Order,
    Period,
    article_filters,
    article_sort,
    entity_filters,
    entity_sort,
    event_filters,
    event_sort,
    quote_filters,
)
from newsgraph.api.routes_api import store_of
from newsgraph.api.templating import entity_href, templates
from newsgraph.model import Entity
from newsgraph.store.aggregates import SPEAKER_SORTS, SPEAKER_USUAL, Facets
from newsgraph.store.sorting import SORTS, keys, way_of

if TYPE_CHECKING:
    from newsgraph.store import ArticleRow, EntityDetail, Store

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 25
# An entity's page holds three lists below its charts; more than the first ten of each are off the screen
# (and cost the most of its rendering): their pagers reach the rest.
ENTITY_PAGE_SIZE = 10
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
HOME_COUNTS = ("articles", "quotes", "entities", "figures", "dates", "events")


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
    """The week's ten most quoted speakers: (name, link key, count)."""
    found = store.speakers(since=start.isoformat(), until=end.isoformat(), limit=10).items
    return [(row.name, str(row.entity or row.name), row.quotes) for row in found]


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
    with store.snapshot():
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
    params: Annotated[Filters, Depends(article_filters)],
    order: Annotated[Filters, Depends(article_sort)],
    offset: Offset = 0,
) -> Response:
    store = store_of(request)
    with store.snapshot():
        page = store.articles(**params, **order, limit=PAGE_SIZE, offset=offset)
        facets = counted(request, "article_facets", **params)
    context = {"page": page, "params": {**params, **order}, "facets": facets, "sorting": _sorting("articles", order)}
    return templates.TemplateResponse(request, "articles.html", context)


@dataclass(frozen=True)
class Sorting:
    """What a list page shows of its order: the keys it offers, the one used and which way it reads."""

    keys: tuple[str, ...]
    key: str
    way: str
    usual: dict[str, str]


def _sorting(listing: str, order: Filters) -> Sorting:
    key = order.get("sort") or keys(listing)[0]
    usual = {name: sort_key.usual for name, sort_key in SORTS[listing].items()}
    return Sorting(keys(listing), key, way_of(listing, key, order.get("order")), usual)


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
    with store.snapshot():
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
    params: Annotated[Filters, Depends(entity_filters)],
    order: Annotated[Filters, Depends(entity_sort)],
    offset: Offset = 0,
) -> Response:
    store = store_of(request)
    with store.snapshot():
        page = store.entities(**params, **order, limit=PAGE_SIZE, offset=offset)
        facets = counted(request, "entity_facets", **params)
    context = {
        "page": page,
        "params": {**params, **order},
        "types": ENTITY_TYPES,
        "facets": facets,
        "sorting": _sorting("entities", order),
    }
    return templates.TemplateResponse(request, "entities.html", context)


@router.get("/entities/{entity_id}")
def entity_page(
    request: Request,
    entity_id: str,
    by_offset: Offset = 0,
    about_offset: Offset = 0,
    articles_offset: Offset = 0,
    period: Period = "month",
) -> Response:
    store = store_of(request)
    with store.snapshot():
        # Who the entity is, what they said over time and its charts change only with the store: kept as counts
        # are, as one entry (a person's page used to keep four, which a few hundred people pushed out of the table).
        summary = kept(request, ("entity_page", entity_id, period), lambda: _entity_summary(store, entity_id, period))
        detail = summary.detail
        paging = {"by_offset": by_offset, "about_offset": about_offset, "articles_offset": articles_offset}
        context = {
            "entity": detail,
            "counts": [(name.replace("_", " "), value) for name, value in detail.counts.items()],
            "chart": summary.chart,
            "quotes_by": store.entity_quotes(detail.id, limit=ENTITY_PAGE_SIZE, offset=by_offset),
            "quotes_about": store.entity_quotes(detail.id, about=True, limit=ENTITY_PAGE_SIZE, offset=about_offset),
            "articles": store.entity_articles(detail.id, limit=ENTITY_PAGE_SIZE, offset=articles_offset),
            "said": summary.said,
            "said_chart": summary.said_chart,
            "period": period,
            "params": {**paging, "period": period},
            "key": str(detail.id),
        }
    return templates.TemplateResponse(request, "entity.html", context)


@dataclass(frozen=True)
class EntitySummary:
    """What an entity's page shows above its lists: who it is, what it said over time, and both charts."""

    detail: EntityDetail
    said: Facets
    chart: Markup
    said_chart: Markup


def _entity_summary(store: Store, entity_id: str, period: str) -> EntitySummary:
    detail = store.entity(entity_id, lists=False)
    said = store.quote_facets(speaker=str(detail.id), period=period, with_speakers=False)
    chart = mentions_chart(detail.mentions_per_day.items())
    # The chart is drawn: its days are not kept (a person named for ten years has 3,650).
    shown = replace(detail, mentions_per_day={})
    return EntitySummary(shown, said, chart, _timeline_chart(said, "quotes by them"))


def _timeline_chart(facets: Facets, noun: str) -> Markup:
    return bar_chart([(c.label, c.count) for c in facets.timeline], noun, facets.period)


@router.get("/quotes")
def quotes_page(
    request: Request,
    params: Annotated[Filters, Depends(quote_filters)],
    sort: Annotated[str, Query(pattern="^(newest|oldest)$")] = "newest",
    period: Period = "month",
    offset: Offset = 0,
) -> Response:
    store = store_of(request)
    with store.snapshot():
        page = store.quotes(**params, limit=PAGE_SIZE, offset=offset, oldest_first=sort == "oldest")
        facets = counted(request, "quote_facets", **params, period=period)
    context = {
        "page": page,
        "params": {**params, "sort": sort if sort != "newest" else None, "period": period},
        "facets": facets,
        "chart": _timeline_chart(facets, "quotes"),
        "kinds": KINDS,
    }
    return templates.TemplateResponse(request, "quotes.html", context)


@router.get("/speakers")
def speakers_page(
    request: Request,
    params: Annotated[Filters, Depends(quote_filters)],
    sort: Annotated[str, Query(pattern="^(quotes|name|latest)$")] = "quotes",
    order: Order = None,
    offset: Offset = 0,
) -> Response:
    page = counted(request, "speakers", **params, sort=sort, order=order, limit=PAGE_SIZE, offset=offset)
    sorting = Sorting(SPEAKER_SORTS, sort, order or SPEAKER_USUAL[sort], SPEAKER_USUAL)
    context = {"page": page, "params": {**params, "sort": sort, "order": order}, "kinds": KINDS, "sorting": sorting}
    return templates.TemplateResponse(request, "speakers.html", context)


@router.get("/events")
def events_page(
    request: Request,
    params: Annotated[Filters, Depends(event_filters)],
    order: Annotated[Filters, Depends(event_sort)],
    period: Period = "month",
    offset: Offset = 0,
) -> Response:
    store = store_of(request)
    with store.snapshot():
        page = store.events(**params, **order, limit=PAGE_SIZE, offset=offset)
        facets = counted(request, "event_facets", **params, period=period)
        types = store.event_types()
    context = {
        "page": page,
        "params": {**params, **order, "period": period},
        "sorting": _sorting("events", order),
        "facets": facets,
        "chart": _timeline_chart(facets, "events"),
        "types": types,
    }
    return templates.TemplateResponse(request, "events.html", context)
