"""Shared fixtures: one loaded pipeline for the whole run, and the paths of our inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.pipeline import Extractor, load_model
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_872a38eefc437c9f.txt"
SEED_GOLD = SHARED / "gold" / "seed.json"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"
NEWSQUANT_DEV = SHARED / "data" / "newsquant" / "dev.json"
PLOVER_DEV = SHARED / "data" / "plover" / "dev.json"


def need_shared(path: Path) -> Path:
    """Skip, with the reason, when ../shared is not beside the clone (a user's clone has none)."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared holds the seed, gold and dev data (CI has it)")
    return path


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def quotes_extractor() -> Extractor:
    """spaCy with the components quotes depend on (entities) and the two under test, nothing after them."""
    nlp = load_model(Settings().model)
    for name in ("newsgraph_entities", "newsgraph_quotes", "newsgraph_speakers"):
        nlp.add_pipe(name)
    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def keeping(extractor: Extractor) -> Extractor:
    """The same pipeline, keeping the events told as not done (``--negated-events``)."""
    return Extractor(Settings(negated_events=True), nlp=extractor.nlp)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(need_shared(SEED_GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_extraction(extractor: Extractor) -> dict[str, Any]:
    """The seed article through the same path as `newsgraph extract --published 2023-12-03`."""
    from newsgraph.ingest import read_paths

    (article,) = read_paths([need_shared(SEED)], published="2023-12-03")
    return extractor.extract(article).to_dict()


@pytest.fixture(scope="session")
def spark_session() -> Any:
    """One local[2] Spark session for the whole run (starting one costs seconds); skipped without Java."""
    pytest.importorskip("pyspark", reason="the 'spark' extra is not installed (pip install 'newsgraph[spark]')")
    from newsgraph.spark.session import java_found, start

    if not java_found():
        pytest.skip("no Java runtime for Spark: `make java` installs Debian's default-jre-headless")
    session = start("local[2]")
    yield session
    session.stop()
