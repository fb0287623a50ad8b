"""The web: a JSON API and server-rendered pages over the store (``newsgraph serve``)."""

from __future__ import annotations

from typing import Any

# Largest body POST /api/extract reads, in bytes: a long article is well under it.
DEFAULT_MAX_BODY = 2_000_000

__all__ = ["DEFAULT_MAX_BODY", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI loads only for those who serve, so the command line starts fast.
    if name == "create_app":
        from newsgraph.api.app import create_app

        return create_app
    raise AttributeError(name)
