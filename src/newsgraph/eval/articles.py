"""Whole-article gold: every part of an extraction checked against hand-made expectations.

The gold is newsgraph's own JSON (``gold/seed.json``, ``examples/expected.json``): per
article its ``input`` (a file, or ``FILE#record`` for a record inside one), its
``published`` date and what must be found, as strings rather than offsets, so that a
person can write it by reading the article. Items marked ``optional`` are neither
required nor counted as false. Strings are compared after folding quote marks,
dashes, case and whitespace.

Events: a predicted event matches a gold event when the types agree, its actor is the
gold actor or one of ``actor_also`` (same words, one name's words within the other's),
and its target is the gold target; a gold event that names no actor or target accepts
any. A required gold event is right when some predicted event matches it; one event
told in several sentences (headline, lead, a later "the strike") is one gold event and
every prediction of it matches. A predicted event is false when it matches no gold
event, optional ones included. From the prediction's side an actor or target it does
not name is not held against it ("Two men arrested": an arrest with no actor is
incomplete, which the missed required event already counts, not false); a name it
gives that differs from the gold's is. Negated predictions ("no arrests were made")
say that an event did not happen, so they are never counted as false.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import GoldFormatError, InputError
from newsgraph.ingest import read_paths
from newsgraph.model import QUOTE_ACTS, Article, Event, Extraction
from newsgraph.pipeline import Extractor

PARTS = ("quotes", "entities", "figures", "dates", "events")
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_ARTICLES = frozenset({"the", "a", "an", "of"})
# Two quote texts are the same quote when this share of their words agree.
QUOTE_WORDS_AGREE = 0.8
TITLE_WORDS_AGREE = 0.75


def fold(text: str | None) -> str:
    """Case, marks, dashes and spaces folded; edge punctuation dropped."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_FOLD).casefold()
    return re.sub(r"\s+", " ", folded).strip(" \"'.,;:!?-")


def words(text: str | None) -> set[str]:
    return set(re.findall(r"[\w']+", fold(text)))


