"""The outlet facet and the sorted lists in a real browser (Chromium through Playwright), at 1366 and 375 px.

The store holds our sample corpus (examples/), two of its plain-text articles under
outlet_day_title file names, and three short stories of our own whose outlets come from
a metadata table (as in test_outlets).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from tests.test_browser import WIDTHS, browser, fits, no_word_breaks, served, shoot, sized  # noqa: F401
from tests.test_outlets import RENAMED, SIDECAR, STORIES

from newsgraph.pipeline import Extractor
from newsgraph.store import Store

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-outlets")
    folder = root / "news"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns(*RENAMED, "*.md", "expected.json"))
    for old, new in RENAMED.items():
        shutil.copy(EXAMPLES / old, folder / new)
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / "metadata.tsv").write_text(SIDECAR, encoding="utf-8")
    store = Store(f"sqlite:///{root / 'news.db'}")
    report = store.ingest([folder], extractor=extractor, metadata=root / "metadata.tsv")
    assert report.new == 14, report
    with served(store) as url:
        yield url


def status_count(tab: Any) -> int:
    return int(tab.get_by_role("status").inner_text().split()[0].replace(",", ""))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_outlet_facet_narrows_the_quotes_and_a_persons_page_counts_their_outlets(
    browser: Any,  # noqa: F811 - the fixture
    base_url: str,
    width: int,
) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/quotes")
    total = status_count(tab)
    outlets = tab.locator("section.facet", has=tab.get_by_role("heading", name="Outlets"))
    gazette = outlets.get_by_role("link", name="Harbour Gazette")
    counted = int(gazette.locator("xpath=..").locator(".count").inner_text())
    gazette.click()
    tab.wait_for_url("**/quotes?outlet=Harbour+Gazette*")
    assert status_count(tab) == counted < total
    outlets = tab.locator("section.facet", has=tab.get_by_role("heading", name="Outlets"))
    assert outlets.get_by_role("link", name="Harbour Gazette").get_attribute("aria-current") == "true"
    assert tab.get_by_label("Outlet", exact=True).input_value() == "Harbour Gazette"
    assert tab.locator('.exports a[href^="/api/quotes.csv?outlet=Harbour+Gazette"]').count() == 1
    fits(tab, width, "/quotes?outlet=")
    no_word_breaks(tab, ".facet .count, .tag")
    shoot(tab, f"quotes-outlet-{width}")
    # A person's page: which outlets quote her, and how often; each count opens those quotes.
    tab.goto(f"{base_url}/entities/Marta%20Vos")
    table = tab.locator("section.outlets")
    assert table.get_by_role("heading", name="Which outlets quote them").count() == 1
    rows = table.locator("tbody tr")
    by_outlet = {r.locator("td").first.inner_text(): int(r.locator("td").last.inner_text()) for r in rows.all()}
    assert set(by_outlet) == {"Harbour Gazette", "The Veldport Courier"}
    quoted = int(tab.locator("#by-h .count").inner_text().strip("()").replace(",", ""))
    assert sum(by_outlet.values()) == quoted
    fits(tab, width, "a person's page")
    shoot(tab, f"entity-outlets-{width}")
    table.get_by_role("link", name=f"{by_outlet['Harbour Gazette']} quotes by Marta Vos in Harbour Gazette").click()
    tab.wait_for_url("**/quotes?speaker=*&outlet=Harbour*")
    assert status_count(tab) == by_outlet["Harbour Gazette"]
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_lists_sort_by_a_header_or_a_labelled_choice_and_say_so(
    browser: Any,  # noqa: F811 - the fixture
    base_url: str,
    width: int,
) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/entities")
    assert tab.locator('th[aria-sort="descending"]').inner_text().startswith("Articles")
    tab.get_by_role("link", name="Name, sort ascending").click()
    tab.wait_for_url("**/entities?sort=name&order=asc*")
    header = tab.locator("th[aria-sort]")
    assert header.count() == 1 and header.get_attribute("aria-sort") == "ascending"
    names = tab.locator("table.list tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names)
    assert "sorted by name, A to Z" in tab.get_by_role("status").inner_text()
    # The sorted header's link reads the other way.
    tab.get_by_role("link", name="Name, sort descending").click()
    tab.wait_for_url("**/entities?sort=name&order=desc*")
    assert tab.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    last = tab.locator("table.list tbody tr td:first-child").all_inner_texts()
    assert last == sorted(last, reverse=True) and last[0] >= names[-1]
    fits(tab, width, "/entities sorted")
    no_word_breaks(tab, "th a")
    shoot(tab, f"entities-sorted-{width}")
    # Articles: a labelled "Sort by" and "Order", kept with the search; the export follows them.
    tab.goto(f"{base_url}/articles")
    tab.get_by_label("Sort by").select_option("title")
    tab.get_by_label("Order").select_option("asc")
    tab.get_by_role("button", name="Search").click()
    tab.wait_for_url("**/articles?*sort=title*")
    titles = tab.locator(".article-row > a").all_inner_texts()
    assert titles == sorted(titles, key=str.lower) or titles == sorted(titles)
    assert "sorted by title, A to Z" in tab.get_by_role("status").inner_text()
    assert tab.get_by_label("Sort by").input_value() == "title"
    assert tab.locator('.exports a[href*="sort=title&order=asc"]').count() == 2
    fits(tab, width, "/articles sorted")
    shoot(tab, f"articles-sorted-{width}")
    # Events by how many articles tell them.
    tab.goto(f"{base_url}/events?sort=articles")
    assert tab.get_by_label("Sort by").input_value() == "articles"
    assert "sorted by number of articles, most first" in tab.get_by_role("status").inner_text()
    fits(tab, width, "/events sorted")
    tab.context.close()
