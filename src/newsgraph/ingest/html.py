"""HTML pages: the main text, title, date and canonical url, through trafilatura.

Paragraphs are joined by a blank line, as in our plain-text articles, so components
that look at paragraph breaks see the same shape whatever the source was.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml.etree import ParserError

from newsgraph.errors import InputError
from newsgraph.ingest.dates import set_published
from newsgraph.ingest.encoding import check_text
from newsgraph.ingest.furniture import remove_furniture
from newsgraph.model import Article

_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object")
_SPACES = re.compile(r"[ \t\r\f\v]+")
# Fewer words than this is a menu or a notice that trafilatura fell back to, not an article.
_MIN_WORDS = 12
# The page's own date markup only: a free search of the text takes any date it mentions
# ("founded on 12 June 1998") for the publication date.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
_TAG = re.compile(r"<[a-zA-Z!/]")
# A hover card: an inline element inside a paragraph holding a picture and several links
# (a person's photo, name and latest headlines) and hardly a word that is not a link.
_CARDS = "//p//span[.//img and count(.//a) >= 2]"
_CARD_OWN_WORDS = 5
# Characters XML 1.0 has no place for: lxml refuses a string holding any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def paragraphs(text: str) -> str:
    """Lines of extracted text as paragraphs separated by one blank line."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def extract_page(content: str | bytes, source: str, url: str | None = None) -> Any:
    """trafilatura's document for a page (its text, title and metadata), or None when it finds nothing.

    Its default settings were chosen by measurement on real pages: favouring precision
    lost more recall than it gained, and tables added more furniture than text.
    """
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            _prepared(content),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_SEARCH,
        )
    except (ValueError, TypeError, ParserError) as error:
        raise InputError(source, f"HTML that cannot be parsed ({error})") from error


def _prepared(content: str | bytes) -> Any:
    """The page with its hover cards cut and its credits set apart, or the page as it was when it has neither."""
    try:
        tree = lxml.html.fromstring(content)
    except (ValueError, ParserError):
        return content
    cut = _cut_cards(tree)
    spaced = _space_credits(tree)
    return tree if cut or spaced else content


def _cut_cards(tree: Any) -> bool:
    """Cut each hover card to the link it hangs on; True when there was one.

    trafilatura keeps a card's text in the sentence: "threatened to kill Rep. Ilhan
    OmarIlhan OmarHillicon Valley: Progressives oppose …" instead of "Rep. Ilhan Omar".
    """
    cards = [card for card in tree.xpath(_CARDS) if _own_words(card) <= _CARD_OWN_WORDS]
    cards = [card for card in cards if not any(other in cards for other in card.iterancestors("span"))]
    for card in cards:
        link = card.xpath("(.//a | .//img)[1]")[0]
        tail = card.tail
        name = link.text_content() if link.tag == "a" else ""
        card.clear()
        card.text, card.tail = name, tail
    return bool(cards)


def _space_credits(tree: Any) -> bool:
    """Put a space after each credit glued to the word that follows it; True when there was one.

    Some outlets set the dateline in its own inline element with no space after it, so the
    text reads "Hong Kong (CNN Business)A muddled view …": the credit is then not seen as a
    dateline and its last word joins the first sentence.
    """
    glued = [cite for cite in tree.iter("cite") if cite.tail and cite.tail[0].isalnum()]
    for cite in glued:
        cite.tail = " " + cite.tail
    return bool(glued)


def _own_words(element: Any) -> int:
    """Words of an element that are not the text of a link in it."""
    links = sum(len(link.text_content().split()) for link in element.iter("a"))
    return len(element.text_content().split()) - links


def headline_and_body(document: Any, furniture: bool = True) -> tuple[str | None, str]:
    """The headline line the page repeats (or None) and the body's paragraphs, page furniture removed.

    Without ``furniture`` the body is trafilatura's text as it is (to measure what the
    filters do).
    """
    raw = (getattr(document, "text", None) or "") if document is not None else ""
    if not furniture:
        return None, paragraphs(raw)
    headline, lines = remove_furniture(raw.split("\n"), getattr(document, "title", None))
    return headline, paragraphs("\n".join(lines))


def read_html(content: str | bytes, source: str, url: str | None = None, published: str | None = None) -> Article:
    """One article from an HTML page; ``url`` and ``published`` are fallbacks (e.g. from a WARC record)."""
    document = extract_page(content, source, url)
    headline, body = headline_and_body(document)
    if len(body.split()) < _MIN_WORDS:
        raise InputError(source, "no article text found in the HTML")
    # The headline stays the first paragraph, as in a plain-text article.
    text = f"{headline}\n\n{body}" if headline else body
    check_text(text, source)
    metadata: dict[str, Any] = {}
    for key in ("author", "sitename", "description", "language"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = value
    return Article(
        text=text,
        title=getattr(document, "title", None) or None,
        url=getattr(document, "url", None) or url,
        published=set_published(metadata, getattr(document, "date", None)) or published,
        source=source,
        metadata=metadata,
    )


def looks_like_html(text: str) -> bool:
    """True when a string holds markup rather than plain prose."""
    return bool(_TAG.search(text[:2048]))


def html_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment (a feed entry's content), paragraphs kept."""
    if not looks_like_html(fragment):
        return paragraphs(fragment)
    fragment = _NOT_XML.sub(" ", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return paragraphs(fragment)
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter():
        # Newlines in the markup are layout; only block elements break paragraphs.
        block = "\n" if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS else ""
        element.text = block + (element.text or "").replace("\n", " ")
        element.tail = block + (element.tail or "").replace("\n", " ")
    return paragraphs(root.text_content())
