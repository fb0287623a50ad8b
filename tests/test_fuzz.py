"""Property tests over every reader and over ingest: no exception escapes, every input is accounted for.

Inputs are our sample and hostile files mutated by Hypothesis (tests/malformed.py); the
runs are derandomized and bounded so that ``make test`` stays quick, and
``benchmarks/campaign.py`` runs the same generator over ten thousand inputs and more.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.malformed import MUTATIONS, SUFFIXES, malformed

from newsgraph.errors import InputError, InternalError
from newsgraph.ingest import read_paths
from newsgraph.pipeline import Extractor
from newsgraph.settings import Settings
from newsgraph.store import Progress, Store

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "120"))
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
inputs = st.tuples(
    st.integers(0, 10_000),
    st.lists(st.tuples(st.sampled_from(sorted(MUTATIONS)), st.integers(0, 2**32 - 1)), min_size=1, max_size=4),
    st.sampled_from(SUFFIXES),
)


def write(folder: Path, number: int, drawn: tuple[int, list[tuple[str, int]], str]) -> Path:
    seed, mutations, suffix = drawn
    own_suffix, data = malformed(seed, mutations)
    path = folder / f"input{number}{suffix or own_suffix}"
    path.write_bytes(data)
    return path


@BOUNDED
@given(drawn=inputs)
def test_every_reader_reads_or_names_the_problem(drawn: tuple[int, list[tuple[str, int]], str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), 0, drawn)
        errors: list[InputError] = []
        articles = list(read_paths([path], on_error=errors.append))
    assert articles or errors, "an input vanished without a word"
    assert not [e for e in errors if isinstance(e, InternalError)], errors
    assert all(a.text.strip() and "\x00" not in a.text for a in articles)


@pytest.fixture(scope="module")
def blank_extractor() -> Extractor:
    """The real ingest path around a blank pipeline: the fuzzing is about readers and store, not the model."""
    return Extractor(Settings(), nlp=spacy.blank("en"))


@settings(BOUNDED, max_examples=max(EXAMPLES // 3, 1))  # each example creates a store: the slow part
@given(batch=st.lists(inputs, min_size=1, max_size=4))
def test_ingest_accounts_for_every_input(
    batch: list[tuple[int, list[tuple[str, int]], str]], blank_extractor: Extractor
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = [write(Path(folder), n, drawn) for n, drawn in enumerate(batch)]
        steps: list[Progress] = []
        with Store(f"sqlite:///{folder}/store.db") as store:
            report = store.ingest(paths, extractor=blank_extractor, progress=steps.append)
            stored = store.stats()["articles"]
    told = [s.source or "" for s in steps]
    for path in paths:
        assert any(source.startswith(str(path)) for source in told), f"{path.name} vanished without a word"
    assert report.internal == 0, report.failed
    assert report.new == stored
