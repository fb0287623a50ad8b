"""Scoring events against PLOVER records: type recall, top-1 type, type plus source actor.

Each record's sentence runs through the whole pipeline (published = the record's date).
- type recall: the gold type is among the sentence's events;
- top-1: the one event we would report for the sentence. It is the first event (in our
  order: main clause first) whose trigger is one of the gold eventText words; when no
  trigger is, our first event. Its type must equal the gold type;
- first-event type: our first event alone, chosen without the gold words;
- type + source: the top-1 event has the gold type and its actor is a gold source:
  the words of the actor entity (name or any mention), or with no entity the words naming
  an agent the dictionaries code ("riot police"), share a content word with a gold
  actorText ("Israeli army bulldozers" fits "Israeli army"). A record without a gold
  source needs an event with neither.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.plover import PloverRecord, read_plover
from newsgraph.model import Article, Event, Extraction
from newsgraph.pipeline import ExtractionFailure, Extractor

FOLDS = 5
STOP = frozenset({"the", "a", "an", "of", "and", "in", "s", "'s", "on", "to", "for", "by"})
WORD = re.compile(r"[\w-]+")


def content_words(text: str) -> set[str]:
    """Lower-case words without articles and plural s, for matching actor texts."""
    words = set()
    for word in WORD.findall(text.lower()):
        if word in STOP:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return words


def top_event(events: list[Event], event_text: str) -> Event | None:
    """Our one event for a sentence: the first whose trigger is a gold event word, else the first."""
    gold_words = {w.lower() for w in WORD.findall(event_text)}
    for event in events:
        if event.trigger.text.lower() in gold_words:
            return event
    return events[0] if events else None


def actor_texts(extraction: Extraction, event: Event) -> list[str]:
    """What names the event's actor: its entity's name and mentions, else the agent's words ("police")."""
    entity = extraction.entity(event.actor)
    if entity is not None:
        return [entity.name, *(m.text for m in entity.mentions)]
    return [event.actor_text] if event.actor_text else []


def actor_matches(extraction: Extraction, event: Event, sources: list[str]) -> bool:
    """The event's actor is one of the gold sources (shared content word), or both have none."""
    texts = actor_texts(extraction, event)
    if not sources or not texts:
        return not sources and not texts
    ours = set().union(*map(content_words, texts))
    return any(ours & content_words(source) for source in sources)


