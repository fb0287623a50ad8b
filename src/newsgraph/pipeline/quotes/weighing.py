"""The rules' reports weighed by the attribution model (``attribution.py``).

Three uses, each measured on a held-out slice of PolNeAR train by
``scripts/tune_attribution.py`` (dev only reports):

- **Speech or not:** a report from the parse (indirect or mixed) whose cue the model
  does not tag as a cue, and whose content it barely tags as content, is an action, a
  perception, a decision or the writer's own inference, and is dropped. Quotes in marks
  stay with the rules, which are better at them. A stance the report scorer proposed
  ("posted a victory", "addressed a rally") needs its content tagged: a tagged cue alone
  does not keep it.
- **Missed reports:** a content the model tags, with a cue it tags beside it, that no rule
  found becomes an indirect quote. Its speaker is the one the rules give that cue
  (``reporters.report_speaker``; ``speakers.py`` then resolves it as it resolves theirs), and
  the report is added only when the source the model tags by the cue is that same phrase:
  where the two disagree, or either finds no one, the speaker would be a guess.
- **Boundaries:** an indirect report takes the model's content span when the two mostly agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.attribution import TaggedSpan, Tags
from newsgraph.pipeline.quotes.cues import is_according, is_cue, lexicon
from newsgraph.pipeline.quotes.direct import MARK
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.reporters import report_speaker

# Reports from the parse; quotes in marks keep the rules' verdict.
_WEIGHED = frozenset({"indirect", "mixed"})
# How far (characters) a tagged cue may stand from a content it introduces, and a source from its cue.
_CUE_REACH = 120
_SOURCE_REACH = 80
_MIN_WORDS = 3
# The parts of speech that head a phrase naming someone.
_NAMING = frozenset({"PROPN", "PRON", "NOUN"})


@dataclass(frozen=True)
class Weighing:
    """How the model's tags are used; chosen on held-out train documents."""

    check: bool = True
    # A report keeps its place when its content is at least this much tagged content (or its cue is tagged).
    content_floor: float = 0.6
    # Strict: a report needs both its cue tagged and its content covered; else either will do.
    strict: bool = False
    # Acts for which a report the scorer proposed needs some of its content tagged, its cue tagged or not:
    # on PolNeAR train, of the scorer's stances with a tagged cue but under 0.3 of their content tagged,
    # 29% matched an attribution (23% on the documents the model never saw), below half the F1.
    content_only: frozenset[str] = frozenset({acts.STANCE})
    content_only_floor: float = 0.3
    # Off: on held-out train, adding lifted overlap F1 but cost speaker accuracy or precision.
    add: bool = False
    # A missed content is added when its mean probability of being content is at least this.
    add_floor: float = 0.8
    # Whose speaker an added report takes (``_speaker``): "rules", "model" or "agree".
    add_speaker: str = "agree"
    # An added report needs a cue word the rules know.
    add_known: bool = False
    # Off: the model's boundaries lowered exact F1 on held-out train.
    bounds: bool = False
    bounds_jaccard: float = 0.5
    # Words in marks with a cue the rules give no speaker take the source the model tags beside the cue
    # (for a report from the parse, a missing subject is as often no one's: about half the sources
    # the model gave those on PolNeAR train were wrong).
    fill_speaker: bool = True
    # The least mean probability of a tagged source taken as the speaker.
    fill_floor: float = 0.8


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
        weighed = [c for c in found if c.kind in _WEIGHED or (weighing.fill_speaker and _speakerless(c))]
        return [(s, e) for s, e in spans if any(s <= c.start < e or s <= _anchor(c) < e for c in weighed)]
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
    text = doc_text(doc)
    kept = [c for c in found if not weighing.check or _labelled(c, text) or _is_speech(c, tags, weighing)]
    if weighing.bounds:
        for candidate in kept:
            _rebound(candidate, tags, weighing, text)
    if weighing.add:
        kept += _missed(doc, kept, tags, weighing)
    if weighing.fill_speaker:
        for candidate in kept:
            # A word or two in marks ("the “whistleblower,” read into the record") is a scare quote, not words said.
            if _speakerless(candidate) and len(text[candidate.start : candidate.end].split()) >= _MIN_WORDS:
                candidate.speaker = _tagged_speaker(doc, candidate, tags, weighing)
    return sorted(kept, key=lambda c: c.start)


