"""The filters of each list as FastAPI dependencies, so that a list, its facets and its exports
read the very same query string (``/api/quotes?…``, ``/api/quotes/facets?…``, ``/api/quotes.csv?…``).

Each dependency gives the keyword arguments of the matching Store method, blanks dropped and days checked.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

from newsgraph.store.sorting import keys

Filters = dict[str, Any]

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
# An offset past a billion rows is no page anyone reads, and past 2**63 no database takes it.
MAX_OFFSET = 1_000_000_000
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (for the next pages).")]
# Store-wide ids fit a 64-bit column: a longer number names no entity, and no database takes it.
MAX_ID = 10**18 - 1
# Strings, not dates, so that an empty box in a search form means "no limit" rather than an error.
Since = Annotated[
    str | None, Query(description="On or after this day (YYYY-MM-DD).", json_schema_extra={"format": "date"})
]
Until = Annotated[
    str | None, Query(description="On or before this day (YYYY-MM-DD).", json_schema_extra={"format": "date"})
]


def blank(value: str | None) -> str | None:
    """An empty search box means no filter."""
    return value.strip() or None if value is not None else None


def day(value: str | None, name: str) -> str | None:
    """A since/until parameter as an ISO day; blank means no limit, anything else but a day is a 422."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}: {value[:40]!r} is not a day; write it as YYYY-MM-DD") from None


KINDS = ("direct", "indirect", "mixed")
Outlet = Annotated[
    str | None, Query(description="Only what articles of outlets whose name holds this tell (e.g. nyt, Courier).")
]
Order = Annotated[
    str | None,
    Query(pattern="^(asc|desc)$", description="asc or desc; without it, the key's usual way (newest, most, A first)."),
]


def quote_filters(
    q: Annotated[str | None, Query(description="Words in the quote.")] = None,
    speaker: Annotated[
        str | None,
        Query(description="The speaker's whole name or alias: the most reported entity bearing it (see `chosen`)."),
    ] = None,
    speaker_id: Annotated[int | None, Query(ge=0, le=MAX_ID, description="The speaker's store-wide entity id.")] = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(description="Only quotes of this article id.")] = None,
    kind: Annotated[str | None, Query(description="direct, indirect or mixed.")] = None,
    source: Annotated[str | None, Query(description="Only quotes from articles whose source holds this.")] = None,
    outlet: Outlet = None,
) -> Filters:
    """The quote list's filters."""
    kind = blank(kind)
    if kind is not None and kind.lower() not in KINDS:
        raise HTTPException(422, f"kind: {kind[:40]!r} is not one of {', '.join(KINDS)}")
    return {
        "q": blank(q),
        "speaker": blank(speaker),
        "speaker_id": speaker_id,
        "since": day(since, "since"),
        "until": day(until, "until"),
        "article": blank(article),
        "kind": kind.lower() if kind else None,
        "source": blank(source),
        "outlet": blank(outlet),
    }


def quote_order(
    sort: Annotated[
        str, Query(pattern="^(date|newest|oldest)$", description="date (newest and oldest are date each way).")
    ] = "date",
    order: Order = None,
) -> Filters:
    """The quote list's order, as ``Store.quotes`` takes it: the day it was said, newest first unless asked."""
    return {"oldest_first": order == "asc" if order else sort == "oldest"}


def _sort(listing: str) -> Any:
    """The dependency of one list's ``sort`` and ``order`` (``sorting.SORTS``)."""
    names = keys(listing)

    # The query is a default, not an annotation: annotations here are strings, which cannot name ``names``.
    def sort_of(
        sort: str | None = Query(None, pattern=f"^({'|'.join(names)})$", description=f"One of {', '.join(names)}."),
        order: Order = None,
    ) -> Filters:
        return {"sort": sort, "order": order}

    sort_of.__doc__ = f"The order of the {listing} list."
    return sort_of


article_sort = _sort("articles")
event_sort = _sort("events")
entity_sort = _sort("entities")


def event_filters(
    type: Annotated[str | None, Query(description="PLOVER event type (e.g. ACCUSE).")] = None,
    actor: Annotated[
        str | None,
        Query(description="The actor's whole name or alias: the most reported entity bearing it (see `chosen`)."),
    ] = None,
    actor_id: Annotated[int | None, Query(ge=0, le=MAX_ID, description="The actor's store-wide entity id.")] = None,
    target: Annotated[str | None, Query(description="The target's name (or a part of it) or entity id.")] = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
) -> Filters:
    """The event list's filters."""
    return {
        "type": blank(type),
        "actor": blank(actor),
        "actor_id": actor_id,
        "target": blank(target),
        "since": day(since, "since"),
        "until": day(until, "until"),
        "outlet": blank(outlet),
    }


def article_filters(
    q: Annotated[str | None, Query(description="Words to find in the text (full-text search).")] = None,
    since: Since = None,
    until: Until = None,
    source: Annotated[str | None, Query(description="Only articles whose source holds this.")] = None,
    outlet: Annotated[str | None, Query(description="Only articles of outlets whose name holds this.")] = None,
) -> Filters:
    """The article list's filters."""
    return {
        "q": blank(q),
        "since": day(since, "since"),
        "until": day(until, "until"),
        "source": blank(source),
        "outlet": blank(outlet),
    }


def entity_filters(
    q: Annotated[str | None, Query(description="Words of the name or an alias.")] = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, …")] = None,
    outlet: Annotated[str | None, Query(description="Only entities named by outlets whose name holds this.")] = None,
) -> Filters:
    """The entity list's filters."""
    return {"q": blank(q), "type": blank(type), "outlet": blank(outlet)}


def figure_filters(
    q: Annotated[str | None, Query(description="Words of the figure or what it counts.")] = None,
    counted: Annotated[str | None, Query(description="What the figure counts (e.g. hostages).")] = None,
) -> Filters:
    """The figure list's filters."""
    return {"q": blank(q), "counted": blank(counted)}


Period = Annotated[str, Query(pattern="^(week|month)$", description="Count per week or per month.")]
