"""Watched workers (-j N): an article that overruns its time or memory, or kills its worker, fails alone.

The pipeline here is a blank English one with a component that misbehaves on a trigger
word, so that each test takes seconds; the watchdog is the same as with the real model.
"""

from __future__ import annotations

import signal
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Article, Extraction
from newsgraph.pipeline import ExtractionFailure, Extractor
from newsgraph.settings import Settings

HOG: list[bytearray] = []


@Language.component("misbehave")
def misbehave(doc: Doc) -> Doc:
    if "HANG" in doc.text:
        # Deaf to the in-process alarm, as native code would be: only the watchdog's kill stops it.
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(120)
    if "SLOW" in doc.text:
        time.sleep(120)  # Python code: the worker's own alarm stops it
    if "HOG" in doc.text:
        hog = bytearray(900 << 20)
        hog[::4096] = b"x" * len(range(0, len(hog), 4096))  # touch every page, so that it is resident
        HOG.append(hog)
        time.sleep(10)  # long enough for the watchdog to look
    if "DIE" in doc.text:
        signal.raise_signal(signal.SIGKILL)
    return doc


@pytest.fixture(scope="module")
def nlp() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("misbehave")
    return blank


def articles(*words: str) -> list[Article]:
    return [Article(text=f"Article {n}: the council met on Friday. {w}") for n, w in enumerate(words)]


# A short budget where time is the point, a long one where a busy machine must not turn a
# memory or death case into an overrun.
@pytest.mark.parametrize(
    "trigger, code, seconds",
    [("HANG", "E062", 1.0), ("SLOW", "E062", 1.0), ("DIE", "E066", 60.0), ("HOG", "E063", 60.0)],
)
def test_a_misbehaving_article_fails_alone_and_the_rest_come_back_in_order(
    nlp: Language, trigger: str, code: str, seconds: float
) -> None:
    settings = Settings(n_process=2, batch_size=4, article_seconds=seconds, worker_mb=600)
    extractor = Extractor(settings, nlp=nlp)
    batch = articles("fine", "fine", trigger, "fine", "fine", "fine", "fine", "fine", "fine")
    results = list(extractor.extract_many(batch))
    assert [r.article.id for r in results] == [a.id for a in batch]
    failed = [r for r in results if isinstance(r, ExtractionFailure)]
    assert len(failed) == 1 and failed[0].article.text.endswith(trigger)
    assert f"[{code}]" in str(failed[0].error)
    assert sum(isinstance(r, Extraction) for r in results) == len(batch) - 1
