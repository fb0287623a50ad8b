"""The highlighter: article text as escaped HTML with quotes, cues, mentions, figures and dates marked."""

from __future__ import annotations

from html.parser import HTMLParser

from newsgraph.api.annotate import annotate
from newsgraph.api.chart import buckets, mentions_chart
from newsgraph.api.highlight import Mark, highlight
from newsgraph.model import Article, DateRef, Entity, Extraction, Figure, Part, Quote, Span, Speaker


class Checker(HTMLParser):
    """Collects the text and checks that every element closes in order."""

    VOID = {"br", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.label_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
        if dict(attrs).get("class", "").startswith("who") or self.label_depth:
            self.label_depth += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if self.label_depth:
            self.label_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.label_depth:
            self.text.append(data)


def parse(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def test_text_is_escaped_and_kept_whole() -> None:
    text = 'He wrote <script>alert(1)</script> and <img src=x onerror=alert(1)> & "so".'
    html = highlight(text, [Mark(*span(text, "<script>alert(1)</script>"), "span", (("class", "quote"),))])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "".join(parse(html).text) == text


def test_attribute_values_are_escaped() -> None:
    text = "Ana said so."
    html = highlight(text, [Mark(0, 3, "span", (("title", '"><script>x</script>'),))])
    assert "<script>" not in html
    assert 'title="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_crossing_marks_are_split_and_stay_well_formed() -> None:
    text = "alpha beta gamma delta"
    marks = [
        Mark(*span(text, "alpha beta gamma"), "span", (("class", "quote"),), layer=0),
        Mark(*span(text, "gamma delta"), "a", (("href", "/e/1"), ("class", "mention")), layer=2),
    ]
    checker = parse(highlight(text, marks))
    assert "".join(checker.text) == text
    # The mention is cut where the quote ends, and reopened after it.
    assert [t for t, _ in checker.tags].count("a") == 2


def test_nested_marks_open_outer_first() -> None:
    text = "He said 100 people came on Friday."
    marks = [
        Mark(*span(text, "100"), "span", (("class", "figure"),), layer=3),
        Mark(*span(text, "100 people came on Friday"), "span", (("class", "quote"),), layer=0),
        Mark(*span(text, "Friday"), "span", (("class", "date"),), layer=3),
    ]
    html = highlight(text, marks)
    assert html.startswith('He said <span class="quote"><span class="figure">100</span> people came on ')
    assert '<span class="date">Friday</span></span>.' in html


def test_link_inside_link_becomes_span() -> None:
    text = "John Kirby spoke"
    marks = [
        Mark(0, 10, "a", (("href", "/e/kirby"), ("class", "speaker")), layer=1),
        Mark(5, 10, "a", (("href", "/e/other"), ("class", "mention")), layer=2),
    ]
    checker = parse(highlight(text, marks))
    assert [t for t, _ in checker.tags] == ["a", "span"]
    assert "href" not in checker.tags[1][1]


def test_marks_outside_the_text_are_skipped() -> None:
    text = "Short text."
    html = highlight(text, [Mark(5, 99, "span", (("class", "quote"),)), Mark(3, 3, "span", ())])
    assert html == "Short text."


def test_label_is_written_once_at_the_start() -> None:
    text = "“One,” she said. “Two.”"
    marks = [
        Mark(*span(text, "One"), "span", (("class", "quote"),), label="Ana Ortiz", label_class="who"),
        Mark(*span(text, "she"), "span", (("class", "speaker"),), layer=1),
    ]
    html = highlight(text, marks)
    assert html.count("Ana Ortiz") == 1
    # Drawn by CSS from the attribute: copying the quote copies no name glued to it.
    tag = '<span class="who" data-label="Ana Ortiz" aria-hidden="true"></span>'
    assert html.index(tag) < html.index("One")
    assert "Ana Ortiz<" not in html


def test_anchor_is_on_the_first_piece_only() -> None:
    text = "Ana Ortiz said the bridge opens."
    marks = [
        Mark(*span(text, "Ortiz said the"), "span", (("class", "quote"),), anchor="quote-q1"),
        Mark(*span(text, "said the bridge"), "span", (("class", "cue"),), layer=1),
    ]
    html = highlight(text, marks)
    assert html.count('id="quote-q1"') == 1
    assert html.index('id="quote-q1"') < html.index("Ortiz")


def sample() -> Extraction:
    text = (
        "Mayor Ana Ortiz said Tuesday that the bridge would open. "
        "“It will carry 2,000 cars,” she said, “and <b>more</b>.” "
        "A rival, Ben Cole, said nothing."
    )
    article = Article(text=text, title="Bridge <i>news</i>", published="2024-05-08")
    ana = Entity("e1", "Ana Ortiz", "PERSON", ["Mayor"], None, [Span(*span(text, "Ana Ortiz"), "Ana Ortiz")])
    cole = Entity("e2", "Ben Cole", "PERSON", [], None, [Span(*span(text, "Ben Cole"), "Ben Cole")])
    one = span(text, "It will carry 2,000 cars,")
    two = span(text, "and <b>more</b>.")
    quotes = [
        Quote(
            "q1",
            "indirect",
            "the bridge would open",
            *span(text, "the bridge would open"),
            cue=Span(*span(text, "said"), "said"),
            speaker=Speaker("e1", "Ana Ortiz", "Ana Ortiz", *span(text, "Ana Ortiz")),
        ),
        Quote(
            "q2",
            "direct",
            text[one[0] : two[1]],
            one[0],
            two[1],
            cue=Span(*span(text, "said", one[1]), "said"),
            speaker=Speaker("e1", "Ana Ortiz", "she", *span(text, "she")),
            parts=[Part(*one), Part(*two)],
        ),
    ]
    figures = [Figure("2,000", *span(text, "2,000"), 2000, counted="cars")]
    dates = [DateRef("Tuesday", *span(text, "Tuesday"), "2024-05-07")]
    return Extraction(article, [ana, cole], quotes, figures, dates)


def test_article_marks_quotes_by_part_with_speaker_links() -> None:
    extraction = sample()
    result = annotate(extraction, lambda e: f"/entities/{e.name}")
    checker = parse(result.html)
    assert "".join(checker.text) == extraction.article.text
    quotes = [attrs for tag, attrs in checker.tags if "quote" in (attrs.get("class") or "").split()]
    # Two parts of q2, one q1: the attribution "she said" between the parts is not highlighted.
    assert sorted(a["data-quote"] or "" for a in quotes) == ["q1", "q2", "q2"]
    assert all("Ana Ortiz" in (a["title"] or "") for a in quotes)
    assert '<a href="/entities/Ana Ortiz" class="speaker spk-0" title="speaker: Ana Ortiz">she</a>' in result.html
    assert '<span class="cue" title="cue of q2: said">said</span>' in result.html
    assert "&lt;b&gt;more&lt;/b&gt;" in result.html and "<b>" not in result.html
    # Values are focusable (keyboard, touch), show their value on focus, and can be linked to.
    assert (
        '<span id="figure-1" class="figure" title="figure: 2000 cars" data-value="figure: 2000 cars" tabindex="0">'
        "2,000</span>"
    ) in result.html
    assert (
        '<span id="date-1" class="date" title="date: 2024-05-07" data-value="date: 2024-05-07" tabindex="0">'
        "Tuesday</span>"
    ) in result.html
    assert result.html.count('id="quote-q2"') == 1 and 'id="quote-q1"' in result.html
    assert 'class="mention ent-person" title="PERSON: Ben Cole">Ben Cole</a>' in result.html


def test_speakers_are_tallied_most_quoted_first() -> None:
    extraction = sample()
    extraction.quotes.append(Quote("q3", "direct", "nothing", 0, 5))
    speakers = annotate(extraction, lambda e: None).speakers
    assert [(s.name, s.count, s.kinds) for s in speakers] == [
        ("Ana Ortiz", 2, {"indirect": 1, "direct": 1}),
        ("unattributed", 1, {"direct": 1}),
    ]
    assert speakers[0].colour != speakers[1].colour


def test_chart_fills_missing_days_and_escapes() -> None:
    assert buckets([("2024-05-01", 2), ("2024-05-03", 1)]) == [
        ("2024-05-01", 2),
        ("2024-05-02", 0),
        ("2024-05-03", 1),
    ]
    svg = mentions_chart([("2024-05-01", 2), ("2024-05-03", 1)])
    assert svg.startswith("<svg") and svg.count("<rect") == 3
    assert 'aria-label="3 mentions from 2024-05-01 to 2024-05-03, at most 2 in one day"' in svg


def test_chart_groups_a_long_span_by_month() -> None:
    assert buckets([("2023-01-15", 1), ("2023-06-02", 4), ("bad", 3)]) == [
        ("2023-01", 1),
        ("2023-02", 0),
        ("2023-03", 0),
        ("2023-04", 0),
        ("2023-05", 0),
        ("2023-06", 4),
    ]
    assert "No dated mentions" in mentions_chart([])
