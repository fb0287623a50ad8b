"""Counts remembered between requests, until the store changes.

Facets and top speakers group every matching row, which on a large store costs far more
than a page of a list. A count stays true until an article is added or entities are
corrected (merged, split, resolved again): answers are kept in a small least-recently-used
table keyed by what was asked and the store's version (``Store.version``: its newest
article's key, a digest of the corrections and its newest logged rewrite), and recomputed
once that moves. An entity's page keeps who the entity is and its chart of mentions so too.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from newsgraph.api.routes_api import store_of

T = TypeVar("T")
SIZE = 512


class CountCache:
    """A thread-safe least-recently-used table of computed counts."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                found: T = self.entries[key]
                return found
        value = compute()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value


def counted(request: Request, name: str, **params: Any) -> Any:
    """The store method ``name`` called with ``params``, remembered until the store changes."""
    store = store_of(request)
    asked = (name, tuple(sorted((k, v) for k, v in params.items())))
    return kept(request, asked, lambda: getattr(store, name)(**params))


def kept(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """What ``compute`` makes of the store (``key`` names it), remembered until the store changes."""
    cache: CountCache | None = getattr(request.app.state, "counts", None)
    if cache is None:
        cache = request.app.state.counts = CountCache()
    store = store_of(request)
    # The version and what is computed under it are read in one transaction (the page's, when it holds one).
    with store.snapshot():
        return cache.get((key, store.version()), compute)