def _speakerless(candidate: Candidate) -> bool:
    """Words in marks with a cue the rules found no speaker for: the parse lost the cue's subject
    ("“…,” Gene Sperling, a top outside Clinton adviser, said" parsed with no subject for "said")."""
    marked = candidate.kind in {"direct", "mixed"}
    return marked and candidate.cue is not None and candidate.speaker is None and candidate.continues is None


def _anchor(candidate: Candidate) -> int:
    return candidate.cue[0] if candidate.cue is not None else candidate.start


def _tagged_speaker(doc: Doc, candidate: Candidate, tags: Tags, weighing: Weighing) -> tuple[int, int] | None:
    """The source the model tags nearest the report's cue, outside its content, when it names someone."""
    assert candidate.cue is not None
    if not tags.was_read(*candidate.cue):
        return None
    pieces = [*(candidate.parts or [(candidate.start, candidate.end)]), candidate.cue]
    return _source_beside(doc, TaggedSpan(*candidate.cue, 1.0), tags, pieces, weighing.fill_floor)


def _source_beside(
    doc: Doc, cue: TaggedSpan, tags: Tags, outside: list[tuple[int, int]], floor: float = 0.0
) -> tuple[int, int] | None:
    """The source the model tags nearest a cue, overlapping none of ``outside``, when it names someone."""
    sources = [
        s for s in tags.spans["source"] if s.score >= floor and not any(s.start < e and b < s.end for b, e in outside)
    ]
    tagged = _nearest(sources, cue, _SOURCE_REACH, doc_text(doc))
    return _phrase(doc, tagged) if tagged is not None else None


def _labelled(candidate: Candidate, text: str) -> bool:
    """A name before a colon ("Pence: Deal is dead"): the rules' own convention for a headline, which
    the check is not for (it weighs reports read from the parse) and the model reads unsteadily."""
    return candidate.cue is not None and text[candidate.cue[0] : candidate.cue[1]] == ":"


def _is_speech(candidate: Candidate, tags: Tags, weighing: Weighing) -> bool:
    if candidate.kind not in _WEIGHED or not tags.was_read(candidate.start, candidate.end):
        return True
    cue = candidate.cue is None or bool(tags.overlapping("cue", *candidate.cue))
    coverage = tags.coverage("content", candidate.start, candidate.end)
    if candidate.scored and candidate.act in weighing.content_only and coverage < weighing.content_only_floor:
        return False
    content = coverage >= weighing.content_floor
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
        cue_token = _cue_word(doc, cue)
        if cue_token is None or (weighing.add_known and not _known(cue_token)):
            continue
        speaker = _speaker(tags, cue, content, cue_token, text, weighing)
        if speaker is None and weighing.add_speaker == "agree":
            continue
        candidate = Candidate(
            kind="indirect",
            start=content.start,
            end=content.end,
            cue=(cue.start, cue.end),
            speaker=speaker,
            cue_token=cue_token.i,
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


def _cue_word(doc: Doc, cue: TaggedSpan) -> Token | None:
    """The word of a tagged cue that the rules would read a report from ("has been repeatedly [criticized] by")."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if _known(span.root):
        return span.root
    return next((t for t in span if _known(t)), span.root)


def _known(token: Token) -> bool:
    """A word the rules read reports from: a cue lemma, "according to", a colon."""
    cues = lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        return lemma in cues.claim_nouns
    return is_according(token) or token.text == ":" or is_cue(token, cues.indirect | cues.direct | cues.raising)


def _speaker(
    tags: Tags, cue: TaggedSpan, content: TaggedSpan, cue_token: Token, text: str, weighing: Weighing
) -> tuple[int, int] | None:
    """The speaker the rules give the cue (``report_speaker``), checked or replaced by the source the model tags.

    ``weighing.add_speaker``: "rules" takes the rules' speaker alone; "model" the model's
    source, else the rules'; "agree" the rules' speaker only where the model tags a source
    overlapping it, and None (the report is not added) where the two disagree or either has none.
    """
    rules = report_speaker(cue_token, (content.start, content.end))
    if weighing.add_speaker == "rules":
        return rules
    model = _source_beside(cue_token.doc, cue, tags, [(content.start, content.end)])
    if weighing.add_speaker == "model":
        return model or rules
    agree = model is not None and rules is not None and model[0] < rules[1] and rules[0] < model[1]
    return rules if agree else None


def _phrase(doc: Doc, source: TaggedSpan) -> tuple[int, int] | None:
    """A tagged source that is a phrase naming someone (not "in the", "Initial", "s,"), in whole words."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ not in _NAMING:
        return None
    return span.start_char, span.end_char
