"""Counting from the command line: who is quoted most under any filter, and quotes per week or month.

Thin: each command calls one Store method and prints through the shared ``emit`` of the lists.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli.app import DbOption, app, out
from newsgraph.cli.browse import (
    Column,
    CsvFlag,
    JsonFlag,
    KindOption,
    LimitOption,
    OffsetOption,
    OrderOption,
    OutletOption,
    SearchOption,
    SinceOption,
    SourceOption,
    SpeakerIdOption,
    SpeakerOption,
    UntilOption,
    _day,
    _get,
    emit,
    opened,
)


class SpeakerSort(StrEnum):
    quotes = "quotes"
    name = "name"
    latest = "latest"


class Period(StrEnum):
    week = "week"
    month = "month"


@app.command()
def speakers(
    search: SearchOption = None,
    speaker: SpeakerOption = None,
    speaker_id: SpeakerIdOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    source: SourceOption = None,
    outlet: OutletOption = None,
    sort: Annotated[SpeakerSort, typer.Option("--sort", help="quotes, name or latest.")] = SpeakerSort.quotes,
    order: OrderOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """Count who is quoted under any quote filter, with quotes of each kind; most quoted first."""
    since, until = _day(since, "--since"), _day(until, "--until")
    with opened(db) as store:
        page = store.speakers(
            q=search,
            speaker=speaker,
            speaker_id=speaker_id,
            since=since,
            until=until,
            kind=kind,
            source=source,
            outlet=outlet,
            sort=sort.value,
            order=order.value if order else None,
            limit=limit,
            offset=offset,
        )
    names = ("name", "entity", "quotes", "direct", "indirect", "mixed", "first", "last")
    columns: list[Column] = [(n, _get(n)) for n in names]
    emit(page, columns, as_json, as_csv, "speakers")


@app.command()
def timeline(
    search: SearchOption = None,
    speaker: SpeakerOption = None,
    speaker_id: SpeakerIdOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    source: SourceOption = None,
    outlet: OutletOption = None,
    period: Annotated[Period, typer.Option("--by", help="Count per week or per month.")] = Period.week,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Count quotes per week or month under any quote filter (e.g. everything one person said, week by week)."""
    since, until = _day(since, "--since"), _day(until, "--until")
    with opened(db) as store:
        found = store.quote_timeline(
            q=search,
            speaker=speaker,
            speaker_id=speaker_id,
            since=since,
            until=until,
            kind=kind,
            source=source,
            outlet=outlet,
            period=period.value,
        )
    if as_json:
        out.print(json.dumps(found.to_dict(), ensure_ascii=False, indent=2), markup=False)
        return
    table = Table(found.period, "quotes")
    for count in found.timeline:
        table.add_row(count.label, str(count.count))
    out.print(table)
    note = f", {found.undated} with no known day" if found.undated else ""
    out.print(f"{found.total} quotes{note}", style="dim", markup=False)
