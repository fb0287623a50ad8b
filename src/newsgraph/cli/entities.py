"""`newsgraph entities`: list the store's entities, and correct how names were resolved into them.

Corrections (``merge``, ``split``) are kept in the store and replayed by every later
resolution, so articles ingested afterwards follow them too.
"""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.app import DbOption, app, out
from newsgraph.cli.browse import (
    CsvFlag,
    JsonFlag,
    LimitOption,
    OffsetOption,
    OrderOption,
    _get,
    checked_sort,
    emit,
    opened,
    sort_help,
)

entities_app = typer.Typer(
    help="List people, organisations and places across the store; merge or split them by hand.",
    invoke_without_command=True,
)
app.add_typer(entities_app, name="entities")


@entities_app.callback()
def entities(
    context: typer.Context,
    type: Annotated[str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE, LOC, NORP, …")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="A part of the name or an alias.")] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only those named by outlets (publishers) whose name holds this.")
    ] = None,
    sort: Annotated[str | None, typer.Option("--sort", help=sort_help("entities"))] = None,
    order: OrderOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """List people, organisations and places across the store, most reported first (or sorted)."""
    if context.invoked_subcommand is not None:
        return
    sort = checked_sort("entities", sort)
    with opened(db) as store:
        page = store.entities(
            q=search,
            type=type,
            outlet=outlet,
            sort=sort,
            order=order.value if order else None,
            limit=limit,
            offset=offset,
        )
    columns = [(n, _get(n)) for n in ("id", "name", "type", "titles", "articles", "mentions", "quotes")]
    emit(page, columns, as_json, as_csv, "entities")


@entities_app.command("merge")
def merge(
    keep: Annotated[int, typer.Argument(help="The entity id that stays.")],
    gone: Annotated[int, typer.Argument(help="The entity id merged into it.")],
    db: DbOption = None,
) -> None:
    """Merge entity GONE into entity KEEP, now and for every article ingested later."""
    with opened(db) as store:
        store.merge_entities(keep, gone)
        kept = store.entity(keep)
    out.print(f"Merged {gone} into {kept.name} (id {keep}): {kept.counts['articles']} articles.", markup=False)


@entities_app.command("split")
def split(
    entity_id: Annotated[int, typer.Argument(help="The entity id to split.")],
    name: Annotated[str, typer.Argument(help="The name (as `newsgraph entity ID --why` lists it) to split away.")],
    db: DbOption = None,
) -> None:
    """Give the mentions of an entity written NAME an entity of their own, now and for later articles."""
    with opened(db) as store:
        new = store.split_entity(entity_id, name)
        split_away = store.entity(new)
    out.print(f"'{name}' is now {split_away.name} (id {new}), apart from entity {entity_id}.", markup=False)


@entities_app.command("resolve")
def resolve(db: DbOption = None) -> None:
    """Resolve every stored entity again from scratch, corrections by hand included."""
    with opened(db) as store:
        families = store.resolve()
    out.print(f"Resolved {families} name families.", markup=False)
