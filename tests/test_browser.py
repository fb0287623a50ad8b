"""The pages in a real browser: Playwright drives Debian's Chromium against a live server.

The store holds the seed article ingested through the real pipeline. Screenshots go to
test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT, SEED, need_shared

from newsgraph.api import create_app
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.shared]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def served(store: Store) -> Iterator[str]:
    """The web app over ``store``, live on a free loopback port while the block runs; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[str]:
    """A live server over a store holding the seed article, read with published=2023-12-03."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seed.db'}")
    report = store.ingest([need_shared(SEED)], extractor=extractor, published="2023-12-03")
    assert report.new == 1, report
    with served(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (`make browser` or `apt-get install chromium`)")
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    # Generous: CI machines are shared, and a slow click is not what these tests are about.
    tab.set_default_timeout(45_000)
    yield tab
    context.close()


def shoot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def seed_article_url(page: Any, base_url: str) -> str:
    page.goto(f"{base_url}/articles")
    page.get_by_role(
        "link", name="Kirby doesn’t know when discussions to resume Israel-Hamas truce will restart"
    ).click()
    page.wait_for_selector("#article-text")
    return str(page.url)


def test_seed_article_shows_kirbys_quotes_attributed_to_him(page: Any, base_url: str) -> None:
    seed_article_url(page, base_url)
    kirby = page.locator('#article-text .quote[title*="by John Kirby"]')
    texts = " ".join(kirby.all_inner_texts())
    for words in (
        "I wish I knew the answer to that one",
        "there are no official negotiations",
        "negotiations have stopped",
    ):
        assert words in texts, f"{words!r} is not highlighted as John Kirby's"
    first = kirby.first
    background = first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "Kirby's quote has no highlight colour"
    # Readable without colour: his name is written on the quote, and the side panel counts him.
    assert page.locator('#article-text .who[data-label="John Kirby"]').count() >= 1
    panel = page.locator(".who-list li", has_text="John Kirby")
    assert panel.count() == 1
    assert int(panel.locator(".count").inner_text().split()[0]) >= 4
    shoot(page, "seed-article")


def test_clicking_his_name_opens_his_entity_page_with_his_quotes(page: Any, base_url: str) -> None:
    seed_article_url(page, base_url)
    page.locator(".who-list").get_by_role("link", name="John Kirby").click()
    page.wait_for_url("**/entities/*")
    assert "John Kirby" in page.locator("h1").inner_text()
    by = page.locator("section", has=page.locator("#by-h"))
    assert "I wish I knew the answer to that one" in by.inner_text()
    assert page.locator("svg.chart rect").count() >= 1
    shoot(page, "john-kirby")

    # The speaker's own mention in the text links to the same page.
    seed_article_url(page, base_url)
    page.locator("#article-text a.speaker", has_text="Kirby").first.click()
    page.wait_for_url("**/entities/*")
    assert "John Kirby" in page.locator("h1").inner_text()


def test_searching_impasse_finds_the_netanyahu_quote(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/quotes")
    page.get_by_label("Words in the quote").fill("impasse")
    page.get_by_label("Words in the quote").press("Enter")
    page.wait_for_url("**/quotes?q=impasse*")
    results = page.locator(".quote-row")
    assert results.count() >= 1
    hit = results.filter(has_text="impasse").first
    assert "Benjamin Netanyahu" in hit.inner_text()
    shoot(page, "quotes-impasse")


def test_keyboard_first_tab_reaches_the_skip_link(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link shows no outline"


@pytest.mark.parametrize("where", ["article", "/", "/articles", "/quotes", "/entities"])
def test_pages_fit_a_small_phone_screen(browser: Any, base_url: str, where: str) -> None:
    """320px is the narrowest phone still in use; a long source path once overflowed it."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    tab = context.new_page()
    if where == "article":
        seed_article_url(tab, base_url)
    else:
        tab.goto(base_url + where)
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 321, f"{where} is {width}px wide on a 320px screen"
    shoot(tab, f"phone-{where.strip('/') or 'home'}")
    context.close()


WIDTHS = [1366, 375]


def sized(browser: Any, width: int) -> Any:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 500, has_touch=width < 500
    )
    tab = context.new_page()
    tab.set_default_timeout(45_000)
    return tab


