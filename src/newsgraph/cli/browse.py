"""Reading the store from the command line: articles, show, stats, quotes, entity, figures, events.

Every list command takes the same output flags (``--json``, ``--csv``, a table by
default) through ``JsonFlag``/``CsvFlag`` and prints through ``emit``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from newsgraph.cli.app import DbOption, app, fail, out
from newsgraph.cli.render import extraction_table
from newsgraph.errors import NewsgraphError
from newsgraph.settings import db_url_from
from newsgraph.store import EntityDetail, Page, QuoteRow, Store
from newsgraph.store.sorting import keys

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, max=10_000, help="Show at most this many.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first (for the next page).")]
SinceOption = Annotated[str | None, typer.Option("--since", help="On or after this day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="On or before this day (YYYY-MM-DD).")]

KindOption = Annotated[str | None, typer.Option("--kind", help="direct, indirect or mixed.")]
SourceOption = Annotated[str | None, typer.Option("--source", help="Only articles whose source name holds this.")]
SpeakerOption = Annotated[
    str | None,
    typer.Option("--speaker", help="The speaker's whole name or alias: the most reported entity bearing it."),
]
SpeakerIdOption = Annotated[int | None, typer.Option("--speaker-id", help="The speaker's entity id.")]
SearchOption = Annotated[str | None, typer.Option("--search", "-s", help="Words in the quote.")]
OutletOption = Annotated[
    str | None, typer.Option("--outlet", help="Only what articles of outlets (publishers) whose name holds this tell.")
]


class Way(StrEnum):
    asc = "asc"
    desc = "desc"


OrderOption = Annotated[
    Way | None, typer.Option("--order", help="asc or desc; without it, the key's usual way (newest, most, A first).")
]


def sort_help(listing: str) -> str:
    names = keys(listing)
    return f"Sort by {', '.join(names)} (default {names[0]})."


def checked_sort(listing: str, sort: str | None) -> str | None:
    """``--sort`` when it is a key the list sorts by; else a one-line error naming the keys."""
    if sort is not None and sort not in keys(listing):
        raise fail(f"--sort must be one of {', '.join(keys(listing))}, not {sort!r}", code=2)
    return sort


# One column of a list: header, and how to read it from a row's dict.
Column = tuple[str, Callable[[dict[str, Any]], Any]]


def _day(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise fail(f"{flag} must be a day as YYYY-MM-DD, not {value!r}") from None


@contextmanager
def opened(db: str | None) -> Iterator[Store]:
    """The store named by --db (or the default), refusing to invent an empty one; errors as one line."""
    url = db_url_from(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise fail(f"no store at {url.removeprefix('sqlite:///')}: fill one with `newsgraph ingest FILES --db PATH`")
    try:
        with Store(url) as store:
            yield store
    except NewsgraphError as error:
        raise fail(str(error)) from None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def emit(page: Page[Any], columns: Sequence[Column], as_json: bool, as_csv: bool, what: str) -> None:
    """Print a page as a table (with how many there are in all), JSON (the page) or CSV (the columns)."""
    if as_json:
        out.print(json.dumps(page.to_dict(), ensure_ascii=False, indent=2), markup=False)
        return
    rows = [item.to_dict() for item in page.items]
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow([name for name, _ in columns])
        writer.writerows([[_cell(read(row)) for _, read in columns] for row in rows])
        return
    if not rows:
        out.print(f"No {what} found ({page.total} in all with these filters).", markup=False)
        return
    table = Table(expand=True)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(read(row)) for _, read in columns))
    out.print(table)
    last = page.offset + len(rows)
    out.print(f"{what} {page.offset + 1}–{last} of {page.total}", style="dim", markup=False)
    _chosen_note(page)


def _chosen_note(page: Page[Any]) -> None:
    """Which entity a name filter was taken to mean, and the others bearing that name, to choose by id."""
    chosen = page.chosen
    if chosen is None or chosen.chosen is None or not chosen.others:
        return
    others = "; ".join(f"{o['name']} (id {o['id']}, {o['articles']} articles)" for o in chosen.others)
    out.print(
        f"Taken as {chosen.name} (id {chosen.chosen}), the most reported of that name; also: {others}."
        " Choose one with --speaker-id or --actor-id.",
        style="dim",
        markup=False,
    )


def _get(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(name)


@app.command()
def articles(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words to find in title or text.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    source: Annotated[str | None, typer.Option("--source", help="Only sources whose name holds this.")] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only outlets (publishers) whose name holds this.")
    ] = None,
    sort: Annotated[str | None, typer.Option("--sort", help=sort_help("articles"))] = None,
    order: OrderOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """List stored articles, newest first (or sorted), with a full-text search and date filters."""
    since, until = _day(since, "--since"), _day(until, "--until")
    sort = checked_sort("articles", sort)
    with opened(db) as store:
        page = store.articles(
            q=search,
            since=since,
            until=until,
            source=source,
            limit=limit,
            offset=offset,
            outlet=outlet,
            sort=sort,
            order=order.value if order else None,
        )
    columns = [(n, _get(n)) for n in ("id", "published", "title", "outlet", "source", "quotes", "entities")]
    emit(page, columns, as_json, as_csv, "articles")


class ShowFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="The article id, or its first 6+ characters (see `newsgraph articles`).")
    ],
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="json or table.")] = ShowFormat.table,
    db: DbOption = None,
) -> None:
    """Show one stored article with everything found in it."""
    with opened(db) as store:
        extraction = store.article(article_id)
    if format is ShowFormat.json:
        out.print(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2), markup=False)
    else:
        out.print(extraction_table(extraction))


@app.command()
def stats(db: DbOption = None, as_json: JsonFlag = False) -> None:
    """Count what the store holds: articles, entities, quotes, figures, dates, events, runs."""
    with opened(db) as store:
        counts = store.stats()
    if as_json:
        out.print(json.dumps(counts, ensure_ascii=False, indent=2), markup=False)
        return
    table = Table("what", "count", title=store.location)
    for name, value in counts.items():
        if isinstance(value, dict):
            table.add_row(name.replace("_", " "), ", ".join(f"{k} {v}" for k, v in value.items()) or "—")
        else:
            table.add_row(name.replace("_", " "), str(value))
    out.print(table)


QUOTE_COLUMNS: list[Column] = [
    ("speaker", lambda r: r["speaker_name"] or "—"),
    ("quote", _get("text")),
    ("kind", _get("kind")),
    ("article", lambda r: r["article_title"] or r["article_id"]),
    ("date", lambda r: r["date"] or r["published"]),
]


@app.command()
def quotes(
    speaker: SpeakerOption = None,
    speaker_id: SpeakerIdOption = None,
    search: SearchOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: Annotated[str | None, typer.Option("--article", help="Only quotes of this article id.")] = None,
    kind: KindOption = None,
    source: SourceOption = None,
    outlet: OutletOption = None,
    oldest: Annotated[bool, typer.Option("--oldest", help="Oldest first instead of newest first.")] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """List stored quotes with their speaker, article and date."""
    since, until = _day(since, "--since"), _day(until, "--until")
    with opened(db) as store:
        page = store.quotes(
            speaker=speaker,
            speaker_id=speaker_id,
            q=search,
            since=since,
            until=until,
            article=article,
            kind=kind,
            source=source,
            outlet=outlet,
            oldest_first=oldest,
            limit=limit,
            offset=offset,
        )
    emit(page, QUOTE_COLUMNS, as_json, as_csv, "quotes")


def _quote_lines(title: str, rows: list[QuoteRow]) -> None:
    out.print(f"\n{title}", style="bold", markup=False)
    if not rows:
        out.print("  none", style="dim", markup=False)
    for row in rows:
        who = row.speaker_name or "unknown speaker"
        out.print(
            f"  “{row.text}” — {who}, {row.article_title or row.article_id} ({row.date or row.published or 'undated'})",
            markup=False,
        )


def _detail(detail: EntityDetail) -> None:
    out.print(f"{detail.name}  [{detail.type}, id {detail.id}]", style="bold", markup=False)
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in detail.counts.items())
    out.print(f"{counts}; seen {detail.first_seen or '?'} to {detail.last_seen or '?'}", markup=False)
    if detail.aliases:
        out.print("Aliases: " + "; ".join(detail.aliases), markup=False)
    for seen in detail.title_history:
        out.print(f"Title: {seen.title} ({seen.first_seen or '?'} to {seen.last_seen or '?'})", markup=False)
    if detail.affiliations:
        out.print("Affiliations: " + "; ".join(detail.affiliations), markup=False)
    out.print("\nArticles", style="bold", markup=False)
    for row in detail.articles:
        out.print(f"  {row.published or 'undated'}  {row.title or '(untitled)'}  [{row.id}]", markup=False)
    _quote_lines(f"Quotes by {detail.name}", detail.quotes_by)
    _quote_lines(f"Quotes about {detail.name}", detail.quotes_about)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name, an alias or a store-wide entity id.")],
    why: Annotated[
        bool, typer.Option("--why", help="Also list the names it is made of, and why each is here.")
    ] = False,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one entity: its titles over time, aliases, articles, and quotes by and about it."""
    with opened(db) as store:
        detail = store.entity(name)
        resolved = store.explain(detail.id) if why else []
    if as_json:
        found = detail.to_dict() | ({"resolution": [r.to_dict() for r in resolved]} if why else {})
        out.print(json.dumps(found, ensure_ascii=False, indent=2), markup=False)
        return
    _detail(detail)
    if why:
        out.print("\nMade of", style="bold", markup=False)
        for row in resolved:
            seen = f"{row.articles} articles" + (f", {row.hint.replace('|', ', ')}" if row.hint else "")
            out.print(f"  {row.name} [{row.type}] ({seen}): {row.reason}", markup=False)


