"""Readers: every source kind becomes articles, told from the content, whatever the suffix says."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, POLNEAR_DEV, SEED, need_shared
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import InputError
from newsgraph.ingest import article_from_string, iter_files, read_paths
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.records import read_jsonl
from newsgraph.ingest.sniff import Kind, sniff
from newsgraph.model import Article

STORY = (
    "Harbour crews worked through Tuesday night to clear the quay.\n\n"
    "“We will be ready by Friday,” said Mira Olsen, the harbour master. “The ships will not wait.”\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Quay cleared after storm | The Lakeside Post</title>"
    '<meta property="article:published_time" content="2024-04-02T09:00:00Z">'
    '<link rel="canonical" href="https://lakeside-post.example/news/quay-cleared">'
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
    "<article><h1>Quay cleared after storm</h1>"
    "<p>Harbour crews worked through Tuesday night to clear the quay after the storm brought down two cranes.</p>"
    "<p>“We will be ready by Friday,” said Mira Olsen, the harbour master. “The ships will not wait.”</p>"
    "<p>About 40 volunteers joined the crews on Wednesday morning, the harbour office said.</p></article>"
    "<footer>© 2024 The Lakeside Post · <a href='/privacy'>Privacy policy</a></footer></body></html>"
)
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lakeside Post</title>
  <entry>
    <title>Ferry service resumes</title>
    <link href="https://lakeside-post.example/news/ferry"/>
    <id>urn:lakeside:ferry</id>
    <updated>2024-04-03T08:00:00Z</updated>
    <content type="html">&lt;p&gt;The ferry to Holm Island resumed on Wednesday.&lt;/p&gt;
      &lt;p&gt;Captain Eli Ross said the crossing was calm.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def read_all(*paths: str | Path, published: str | None = None) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(read_paths(list(paths), on_error=errors.append, published=published))
    return articles, errors


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- the sample corpus, one reader after another ------------------------------------------


def test_text_file_keeps_its_text_and_finds_section_title_and_dateline() -> None:
    path = EXAMPLES / "01_port_strike_courier.txt"
    (article,), errors = read_all(path)
    assert not errors
    assert article.text == path.read_text(encoding="utf-8")
    assert (article.section, article.title) == ("Business", "Dock workers walk out at Port of Veldport over pay")
    assert article.published == "2024-03-05"
    assert article.source == str(path)


def test_html_page_gives_main_text_title_date_and_canonical_url() -> None:
    (article,), errors = read_all(EXAMPLES / "02_port_strike_radio.html")
    assert not errors
    assert article.title == "Port strike: hundreds of dockers stop work in Veldport"
    assert article.published == "2024-03-05"
    assert article.url == "https://radio-veldport.example/news/2024/03/05/port-strike-dockers-stop-work"
    assert "“I have worked on these cranes for 22 years,” said Piotr Lasko" in article.text
    for boilerplate in ("cookies", "Listen live", "Most read", "All rights reserved", "Privacy policy"):
        assert boilerplate not in article.text
    assert "\n\nRadio Veldport’s Ivana Hollis" in article.text  # paragraphs stay apart


def test_jsonl_records_keep_their_ids_and_extra_fields() -> None:
    path = EXAMPLES / "06_courier_feed.jsonl"
    articles, errors = read_all(path)
    assert not errors
    assert [a.metadata["id"] for a in articles] == ["vc-2024-0312-talks", "vc-2024-0313-clinic"]
    assert [a.source for a in articles] == [f"{path}#vc-2024-0312-talks", f"{path}#vc-2024-0313-clinic"]
    assert [a.published for a in articles] == ["2024-03-12", "2024-03-13"]  # the second has a time and zone
    assert articles[0].section == "Business"
    # Outlet (from the URL's domain) and language (detected) are added to what the record gives.
    assert articles[0].metadata == {
        "author": "Courier staff",
        "id": "vc-2024-0312-talks",
        "outlet": "veldport-courier.example",
        "language": "en",
    }
    assert articles[0].url and articles[0].url.endswith("/port-talks-halted")


def test_csv_record_with_a_text_column() -> None:
    (article,), errors = read_all(EXAMPLES / "07_fishermen.csv")
    assert not errors
    assert article.source.endswith("07_fishermen.csv#hg-2024-0308-fishermen")
    assert article.title == "Estria frees 14 Veldport fishermen held since January"
    assert article.text.startswith("The government of Estria on Thursday released 14 fishermen")
    assert "\n\n" in article.text


def test_rss_entries_read_from_their_full_content() -> None:
    articles, errors = read_all(EXAMPLES / "08_radio_veldport.rss")
    assert not errors
    assert [a.published for a in articles] == ["2024-03-06", "2024-03-08"]
    assert articles[0].url == "https://radio-veldport.example/news/2024/03/06/northline-rail-cuts"
    assert articles[0].source == f"{EXAMPLES / '08_radio_veldport.rss'}#{articles[0].url}"
    assert articles[0].title == "Northline Rail to cut 120 jobs at Veldport depot"
    assert "<p>" not in articles[0].text
    assert "said Karl Dobrev, the union's spokesman" in articles[0].text  # content:encoded, not the summary


def test_warc_html_response_becomes_an_article_other_records_do_not() -> None:
    (article,), errors = read_all(EXAMPLES / "09_dunmore_daily.warc.gz")
    assert not errors
    assert article.url == "https://dunmore-daily.example/region/veldport-march-dock-strike"
    assert article.published == "2024-03-09"
    assert article.title == "Thousands march through Veldport in support of dock strike"
    assert "font-family" not in article.text


def test_warc_url_is_the_fetched_address_and_the_canonical_link_is_kept(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    moved = StatusAndHeaders("301 Moved Permanently", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    redirect = b"<html><body><a href='/news/quay-cleared'>Moved</a></body></html>"
    writer.write_record(
        writer.create_warc_record(
            "https://lakeside-post.example/quay", "response", payload=io.BytesIO(redirect), http_headers=moved
        )
    )
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://lakeside-post.example/amp/quay?ref=feed",
        "response",
        payload=io.BytesIO(PAGE.encode("utf-8")),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-04-05T10:00:00Z"},
    )
    writer.write_record(record)
    (article,), errors = read_all(write(tmp_path, "crawl.warc", out.getvalue()))
    assert not errors
    assert article.url == "https://lakeside-post.example/amp/quay?ref=feed"
    assert article.metadata["canonical_url"] == "https://lakeside-post.example/news/quay-cleared"
    assert article.published == "2024-04-02"  # the page's own date wins over the WARC-Date


def test_folder_is_read_recursively_without_its_readme_and_gold(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    write(nested, "story.txt", STORY)
    write(tmp_path, "README.md", "# Notes\n\nNot an article, only notes about the folder.\n")
    write(tmp_path, "expected.json", '{"articles": []}')
    write(tmp_path, ".hidden.txt", STORY)
    assert list(iter_files([tmp_path])) == [nested / "story.txt"]
    (article,), errors = read_all(tmp_path / "README.md")  # named explicitly, it is read
    assert not errors and article.text.startswith("# Notes")


def test_several_paths_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write(tmp_path, "one.txt", STORY)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "Piped in. The mayor said so."}\n')))
    articles, errors = read_all(first, "-", first)
    assert not errors
    assert [a.source for a in articles] == [str(first), "<stdin>#1", str(first)]


def test_published_fills_in_only_a_missing_date(tmp_path: Path) -> None:
    undated = write(tmp_path, "undated.txt", STORY)
    dated = write(tmp_path, "dated.jsonl", json.dumps({"text": STORY, "published": "2024-01-09"}) + "\n")
    articles, _ = read_all(undated, dated, published="2024-02-01")
    assert [a.published for a in articles] == ["2024-02-01", "2024-01-09"]


# -- kinds told from the content -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.html", STORY, Kind.TEXT),
        ("page.txt", PAGE, Kind.HTML),
        ("records.txt", '{"text": "One."}\n{"text": "Two."}\n', Kind.JSONL),
        ("doc.jsonl", '{\n  "text": "One."\n}\n', Kind.JSON),
        ("array.log", '[{"text": "One."}]', Kind.JSON),
        ("table.txt", "title,text\nA,One.\n", Kind.CSV),
        ("feed.html", ATOM, Kind.FEED),
        ("notes.txt", "Just a line of prose, with commas, and no header.\n", Kind.TEXT),
        ("update.txt", "[Updated 5 March] The council met again on Friday.\n", Kind.TEXT),
        ("brace.txt", "{Correction} An earlier version misspelt the mayor's name.\n", Kind.TEXT),
        ("empty.json", "[]", Kind.JSON),
        ("scores.csv", "team,points\nHolm,3\n", Kind.CSV),
    ],
)
def test_kind_comes_from_the_content_not_the_suffix(name: str, content: str, kind: Kind) -> None:
    assert sniff(content.encode("utf-8"), Path(name).suffix) is kind


def test_misleading_suffixes_still_read_right(tmp_path: Path) -> None:
    page = write(tmp_path, "page.txt", PAGE)
    feed = write(tmp_path, "feed.json", ATOM)
    records = write(tmp_path, "records.html", gzip.compress(b'{"id": "r1", "text": "Zipped. The mayor said so."}\n'))
    warc = write(tmp_path, "archive.bin", (EXAMPLES / "09_dunmore_daily.warc.gz").read_bytes())
    articles, errors = read_all(page, feed, records, warc)
    assert not errors
    assert [a.title for a in articles][:2] == ["Quay cleared after storm", "Ferry service resumes"]
    assert articles[0].url == "https://lakeside-post.example/news/quay-cleared"
    assert articles[0].published == "2024-04-02"
    assert "Privacy policy" not in articles[0].text
    assert (
        articles[1].text
        == "The ferry to Holm Island resumed on Wednesday.\n\nCaptain Eli Ross said the crossing was calm."
    )
    assert articles[1].published == "2024-04-03"
    assert articles[2].source.endswith("#r1")
    assert articles[3].url == "https://dunmore-daily.example/region/veldport-march-dock-strike"


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = write(tmp_path, "a.json", json.dumps([{"id": 7, "text": "First."}, {"text": "Second.", "lang": "en"}]))
    single = write(tmp_path, "b.json", json.dumps({"text": "Alone.", "title": "One"}, indent=2))
    articles, errors = read_all(array, single)
    assert not errors
    assert [(a.source, a.metadata["id"], a.text) for a in articles[:1]] == [(f"{array}#7", 7, "First.")]
    assert articles[1].metadata == {"lang": "en"}
    assert (articles[2].title, articles[2].text) == ("One", "Alone.")


def test_csv_with_semicolons_and_a_multiline_text(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", 'Title;Text;Published\nA;"One paragraph.\n\nAnother one.";3 March 2024\n')
    (article,), errors = read_all(path)
    assert not errors
    assert (article.title, article.text, article.published) == ("A", "One paragraph.\n\nAnother one.", "2024-03-03")
    assert article.source == f"{path}#2"


# -- encodings and line ends -------------------------------------------------------------

ACCENTED = "Café owner Renée Dubois said prices rose 4% — “a naïve hope,” she added.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = ACCENTED if encoding != "latin-1" else ACCENTED.replace("—", "-").replace("“", '"').replace("”", '"')
    path = write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    (article,), errors = read_all(path)
    assert not errors
    assert article.text == text


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "stray.txt", ACCENTED.encode("utf-8") * 3 + b"The mayor\x92s office agreed.\n")
    (article,), errors = read_all(path)
    assert not errors
    assert article.text == ACCENTED * 3 + "The mayor\ufffds office agreed.\n"


def test_utf16_jsonl_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.jsonl", codecs.BOM_UTF16_LE + '{"text": "Zoë said hello."}\n'.encode("utf-16-le"))
    (article,), errors = read_all(path)
    assert not errors and article.text == "Zoë said hello."


def test_crlf_becomes_lf_and_nothing_else_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", STORY.replace("\n", "\r\n") + "  trailing spaces kept  ")
    (article,), _ = read_all(path)
    assert article.text == STORY + "  trailing spaces kept  "


# -- dates and strings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("2024-03-05T23:30:00+01:00", "2024-03-05"),
        ("March 2024", None),
        ("last Tuesday", None),
        ("", None),
        (1709640000, "2024-03-05"),
        (1709640000000, "2024-03-05"),
        (2024, None),
        (True, None),
    ],
)
def test_publication_dates_become_iso_or_none(value: str | int, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_unreadable_date_is_kept_in_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "d.jsonl", json.dumps({"text": "Some news.", "published": "the day after the storm"}) + "\n")
    (article,), errors = read_all(path)
    assert not errors
    assert article.published is None
    assert article.metadata["published_raw"] == "the day after the storm"


def test_a_date_in_the_text_of_a_page_is_no_publication_date() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-04-02T09:00:00Z">', "").replace(
        "</article>", "<p>The harbour office was founded on 12 June 1998 by the city.</p></article>"
    )
    assert article_from_string(page).published is None


def test_article_from_string_reads_text_or_html() -> None:
    text = article_from_string(STORY, published="2024-04-02")
    assert (text.text, text.published, text.source) == (STORY, "2024-04-02", "<string>")
    page = article_from_string(PAGE, source="page")
    assert page.title == "Quay cleared after storm"
    assert page.text.startswith("Quay cleared after storm\n\nHarbour crews worked")


# -- streaming -------------------------------------------------------------------------------


def test_jsonl_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(50_000):
            out.write(json.dumps({"id": f"n{number}", "text": f"Record {number}: the council met again."}) + "\n")
    size = path.stat().st_size
    errors: list[InputError] = []
    with path.open("rb") as stream:
        records = read_jsonl(stream, str(path), on_error=errors.append, max_chars=1_000_000)
        first = next(records)
        assert first.source == f"{path}#n0"
        assert stream.tell() < size / 10  # the rest of the file is still unread
    assert sum(1 for _ in read_paths([path])) == 50_000
    assert not errors


# -- real texts from ../shared ---------------------------------------------------------------


@pytest.mark.shared
def test_seed_article_text_section_and_title() -> None:
    (article,), errors = read_all(need_shared(SEED))
    assert not errors
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.section == "International"
    assert article.title == "Kirby doesn’t know when discussions to resume Israel-Hamas truce will restart"


@pytest.mark.shared
def test_polnear_dev_texts_are_read_verbatim() -> None:
    folder = need_shared(POLNEAR_DEV / "text")
    articles, errors = read_all(folder)
    files = sorted(folder.glob("*.txt"))
    assert not errors
    assert [a.source for a in articles] == [str(f) for f in files]
    for article, file in zip(articles, files, strict=True):
        assert article.text == file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def test_records_with_the_same_id_in_two_files_are_two_articles(tmp_path: Path) -> None:
    for name, town in (("a.jsonl", "Brno"), ("b.jsonl", "Graz")):
        (tmp_path / name).write_text(json.dumps({"id": "1", "text": f"Rain fell in {town} on Monday."}) + "\n")
    articles = list(read_paths([tmp_path]))
    assert len({a.id for a in articles}) == 2
    assert [a.source for a in articles] == [f"{tmp_path / 'a.jsonl'}#1", f"{tmp_path / 'b.jsonl'}#1"]
