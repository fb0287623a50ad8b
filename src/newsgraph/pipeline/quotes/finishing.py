"""The last pass over what the rules, the scorer and the model found, before it becomes ``Quote``s.

Times taken for what was said are dropped, speakers lose the reports of their own
they were read with, relays are kept beside the speaker, headlines are marked, and each
stretch of text (and each quote told twice) is one quote.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc

from newsgraph.model import Part, Quote, Span, Speaker
from newsgraph.pipeline.intervals import Intervals
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.cues import according_source, lexicon, relayed_by
from newsgraph.pipeline.quotes.direct import OPENING, STRAIGHT
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.singles import headlines
from newsgraph.pipeline.quotes.speaker_phrase import phrase_bounds

_OPENING_MARKS = OPENING + STRAIGHT
# A quote this long repeated word for word elsewhere is the same quote told twice.
_REPEAT_WORDS = 5
_TIMES = frozenset({"DATE", "TIME"})


def performed(doc: Doc, candidate: Candidate) -> bool:
    """Words sung, chanted or recited ("“…,” she sings")."""
    return candidate.cue_token is not None and doc[candidate.cue_token].lemma_.lower() in lexicon().performance


def mark_headlines(text: str, found: list[Candidate]) -> None:
    """A headline is never a quote's only source: the story under it tells what was said, by whom and where.

    On real pages every report read from a headline, a subhead or a teaser for another
    story ("LAUREN ALAINA SAYS …") was judged not a quote of this article. PolNeAR
    annotates them, so they stay, as headlines; a signed quote ("“…” — Name") is no headline.
    """
    lines = Intervals((start, end, True) for start, end in headlines(text))
    for candidate in found:
        signed = candidate.cue is None and candidate.speaker is not None
        if not signed and lines.containing(*_anchor(candidate)):
            candidate.act = acts.HEADLINE


def only_a_time(doc: Doc, candidate: Candidate) -> bool:
    """ "reported Wednesday", "talked today", "discussing several weeks": a time the parse took for the
    report's object says when it was made, never what was said. On PolNeAR train all such reports
    overlapped no attribution's content."""
    if candidate.kind == "direct":
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    words = [t for t in span or [] if not t.is_punct and not t.is_space]
    return bool(words) and all(t.ent_type_ in _TIMES for t in words)


def _anchor(candidate: Candidate) -> tuple[int, int]:
    """Where a report is told: its cue, or the quote itself when it has none."""
    start = candidate.cue[0] if candidate.cue is not None else candidate.start
    return start, start + 1


def without_reports_of_their_own(doc: Doc, found: list[Candidate]) -> None:
    """ "said Kunin, who has been critical of Sanders": a relative clause that holds a report of its own
    (a report's cue, or words in quote marks) is that report's (PolNeAR's source of it is "who"),
    not part of who the speaker is.

    On PolNeAR train, a speaker's relative clause holding another report's cue was left out
    of the source 38 times in 44; one holding none, about as often in as out (so it stays). A
    ", who …" after a one-word name the text gave before, said before the cue, is left out 59 times
    in 84, but cutting it there gained 10 exact sources and lost 18 right speakers on train (a
    speaker cut short of a gold source that keeps the clause no longer overlaps it), so it stays too.
    """
    cues = {c.cue_token for c in found if c.cue_token is not None}
    for candidate in found:
        if candidate.speaker is None:
            continue
        span = doc.char_span(*candidate.speaker, alignment_mode="expand")
        if span is None:
            continue
        others = cues - {candidate.cue_token}
        for clause in span:
            first = clause.left_edge.i
            if clause.dep_ != "relcl" or not span.start <= clause.head.i < first:
                continue
            if not any(t.i in others or t.text in _OPENING_MARKS for t in clause.subtree):
                continue
            last = first - 1
            while last > span.start and doc[last].pos_ in {"PUNCT", "SPACE"}:
                last -= 1
            if last >= clause.head.i:
                candidate.speaker = (candidate.speaker[0], doc[last].idx + len(doc[last]))
            break


