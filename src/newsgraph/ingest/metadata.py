"""What an article's readers leave out, completed from every other place it is written.

Each reader takes what its format says (HTML meta tags through trafilatura, a feed's
channel, a record's fields). This fills the rest the same way for every format:
the publication date from a date in the file name (``breitbart_2016-09-12_…``) or in
the URL (``/2016/09/12/``), the outlet from the site name, the feed's title, a
record's ``outlet``/``publisher`` field, the URL's domain or, last, the name before
such a date in the file name, and the author from a byline the page or record gives.
A value given on the command line wins.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from newsgraph.model import Article

# A whole day written as digits: 2016-09-12, 2016_09_12, 20160912 or 2016/09/12, with no
# digit on either side (a longer number is an id, not a date).
_DAY = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([-_/.]?)([01][0-9])\2([0-3][0-9])(?![0-9])")
# Where a record or a page may name its outlet, in order of trust.
OUTLET_KEYS = ("outlet", "publisher", "sitename", "site_name", "site", "feed", "newspaper", "source_name")
# A file named outlet_day_title, as corpora name their files ("breitbart_2016-09-12_stealth-over-health.txt",
# "huff-post_2016-10-02_….txt"): one word of letters (or words joined by hyphens), the day, then the title.
_OUTLET_THEN_DAY = re.compile(
    r"^(?P<outlet>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)_(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]_[a-z0-9]", re.IGNORECASE
)
# Words that name what a file is, not who published it ("article_2016-09-12_x.txt").
_NOT_OUTLETS = frozenset({"article", "articles", "story", "doc", "document", "file", "text", "page", "item", "news"})
_OUTLET_MAX = 40
AUTHOR_KEYS = ("author", "authors", "byline", "creator")


def date_in(text: str | None) -> str | None:
    """The first whole day written in digits in a file name or URL, as YYYY-MM-DD."""
    for match in _DAY.finditer(text or ""):
        year, _, month, day = match.groups()
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def outlet_in(file_name: str | None) -> str | None:
    """The outlet a file name starts with when it is written outlet_YYYY-MM-DD_title, else None."""
    match = _OUTLET_THEN_DAY.match(file_name or "")
    if match is None or date_in(match.group(0)) is None:
        return None
    outlet = match.group("outlet")
    if len(outlet) > _OUTLET_MAX or outlet.lower() in _NOT_OUTLETS or sum(c.isalpha() for c in outlet) < 2:
        return None
    return outlet


def domain(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.`` ("www.bbc.co.uk" -> "bbc.co.uk")."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def _file_name(source: str | None) -> str | None:
    """The file name of a source ("dir/a_2016-09-12.txt#3" -> "a_2016-09-12.txt")."""
    if not source or source.startswith("<"):
        return None
    return PurePath(source.split("#", 1)[0]).name


def _first_text(metadata: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


def outlet_and_author(metadata: dict[str, Any], url: str | None, outlet: str | None = None) -> dict[str, str]:
    """``outlet`` and ``author`` as the metadata (or the URL's domain) give them; a key is absent when unknown."""
    found = {
        "outlet": outlet or _first_text(metadata, OUTLET_KEYS) or domain(url),
        "author": _first_text(metadata, AUTHOR_KEYS),
    }
    return {key: value for key, value in found.items() if value}


def complete(article: Article, outlet: str | None = None) -> Article:
    """Fill the article's missing date, and its outlet and author in ``metadata``; returns it."""
    file_name = _file_name(article.source)
    if not article.published:
        article.published = date_in(file_name) or date_in(article.url)
    article.metadata.update(outlet_and_author(article.metadata, article.url, outlet))
    if "outlet" not in article.metadata and (named := outlet_in(file_name)) is not None:
        article.metadata["outlet"] = named
    return article
