"""The Jinja2 environment of the pages: autoescape always on, a few formatting filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi.templating import Jinja2Templates

TEMPLATES = Path(__file__).resolve().parent / "templates"


def entity_href(key: str | None) -> str | None:
    """The page of a store entity, by its id or name (both are accepted by the store)."""
    return f"/entities/{quote(str(key), safe='')}" if key else None


def article_href(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def web_url(url: str | None) -> str | None:
    """An article's own URL when it is a web address; anything else (``javascript:``, ``data:``) is no link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """A query string with some parameters changed, empty ones dropped (for paging links)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _environment() -> jinja2.Environment:
    # Autoescape on for every template, whatever its name: every value from an article is text.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.ChainableUndefined
    )
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.globals.update(entity_href=entity_href, article_href=article_href, with_query=with_query, web_url=web_url)
    return env


templates = Jinja2Templates(env=_environment())
