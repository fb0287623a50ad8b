"""The seed article's quotes through `newsgraph extract`, offsets on real text, and the PolNeAR dev gate."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import pytest
from tests.conftest import POLNEAR_DEV, SEED, SHARED, need_shared
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.eval.brat import read_brat
from newsgraph.eval.quotes import evaluate
from newsgraph.model import Article
from newsgraph.pipeline import Extractor

# Pinned a little under what `newsgraph eval quotes --gold ../shared/data/polnear/dev` measures
# (with the attribution model: 0.723 / 0.588 / 0.780 / 0.765 / 0.651 / 0.917, overlap precision 0.794;
# the rules alone reach 0.755 precision, so that floor fails without the model's speech check).
# "speech_precision": of the reports typed as speech (what the store keeps), the share that
# matches a gold content (0.899).
FLOORS = {
    "content_overlap_f1": 0.722,
    "content_exact_f1": 0.585,
    "content_overlap_precision": 0.791,
    "source_overlap_f1": 0.778,
    "source_exact_f1": 0.764,
    "cue_overlap_f1": 0.649,
    "speaker_accuracy": 0.915,
    "speech_precision": 0.896,
}


def seed_scorer() -> Any:
    path = need_shared(SHARED / "tools" / "seed_score.py")
    spec = importlib.util.spec_from_file_location("seed_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_offsets(data: dict[str, Any]) -> None:
    text = data["article"]["text"]
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        for key in ("cue", "speaker"):
            if quote[key]:
                assert text[quote[key]["start"] : quote[key]["end"]] == quote[key]["text"]


@pytest.mark.shared
def test_seed_quotes_all_found_with_their_speakers_and_nothing_false(seed_gold: dict[str, Any]) -> None:
    result = CliRunner().invoke(
        app, ["extract", str(need_shared(SEED)), "--published", "2023-12-03", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    misses, line, ok = seed_scorer().score_quotes(seed_gold, data)
    assert ok, (line, misses)
    assert_offsets(data)
    by_text = {q["text"]: q for q in data["quotes"]}
    according = next(q for q in by_text.values() if q["cue"] and q["cue"]["text"] == "according to")
    assert according["speaker"]["name"] == "The Associated Press"
    uncued = [q for q in data["quotes"] if q["kind"] == "direct" and q["cue"] is None]
    assert uncued and all(q["speaker"]["name"].endswith("Kirby") for q in uncued)


@pytest.mark.shared
def test_offsets_hold_on_polnear_dev_documents(extractor: Extractor) -> None:
    docs = read_brat(need_shared(POLNEAR_DEV))[:4]
    for doc in docs:
        assert_offsets(extractor.extract(Article(text=doc.text, source=doc.name)).to_dict())


@pytest.mark.shared
@pytest.mark.slow
def test_polnear_dev_figures_stay_above_their_floors(extractor: Extractor) -> None:
    report = evaluate(read_brat(need_shared(POLNEAR_DEV)), extractor)
    measured = {
        "content_overlap_f1": report.content_overlap.f1,
        "content_exact_f1": report.content_exact.f1,
        "content_overlap_precision": report.content_overlap.precision,
        "source_overlap_f1": report.source_overlap.f1,
        "source_exact_f1": report.source_exact.f1,
        "cue_overlap_f1": report.cue_overlap.f1,
        "speaker_accuracy": report.speaker_accuracy,
        "speech_precision": report.matched_by_act["speech"] / report.found_by_act["speech"],
    }
    below = {k: round(v, 3) for k, v in measured.items() if v < FLOORS[k]}
    assert not below, f"below the pinned floors {FLOORS}: {below}"
