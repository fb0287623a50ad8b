"""An extraction as marks for the highlighter, and the "who is quoted, how much" tally.

Each speaker gets one of a few colour classes (``spk-0`` … ``spk-7``) in order of first
quote; the colour is never the only signal: quotes carry the speaker's name as a visible
tag and a title, cues, mentions, figures, dates and event triggers each have their own
line style. Quotes, figures, dates and events carry an id (``quote-q1``, ``figure-1``,
``date-1``, ``event-v1``) that lists link to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from newsgraph.api.highlight import Mark, highlight
from newsgraph.model import Entity, Event, Extraction, Quote

PALETTE_SIZE = 8
UNATTRIBUTED = "unattributed"

# Nesting order, outer first: a quote holds its cue's neighbours, mentions and numbers.
QUOTE, SPEAKER, MENTION, DETAIL = 0, 1, 2, 3

EntityUrl = Callable[[Entity], str | None]
Attrs = tuple[tuple[str, str], ...]


@dataclass
class SpeakerTally:
    """One speaker of an article: how many quotes of each kind, and where their page is."""

    name: str
    colour: str
    ref: str
    url: str | None = None
    count: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass
class AnnotatedArticle:
    """The article's HTML with every item marked, and its speakers, most quoted first."""

    html: Markup
    speakers: list[SpeakerTally]


def _speaker_key(quote: Quote) -> str:
    if quote.speaker is None:
        return ""
    return quote.speaker.entity or quote.speaker.name


def _describe_figure(extraction: Extraction, index: int) -> str:
    figure = extraction.figures[index]
    words = [f"figure: {figure.value}" if figure.value is not None else "figure"]
    words += [w for w in (figure.unit, figure.counted) if w]
    if figure.approx:
        words.append(f"({figure.approx})")
    if figure.claimed_by:
        words.append(f"claimed by {figure.claimed_by}")
    return " ".join(words)


def tally_speakers(extraction: Extraction, entity_url: EntityUrl) -> dict[str, SpeakerTally]:
    """Speakers keyed by entity id (or name), coloured in order of their first quote."""
    tallies: dict[str, SpeakerTally] = {}
    for quote in sorted(extraction.quotes, key=lambda q: q.start):
        key = _speaker_key(quote)
        tally = tallies.get(key)
        if tally is None:
            if quote.speaker is None:
                tally = SpeakerTally(UNATTRIBUTED, "spk-none", f"s{len(tallies)}")
            else:
                entity = extraction.entity(quote.speaker.entity)
                colour = f"spk-{sum(1 for k in tallies if k) % PALETTE_SIZE}"
                url = entity_url(entity) if entity else None
                tally = SpeakerTally(quote.speaker.name, colour, f"s{len(tallies)}", url)
            tallies[key] = tally
        tally.count += 1
        tally.kinds[quote.kind] = tally.kinds.get(quote.kind, 0) + 1
    return tallies


def article_marks(extraction: Extraction, tallies: dict[str, SpeakerTally], entity_url: EntityUrl) -> list[Mark]:
    """Marks for quotes (by part), cues, speaker mentions, entity mentions, figures and dates."""
    marks: list[Mark] = []
    speaker_spans: set[tuple[int, int]] = set()
    for quote in extraction.quotes:
        tally = tallies[_speaker_key(quote)]
        title = f"{quote.kind} quote by {tally.name}" if quote.speaker else f"{quote.kind} quote, speaker unknown"
        pieces = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
        for number, (start, end) in enumerate(sorted(pieces)):
            attrs: Attrs = (
                ("class", f"quote {tally.colour} kind-{quote.kind}"),
                ("title", title),
                ("data-quote", quote.id),
                ("data-speaker", tally.ref),
            )
            first = number == 0
            marks.append(
                Mark(
                    start,
                    end,
                    "span",
                    attrs,
                    QUOTE,
                    label=tally.name if first else None,
                    label_class=f"who {tally.colour}",
                    anchor=quote_anchor(quote.id) if first else None,
                )
            )
        if quote.cue is not None:
            cue_attrs: Attrs = (("class", "cue"), ("title", f"cue of {quote.id}: {quote.cue.text}"))
            marks.append(Mark(quote.cue.start, quote.cue.end, "span", cue_attrs, SPEAKER))
        if quote.speaker is not None:
            speaker = quote.speaker
            speaker_spans.add((speaker.start, speaker.end))
            attrs = (("class", f"speaker {tally.colour}"), ("title", f"speaker: {speaker.name}"))
            if tally.url:
                attrs = (("href", tally.url), *attrs)
            marks.append(Mark(speaker.start, speaker.end, "a" if tally.url else "span", attrs, SPEAKER))
    for entity in extraction.entities:
        url = entity_url(entity)
        for mention in entity.mentions:
            if (mention.start, mention.end) in speaker_spans:
                continue
            attrs = (("class", f"mention ent-{entity.type.lower()}"), ("title", f"{entity.type}: {entity.name}"))
            if url:
                attrs = (("href", url), *attrs)
            marks.append(Mark(mention.start, mention.end, "a" if url else "span", attrs, MENTION))
    for index, figure in enumerate(extraction.figures):
        marks.append(
            _valued(figure.start, figure.end, "figure", _describe_figure(extraction, index), figure_anchor(index))
        )
    for index, date in enumerate(extraction.dates):
        value = f"date: {date.value or 'unresolved'}"
        marks.append(_valued(date.start, date.end, "date", value, date_anchor(index)))
    for event in extraction.events:
        trigger = event.trigger
        marks.append(
            _valued(trigger.start, trigger.end, "event", describe_event(extraction, event), event_anchor(event.id))
        )
    return marks


def _valued(start: int, end: int, kind: str, value: str, anchor: str) -> Mark:
    """A figure, date or event trigger: focusable (keyboard, touch) so that its value shows without a mouse."""
    attrs: Attrs = (("class", kind), ("title", value), ("data-value", value), ("tabindex", "0"))
    return Mark(start, end, "span", attrs, DETAIL, anchor=anchor)


def describe_event(extraction: Extraction, event: Event) -> str:
    """'ACCUSE (disapprove): Ben Cole → Ana Ortiz, 2024-05-07': the event's type, who did it to whom, when."""
    actor = extraction.party(event.actor, event.actor_text) or "someone"
    target = extraction.party(event.target, event.target_text) or "no one named"
    words = f"{event.type}{f' ({event.mode})' if event.mode else ''}: {actor} → {target}"
    if event.negated:
        words += " (denied or did not happen)"
    return words + (f", {event.date}" if event.date else "")


def quote_anchor(local_id: str) -> str:
    return f"quote-{local_id}"


def figure_anchor(position: int) -> str:
    return f"figure-{position + 1}"


def date_anchor(position: int) -> str:
    return f"date-{position + 1}"


def event_anchor(local_id: str) -> str:
    return f"event-{local_id}"


def annotate(extraction: Extraction, entity_url: EntityUrl) -> AnnotatedArticle:
    """The article as highlighted HTML plus its speakers, most quoted first."""
    tallies = tally_speakers(extraction, entity_url)
    html = highlight(extraction.article.text, article_marks(extraction, tallies, entity_url))
    speakers = sorted(tallies.values(), key=lambda t: (t.name == UNATTRIBUTED, -t.count, t.name))
    return AnnotatedArticle(html, speakers)
