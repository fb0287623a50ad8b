"""Bounds on what one article may cost the pipeline: its length, its punctuation runs, its time.

A news article is a few thousand characters of prose. Inputs far from that (a million
characters, sixteen thousand '&' in a row) cost minutes and gigabytes in spaCy, so
they are refused before the tokenizer sees them, each with an error saying which
bound it passed and which setting raises it.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.errors import ArticleTooLong, NewsgraphError, OverTimeBudget, PunctuationRun
from newsgraph.model import Article
from newsgraph.settings import Settings


def refusal(article: Article, settings: Settings) -> NewsgraphError | None:
    """Why the pipeline must not take ``article``, or None when it is within bounds."""
    if len(article.text) > settings.max_chars:
        return ArticleTooLong(article.source, len(article.text), settings.max_chars)
    run = longest_punctuation_run(article.text, settings.max_punct_run)
    if run > settings.max_punct_run:
        return PunctuationRun(article.source, run, settings.max_punct_run)
    return None


def longest_punctuation_run(text: str, limit: int) -> int:
    """The length of the first run of punctuation longer than ``limit`` (0 when there is none)."""
    match = re.search(rf"[^\w\s]{{{limit + 1},}}", text)
    return len(match.group()) if match else 0


@contextmanager
def time_budget(seconds: float, source: str | None = None) -> Iterator[None]:
    """Raise OverTimeBudget in the block once ``seconds`` have passed (main thread only; elsewhere no limit).

    The alarm interrupts Python code between bytecodes, so a component looping in Python
    is stopped; worker processes add a watchdog that kills a worker stuck in native code.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise OverTimeBudget(source, seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