def mark_relays(doc: Doc, found: list[Candidate]) -> None:
    """ "“…,” Sanders said, according to CNN": Sanders speaks, CNN is where the writer had it from.

    The speaker stays who spoke; the relay is kept beside it as ``via``. PolNeAR gives such a
    report to the relay (13 times in 14 on train), so its scoring reads ``via`` as the source.
    """
    for candidate in found:
        if candidate.speaker is None or candidate.cue_token is None:
            continue
        cue = doc[candidate.cue_token]
        according = relayed_by(cue) if cue.pos_ in {"VERB", "AUX"} else None
        if according is None or any(
            s <= according.idx < e for s, e in candidate.parts or [(candidate.start, candidate.end)]
        ):
            continue  # "“The driver fired, according to the police,” he said": the speaker's own words
        relay = according_source(according)
        if relay is not None:
            candidate.via = phrase_bounds(relay)


def _words(text: str, candidate: Candidate) -> str:
    """A quote's words, lower case, without punctuation: what a repeat of it shares."""
    return " ".join(re.findall(r"\w+", text[candidate.start : candidate.end].lower()))


def without_repeats(text: str, found: list[Candidate]) -> list[Candidate]:
    """A quote repeated in a caption, a pull quote or a repeated block of the page is one quote.

    A repeat is a quote whose words (at least ``_REPEAT_WORDS`` of them) all stand,
    in order, inside another quote of another paragraph; of the two, the one with a
    cue wins, then the longer, then the first.
    """
    words = [_words(text, c) for c in found]
    dropped: set[int] = set()
    for i, j in itertools.combinations(range(len(found)), 2):
        first, second = sorted((found[i], found[j]), key=lambda c: c.start)
        if i in dropped or j in dropped or "\n" not in text[first.end : second.start]:
            continue
        short, long_ = (i, j) if len(words[i]) <= len(words[j]) else (j, i)
        if len(words[short].split()) < _REPEAT_WORDS or f" {words[short]} " not in f" {words[long_]} ":
            continue
        rank = {k: (found[k].cue is not None, len(words[k]), -k) for k in (i, j)}
        dropped.add(min((i, j), key=lambda k: rank[k]))
    return [c for k, c in enumerate(found) if k not in dropped]


def one_per_span(found: list[Candidate]) -> list[Candidate]:
    """The first candidate of each stretch of text (the rules' before the scorer's): one span is one quote.

    A quote that continues a dropped twin continues the kept one instead.
    """
    kept: dict[tuple[int, int], Candidate] = {}
    twin: dict[int, Candidate] = {}
    for candidate in found:
        first = kept.setdefault((candidate.start, candidate.end), candidate)
        if first is not candidate:
            twin[id(candidate)] = first
    for candidate in kept.values():
        if candidate.continues is not None and id(candidate.continues) in twin:
            candidate.continues = twin[id(candidate.continues)]
    return list(kept.values())


def to_quotes(text: str, found: list[Candidate]) -> list[Quote]:
    quotes = []
    ids = {id(candidate): f"q{number}" for number, candidate in enumerate(found, start=1)}
    for number, candidate in enumerate(found, start=1):
        speaker = None
        if candidate.speaker is not None:
            s, e = candidate.speaker
            speaker = Speaker(entity=None, name=text[s:e], text=text[s:e], start=s, end=e)
        cue = (
            Span(candidate.cue[0], candidate.cue[1], text[candidate.cue[0] : candidate.cue[1]])
            if candidate.cue
            else None
        )
        via = Span(*candidate.via, text[candidate.via[0] : candidate.via[1]]) if candidate.via else None
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=candidate.kind,
                act=candidate.act,
                text=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                cue=cue,
                speaker=speaker,
                parts=[Part(s, e) for s, e in candidate.parts],
                continues=ids.get(id(candidate.continues)) if candidate.continues else None,
                via=via,
            )
        )
    return quotes
