"""The learned report scorer: reports the lexicon does not list, its shipped weights, and its training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval.brat import read_brat
from newsgraph.eval.train_scorer import THRESHOLDS, train, write
from newsgraph.model import Article
from newsgraph.pipeline import COMPONENTS, Extractor
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.quotes.learned import load_scorer

# Every feature pipeline/learned.py emits starts with one of these: a weight named otherwise
# was trained for a feature that no longer exists, and the file must be trained again.
FEATURE_PREFIXES = (
    "bias",
    "lemma=",
    "construction=",
    "lemma+construction=",
    "tag=",
    "dep=",
    "pos=",
    "lexicon=",
    "lexicon+construction=",
    "subject=",
    "subject+construction=",
    "can_speak=",
    "length=",
    "opener=",
    "negated",
    "passive",
    "under=",
)


def rule_cues(extractor: Extractor, text: str) -> list[str]:
    nlp = extractor.nlp
    with nlp.select_pipes(disable=list(COMPONENTS)):
        doc = nlp(text)
    found, _ = nlp.get_pipe("newsgraph_quotes").rules(doc)
    return [text[c.cue[0] : c.cue[1]] for c in found if c.cue]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "The mayor likened the new parking fees to a tax on shoppers.",
            "likened",
            "the new parking fees to a tax on shoppers",
            "the mayor",
        ),
        (
            "The mayor vouched for the emergency crews after the storm.",
            "vouched",
            "the emergency crews",
            "the mayor",
        ),
    ],
)
def test_a_reporting_verb_the_lexicon_lacks_is_found_by_the_scorer(
    extractor: Extractor, text: str, cue: str, content: str, speaker: str
) -> None:
    assert cue not in rule_cues(extractor, text), "the rules alone should not know this verb"
    (quote,) = extractor.extract(Article(text=text)).quotes
    assert (quote.cue and quote.cue.text, quote.text) == (cue, content)
    assert quote.speaker is not None and quote.speaker.text.lower() == speaker


def test_a_passive_report_found_by_the_scorer_names_no_speaker(extractor: Extractor) -> None:
    text = "Mr. Pell has been mentioned as a possible harbour commissioner."
    (quote,) = extractor.extract(Article(text=text)).quotes
    assert quote.cue is not None and quote.cue.text == "mentioned"
    assert quote.speaker is None, "whoever mentioned him is not named"


def test_rules_only_pipeline_leaves_the_scorer_out() -> None:
    nlp = Extractor().nlp
    nlp.replace_pipe("newsgraph_quotes", "newsgraph_quotes", config={"learned": False})
    rules_only = Extractor(nlp=nlp)
    assert rules_only.extract(Article(text="The mayor likened the new parking fees to a tax.")).quotes == []


def test_shipped_weights_are_for_features_that_exist() -> None:
    data = load_data("report_scorer.json")
    stale = [name for name in data["weights"] if not name.startswith(FEATURE_PREFIXES)]
    assert not stale, f"retrain with scripts/train_report_scorer.py: {stale[:5]}"
    scorer = load_scorer()
    assert 0 < scorer.threshold < 1 and scorer.weights["bias"] < 0, "most proposals are no report"
    assert "PolNeAR" in data["trained_on"]


def _brat(folder: Path) -> Path:
    """Five tiny documents in PolNeAR's format, each with one report the lexicon does not list."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    texts = [
        (
            "harbour",
            "The mayor likened the harbour fees to a tax on shoppers.",
            "the harbour fees to a tax on shoppers",
        ),
        ("crews", "The chief vouched for the night crews at the depot.", "the night crews at the depot"),
        ("union", "The union lashed out at the ferry company over its rosters.", "the ferry company over its rosters"),
        (
            "school",
            "Parents likened the closure of the school to a betrayal.",
            "the closure of the school to a betrayal",
        ),
        ("bridge", "The engineer vouched for the old bridge after the flood.", "the old bridge after the flood"),
    ]
    for name, text, content in texts:
        (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        start = text.index(content)
        ann = f"T1\tContent {start} {start + len(content)}\t{content}\nE1\tAttribution:T1 Content:T1\n"
        (folder / "attributions" / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder


def test_training_is_deterministic_and_writes_a_scorer_file(tmp_path: Path, extractor: Extractor) -> None:
    golds = read_brat(_brat(tmp_path / "gold"))
    first, second = train(golds, extractor), train(golds, extractor)
    assert first.scorer == second.scorer
    assert first.documents == 5 and first.positives >= 1 and first.scorer.threshold in THRESHOLDS
    path = tmp_path / "scorer.json"
    write(first, path, "five invented documents")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["trained_on"] == "five invented documents" and data["threshold"] == first.scorer.threshold
    assert data["weights"] and all(name.startswith(FEATURE_PREFIXES) for name in data["weights"])