@app.command()
def figures(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="A part of the figure or what it counts.")
    ] = None,
    counted: Annotated[str | None, typer.Option("--counted", help="What the figure counts (e.g. hostages).")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """List stored figures with what they count, who claims them, and their article."""
    with opened(db) as store:
        page = store.figures(q=search, counted=counted, limit=limit, offset=offset)
    columns: list[Column] = [
        ("figure", _get("text")),
        ("value", _get("value")),
        ("counted", _get("counted")),
        ("claimed by", _get("claimed_by")),
        ("article", lambda r: r["article_title"] or r["article_id"]),
        ("published", _get("published")),
    ]
    emit(page, columns, as_json, as_csv, "figures")


@app.command()
def events(
    type: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type, e.g. ACCUSE, ASSAULT.")] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="The actor's whole name or alias: the most reported entity bearing it."),
    ] = None,
    actor_id: Annotated[int | None, typer.Option("--actor-id", help="The actor's entity id.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="The target's name, alias or entity id.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    sort: Annotated[str | None, typer.Option("--sort", help=sort_help("events"))] = None,
    order: OrderOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """List events (who did what to whom), each once however many articles tell it; newest first (or sorted)."""
    since, until = _day(since, "--since"), _day(until, "--until")
    sort = checked_sort("events", sort)
    with opened(db) as store:
        page = store.events(
            type=type,
            actor=actor,
            actor_id=actor_id,
            target=target,
            since=since,
            until=until,
            outlet=outlet,
            sort=sort,
            order=order.value if order else None,
            limit=limit,
            offset=offset,
        )
    columns: list[Column] = [
        ("type", _get("type")),
        ("actor", lambda r: r["actor_name"] or r["actor_words"]),
        ("trigger", _get("trigger")),
        ("target", lambda r: r["target_name"] or r["target_words"]),
        ("date", lambda r: r["date"] or r["published"]),
        ("where", _get("location_name")),
        ("sources", _get("sources")),
        ("article", lambda r: r["article_title"] or r["article_id"]),
    ]
    emit(page, columns, as_json, as_csv, "events")
