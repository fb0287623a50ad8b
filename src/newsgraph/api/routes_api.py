"""The JSON API: the store's read methods, paginated with limit/offset, plus POST /api/extract."""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from newsgraph.api.params import (
    Filters,
    Limit,
    Offset,
    article_filters,
    article_sort,
    blank,
    entity_filters,
    entity_sort,
    event_filters,
    event_sort,
    quote_filters,
    quote_order,
)
from newsgraph.clean import unstorable
from newsgraph.errors import ArticleTooLong, InputError, NewsgraphError
from newsgraph.settings import Settings

if TYPE_CHECKING:
    from newsgraph.model import Extraction
    from newsgraph.store import Store

router = APIRouter(prefix="/api", tags=["api"])


class PageOut(BaseModel):
    """One page of results and how many there are in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    # When filtered by a speaker's or actor's name: the entity it was taken to mean, and the others bearing it.
    chosen: dict[str, Any] | None = None


def plain_parameters(request: Request) -> None:
    """422 for a query or path parameter holding a NUL or a lone surrogate: no store can search for them."""
    for name, value in [*request.query_params.multi_items(), *request.path_params.items()]:
        if isinstance(value, str) and unstorable(value):
            raise HTTPException(422, f"{name}: holds a NUL or a lone surrogate, which no text can hold")


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def page_out(page: Any) -> PageOut:
    chosen = page.chosen.to_dict() if page.chosen is not None else None
    return PageOut(
        items=[row.to_dict() for row in page.items],
        total=page.total,
        limit=page.limit,
        offset=page.offset,
        chosen=chosen,
    )


@router.get("/articles", response_model=PageOut, summary="Search articles")
def articles(
    request: Request,
    filters: Annotated[Filters, Depends(article_filters)],
    order: Annotated[Filters, Depends(article_sort)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> PageOut:
    """Articles with their title, date, source and outlet: newest first, or sorted by date, quotes or title."""
    return page_out(store_of(request).articles(**filters, **order, limit=limit, offset=offset))


@router.get("/articles/{article_id}", summary="One article and its whole extraction")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The output contract (schema newsgraph/1): the article, entities, quotes, figures, dates, events."""
    return store_of(request).article(article_id).to_dict()


