"""Readable terminal views of extractions, shared by the commands that print them."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from newsgraph.model import QUOTE_ACTS, Extraction


def extraction_table(extraction: Extraction) -> Group:
    """An article's title, then one table per kind of item found in it."""
    article = extraction.article
    head = Text(f"{article.title or article.source or article.id}", style="bold")
    head.append(f"  ({article.id}, published {article.published or 'unknown'})", style="dim")
    parts: list[Text | Table] = [head]

    quotes = Table(title="Quotes", show_lines=False, expand=True)
    others = Table(title="Other attributions (not stored as quotes)", show_lines=False, expand=True)
    for column in ("speaker", "kind", "cue", "text"):
        quotes.add_column(column, overflow="fold")
    for column in ("source", "act", "cue", "text"):
        others.add_column(column, overflow="fold")
    for quote in extraction.quotes:
        speaker = quote.speaker.name if quote.speaker else "—"
        cue = quote.cue.text if quote.cue else "—"
        if quote.act in QUOTE_ACTS:
            quotes.add_row(speaker, quote.kind, cue, quote.text)
        else:
            others.add_row(speaker, quote.act, cue, quote.text)

    entities = Table(title="Entities", expand=True)
    for column in ("name", "type", "titles", "mentions"):
        entities.add_column(column, overflow="fold")
    for entity in extraction.entities:
        entities.add_row(entity.name, entity.type, "; ".join(entity.titles), str(len(entity.mentions)))

    figures = Table(title="Figures", expand=True)
    for column in ("text", "value", "counted", "claimed by"):
        figures.add_column(column, overflow="fold")
    for figure in extraction.figures:
        figures.add_row(figure.text, str(figure.value), figure.counted or "", figure.claimed_by or "")

    dates = Table(title="Dates", expand=True)
    dates.add_column("text")
    dates.add_column("value")
    for date in extraction.dates:
        dates.add_row(date.text, date.value or "unknown")

    events = Table(title="Events", expand=True)
    for column in ("type", "actor", "trigger", "target", "date"):
        events.add_column(column, overflow="fold")
    for event in extraction.events:
        events.add_row(
            event.type + (f" ({event.mode})" if event.mode else ""),
            extraction.party(event.actor, event.actor_text or event.actor) or "",
            event.trigger.text,
            extraction.party(event.target, event.target_text or event.target) or "",
            event.date or "",
        )
    parts += [t for t in (quotes, others, entities, figures, dates, events) if t.row_count]
    return Group(*parts)
