"""The rules' reports weighed by the attribution model (``attribution.py``).

Three uses, each measured on a held-out slice of PolNeAR train by
``scripts/tune_attribution.py`` (dev only reports):

- **Speech or not:** a report from the parse (indirect or mixed) whose cue the model
  does not tag as a cue, and whose content it barely tags as content, is an action, a
  perception, a decision or the writer's own inference, and is dropped. Quotes in marks
  stay with the rules, which are better at them.
- **Missed reports:** a content the model tags, with a cue it tags beside it, that no rule
  found becomes an indirect quote; its speaker is the source the model tags by the cue,
  else the cue's subject in the parse (``speakers.py`` resolves either to an entity).
- **Boundaries:** an indirect report takes the model's content span when the two mostly agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.quotes.attribution import TaggedSpan, Tags
from newsgraph.pipeline.quotes.cues import according_source, can_speak, is_according, lexicon, phrase_bounds, subject_of
from newsgraph.pipeline.quotes.direct import MARK
from newsgraph.pipeline.quotes.indirect import Candidate

# Reports from the parse; quotes in marks keep the rules' verdict.
_WEIGHED = frozenset({"indirect", "mixed"})
# How far (characters) a tagged cue may stand from a content it introduces, and a source from its cue.
_CUE_REACH = 120
_SOURCE_REACH = 80
_MIN_WORDS = 3


@dataclass(frozen=True)
class Weighing:
    """How the model's tags are used; chosen on held-out train documents."""

    check: bool = True
    # A report keeps its place when its content is at least this much tagged content (or its cue is tagged).
    content_floor: float = 0.6
    # Strict: a report needs both its cue tagged and its content covered; else either will do.
    strict: bool = False
    # Off: on held-out train, adding lifted recall but cost speaker accuracy and precision.
    add: bool = False
    # A missed content is added when its mean probability of being content is at least this.
    add_floor: float = 0.8
    # Off: the model's boundaries lowered exact F1 on held-out train.
    bounds: bool = False
    bounds_jaccard: float = 0.5


WEIGHING = Weighing()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-blank lines: one paragraph per line, as in training."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def to_read(doc: Doc, found: list[Candidate], weighing: Weighing = WEIGHING) -> list[tuple[int, int]]:
    """The paragraphs the model must read.

    To check the rules, those holding a report from the parse; to find what they missed, also
    those that can hold a report: a quote mark, a cue word, or anything the rules found.
    """
    text = doc_text(doc)
    if not weighing.add:
        spans = paragraphs(text)
        weighed = [c for c in found if c.kind in _WEIGHED]
        return [(s, e) for s, e in spans if any(s <= c.start < e for c in weighed)]
    cues = lexicon()
    lemmas = cues.indirect | cues.direct | cues.claim_nouns
    spans = paragraphs(text)
    starts = [s for s, _ in spans]
    keep: set[int] = set()

    def index(char: int) -> int:
        low, high = 0, len(starts)
        while low < high:
            mid = (low + high) // 2
            if starts[mid] <= char:
                low = mid + 1
            else:
                high = mid
        return low - 1

    for token in doc:
        if token.lemma_.lower() in lemmas or is_according(token):
            keep.add(index(token.idx))
    for candidate in found:
        keep.add(index(candidate.start))
    for i, (start, end) in enumerate(spans):
        if i not in keep and MARK.search(text, start, end):
            keep.add(i)
    return [spans[i] for i in sorted(keep) if i >= 0]


def weigh(doc: Doc, found: list[Candidate], tags: Tags, weighing: Weighing = WEIGHING) -> list[Candidate]:
    """The rules' candidates checked, re-bounded and completed by the model's tags."""
    kept = [c for c in found if not weighing.check or _is_speech(c, tags, weighing)]
    if weighing.bounds:
        for candidate in kept:
            _rebound(candidate, tags, weighing, doc_text(doc))
    if weighing.add:
        kept += _missed(doc, kept, tags, weighing)
    return sorted(kept, key=lambda c: c.start)


def _is_speech(candidate: Candidate, tags: Tags, weighing: Weighing) -> bool:
    if candidate.kind not in _WEIGHED or not tags.was_read(candidate.start, candidate.end):
        return True
    cue = candidate.cue is None or bool(tags.overlapping("cue", *candidate.cue))
    content = tags.coverage("content", candidate.start, candidate.end) >= weighing.content_floor
    return cue and content if weighing.strict else cue or content


def _rebound(candidate: Candidate, tags: Tags, weighing: Weighing, text: str) -> None:
    if candidate.kind != "indirect" or candidate.parts:
        return
    spans = tags.overlapping("content", candidate.start, candidate.end)
    if not spans:
        return
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    if candidate.cue is not None and start < candidate.cue[1] and candidate.cue[0] < end:
        return
    inter = max(0, min(end, candidate.end) - max(start, candidate.start))
    union = max(end, candidate.end) - min(start, candidate.start)
    if inter / union >= weighing.bounds_jaccard and "\n" not in text[start:end]:
        candidate.start, candidate.end = start, end


def _missed(doc: Doc, kept: list[Candidate], tags: Tags, weighing: Weighing) -> list[Candidate]:
    text = doc_text(doc)
    taken = [p for c in kept for p in [*(c.parts or [(c.start, c.end)]), *filter(None, [c.cue])]]
    added = []
    for content in tags.spans["content"]:
        if content.score < weighing.add_floor or len(text[content.start : content.end].split()) < _MIN_WORDS:
            continue
        if any(s < content.end and content.start < e for s, e in taken):
            continue
        cue = _nearest(tags.spans["cue"], content, _CUE_REACH, text)
        if cue is None or any(s < cue.end and cue.start < e for s, e in taken):
            continue
        cue_token = _token_at(doc, cue.start)
        candidate = Candidate(
            kind="indirect",
            start=content.start,
            end=content.end,
            cue=(cue.start, cue.end),
            speaker=_speaker(tags, cue, content, cue_token, text),
            cue_token=cue_token.i if cue_token is not None else None,
        )
        added.append(candidate)
        taken += [(content.start, content.end), (cue.start, cue.end)]
    return added


def _nearest(spans: list[TaggedSpan], near: TaggedSpan, reach: int, text: str) -> TaggedSpan | None:
    """The span closest to ``near`` in its paragraph, not overlapping it, within ``reach`` characters."""
    best, distance = None, reach + 1
    for span in spans:
        if span.start < near.end and near.start < span.end:
            continue
        gap = span.start - near.end if span.start >= near.end else near.start - span.end
        between = text[min(span.end, near.end) : max(span.start, near.start)]
        if gap < distance and "\n" not in between:
            best, distance = span, gap
    return best


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _speaker(
    tags: Tags, cue: TaggedSpan, content: TaggedSpan, cue_token: Token | None, text: str
) -> tuple[int, int] | None:
    """The source the model tags beside the cue, else the cue's subject in the parse."""
    sources = [s for s in tags.spans["source"] if not (s.start < content.end and content.start < s.end)]
    source = _nearest(sources, cue, _SOURCE_REACH, text)
    if source is not None:
        return source.start, source.end
    if cue_token is None:
        return None
    subject = according_source(cue_token) if is_according(cue_token) else subject_of(cue_token)
    if subject is None or not can_speak(subject, cue_token):
        return None
    return phrase_bounds(subject, cue_token)
