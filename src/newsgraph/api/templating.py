"""The Jinja2 environment of the pages: autoescape always on, a few formatting filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi.templating import Jinja2Templates

from newsgraph.api.annotate import date_anchor, event_anchor, figure_anchor, quote_anchor
from newsgraph.api.chart import count_rows

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _path_part(value: str) -> str:
    """``value`` quoted for a URL path; ids (letters and digits, a page holds a hundred) as they are."""
    return value if value.isascii() and value.isalnum() else quote(value, safe="")


def entity_href(key: str | None) -> str | None:
    """The page of a store entity, by its id or name (both are accepted by the store)."""
    return f"/entities/{_path_part(str(key))}" if key else None


def article_href(article_id: str) -> str:
    return f"/articles/{_path_part(article_id)}"


def web_url(url: str | None) -> str | None:
    """An article's own URL when it is a web address; anything else (``javascript:``, ``data:``) is no link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """A query string with some parameters changed, empty ones dropped (for paging links)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def with_change(params: dict[str, Any], name: str, value: Any) -> str:
    """A query string with one parameter changed and paging back at the start (for facets and sorting)."""
    return with_query(params, **{name: value, "offset": None})


def quote_href(article_id: str, local_id: str) -> str:
    """The quote itself on its article's page."""
    return f"{article_href(article_id)}#{quote_anchor(local_id)}"


def event_href(article_id: str, local_id: str | None) -> str:
    """The event's trigger on the page of the first article that told it."""
    return article_href(article_id) + (f"#{event_anchor(local_id)}" if local_id else "")


def figure_href(article_id: str, position: int) -> str:
    return f"{article_href(article_id)}#{figure_anchor(position)}"


def export_href(listing: str, fmt: str, params: dict[str, Any], sort: str | None = None) -> str:
    """The API export of a list under the page's own filters (and ``sort``, the list's order when it has one)."""
    return f"/api/{listing}.{fmt}{with_query(params, offset=None, period=None, sort=sort)}".rstrip("?")


def _environment() -> jinja2.Environment:
    # Autoescape on for every template, whatever its name: every value from an article is text.
    # Templates ship with the package: not checked for changes on every page (a stat of each per request).
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        auto_reload=False,
    )
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.globals.update(
        entity_href=entity_href,
        article_href=article_href,
        with_query=with_query,
        with_change=with_change,
        web_url=web_url,
        quote_href=quote_href,
        event_href=event_href,
        figure_href=figure_href,
        export_href=export_href,
        quote_anchor=quote_anchor,
        figure_anchor=figure_anchor,
        date_anchor=date_anchor,
        event_anchor=event_anchor,
        count_rows=count_rows,
    )
    return env


templates = Jinja2Templates(env=_environment())