@dataclass
class EventReport:
    """The figures `newsgraph eval events` prints."""

    records: int = 0
    failed: int = 0
    recalled: int = 0
    top1: int = 0
    top1_source: int = 0
    first: int = 0
    with_events: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (record index, what went wrong), so that misses can be listed for some folds only.
    misses: list[tuple[int, str]] = field(default_factory=list)
    # Per record, in order: (top-1 type right, and with a right actor), for the folds.
    outcomes: list[tuple[bool, bool]] = field(default_factory=list)

    def add(self, record: PloverRecord, extraction: Extraction) -> None:
        self.records += 1
        events = extraction.events
        self.with_events += bool(events)
        self.recalled += any(e.type == record.type for e in events)
        self.first += bool(events) and events[0].type == record.type
        top = top_event(events, record.event_text)
        predicted = top.type if top is not None else "none"
        right = top is not None and predicted == record.type
        with_actor = right and top is not None and actor_matches(extraction, top, record.sources)
        self.outcomes.append((right, with_actor))
        if top is not None and predicted == record.type:
            self.top1 += 1
            if with_actor:
                self.top1_source += 1
            else:
                actor = next(iter(actor_texts(extraction, top)), None)
                self.misses.append((self.records - 1, f"{record.id}: actor {actor!r}, gold {record.sources}"))
        else:
            self.confusion[(record.type, predicted)] += 1
            trigger = top.trigger.text if top is not None else "-"
            miss = f"{record.id}: {predicted} ({trigger}), gold {record.type} ({record.event_text})"
            self.misses.append((self.records - 1, miss))

    def ratio(self, count: int) -> float:
        return count / self.records if self.records else 0.0

    def folds(self, k: int = FOLDS) -> list[tuple[float, float]]:
        """Top-1 and type + source accuracy on each of k folds (record i in fold i mod k).

        Nothing in the coder is tuned or learned on these records (the lexicon is generated
        from the CAMEO dictionaries, the hand entries quote the PLOVER manual), so there is
        nothing to refit on four fifths: each fold is scored by the same coder, and the mean
        over folds is the cross-validated figure. Were anything fitted here, it would have to
        be refitted per fold before this figure could be published.
        """
        figures = []
        for fold in range(k):
            held = [o for i, o in enumerate(self.outcomes) if i % k == fold]
            if held:
                figures.append((sum(r for r, _ in held) / len(held), sum(a for _, a in held) / len(held)))
        return figures

    def cross_validated(self, k: int = FOLDS) -> tuple[float, float]:
        figures = self.folds(k)
        if not figures:
            return 0.0, 0.0
        return sum(t for t, _ in figures) / len(figures), sum(a for _, a in figures) / len(figures)

    def render(self, show_misses: int = 0, top_errors: int = 10, folds: set[int] | None = None) -> str:
        """The figures, and up to ``show_misses`` misses; with ``folds``, only misses of records in those folds, so
        that folds kept unread for honest validation stay unread while the others are studied."""
        lines = [
            f"PLOVER records: {self.records} ({self.failed} failed), with any event: {self.with_events}",
            f"type recall (gold type among the sentence's events): {self.ratio(self.recalled):.3f}",
            "top-1 type accuracy (event whose trigger is an eventText word, else our first): "
            f"{self.ratio(self.top1):.3f}",
            f"first-event type accuracy (our first event, no gold words used): {self.ratio(self.first):.3f}",
            f"type + source actor accuracy (top-1 type right and actor shares a word with a gold source): "
            f"{self.ratio(self.top1_source):.3f}",
        ]
        figures = self.folds()
        if figures:
            top1, source = self.cross_validated()
            lines += [
                f"{FOLDS}-fold cross-validated (nothing tuned or learned on these records, so no refit per fold): "
                f"top-1 {top1:.3f} (folds {min(t for t, _ in figures):.3f}-{max(t for t, _ in figures):.3f}), "
                f"type + source {source:.3f} (folds {min(a for _, a in figures):.3f}-{max(a for _, a in figures):.3f})",
                f"folds (record i in fold i mod {FOLDS}), top-1: "
                + " / ".join(f"{t:.3f}" for t, _ in figures)
                + "; type + source: "
                + " / ".join(f"{a:.3f}" for _, a in figures),
            ]
        lines.append("most frequent type errors (gold -> ours):")
        for (gold, ours), count in self.confusion.most_common(top_errors):
            lines.append(f"  {gold:>9} -> {ours:<9} {count}")
        if show_misses:
            shown = [m for i, m in self.misses if folds is None or i % FOLDS in folds]
            lines.append("misses:" if folds is None else f"misses in folds {', '.join(map(str, sorted(folds)))}:")
            lines.extend(f"  {m}" for m in shown[:show_misses])
        return "\n".join(lines)


def evaluate_events(path: Path, extractor: Extractor | None = None) -> EventReport:
    """Run the pipeline on every record of a PLOVER file and score its events."""
    records = read_plover(path)
    return score_records(records, extractor or Extractor())


def score_records(records: Iterable[PloverRecord], extractor: Extractor) -> EventReport:
    items = list(records)
    articles = [Article(text=r.text, published=r.date, source=r.id) for r in items]
    report = EventReport()
    for record, result in zip(items, extractor.extract_many(articles), strict=True):
        if isinstance(result, ExtractionFailure):
            report.records += 1
            report.failed += 1
            report.outcomes.append((False, False))
            report.confusion[(record.type, "failed")] += 1
            continue
        report.add(record, result)
    return report
