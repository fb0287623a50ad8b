"""The pages in a real browser: Playwright drives Debian's Chromium against a live server.

The store holds the seed article ingested through the real pipeline. Screenshots go to
test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT, SEED, need_shared

from newsgraph.api import create_app
from newsgraph.pipeline import Extractor

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


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[str]:
    """A live server over a store holding the seed article, read with published=2023-12-03."""
    import uvicorn

    from newsgraph.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seed.db'}")
    report = store.ingest([need_shared(SEED)], extractor=extractor, published="2023-12-03")
    assert report.new == 1, report
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
    assert page.locator("#article-text .who", has_text="John Kirby").count() >= 1
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
