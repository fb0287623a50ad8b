"""Where reports from the parse meet words in marks: mixed quotes, reports run to a closing mark,
and quotes in marks that go on with the report before them."""

from __future__ import annotations

import itertools
import re

from newsgraph.pipeline.intervals import Intervals
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.direct import CLOSING, OPENING, STRAIGHT, Marked
from newsgraph.pipeline.quotes.indirect import Candidate

_TRAILING = " .,!?;:"
_CLOSING_MARKS = frozenset(CLOSING + STRAIGHT)
_OPENING_MARKS = OPENING + STRAIGHT
# What may stand between the end of a report and the mark closing the words it ends in.
_CLOSING_AFTER = re.compile(r'([,.;:!?]?)([”"])')


def close_open_quote(text: str, candidate: Candidate) -> None:
    """'said waterboarding is “peanuts,” comparing …': a report that ends inside words in marks runs to the
    closing mark, with the comma or full stop before it. Of 72 such ends on PolNeAR train, the gold content
    ends at the closing mark in 52, runs further in 14 and stops earlier in 6."""
    if candidate.kind == "direct":
        return
    words = text[candidate.start : candidate.end]
    curly = words.count("“") > words.count("”")
    if not curly and words.count('"') % 2 == 0:
        return
    closing = _CLOSING_AFTER.match(text, candidate.end)
    if closing is not None and (closing.group(2) == "”") == curly:
        _extend(candidate, closing.end())


def inherit_from_reports(text: str, found: list[Candidate]) -> None:
    """ "…, Schiff said. “The other factor …”": an uncued quote goes on with the report just before it, in
    its paragraph or opening the next one when the report closes its own ("Carter said that … would not
    happen.¶“That's because …”"), as a quote in marks goes on with the one before it."""
    for before, quote in itertools.pairwise(found):
        uncued = quote.kind == "direct" and quote.cue is None and quote.speaker is None
        if uncued and before.kind != "direct" and _next_to(text[before.end : quote.start], before.act):
            quote.speaker = before.speaker


def _next_to(between: str, act: str) -> bool:
    """Nothing but marks between a report and a quote: in one paragraph, or, for a report of speech, the next."""
    if "\n" not in between:
        return True
    return act == acts.SPEECH and not any(ch.isalnum() for ch in between)


def _words_outside(text: str, outer: Candidate, inner: Candidate) -> int:
    """How many words of ``outer`` lie outside ``inner``.

    "said that “…”" is mixed, as PolNeAR reads it: its "that" makes the words reported speech.
    """
    outside = text[outer.start : inner.start] + " " + text[inner.end : outer.end]
    return sum(1 for w in outside.split() if any(ch.isalnum() for ch in w))


def _ends_within(text: str, report: Candidate, direct: Candidate) -> bool:
    """'said the probe is “ongoing.”': the parse ends the report at the word, the marks take the full stop.

    Not when the words in marks have a cue of their own inside the report ('and added, “…”'), nor
    when a comma or colon introduces them ('According to his aunt, Jane Starner, “…”'): those
    are whole quotes, not a fragment of the report.
    """
    if direct.end <= report.end:
        return True
    own_cue = direct.cue is not None and direct.cue != report.cue and report.start <= direct.cue[0] < direct.start
    introduced = text[report.start : direct.start].rstrip(_OPENING_MARKS + " ").endswith((",", ":"))
    introduced = introduced and not _set_off(text, report, direct)
    return not own_cue and not introduced and not text[report.end : direct.end].strip(_TRAILING)


def _set_off(text: str, report: Candidate, direct: Candidate) -> bool:
    """ "The industry, she said, is “doing better”": the comma before the marks closes the report's own
    set-off cue, which stands inside the report; it introduces nothing."""
    cue = report.cue
    return cue is not None and report.start < cue[0] and not text[cue[1] : direct.start].strip(_OPENING_MARKS + " ,")


def _close_with(text: str, report: Candidate, end: int) -> None:
    """A report that holds a quote in marks runs to its closing mark."""
    if end >= report.end:
        _extend(report, end + 1 if text[end : end + 1] in _CLOSING_MARKS else end)


def _extend(report: Candidate, end: int) -> None:
    report.end = end
    if report.parts:
        report.parts[-1] = (report.parts[-1][0], end)


def combine(text: str, direct: list[Candidate], indirect: list[Candidate], fragments: list[Marked]) -> list[Candidate]:
    """One report per stretch of text: direct quotes win over the parse's view of them; fragments make speech mixed."""
    directs = Intervals((d.start, d.end, d) for d in direct)
    dropped: set[int] = set()
    kept_indirect: list[Candidate] = []
    for report in indirect:
        overlapping = [d for d in directs.overlapping(report.start, report.end) if id(d) not in dropped]
        if not overlapping:
            kept_indirect.append(report)
            continue
        if all(report.start <= d.start and _ends_within(text, report, d) for d in overlapping) and all(
            _words_outside(text, report, d) > 0 for d in overlapping
        ):
            dropped.update(id(d) for d in overlapping)
            report.kind = "mixed"
            _close_with(text, report, max(d.end for d in overlapping))
            kept_indirect.append(report)
    marked = Intervals((f.start, f.end, f) for f in fragments)
    for report in kept_indirect:
        for f in marked.overlapping(report.start, report.end):
            if report.start <= f.start and report.end < f.end and "\n" not in text[report.end : f.end]:
                # 'said that China "is going to … I like. If they don't, that's it."': the parse
                # ends the report with the sentence, but what is in marks was said whole.
                _extend(report, f.close_mark + 1 if f.close_mark is not None else f.end)
        if any(report.start <= f.start and f.end <= report.end for f in marked.overlapping(report.start, report.end)):
            report.kind = "mixed"
    kept_direct = [d for d in direct if id(d) not in dropped]
    return sorted(kept_direct + kept_indirect, key=lambda c: c.start)