def fits(tab: Any, width: int, where: str) -> None:
    scroll = tab.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"{where} is {scroll}px wide on a {width}px screen"


def no_word_breaks(tab: Any, selector: str) -> None:
    """No single word of these elements is split over two lines (as "PERS/ON" once was at 375px)."""
    broken = tab.evaluate(
        """sel => Array.from(document.querySelectorAll(sel)).filter(e => {
             const words = (e.textContent || '').trim().split(/\\s+/);
             if (words.length !== 1 || !words[0]) return false;
             const size = parseFloat(getComputedStyle(e).fontSize);
             return e.getClientRects().length > 1 || e.getBoundingClientRect().height > 2.2 * size;
           }).map(e => e.textContent)""",
        selector,
    )
    assert broken == [], f"words broken across lines: {broken[:5]}"


@pytest.mark.parametrize("width", WIDTHS)
def test_events_page_filters_by_actor_and_links_to_the_trigger(browser: Any, base_url: str, width: int) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/events")
    assert tab.locator(".event-row").count() >= 3
    tab.get_by_label("Actor", exact=True).fill("Kirby")
    tab.get_by_role("button", name="Search events").click()
    tab.wait_for_url("**/events?*actor=Kirby*")
    rows = tab.locator(".event-row")
    assert rows.count() >= 1 and all("John Kirby" in text for text in rows.all_inner_texts())
    assert "Per month" in tab.locator(".facets").inner_text()
    assert tab.locator('.exports a[href^="/api/events.csv?actor=Kirby"]').count() == 1
    fits(tab, width, "/events")
    no_word_breaks(tab, ".tag")
    shoot(tab, f"events-{width}")
    # The trigger link opens the article at the event, marked and highlighted on arrival.
    rows.first.locator("a.trigger").click()
    tab.wait_for_url("**/articles/*#event-*")
    target = tab.locator(".article-text :target")
    assert target.count() == 1 and "event" in (target.get_attribute("class") or "")
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    assert "John Kirby" in (target.get_attribute("title") or "")
    shoot(tab, f"event-arrival-{width}")
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_quotes_facets_narrow_the_list_and_link_to_the_quote(browser: Any, base_url: str, width: int) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/quotes")
    total = int(tab.get_by_role("status").inner_text().split()[0].replace(",", ""))
    facet = tab.locator("section.facet", has=tab.get_by_role("heading", name="Most quoted"))
    kirby = facet.get_by_role("link", name="John Kirby")
    counted = int(kirby.locator("xpath=..").locator(".count").inner_text())
    kirby.click()
    tab.wait_for_url("**/quotes?speaker=*")
    shown = int(tab.get_by_role("status").inner_text().split()[0].replace(",", ""))
    assert shown == counted < total
    fits(tab, width, "/quotes")
    shoot(tab, f"quotes-facets-{width}")
    first = tab.locator(".quote-row").first
    first.get_by_role("link").last.click()
    tab.wait_for_url("**/articles/*#quote-*")
    arrived = tab.locator(".article-text :target")
    assert arrived.count() == 1 and "by John Kirby" in (arrived.get_attribute("title") or "")
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_speakers_page_counts_kinds_and_sorts(browser: Any, base_url: str, width: int) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/speakers")
    first = tab.locator("table.list tbody tr").first.inner_text()
    assert "John Kirby" in first
    tab.get_by_role("link", name="Speaker, sort ascending").click()
    tab.wait_for_url("**/speakers?sort=name*")
    names = tab.locator("table.list tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    fits(tab, width, "/speakers")
    shoot(tab, f"speakers-{width}")
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_article_marks_read_by_keyboard_touch_and_copy(browser: Any, base_url: str, width: int) -> None:
    tab = sized(browser, width)
    seed_article_url(tab, base_url)
    # Copying a quote copies its words, not the speaker's name tag glued to them.
    copied = tab.evaluate(
        """() => { const q = document.querySelector('#article-text .quote'); const r = document.createRange();
                   r.selectNodeContents(q); const s = getSelection(); s.removeAllRanges(); s.addRange(r);
                   return s.toString(); }"""
    )
    assert copied and "John Kirby" not in copied and "Benjamin Netanyahu" not in copied
    tag = tab.locator("#article-text .who").first
    assert tag.get_attribute("aria-hidden") == "true"
    assert tag.evaluate("e => getComputedStyle(e, '::before').content") not in ("none", "normal", '""')
    # A figure shows its value when reached by the keyboard or a tap, not only under a mouse.
    figure = tab.locator("#article-text .figure").first
    if width < 500:
        figure.tap()
    else:
        figure.focus()
    shown = figure.evaluate("e => getComputedStyle(e, '::after').content")
    assert "figure" in shown, shown
    event = tab.locator("#article-text .event").first
    event.focus()
    assert "→" in event.evaluate("e => getComputedStyle(e, '::after').content")
    assert "event's trigger" in tab.locator(".legend").inner_text()
    # Every "Show only" button has a name of its own.
    names = tab.locator("button.focus-speaker").evaluate_all("bs => bs.map(b => b.textContent.trim())")
    assert len(names) >= 2 and len(set(names)) == len(names)
    fits(tab, width, "article")
    no_word_breaks(tab, ".tag, .panel a, .who-list .count")
    shoot(tab, f"article-focus-{width}")
    tab.context.close()


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_controls_contrast_and_the_home_search_button_stays_on_one_line(browser: Any, base_url: str) -> None:
    tab = sized(browser, 1366)
    tab.goto(base_url)
    button = tab.get_by_role("button", name="Search")
    height = button.evaluate("e => e.getBoundingClientRect().height")
    line = button.evaluate(
        "e => parseFloat(getComputedStyle(e).lineHeight) || 1.6 * parseFloat(getComputedStyle(e).fontSize)"
    )
    assert height < 2 * line, "the search button wraps"
    page_colour = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    for where in ("/", "/quotes", "/events", "/speakers", "/articles", "/entities"):
        tab.goto(base_url + where)
        borders = tab.locator("input:not([type=hidden]), select").evaluate_all(
            "es => es.map(e => getComputedStyle(e).borderTopColor)"
        )
        assert borders and all(_contrast(b, page_colour) >= 3 for b in borders), (where, borders)
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_persons_page_counts_what_they_said_week_by_week_and_downloads_it(
    browser: Any, base_url: str, width: int
) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/speakers")
    tab.locator("table.list tbody tr").first.get_by_role("link", name="John Kirby", exact=True).click()
    tab.wait_for_url("**/entities/*")
    said = tab.locator("section.said")
    said.get_by_role("link", name="week", exact=True).click()
    tab.wait_for_url("**/entities/*period=week*")
    said = tab.locator("section.said")
    assert said.get_by_role("heading", name="Per week").count() == 1
    assert said.locator("svg.chart rect").count() >= 1
    weekly = said.locator("details.as-table tbody tr td:last-child").all_text_contents()
    quoted = int(tab.locator("#by-h .count").inner_text().strip("()").replace(",", ""))
    assert sum(int(n.replace(",", "")) for n in weekly) == quoted
    # The download holds every one of those quotes.
    href = tab.locator('header a[href^="/api/quotes.csv?speaker="]').get_attribute("href")
    exported = tab.evaluate("url => fetch(url).then(r => r.text())", href)
    assert len(exported.strip().splitlines()) - 1 == quoted
    fits(tab, width, "an entity's page")
    no_word_breaks(tab, ".tag, .counts li strong")
    shoot(tab, f"entity-weeks-{width}")
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_articles_page_counts_who_is_named_and_narrows_by_source(browser: Any, base_url: str, width: int) -> None:
    tab = sized(browser, width)
    tab.goto(f"{base_url}/articles?q=Kirby")
    named = tab.locator("section.facet", has=tab.get_by_role("heading", name="Named in the most of them"))
    assert named.get_by_role("link", name="John Kirby").count() == 1
    sources = tab.locator("section.facet", has=tab.get_by_role("heading", name="Top sources"))
    sources.get_by_role("link").first.click()
    tab.wait_for_url("**/articles?*source=*")
    assert tab.get_by_role("status").inner_text().startswith("1 article")
    assert tab.locator('.exports a[href^="/api/articles.csv?q=Kirby&source="]').count() == 1
    fits(tab, width, "/articles")
    shoot(tab, f"articles-facets-{width}")
    tab.context.close()