@router.get("/entities", response_model=PageOut, summary="Search entities")
def entities(
    request: Request,
    filters: Annotated[Filters, Depends(entity_filters)],
    order: Annotated[Filters, Depends(entity_sort)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> PageOut:
    """People, organisations and places across the store, with their counts: most reported first, or sorted
    by articles, mentions, quotes or name."""
    return page_out(store_of(request).entities(**filters, **order, limit=limit, offset=offset))


@router.get("/entities/{entity_id}", summary="One entity (by store-wide id, name or alias)")
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    """An entity with aliases, titles, counts, its quotes, the quotes about it and mentions per day,
    and under ``resolution`` the names it is made of with the reason each belongs to it."""
    store = store_of(request)
    detail: Any = store.entity(entity_id)
    result: dict[str, Any] = detail.to_dict()
    result["resolution"] = [row.to_dict() for row in store.explain(detail.id)]
    return result


@router.get("/quotes", response_model=PageOut, summary="Search quotes")
def quotes(
    request: Request,
    filters: Annotated[Filters, Depends(quote_filters)],
    order: Annotated[Filters, Depends(quote_order)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> PageOut:
    """Quotes with their speaker, article and date, newest first (``order=asc``: oldest first)."""
    return page_out(store_of(request).quotes(**filters, **order, limit=limit, offset=offset))


@router.get("/figures", response_model=PageOut, summary="Search figures")
def figures(
    request: Request,
    q: Annotated[str | None, Query(description="Words of the figure or what it counts.")] = None,
    counted: Annotated[str | None, Query(description="What the figure counts (e.g. hostages).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> PageOut:
    """Figures with what they count, who claims them, and their article."""
    page = store_of(request).figures(q=blank(q), counted=blank(counted), limit=limit, offset=offset)
    return page_out(page)


@router.get("/events", response_model=PageOut, summary="Search events")
def events(
    request: Request,
    filters: Annotated[Filters, Depends(event_filters)],
    order: Annotated[Filters, Depends(event_sort)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> PageOut:
    """Who did what to whom, with the article and date: newest first, or sorted by date, articles or type."""
    return page_out(store_of(request).events(**filters, **order, limit=limit, offset=offset))


@router.get("/stats", summary="Counts")
def stats(request: Request) -> dict[str, Any]:
    """How many articles, quotes, entities, figures and events the store holds."""
    return dict(store_of(request).stats())


_EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "description": 'The article as text/plain or text/html, or JSON {"text": ..., "published": "YYYY-MM-DD"}.',
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}, "published": {"type": "string", "format": "date"}},
                }
            },
        },
    }
}

_pipeline_lock = threading.Lock()


def _run_pipeline(text: str, published: str | None) -> Extraction:
    """One extraction at a time: the pipeline is loaded once, on first use, and is not thread-safe."""
    from newsgraph.ingest import article_from_string
    from newsgraph.pipeline import default_extractor

    with _pipeline_lock:
        return default_extractor().extract(article_from_string(text, published=published, source="<api>"))


async def _read_body(request: Request, limit: int) -> bytes:
    too_big = HTTPException(413, f"the body is larger than the limit of {limit:,} bytes; send a shorter article")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _checked_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise HTTPException(422, f"published must be a date as YYYY-MM-DD, not {str(value)[:40]!r}") from None


def _text_of(body: bytes, content_type: str, published: str | None) -> tuple[str, str | None]:
    """The article text and date from a text, HTML or JSON body; 422 saying why when there is none."""
    media = content_type.split(";")[0].strip().lower() or "text/plain"
    try:
        decoded = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HTTPException(422, "the body is not valid UTF-8 text; send UTF-8 text, HTML or JSON") from None
    if media == "application/json":
        try:
            data = json.loads(decoded) if decoded.strip() else None
        except json.JSONDecodeError as error:
            raise HTTPException(422, f"the body is not valid JSON: {error.msg} at character {error.pos}") from None
        except RecursionError:
            raise HTTPException(422, "the body is JSON nested too deeply to be an article") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPException(422, 'a JSON body must be an object with a "text" string')
        decoded = data["text"]
        published = data.get("published", published)
    elif media not in ("text/plain", "text/html"):
        raise HTTPException(415, f"cannot read {media}: send text/plain, text/html or application/json")
    if not decoded.strip():
        raise HTTPException(422, "the body is empty: send the article's text or HTML")
    return decoded, _checked_date(published)


@router.post("/extract", summary="Extract one article (stores nothing)", openapi_extra=_EXTRACT_BODY)
async def extract(
    request: Request,
    published: Annotated[str | None, Query(description="Publication date (YYYY-MM-DD) for a text body.")] = None,
) -> dict[str, Any]:
    """Run the pipeline on the posted article and return the extraction; only with `serve --allow-extract`."""
    if not request.app.state.allow_extract:
        raise HTTPException(
            403, "extraction is turned off on this server; start it with `newsgraph serve --allow-extract`"
        )
    body = await _read_body(request, request.app.state.max_body)
    text, when = _text_of(body, request.headers.get("content-type", ""), published)
    max_chars = Settings().max_chars
    if len(text) > max_chars:
        raise HTTPException(413, str(ArticleTooLong("the body", len(text), max_chars)))
    try:
        extraction = await run_in_threadpool(_run_pipeline, text, when)
    except ArticleTooLong as error:
        raise HTTPException(413, str(error)) from None
    except InputError as error:
        raise HTTPException(422, error.problem) from None
    except NewsgraphError as error:
        raise HTTPException(422, str(error)) from None
    return extraction.to_dict()
