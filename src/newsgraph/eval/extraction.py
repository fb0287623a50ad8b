"""Body-text extraction scored against human-marked article bodies.

The gold is a folder laid out as the public article-extraction benchmark is:
``ground-truth.json`` maps a page id to its ``articleBody`` (and ``url``), and
``html/<id>.html.gz`` holds the page. The score is the benchmark's own: the whitespace
tokens of the extracted body against those of ``articleBody`` as multisets, precision,
recall and F1 per page, then averaged over pages, so a long page weighs no more than a
short one. A page we extract nothing from scores 0 on all three. The body scored is the
stored text without its first paragraph when that paragraph is the page's headline:
``ingest`` keeps the headline first, as plain-text articles have it, and the benchmark's
``articleBody`` does not include it.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

from newsgraph.errors import GoldFormatError, InputError
from newsgraph.ingest.html import extract_page, headline_and_body


@dataclass(frozen=True)
class PageScore:
    """One page's token overlap with its gold body."""

    page: str
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Totals:
    """Averages over pages: the figures the benchmark publishes."""

    pages: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class GoldPage:
    page: str
    url: str | None
    body: str
    html: Path


def score_tokens(predicted: str, gold: str) -> PageScore:
    """Precision, recall and F1 of whitespace tokens, counted as multisets."""
    got, want = Counter(predicted.split()), Counter(gold.split())
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PageScore("", precision, recall, f1)


def gold_pages(folder: Path) -> list[GoldPage]:
    """The pages of a benchmark folder, sorted by id; an id without its HTML file is an error."""
    truth = folder / "ground-truth.json"
    try:
        data = json.loads(truth.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldFormatError(truth, f"cannot read: {error.strerror}") from error
    except ValueError as error:
        raise GoldFormatError(truth, f"malformed JSON ({error})") from error
    if not isinstance(data, dict):
        raise GoldFormatError(truth, "expected an object mapping page ids to {'articleBody', 'url'}")
    pages = []
    for page, entry in sorted(data.items()):
        html = folder / "html" / f"{page}.html.gz"
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            raise GoldFormatError(truth, f"page {page}: no 'articleBody' string")
        if not html.exists():
            raise GoldFormatError(truth, f"page {page}: no {html.relative_to(folder)}")
        pages.append(GoldPage(page, entry.get("url"), entry["articleBody"], html))
    return pages


def page_html(page: GoldPage) -> str:
    """The page's markup (UTF-8, as the benchmark stores it)."""
    return gzip.decompress(page.html.read_bytes()).decode("utf-8", errors="replace")


def score_pages(pages: Iterable[GoldPage]) -> Iterator[tuple[PageScore, PageScore]]:
    """Each page's score with trafilatura's text alone and with our furniture filters, in order.

    The page is extracted once and both texts come from that one document, so the two
    figures differ only by the filters.
    """
    for page in pages:
        try:
            document = extract_page(page_html(page), page.page, page.url or None)
        except InputError:
            document = None
        scores = [score_tokens(headline_and_body(document, furniture=on)[1], page.body) for on in (False, True)]
        alone, filtered = (PageScore(page.page, s.precision, s.recall, s.f1) for s in scores)
        yield alone, filtered


def totals(scores: Iterable[PageScore]) -> Totals:
    """Per-page figures averaged (the benchmark's macro average)."""
    items = list(scores)
    if not items:
        return Totals(0, 0.0, 0.0, 0.0)
    return Totals(
        len(items),
        mean(s.precision for s in items),
        mean(s.recall for s in items),
        mean(s.f1 for s in items),
    )


def format_totals(label: str, total: Totals) -> str:
    return (
        f"{label:<28} pages {total.pages}  F1 {total.f1:.3f}  precision {total.precision:.3f}"
        f"  recall {total.recall:.3f}"
    )
