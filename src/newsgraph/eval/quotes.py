"""Scoring quotes against gold: content, source and cue spans, speakers, and the misses by kind.

Every figure is computed the same way for brat and gold JSON: content, source and
cue spans are matched one-to-one, exactly (after trimming edge punctuation and
spaces) and by overlap (character Jaccard >= 0.5). Speaker accuracy is counted on
the contents matched by overlap: the speaker is right when its mention overlaps the
gold source (or is a mention of the same entity as the gold source), when gold and
prediction both have no source, or, for gold JSON, when the names agree. Brat gold
(PolNeAR) gives a relayed report ("“…,” X said, according to Y") to Y, so a quote's
``via`` stands for its source there.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from newsgraph.eval.gold import GoldDoc, GoldQuote
from newsgraph.eval.matching import OVERLAP, Counts, characters, jaccard, match
from newsgraph.model import Article, Extraction, Part, Quote
from newsgraph.pipeline import COMPONENTS, Extractor, to_extraction
from newsgraph.pipeline.quotes.cues import lexicon

KINDS = ("direct", "indirect", "belief", "no-source")
_MARKS = "\"“”«»'‘’"
_STOP = frozenset({"the", "a", "an", "of"})
_TIMED = ("newsgraph_quotes", "newsgraph_speakers")


@dataclass
class DocResult:
    """What one document's scoring found, kept for the miss listing."""

    name: str
    missed: list[GoldQuote] = field(default_factory=list)
    false: list[Quote] = field(default_factory=list)
    wrong_speaker: list[tuple[GoldQuote, Quote]] = field(default_factory=list)


@dataclass
class Report:
    """Totals over the documents scored."""

    documents: int = 0
    content_exact: Counts = field(default_factory=Counts)
    content_overlap: Counts = field(default_factory=Counts)
    source_exact: Counts = field(default_factory=Counts)
    source_overlap: Counts = field(default_factory=Counts)
    cue_exact: Counts = field(default_factory=Counts)
    cue_overlap: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_scored: int = 0
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    speaker_by_kind: Counter[str] = field(default_factory=Counter)
    false_by_kind: Counter[str] = field(default_factory=Counter)
    # Attributions by act (speech, thought, stance, …), and how many of them match a gold content.
    found_by_act: Counter[str] = field(default_factory=Counter)
    matched_by_act: Counter[str] = field(default_factory=Counter)
    # Quotes scored as part of the quote they continue (brat gold: one content per cue).
    folded: int = 0
    spacy_seconds: float = 0.0
    quotes_seconds: float = 0.0
    docs: list[DocResult] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_scored if self.speaker_scored else 0.0


def gold_kind(text: str, gold: GoldQuote) -> str:
    """direct (content in quote marks), belief (a think/believe cue), no-source, or indirect."""
    start, end = gold.content[0][0], gold.content[-1][1]
    inside = text[start:end].strip()
    if inside[:1] in _MARKS or (start > 0 and text[start - 1] in _MARKS):
        return "direct"
    cue = " ".join(text[s:e] for s, e in gold.cue or []).lower()
    belief = lexicon().belief - lexicon().speech
    if any(word.rstrip("s").rstrip("d") in belief or word in belief for word in re.findall(r"[a-z]+", cue)):
        return "belief"
    if gold.source is None and gold.speaker is None:
        return "no-source"
    return "indirect"


def pieces(quote: Quote) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]


def one_per_cue(text: str, quotes: list[Quote]) -> list[Quote]:
    """PolNeAR's view of the quotes: a continuation in the same paragraph folds into the quote it continues."""
    by_id: dict[str, Quote] = {}
    folded: list[Quote] = []
    for quote in quotes:
        head = by_id.get(quote.continues or "")
        if head is not None and "\n" not in text[head.end : quote.start]:
            head.parts = [Part(s, e) for s, e in pieces(head) + pieces(quote)]
            head.end = quote.end
            head.text = text[head.start : head.end]
            by_id[quote.id] = head
            continue
        quote = replace(quote, parts=list(quote.parts))
        by_id[quote.id] = quote
        folded.append(quote)
    return folded


def _names_agree(gold: str, pred: str) -> bool:
    g = {w for w in re.findall(r"\w+", gold.lower()) if w not in _STOP}
    p = {w for w in re.findall(r"\w+", pred.lower()) if w not in _STOP}
    return bool(g and p) and (g <= p or p <= g)


def _relay(gold: GoldDoc, quote: Quote) -> tuple[int, int] | None:
    """PolNeAR gives "“…,” X said, according to Y" to Y: brat gold is scored against who relayed the words."""
    return (quote.via.start, quote.via.end) if gold.one_per_cue and quote.via is not None else None


