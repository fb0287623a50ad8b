"""The sample corpus and its gold: every format read cleanly, and the gold true to the texts it describes."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from typing import Any

import pytest
from tests.conftest import EXAMPLES, ROOT

from newsgraph.ingest import read_paths
from newsgraph.model import Article

MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
KINDS = {"direct", "indirect", "mixed"}
ISO = re.compile(r"^\d{4}(-\d{2}-\d{2})?(/\d{4}-\d{2}-\d{2})?$")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(MARKS)).strip().lower()


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    """The articles of examples/, by their source relative to the repository (as the gold names them)."""
    errors: list[Any] = []
    articles = {str(a.source).removeprefix(f"{ROOT}/"): a for a in read_paths([EXAMPLES], on_error=errors.append)}
    assert not errors
    return articles


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    return data


def test_every_format_is_there_and_the_archive_is_small() -> None:
    suffixes = Counter("".join(p.suffixes) for p in EXAMPLES.iterdir() if p.name not in ("README.md", "expected.json"))
    assert suffixes == {".txt": 3, ".html": 2, ".jsonl": 1, ".csv": 1, ".rss": 1, ".warc.gz": 1}
    assert (EXAMPLES / "09_dunmore_daily.warc.gz").stat().st_size < 10_000


def test_articles_are_short_news_with_a_date_and_a_title(corpus: dict[str, Article]) -> None:
    assert len(corpus) == 11
    for source, article in corpus.items():
        assert 200 <= len(article.text.split()) <= 450, source
        assert article.published and article.published.startswith("2024-03"), source
        assert article.title, source


def test_gold_names_every_article_with_its_date_and_title(corpus: dict[str, Article], gold: dict[str, Any]) -> None:
    assert [g["input"] for g in gold["articles"]] == sorted(corpus)
    for entry in gold["articles"]:
        article = corpus[entry["input"]]
        assert (entry["published"], entry["title"]) == (article.published, article.title)
        if "id" in entry:
            assert article.metadata["id"] == entry["id"]


def test_every_gold_string_is_in_its_article(corpus: dict[str, Article], gold: dict[str, Any]) -> None:
    for entry in gold["articles"]:
        text = norm(corpus[entry["input"]].text)
        strings = [q["text"] for q in entry["quotes"]] + [q["cue"] for q in entry["quotes"] if q["cue"]]
        strings += [p for q in entry["quotes"] for p in q.get("parts", [])] + entry["not_quotes"]
        strings += [e["name"] for e in entry["entities"] if not e.get("optional")]
        strings += [t for e in entry["entities"] for t in e["titles"]]
        strings += [f["text"] for f in entry["figures"]] + [d["text"] for d in entry["dates"]]
        strings += [v["trigger"] for v in entry["events"]]
        missing = [s for s in strings if norm(s) not in text]
        assert not missing, (entry["input"], missing)


def test_gold_items_are_well_formed(gold: dict[str, Any]) -> None:
    for entry in gold["articles"]:
        names = {e["name"] for e in entry["entities"]}
        for quote in entry["quotes"]:
            assert quote["kind"] in KINDS and quote["speaker"], quote
            if quote["kind"] == "direct" and "parts" not in quote:
                assert quote["text"][0] not in '“"' and quote["text"].rstrip(".")[-1:] not in '”",', quote
        required = [q for q in entry["quotes"] if not q.get("optional")]
        assert required, entry["input"]
        for figure in entry["figures"]:
            assert isinstance(figure["value"], int | float | list), figure
        for date in entry["dates"]:
            assert date.get("optional") or ISO.match(date["value"]), date
        for event in entry["events"]:
            assert event["type"].isupper() and event["actor"], event
        assert len(names) == len(entry["entities"]), f"an entity twice in {entry['input']}"


def test_the_corpus_holds_the_hard_cases(corpus: dict[str, Article], gold: dict[str, Any]) -> None:
    quotes = [q for entry in gold["articles"] for q in entry["quotes"]]
    assert any(q.get("parts") for q in quotes), "a quote interrupted by its attribution"
    assert any("\n\n" in q["text"] for q in quotes), "a quote over two paragraphs"
    assert any(q["cue"] is None for q in quotes), "a quote continuing the previous speaker"
    assert {q["cue"] for q in quotes} >= {"said", "according to", "saying", "told", "warned", "added"}
    assert {q["kind"] for q in quotes} == KINDS
    assert any(entry["not_quotes"] for entry in gold["articles"]), "a title in quote marks"
    approx = {f["approx"] for entry in gold["articles"] for f in entry["figures"]}
    assert approx >= {"more than", "about", "estimated", "nearly", "up to", "at least"}
    events = {v["type"] for entry in gold["articles"] for v in entry["events"] if not v.get("optional")}
    assert events >= {"PROTEST", "COERCE", "RETREAT", "SANCTION", "AGREE", "ACCUSE", "THREATEN"}
    texts = " ".join(a.text for a in corpus.values())
    for phrase in ("yesterday", "last week", "February 12", "“", '"', "said Reyes"):
        assert phrase in texts, phrase


def test_cross_article_threads(corpus: dict[str, Article], gold: dict[str, Any]) -> None:
    threads = gold["cross_article"]
    (strike,) = threads["same_event"]
    told = [
        v
        for entry in gold["articles"]
        if entry["input"] in strike["articles"]
        for v in entry["events"]
        if v.get("same_event") == strike["id"]
    ]
    assert len(told) == 2 and len({(v["type"], v["actor"], v["date"], v["location"]) for v in told}) == 1
    ortiz = next(p for p in threads["same_person"] if p["name"] == "Ana Ortiz")
    assert len(ortiz["articles"]) >= 3
    assert any("Ortiz" in corpus[s].text and "Ana Ortiz" not in corpus[s].text for s in ortiz["articles"])
    (brandts,) = threads["different_people_same_surname"]
    daniel, sofia = (set(p["articles"]) for p in brandts["people"])
    assert daniel and sofia and not daniel & sofia
