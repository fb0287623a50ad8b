"""The trained attribution model as a user meets it: shipped in the package, run without torch."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import EXAMPLES

from newsgraph.model import Article
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.quotes.attribution import load_model
from newsgraph.pipeline.quotes.weighing import paragraphs
from newsgraph.settings import Settings

# A child interpreter in which importing torch fails: the model must not need it.
_WITHOUT_TORCH = """
import json, sys
sys.modules["torch"] = None
from newsgraph.ingest import read_paths
from newsgraph.pipeline import Extractor
(article,) = read_paths([sys.argv[1]])
quotes = Extractor().extract(article).quotes
print(json.dumps({"quotes": [q.text for q in quotes], "torch": sys.modules.get("torch") is not None}))
"""


def test_the_model_runs_on_a_sample_article_without_torch() -> None:
    path = EXAMPLES / "03_linden_bridge.txt"
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_TORCH, str(path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["quotes"] and not result["torch"]


def test_the_model_tags_a_report_and_its_parts() -> None:
    text = "The mayor of Linden said on Monday that the bridge would reopen in May."
    tags = load_model().tag(text, paragraphs(text))
    cues = [text[s.start : s.end] for s in tags.spans["cue"]]
    contents = [text[s.start : s.end] for s in tags.spans["content"]]
    assert "said" in cues
    assert any("bridge would reopen in May" in c for c in contents)


def test_the_end_of_a_long_paragraph_is_read() -> None:
    # The shipped tokenizer cut every text at 128 pieces: a report late in a long paragraph went unseen.
    lead = "The council met in the old hall on the square, where the heating has failed every winter since 1990. " * 8
    text = lead + "The mayor of Linden said on Monday that the bridge would reopen in May."
    tags = load_model().tag(text, paragraphs(text))
    assert any(text[s.start : s.end] == "said" and s.start > len(lead) for s in tags.spans["cue"])


def test_a_paragraph_is_tagged_the_same_alone_and_among_others() -> None:
    # int8 weights scale activations per run: a window batched with others used to get other tags.
    text = (EXAMPLES / "03_linden_bridge.txt").read_text(encoding="utf-8")
    spans = paragraphs(text)
    start, end = spans[len(spans) // 2]
    among = load_model().tag(text, spans)
    alone = load_model().tag(text, [(start, end)])
    for role in ("cue", "source", "content"):
        assert alone.spans[role] == among.overlapping(role, start, end)


@pytest.mark.parametrize("mode", ["model", "fast"])
def test_both_modes_find_the_sample_articles_reported_speech(mode: str) -> None:
    text = (EXAMPLES / "03_linden_bridge.txt").read_text(encoding="utf-8")
    quotes = Extractor(Settings(quotes=mode)).extract(Article(text=text)).quotes
    assert len(quotes) >= 3


# A sports report we wrote: "defending champion" reads as a report in the parse, and is not speech.
_ACTION_REPORT = (
    "Lions Win Again at Veldport Arena\n\n"
    "The Harbour Lions will complete the series at the Veldport Arena on Sunday, "
    "where they will face defending champion Dunmore.\n\n"
    'Coach Martin Oakes said the team was tired but ready. "We will rest on Saturday," he said.\n'
)


def test_the_speech_check_drops_an_action_the_rules_read_as_a_report() -> None:
    fast = Extractor(Settings(quotes="fast")).extract(Article(text=_ACTION_REPORT)).quotes
    model = Extractor(Settings(quotes="model")).extract(Article(text=_ACTION_REPORT)).quotes
    assert "champion Dunmore" in [q.text for q in fast]
    assert [q.text for q in model] == ["the team was tired but ready", "We will rest on Saturday"]
    assert [q.speaker.text for q in model if q.speaker] == ["Coach Martin Oakes", "he"]