def _speaker_right(
    text: str, gold: GoldQuote, quote: Quote, extraction: Extraction, relay: tuple[int, int] | None
) -> bool:
    if relay is not None and gold.source is not None:
        return jaccard(characters(text, gold.source), characters(text, [relay])) >= OVERLAP
    speaker = quote.speaker
    if gold.speaker is not None:
        return speaker is not None and _names_agree(gold.speaker, speaker.name)
    if gold.source is None or speaker is None:
        return gold.source is None and speaker is None
    gold_chars = characters(text, gold.source)
    if jaccard(gold_chars, characters(text, [(speaker.start, speaker.end)])) >= OVERLAP:
        return True
    entity = extraction.entity(speaker.entity)
    return entity is not None and any(
        jaccard(gold_chars, characters(text, [(m.start, m.end)])) >= OVERLAP for m in entity.mentions
    )


def _count_spans(
    exact: Counts, overlap: Counts, text: str, golds: list[list[tuple[int, int]]], preds: list[list[tuple[int, int]]]
) -> None:
    """Add exact and overlap matches between two sets of spans (each distinct span counted once)."""
    gold_sets = list(dict.fromkeys(characters(text, g) for g in golds))
    pred_sets = list(dict.fromkeys(characters(text, p) for p in preds))
    n_gold, n_pred = len(set(map(tuple, golds))), len(set(map(tuple, preds)))
    exact.add(len(match(gold_sets, pred_sets, 1.0)), n_gold, n_pred)
    overlap.add(len(match(gold_sets, pred_sets, OVERLAP)), n_gold, n_pred)


def score_document(report: Report, gold: GoldDoc, extraction: Extraction) -> DocResult:
    """Add one document's counts to the report; return its misses."""
    text = gold.text
    result = DocResult(gold.name)
    quotes = one_per_cue(text, extraction.quotes) if gold.one_per_cue else extraction.quotes
    report.folded += len(extraction.quotes) - len(quotes)
    golds = [characters(text, g.content) for g in gold.quotes]
    preds = [characters(text, pieces(q)) for q in quotes]
    optional = {i for i, g in enumerate(gold.quotes) if g.optional}
    required = len(gold.quotes) - len(optional)
    for counts, threshold in ((report.content_exact, 1.0), (report.content_overlap, OVERLAP)):
        pairs = match(golds, preds, threshold)
        on_optional = sum(1 for g, _ in pairs if g in optional)
        counts.add(len(pairs) - on_optional, required, len(preds) - on_optional)
    paired = dict(match(golds, preds, OVERLAP))
    for index, g in enumerate(gold.quotes):
        if index in optional:
            continue
        kind = gold_kind(text, g)
        report.gold_by_kind[kind] += 1
        if index not in paired:
            result.missed.append(g)
            continue
        report.found_by_kind[kind] += 1
        quote = quotes[paired[index]]
        report.speaker_scored += 1
        if _speaker_right(text, g, quote, extraction, _relay(gold, quote)):
            report.speaker_right += 1
            report.speaker_by_kind[kind] += 1
        else:
            result.wrong_speaker.append((g, quote))
    matched = set(paired.values())
    for index, quote in enumerate(quotes):
        report.found_by_act[quote.act] += 1
        report.matched_by_act[quote.act] += index in matched
        if index not in matched:
            result.false.append(quote)
            report.false_by_kind[quote.kind] += 1
    sources = [g.source for g in gold.quotes if g.source and not g.optional]
    speakers = [[_relay(gold, q) or (q.speaker.start, q.speaker.end)] for q in quotes if q.speaker]
    _count_spans(report.source_exact, report.source_overlap, text, sources, speakers)
    cues = [g.cue for g in gold.quotes if g.cue and not g.optional]
    pred_cues = [[(q.cue.start, q.cue.end)] for q in quotes if q.cue]
    _count_spans(report.cue_exact, report.cue_overlap, text, cues, pred_cues)
    report.documents += 1
    report.docs.append(result)
    return result


def extract_timed(extractor: Extractor, docs: Iterable[GoldDoc], report: Report) -> Iterable[Extraction]:
    """Run the pipeline, timing bare spaCy and newsgraph's quotes and speakers components apart."""
    nlp = extractor.nlp
    ours = [name for name in COMPONENTS if name in nlp.pipe_names]
    for gold in docs:
        article = Article(text=gold.text, source=gold.name, published=gold.published)
        started = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            doc: Doc = nlp(article.text)
        report.spacy_seconds += time.perf_counter() - started
        doc._.published = article.published
        for name in ours:
            started = time.perf_counter()
            doc = nlp.get_pipe(name)(doc)
            if name in _TIMED:
                report.quotes_seconds += time.perf_counter() - started
        yield to_extraction(doc, article)


def evaluate(golds: list[GoldDoc], extractor: Extractor) -> Report:
    """Score the pipeline's quotes on every gold document."""
    report = Report()
    for gold, extraction in zip(golds, extract_timed(extractor, golds, report), strict=True):
        score_document(report, gold, extraction)
    return report
