"""The typed objects of newsgraph and their JSON contract (``schema: newsgraph/1``).

Every item points back into ``Article.text`` by Python ``str`` offsets, so a consumer
can always check ``article.text[item.start:item.end] == item.text``. The same
``Extraction`` is what ``extract`` prints, what the store keeps, what the API returns
and what the exporters write; ``Extraction.from_dict(x.to_dict()) == x`` always holds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

from newsgraph.clean import clean_optional, clean_text, clean_value

SCHEMA = "newsgraph/1"

Value = int | float | list[int | float] | None

_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Fold Unicode forms and whitespace so that trivially different copies share an id."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def article_id(text: str, url: str | None = None) -> str:
    """Stable id of an article: the same text (and url) always gives the same id."""
    digest = hashlib.sha256(normalize_text(text).encode("utf-8"))
    digest.update(b"\0" + (url or "").strip().encode("utf-8"))
    return digest.hexdigest()[:16]


T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Build a dataclass from a dict, keeping only the fields it declares."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def _drop_none_extras(data: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    """Drop optional extras that are empty, keeping the contract's own keys always."""
    return {k: v for k, v in data.items() if k in keep or v not in (None, [], {})}


@dataclass
class Article:
    """One news article, as read by ``ingest``: clean text plus what is known about it."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    section: str | None = None
    published: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Cleaned before the id is taken: the id must hash, and every store must keep the same text.
        self.text = clean_text(self.text)
        self.url = clean_optional(self.url)
        self.title = clean_optional(self.title)
        self.section = clean_optional(self.section)
        self.published = clean_optional(self.published)
        self.source = clean_optional(self.source)
        self.metadata = clean_value(self.metadata) if self.metadata else {}
        if not self.id:
            self.id = article_id(self.text, self.url)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["metadata"]:
            del data["metadata"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _build(cls, data)


@dataclass
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass
class Part:
    """One piece of a quote interrupted by its attribution."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Part:
        return cls(start=data["start"], end=data["end"])


@dataclass
class Entity:
    """A person, organisation, place or other named thing, with every mention of it."""

    id: str
    name: str
    type: str
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "titles": list(self.titles),
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.aliases:
            data["aliases"] = list(self.aliases)
        if self.descriptions:
            data["descriptions"] = list(self.descriptions)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        entity = _build(cls, data)
        entity.mentions = [Span.from_dict(m) for m in data.get("mentions", [])]
        return entity


@dataclass
class Speaker:
    """Who spoke: the mention in the text and the entity it stands for."""

    entity: str | None
    name: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return _build(cls, data)


# The acts a store, a web page and the counts treat as quotes: someone's words. The extraction keeps
# the other attributions too (thought, stance, …), typed, for those who score against PolNeAR.
# Thought is left out by measurement: 0.65 of it matches PolNeAR train against 0.85 of speech.
QUOTE_ACTS = frozenset({"speech"})


