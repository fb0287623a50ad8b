"""What the store's read methods return: plain dataclasses, each with ``to_dict()`` for JSON.

Rows carry what a list needs to be read without another query: the article's id,
title and published date, and the store-wide entity id (the record that links the
same person or organisation across articles), never only an article-local "e1".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

from newsgraph.model import Value

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of results and how many match in all, for limit/offset paging."""

    items: list[T]
    total: int
    limit: int
    offset: int
    # For a list filtered by a speaker or actor: the record the name was taken to mean, and the others.
    chosen: Any = None

    def to_dict(self) -> dict[str, Any]:
        found = {
            "items": [_as_dict(item) for item in self.items],
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
        }
        if self.chosen is not None:
            found["chosen"] = self.chosen.to_dict()
        return found


def _as_dict(item: Any) -> Any:
    return item.to_dict() if hasattr(item, "to_dict") else item


@dataclass
class ArticleRow:
    """An article in a list: what identifies it and how much was found in it."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None = None
    section: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    words: int = 0
    entities: int = 0
    quotes: int = 0
    figures: int = 0
    events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QuoteRow:
    """A quote with its speaker and the article it comes from.

    ``date`` is when it was said where the sentence tells (else None); ``speaker_entity``
    is the store-wide entity id, ``speaker_local`` the article-local one ("e1").
    """

    id: int
    local_id: str
    article_id: str
    article_title: str | None
    published: str | None
    kind: str
    text: str
    start: int
    end: int
    cue: str | None = None
    date: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    speaker_entity: int | None = None
    speaker_local: str | None = None
    # The article's source and outlet: an export is counted by outlet in a spreadsheet.
    source: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EntityRow:
    """A store-wide entity: one person, organisation or place across every article."""

    id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TitleSeen:
    """A title an entity bore, and the first and last publication days it was seen with it."""

    title: str
    first_seen: str | None
    last_seen: str | None
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EntityDetail:
    """Everything the store knows about one entity.

    ``quotes_by`` are the quotes it is the speaker of. ``quotes_about`` are quotes by
    others whose span holds one of its mentions (its name, a surname, or a pronoun the
    pipeline resolved to it): the words are about it, not merely the same article.
    ``mentions_per_day`` counts its mentions by the article's published day.
    The lists hold at most ``DETAIL_LIMIT`` items, newest first; ``counts`` gives the totals.
    """

    id: int
    name: str
    type: str
    aliases: list[str]
    titles: list[str]
    title_history: list[TitleSeen]
    affiliations: list[str]
    counts: dict[str, int]
    first_seen: str | None
    last_seen: str | None
    articles: list[ArticleRow]
    quotes_by: list[QuoteRow]
    quotes_about: list[QuoteRow]
    mentions_per_day: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "title_history": [t.to_dict() for t in self.title_history],
            "affiliations": list(self.affiliations),
            "counts": dict(self.counts),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "articles": [a.to_dict() for a in self.articles],
            "quotes_by": [q.to_dict() for q in self.quotes_by],
            "quotes_about": [q.to_dict() for q in self.quotes_about],
            "mentions_per_day": dict(self.mentions_per_day),
        }


@dataclass
class Resolved:
    """One signature of a record: a name as articles wrote it, how often, and why it is this record."""

    entity_id: int
    name: str
    type: str
    family: str
    hint: str
    articles: int
    mentions: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FigureRow:
    """A figure with what it counts, who claims it, and its article."""

    id: int
    article_id: str
    article_title: str | None
    published: str | None
    text: str
    start: int
    end: int
    value: Value
    approx: str | None = None
    unit: str | None = None
    counted: str | None = None
    claimed_by: str | None = None
    change: str = "="
    # Its place in the article's figures: its anchor there is #figure-N (N = position + 1).
    position: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EventRow:
    """A store-wide event: one row however many articles tell it.

    The article fields name the first article that told it (by published day);
    ``article_ids`` lists every source and ``sources`` counts them.
    """

    id: int
    type: str
    mode: str | None
    date: str | None
    trigger: str
    article_id: str
    article_title: str | None
    published: str | None
    actor_name: str | None = None
    actor_entity: int | None = None
    target_name: str | None = None
    target_entity: int | None = None
    location_name: str | None = None
    location_entity: int | None = None
    negated: bool = False
    sources: int = 1
    article_ids: list[str] = field(default_factory=list)
    # The event's id in the first telling article ("v1"): its anchor there is #event-v1.
    local_id: str | None = None
    # The words naming the actor and the target in the first telling article ("Police", "three men"):
    # what a listing shows where no entity is named.
    actor_words: str | None = None
    target_words: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    """What one ingest did: articles newly stored, already there, and what failed and why."""

    new: int = 0
    existing: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    run_id: int | None = None
    # How many failures were internal errors (E060), and their tracebacks for --debug.
    internal: int = 0
    tracebacks: list[str] = field(default_factory=list)
    # Articles stored without extraction because they are not in the model's language: (source, language).
    other_language: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "existing": self.existing,
            "failed": [{"source": source, "reason": reason} for source, reason in self.failed],
            "other_language": [{"source": source, "language": language} for source, language in self.other_language],
            "words": self.words,
            "run_id": self.run_id,
            "internal": self.internal,
        }


@dataclass
class Progress:
    """Told to an ingest's ``progress`` callback after each article (and each failure)."""

    done: int
    new: int
    existing: int
    failed: int
    words: int
    source: str | None = None
    failure: tuple[str, str] | None = None