def agreement(a: str | None, b: str | None) -> float:
    """Shared words over all words of the two strings."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def same_name(gold: str | None, pred: str | None) -> bool:
    """One name's words contain the other's ("Israeli military" and "The Israeli military")."""
    g, p = words(gold) - _ARTICLES, words(pred) - _ARTICLES
    return bool(g and p) and (g <= p or p <= g)


@dataclass
class PartScore:
    """How many required items were found right, which were missed and what was added falsely."""

    required: int = 0
    right: int = 0
    false: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.required if self.required else 1.0


@dataclass
class ArticleScore:
    input: str
    parts: dict[str, PartScore]


Scorer = Callable[[list[dict[str, Any]], Extraction], PartScore]


def score_quotes(gold: list[dict[str, Any]], extraction: Extraction) -> PartScore:
    score = PartScore()
    # The gold lists what people said or thought; other attributions (acts.py) are not quotes.
    preds = [q for q in extraction.quotes if q.act in QUOTE_ACTS]
    used: set[int] = set()
    for item in sorted(gold, key=lambda g: bool(g.get("optional"))):
        candidates = [(agreement(item["text"], p.text), i) for i, p in enumerate(preds) if i not in used]
        best = max(candidates, default=(0.0, -1))
        found = best[0] >= QUOTE_WORDS_AGREE
        if found:
            used.add(best[1])
        if item.get("optional"):
            continue
        score.required += 1
        if not found:
            score.misses.append(f"missed quote {item['text'][:60]!r} ({item.get('speaker')})")
            continue
        speaker = preds[best[1]].speaker
        if same_name(item.get("speaker"), speaker.name if speaker else None):
            score.right += 1
        else:
            score.misses.append(f"speaker {speaker.name if speaker else None!r} for {item['text'][:50]!r}")
    for i, pred in enumerate(preds):
        if i not in used:
            score.false += 1
            score.misses.append(f"false quote {pred.text[:60]!r}")
    return score


def score_entities(gold: list[dict[str, Any]], extraction: Extraction) -> PartScore:
    score = PartScore()
    for item in gold:
        if item.get("optional"):
            continue
        score.required += 1
        hits = [e for e in extraction.entities if fold(e.name) == fold(item["name"])]
        if len(hits) != 1:
            score.misses.append(f"entity {item['name']!r} found {len(hits)} times")
            continue
        entity = hits[0]
        lost = [
            t for t in item.get("titles", []) if not any(agreement(t, x) >= TITLE_WORDS_AGREE for x in entity.titles)
        ]
        if lost:
            score.misses.append(f"{item['name']}: titles {lost} not in {entity.titles}")
        elif item.get("affiliation") and not same_name(item["affiliation"], entity.affiliation):
            score.misses.append(f"{item['name']}: affiliation {entity.affiliation!r}, gold {item['affiliation']!r}")
        elif len(entity.mentions) < item.get("mentions", 0):
            score.misses.append(f"{item['name']}: {len(entity.mentions)} mentions, gold {item['mentions']}")
        else:
            score.right += 1
    return score


def _value_matches(gold: Any, pred: Any) -> bool:
    if isinstance(gold, list) or isinstance(pred, list):
        return (
            isinstance(gold, list) and isinstance(pred, list) and [float(v) for v in gold] == [float(v) for v in pred]
        )
    return gold is not None and pred is not None and float(gold) == float(pred)


def score_figures(gold: list[dict[str, Any]], extraction: Extraction) -> PartScore:
    score = PartScore()
    for item in gold:
        if item.get("optional"):
            continue
        score.required += 1
        hits = [
            f
            for f in extraction.figures
            if _value_matches(item["value"], f.value) and fold(item["text"]) in fold(f.text)
        ]
        right = [
            f
            for f in hits
            if fold(f.approx) == fold(item.get("approx"))
            and (item.get("counted") is None or same_name(item["counted"], f.counted))
        ]
        if right:
            score.right += 1
        else:
            found = [(f.text, f.approx, f.counted) for f in hits]
            score.misses.append(f"figure {item['text']!r} ({item.get('approx')}, {item.get('counted')}): got {found}")
    return score


def score_dates(gold: list[dict[str, Any]], extraction: Extraction) -> PartScore:
    score = PartScore()
    for item in gold:
        if item.get("optional"):
            continue
        score.required += 1
        hits = [d for d in extraction.dates if fold(item["text"]) in fold(d.text)]
        if hits and all(d.value == item["value"] for d in hits):
            score.right += 1
        else:
            score.misses.append(f"date {item['text']!r} -> {item['value']}: got {[d.value for d in hits]}")
    return score


def _event_matches(item: dict[str, Any], event: Event, extraction: Extraction, named_only: bool) -> bool:
    """Type, actor and target agree; ``named_only`` forgives an actor or target the prediction leaves out."""
    names = [item["actor"], *item.get("actor_also", [])] if item.get("actor") else []
    actor = extraction.party(event.actor, event.actor_text)
    target = extraction.party(event.target, event.target_text)
    return (
        event.type == item["type"]
        and (not names or (named_only and actor is None) or any(same_name(n, actor) for n in names))
        and (not item.get("target") or (named_only and target is None) or same_name(item["target"], target))
    )


def score_events(gold: list[dict[str, Any]], extraction: Extraction) -> PartScore:
    score = PartScore()
    for item in gold:
        if item.get("optional"):
            continue
        score.required += 1
        right = [e for e in extraction.events if _event_matches(item, e, extraction, named_only=False)]
        if right:
            score.right += 1
        else:
            score.misses.append(
                f"event {item['type']} by {item.get('actor')} on {item.get('target')} ({item.get('trigger')})"
            )
    for event in extraction.events:
        if event.negated or any(_event_matches(item, event, extraction, named_only=True) for item in gold):
            continue
        score.false += 1
        actor = extraction.party(event.actor, event.actor_text)
        target = extraction.party(event.target, event.target_text)
        score.misses.append(f"false event {event.type} by {actor} on {target} ({event.trigger.text!r})")
    return score


SCORERS: dict[str, Scorer] = {
    "quotes": score_quotes,
    "entities": score_entities,
    "figures": score_figures,
    "dates": score_dates,
    "events": score_events,
}


def read_article_gold(path: Path) -> list[dict[str, Any]]:
    """The gold entries of a file: one article (seed.json's form) or ``{"articles": [...]}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldFormatError(path, f"cannot read gold JSON: {error}") from error
    entries = data.get("articles", [data]) if isinstance(data, dict) else None
    if not entries or not all(isinstance(e, dict) and e.get("input") for e in entries):
        raise GoldFormatError(path, "expected an object with 'input', or {'articles': [...]} of them")
    return list(entries)


def _find_article(entry: dict[str, Any], gold_path: Path) -> Article:
    name = str(entry["input"])
    file_name = name.split("#", 1)[0]
    for base in (Path.cwd(), gold_path.parent, gold_path.parent.parent):
        file = base / file_name
        if not file.is_file():
            continue
        wanted = str(file) + name[len(file_name) :]
        for article in read_paths([file], on_error=lambda error: None):
            if article.source == wanted:
                article.published = entry.get("published") or article.published
                return article
    raise GoldFormatError(gold_path, f"cannot find the article {name!r} beside the gold or in the current folder")


def evaluate_articles(gold_path: Path, extractor: Extractor) -> Iterator[ArticleScore]:
    """Score each gold article's extraction, part by part."""
    for entry in read_article_gold(gold_path):
        try:
            extraction = extractor.extract(_find_article(entry, gold_path))
        except InputError as error:
            raise GoldFormatError(gold_path, str(error)) from error
        parts = {part: SCORERS[part](entry.get(part, []), extraction) for part in PARTS}
        yield ArticleScore(str(entry["input"]), parts)


def totals(scores: list[ArticleScore]) -> dict[str, PartScore]:
    """Every article's counts added up, part by part."""
    total = {part: PartScore() for part in PARTS}
    for score in scores:
        for part, counts in score.parts.items():
            total[part].required += counts.required
            total[part].right += counts.right
            total[part].false += counts.false
    return total


def format_totals(scores: list[ArticleScore]) -> str:
    lines = [f"{len(scores)} articles", f"{'part':<10} {'right':>6} {'required':>9} {'share':>7} {'false':>6}"]
    for part, counts in totals(scores).items():
        false = str(counts.false) if part in ("quotes", "events") else "-"
        lines.append(f"{part:<10} {counts.right:>6} {counts.required:>9} {counts.share:>7.3f} {false:>6}")
    return "\n".join(lines)