@dataclass
class Quote:
    """A direct quote, a paraphrase (indirect) or reported speech holding a quoted fragment (mixed)."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    cue: Span | None = None
    speaker: Speaker | None = None
    parts: list[Part] = field(default_factory=list)
    date: str | None = None
    # The id of the quote this one carries on without a cue of its own ("“A,” he said. “B.”").
    continues: str | None = None
    # What the report ascribes: speech (a quote), or thought, topic, stance, intent, evidence, unsaid,
    # writer, unattributed or headline (attributions PolNeAR counts that are not quotes; see
    # pipeline/quotes/acts.py).
    act: str = "speech"
    # Who relayed the speaker's words to the writer: "“…,” X said, according to [Y]".
    via: Span | None = None

    _KEYS = {"id", "kind", "act", "text", "start", "end", "cue", "speaker"}

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "kind": self.kind,
            "act": self.act,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "parts": [p.to_dict() for p in self.parts],
            "date": self.date,
            "continues": self.continues,
            "via": self.via.to_dict() if self.via else None,
        }
        return _drop_none_extras(data, self._KEYS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        quote = _build(cls, data)
        quote.cue = Span.from_dict(data["cue"]) if data.get("cue") else None
        quote.speaker = Speaker.from_dict(data["speaker"]) if data.get("speaker") else None
        quote.parts = [Part.from_dict(p) for p in data.get("parts", [])]
        quote.via = Span.from_dict(data["via"]) if data.get("via") else None
        return quote


@dataclass
class Figure:
    """A quantity: its normalized value, hedge, unit, what it counts and who claims it."""

    text: str
    start: int
    end: int
    value: Value
    approx: str | None = None
    unit: str | None = None
    counted: str | None = None
    claimed_by: str | None = None
    change: str = "="
    note: str | None = None  # why value is None (an absurd number such as "1e400")

    _KEYS = {"text", "value", "approx", "unit", "counted", "claimed_by", "start", "end"}

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "value": self.value,
            "approx": self.approx,
            "unit": self.unit,
            "counted": self.counted,
            "claimed_by": self.claimed_by,
            "change": self.change,
            "note": self.note,
            "start": self.start,
            "end": self.end,
        }
        return _drop_none_extras(data, self._KEYS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        return _build(cls, data)


@dataclass
class DateRef:
    """A date or time expression and the calendar date (or ``start/end`` interval) it means."""

    text: str
    start: int
    end: int
    value: str | None
    note: str | None = None  # why value is None when the words name a date ("February 30")

    def to_dict(self) -> dict[str, Any]:
        data = {"text": self.text, "value": self.value, "start": self.start, "end": self.end}
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateRef:
        return _build(cls, data)


@dataclass
class Event:
    """Who did what to whom (PLOVER type and mode), pointing to its trigger words."""

    id: str
    type: str
    trigger: Span
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    date: str | None = None
    location: str | None = None
    reported_by: str | None = None
    negated: bool = False
    size: Value = None
    dead: Value = None
    injured: Value = None
    actor_country: str | None = None
    actor_sector: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    # The words naming the actor and the target here: the mention of the entity, or, with no entity,
    # the agent the dictionaries give a sector ("Riot police", "three men"), which is then the only
    # name the event has for who did it or to whom.
    actor_words: Span | None = None
    target_words: Span | None = None

    _KEYS = {"id", "type", "mode", "actor", "target", "trigger", "date", "location"}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["trigger"] = self.trigger.to_dict()
        data["actor_words"] = self.actor_words.to_dict() if self.actor_words else None
        data["target_words"] = self.target_words.to_dict() if self.target_words else None
        if not self.negated:
            del data["negated"]
        return _drop_none_extras(data, self._KEYS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        event = _build(cls, data)
        event.trigger = Span.from_dict(data["trigger"])
        event.actor_words = Span.from_dict(data["actor_words"]) if data.get("actor_words") else None
        event.target_words = Span.from_dict(data["target_words"]) if data.get("target_words") else None
        return event

    @property
    def actor_text(self) -> str | None:
        """The actor's words when no entity is the actor: what a listing shows in place of a name."""
        return self.actor_words.text if self.actor is None and self.actor_words else None

    @property
    def target_text(self) -> str | None:
        """The target's words when no entity is the target."""
        return self.target_words.text if self.target is None and self.target_words else None


@dataclass
class Extraction:
    """Everything newsgraph found in one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "dates": [d.to_dict() for d in self.dates],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article.from_dict(data["article"]),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            figures=[Figure.from_dict(f) for f in data.get("figures", [])],
            dates=[DateRef.from_dict(d) for d in data.get("dates", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            schema=data.get("schema", SCHEMA),
        )

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if the article has one."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def party(self, entity_id: str | None, words: str | None) -> str | None:
        """An event's actor or target as a reader gets it: the entity's name, else the words naming it ("Police")."""
        entity = self.entity(entity_id)
        return entity.name if entity else words
