"""The JSON API's counts and exports: facets beside each list, top speakers, timelines, CSV and JSON of a whole list.

Each takes the query string of its list (see ``params``), so that what a page shows,
what its facets count and what its export writes are the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from newsgraph.api.counting import counted
from newsgraph.api.params import (
    Filters,
    Limit,
    Offset,
    Order,
    Period,
    article_filters,
    article_sort,
    entity_filters,
    entity_sort,
    event_filters,
    event_sort,
    figure_filters,
    quote_filters,
    quote_order,
)
from newsgraph.api.routes_api import store_of
from newsgraph.store.streams import csv_text, json_text

router = APIRouter(prefix="/api", tags=["counts and exports"])

MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
WRITERS: dict[str, Callable[[Any], Iterator[str]]] = {"csv": csv_text, "json": json_text}

# More speakers than any store has: an export counts them all.
EVERY = 2**31 - 1
SpeakerSort = Annotated[str, Query(pattern="^(quotes|name|latest)$", description="quotes, name or latest.")]


@router.get("/quotes/facets", summary="Counts beside the quote list")
def quote_facets(
    request: Request, filters: Annotated[Filters, Depends(quote_filters)], period: Period = "month"
) -> dict[str, Any]:
    """For the quotes under these filters: how many of each kind, top speakers, sources and outlets, per week or
    month."""
    return counted(request, "quote_facets", **filters, period=period).to_dict()


@router.get("/speakers", summary="Top speakers for any quote filter")
def speakers(
    request: Request,
    filters: Annotated[Filters, Depends(quote_filters)],
    sort: SpeakerSort = "quotes",
    order: Order = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Who is quoted under these filters, how often, of which kind, first and last day; most quoted first."""
    return counted(request, "speakers", **filters, sort=sort, order=order, limit=limit, offset=offset).to_dict()


def _speaker_exporter(fmt: str) -> Callable[..., StreamingResponse]:
    # The dependency is a default, as in ``_exporter``.
    def export(
        request: Request,
        filters: Filters = Depends(quote_filters),  # noqa: B008
        sort: SpeakerSort = "quotes",
        order: Order = None,
    ) -> StreamingResponse:
        # Counted at once (one store version), not kept with the pages' counts, written as they go.
        found = store_of(request).speakers(**filters, sort=sort, order=order, limit=EVERY, offset=0)
        headers = {"content-disposition": f'attachment; filename="speakers.{fmt}"'}
        return StreamingResponse(WRITERS[fmt](found.items), media_type=MEDIA[fmt], headers=headers)

    export.__doc__ = (
        f"Every speaker under the same filters and sort as /api/speakers, with their counts, as {fmt.upper()} "
        "(no row cap)."
    )
    return export


for _fmt in WRITERS:
    router.add_api_route(
        f"/speakers.{_fmt}",
        _speaker_exporter(_fmt),
        methods=["GET"],
        summary=f"Export the speakers' counts as {_fmt.upper()}",
        response_class=StreamingResponse,
        operation_id=f"export_speakers_{_fmt}",
    )


@router.get("/quotes/timeline", summary="Quotes per week or month")
def quote_timeline(
    request: Request, filters: Annotated[Filters, Depends(quote_filters)], period: Period = "week"
) -> dict[str, Any]:
    """Quotes under these filters said each week (by its Monday) or month, empty periods included; a span
    too long for weeks or months is counted per year (``period`` says which); ``undated`` counts the rest."""
    return counted(request, "quote_timeline", **filters, period=period).to_dict()


@router.get("/events/facets", summary="Counts beside the event list")
def event_facets(
    request: Request, filters: Annotated[Filters, Depends(event_filters)], period: Period = "month"
) -> dict[str, Any]:
    """For the events under these filters: how many of each type, the top actors and targets, and per period."""
    return counted(request, "event_facets", **filters, period=period).to_dict()


@router.get("/articles/facets", summary="Counts beside the article list")
def article_facets(request: Request, filters: Annotated[Filters, Depends(article_filters)]) -> dict[str, Any]:
    """For the articles under these filters: the top sources and the entities named in the most of them."""
    return counted(request, "article_facets", **filters).to_dict()


@router.get("/entities/facets", summary="Counts beside the entity list")
def entity_facets(request: Request, filters: Annotated[Filters, Depends(entity_filters)]) -> dict[str, Any]:
    """For the entities under these filters: how many of each type (PERSON, ORG, …)."""
    return counted(request, "entity_facets", **filters).to_dict()


def _export(request: Request, kind: str, fmt: str, filters: Filters) -> StreamingResponse:
    rows = store_of(request).stream(kind, **filters)
    headers = {"content-disposition": f'attachment; filename="{kind}.{fmt}"'}
    return StreamingResponse(WRITERS[fmt](rows), media_type=MEDIA[fmt], headers=headers)


def _exporter(kind: str, fmt: str, filters_of: Callable[..., Filters]) -> Callable[..., StreamingResponse]:
    # The dependency is a default, not an annotation: annotations here are strings that name no global.
    def export(request: Request, filters: Filters = Depends(filters_of)) -> StreamingResponse:  # noqa: B008
        return _export(request, kind, fmt, filters)

    return export


def _add_exports(kind: str, filters_of: Callable[..., Filters]) -> None:
    for fmt in WRITERS:
        export = _exporter(kind, fmt, filters_of)
        export.__doc__ = (
            f"Every {kind[:-1]} under the same filters as /api/{kind}, in the list's order, "
            f"as {fmt.upper()}, streamed (no row cap)."
        )
        router.add_api_route(
            f"/{kind}.{fmt}",
            export,
            methods=["GET"],
            summary=f"Export {kind} as {fmt.upper()}",
            response_class=StreamingResponse,
            operation_id=f"export_{kind}_{fmt}",
        )


def _in_order(filters_of: Callable[..., Filters], order_of: Callable[..., Filters]) -> Callable[..., Filters]:
    """A list's filters and its order together: an export lists the rows as the list does."""

    def filters_and_order(
        filters: Filters = Depends(filters_of),  # noqa: B008
        order: Filters = Depends(order_of),  # noqa: B008
    ) -> Filters:
        return {**filters, **order}

    return filters_and_order


for _kind, _filters in (
    ("quotes", _in_order(quote_filters, quote_order)),
    ("events", _in_order(event_filters, event_sort)),
    ("articles", _in_order(article_filters, article_sort)),
    ("entities", _in_order(entity_filters, entity_sort)),
    ("figures", figure_filters),
):
    _add_exports(_kind, _filters)
