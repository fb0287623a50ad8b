"""A metadata table beside plain-text articles: the outlet, date, title and author of each file.

A text file says little about itself: at best a title line and a dateline. Corpora such
as PolNeAR ship what is known of each article in a separate table instead, one row per
file (``metadata.tsv``: ``filename``, ``publisher``, ``publication_date``, ``title``,
``author``, …). ``ingest --metadata TABLE`` reads such a table (tab-separated, or
comma-separated for ``.csv``) and gives each file read the values of its row. A row is
found by the file's name, with or without its extension. A row that cannot be used
(a missing name, a date that is no day, a name given twice, a field too many) is
reported on one line with its line number and left out; the other rows are used. An
empty cell, or one holding "None" (as tables written from Python hold), gives no value.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.metadata import AUTHOR_KEYS, OUTLET_KEYS
from newsgraph.model import Article

# The headers each value may go by, in order of preference (compared without case); outlet and author
# go by the names a record's own fields may have.
_NAME = ("filename", "file_name", "file", "path", "name")
FIELDS: dict[str, tuple[str, ...]] = {
    "outlet": OUTLET_KEYS,
    "published": ("published", "publication_date", "pubdate", "published_at", "date"),
    "title": ("title", "headline"),
    "author": AUTHOR_KEYS,
}
# Lines longer than this are no metadata (a text file given by mistake): csv's own limit is 128 KiB.
_MAX_FIELD = 10_000


@dataclass
class Sidecar:
    """The usable rows of a metadata table by file name, and what was wrong with the others."""

    path: str
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)

    def values_for(self, source: str | None) -> dict[str, str] | None:
        """The row of the file an article was read from (by its name, else its name without extension);
        None for a record of a file of several (a feed, JSON Lines), which a row cannot tell apart."""
        if not source or "#" in source or source.startswith("<"):
            return None
        name = PurePath(source).name
        for key in (name, PurePath(name).stem):
            if key in self.rows:
                return self.rows[key]
        return None

    def apply(self, article: Article) -> Article:
        """Give the article its row's values: they win over what the file itself seemed to say."""
        values = self.values_for(article.source)
        if values is None:
            return article
        if "published" in values:
            article.published = values["published"]
        if "title" in values:
            article.title = values["title"]
        for key in ("outlet", "author"):
            if key in values:
                article.metadata[key] = values[key]
        return article


def _delimiter(path: Path, header: str) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    if path.suffix.lower() == ".csv":
        return ","
    return "\t" if "\t" in header else ","


def _column(headers: list[str], names: tuple[str, ...]) -> int | None:
    folded = [h.strip().lower() for h in headers]
    return next((folded.index(name) for name in names if name in folded), None)


def read_sidecar(path: str | Path) -> Sidecar:
    """The table at ``path``; raises InputError when it cannot be read at all or names no file column."""
    where = Path(path)
    try:
        text = where.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            where, f"cannot read the metadata table: {getattr(error, 'strerror', None) or error}"
        ) from None
    lines = text.splitlines()
    if not lines:
        raise InputError(where, "the metadata table is empty: it needs a header line naming its columns")
    reader = csv.reader(lines, delimiter=_delimiter(where, lines[0]))
    headers = next(reader)
    name_at = _column(headers, _NAME)
    if name_at is None:
        raise InputError(
            where, f"the metadata table has no column naming the file (one of {', '.join(_NAME)}); it has {headers}"
        )
    columns = {key: at for key, names in FIELDS.items() if (at := _column(headers, names)) is not None}
    sidecar = Sidecar(str(where))
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        problem = _problem(row, len(headers), name_at, columns, sidecar.rows)
        if problem is not None:
            sidecar.problems.append(InputError(where, problem, line))
            continue
        key = PurePath(row[name_at].strip()).name
        values = {k: row[at].strip() for k, at in columns.items() if row[at].strip() and row[at].strip() != "None"}
        if "published" in values:
            values["published"] = str(iso_date(values["published"]))
        sidecar.rows[key] = values
    return sidecar


def _problem(
    row: list[str], width: int, name_at: int, columns: dict[str, int], seen: dict[str, dict[str, str]]
) -> str | None:
    """Why a row of the table cannot be used, or None."""
    if len(row) != width:
        return f"{len(row)} fields where the header has {width}; the row is left out"
    name = row[name_at].strip()
    if not name:
        return "no file name; the row is left out"
    if any(len(cell) > _MAX_FIELD for cell in row):
        return f"a field longer than {_MAX_FIELD:,} characters; the row is left out"
    if PurePath(name).name in seen:
        return f"{name!r} is named a second time; the first row is kept"
    if "published" in columns:
        day = row[columns["published"]].strip()
        if day and day != "None" and iso_date(day) is None:
            return f"{name}: the date {day[:40]!r} is not a whole day (write it as YYYY-MM-DD); the row is left out"
    return None
