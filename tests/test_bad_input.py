"""Bad input: each bad file or record gets one clear line naming it and its problem; the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import zlib
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.ingest import article_from_string, read_paths
from newsgraph.model import Article

GOOD = "Harbour crews cleared the quay on Tuesday. “We are ready,” said Mira Olsen, the harbour master.\n"
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>The harbour office said on Monday that more than 300 workers would return to the docks "
    "after a week-long strike over pay, ending the longest dispute at the port in a decade.</p>"
    "<p>Talks on the new contract will resume next month, the office added.</p></article></body></html>"
)


def read_all(*paths: str | Path) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    return list(read_paths(list(paths), on_error=errors.append)), errors


def warc_gz(records: int) -> bytes:
    """A gzipped WARC with ``records`` HTML responses."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number in range(records):
        page = PAGE.format(title=f"Dock strike ends, part {number}").encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://port-news.example/{number}", "response", payload=io.BytesIO(page), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def cut_after_records(data: bytes, kept: int) -> bytes:
    """The gzipped WARC cut in the middle of the record after the first ``kept``."""
    offsets, position = [], 0
    while position < len(data):
        inflate = zlib.decompressobj(wbits=31)
        inflate.decompress(data[position:])
        offsets.append(position)
        position = len(data) - len(inflate.unused_data)
    offsets.append(len(data))
    return data[: offsets[kept] + (offsets[kept + 1] - offsets[kept]) // 2]


@pytest.fixture
def junk_folder(tmp_path: Path) -> Path:
    """Good articles mixed with every kind of junk the issue lists."""
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.html").write_text(PAGE.format(title="Dock strike ends"), encoding="utf-8")
    (folder / "binary.dat").write_bytes(random.Random(7).randbytes(4096))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "invalid-utf8.txt").write_bytes(b"\x80\x81\x8d\x8f\x90\x9d\xfe\xff" * 64)
    (folder / "truncated.warc.gz").write_bytes(cut_after_records(warc_gz(3), kept=2))
    lines = [json.dumps({"id": f"r{n}", "text": f"Record {n}: the council met on Friday."}) for n in range(4)]
    lines[2] = '{"id": "r2", "text": "broken" "quote"}'
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "menu.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<footer>© Port News</footer></body></html>",
        encoding="utf-8",
    )
    with (folder / "huge.txt").open("wb") as big:
        big.write(GOOD.encode("utf-8"))
        big.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, a few bytes on disk
    return folder


def test_junk_folder_reads_every_good_article_and_names_every_bad_file_once(junk_folder: Path) -> None:
    articles, errors = read_all(junk_folder)
    read = sorted((a.source or "").removeprefix(f"{junk_folder}/") for a in articles)
    assert read == [
        "good.html",
        "good.txt",
        "records.jsonl#r0",
        "records.jsonl#r1",
        "records.jsonl#r3",
        "truncated.warc.gz#https://port-news.example/0",
        "truncated.warc.gz#https://port-news.example/1",
    ]
    problems = {Path(e.path).name: (e.line, e.problem) for e in errors}
    assert len(errors) == len(problems) == 7
    assert problems["binary.dat"] == (None, "binary content, not text")
    assert problems["empty.txt"] == (None, "empty file")
    assert problems["invalid-utf8.txt"][1] == "binary content, not text"
    assert problems["truncated.warc.gz"] == (None, "truncated gzip stream after 2 records")
    assert problems["records.jsonl"] == (3, "malformed JSON (Expecting ',' delimiter)")
    assert problems["menu.html"] == (None, "no article text found in the HTML")
    assert problems["huge.txt"][1].startswith("too large")


def test_messages_are_one_line_with_code_file_and_line(junk_folder: Path) -> None:
    _, errors = read_all(junk_folder)
    for error in errors:
        assert "\n" not in str(error)
        assert str(error).startswith("[E010] ")
    lines = {str(e) for e in errors}
    assert f"[E010] {junk_folder / 'records.jsonl'}:3: malformed JSON (Expecting ',' delimiter)" in lines
    assert f"[E010] {junk_folder / 'empty.txt'}: empty file" in lines


def test_cli_skips_the_junk_and_exits_1(junk_folder: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(junk_folder), "--format", "jsonl"])
    assert result.exit_code == 1
    sources = [json.loads(line)["article"]["source"] for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(sources) == 7
    for name in ("binary.dat", "empty.txt", "records.jsonl:3", "truncated.warc.gz", "menu.html", "huge.txt"):
        assert f"{name}: " in result.stderr, name


def test_bad_records_are_named_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "Good one."}\n'
        '{"title": "no text here"}\n'
        '{"text": 42}\n'
        "[1, 2]\n"
        "\n"
        '{"text": "   "}\n'
        '{"text": "Good two."}\n',
        encoding="utf-8",
    )
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["Good one.", "Good two."]
    assert [(e.line, e.problem) for e in errors] == [
        (2, "no 'text' field in the record"),
        (3, "'text' is a number, not a string"),
        (4, "a record must be a JSON object, not a list"),
        (6, "'text' is empty"),
    ]


def test_a_broken_first_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "first.jsonl"
    path.write_text('{"text": "cut short\n{"text": "Whole."}\n', encoding="utf-8")
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["Whole."]
    assert [(e.line, e.problem) for e in errors] == [(1, "malformed JSON (Invalid control character)")]


def test_broken_json_array_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "array.json"
    path.write_text('[\n  {"text": "First."},\n  {"text": "Second."},\n  {"text": "Third" oops}\n]\n', encoding="utf-8")
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["First.", "Second."]
    assert [(e.line, e.problem) for e in errors] == [(4, "malformed JSON (Expecting ',' delimiter)")]


def test_truncated_gzip_of_records(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Record {n} {random.Random(n).random()}"}) + "\n" for n in range(2000))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = read_all(path)
    assert 0 < len(articles) < 2000
    assert [e.problem for e in errors] == [f"truncated gzip stream after {len(articles)} records"]


def test_truncated_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    data = gzip.decompress(warc_gz(2))
    path.write_bytes(data[: len(data) - 200])
    articles, errors = read_all(path)
    assert len(articles) == 1
    assert [e.problem for e in errors] == ["truncated WARC after 1 record"]


def test_csv_without_text_column_and_empty_html(tmp_path: Path) -> None:
    table = tmp_path / "scores.csv"
    table.write_text("team,points\nHolm,3\n", encoding="utf-8")
    page = tmp_path / "blank.html"
    page.write_text("<!doctype html><html><body></body></html>", encoding="utf-8")
    _, errors = read_all(table, page, tmp_path / "missing.txt")
    assert [e.problem for e in errors] == [
        "a table without a 'text' column (columns: team, points)",
        "no article text found in the HTML",
        "no such file or folder",
    ]


def test_a_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>')
    _, errors = read_all(path)
    assert [e.problem for e in errors] == ["a feed with no entries"]


def test_oversized_record_is_refused_without_stopping_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"text": "x " * 60_000}) + "\n" + json.dumps({"text": "Small and fine."}) + "\n", encoding="utf-8"
    )
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["Small and fine."]
    assert errors[0].line == 1 and errors[0].problem.startswith("too large: 120,000 characters")


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "“",
        "\x00\x01\x02",
        "<html>",
        "<html><body>" + "<div>" * 5000 + "</body></html>",
        "\n" * 10_000,
        "word " * 50_000,
    ],
)
def test_article_from_string_never_crashes(junk: str) -> None:
    try:
        article = article_from_string(junk)
    except InputError as error:
        assert str(error).startswith("[E010] <string>")
    else:
        assert article.text


def test_examples_folder_reads_without_a_single_error() -> None:
    articles, errors = read_all(EXAMPLES)
    assert not errors
    assert len(articles) == 11
    assert os.path.commonpath([a.source or "" for a in articles]) == str(EXAMPLES)


def test_an_endless_json_line_is_skipped_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"text": "' + "word " * 500_000 + '"}\n')
        out.write(json.dumps({"text": "The short one after it."}) + "\n")
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["The short one after it."]
    assert [(e.line, e.problem) for e in errors] == [(1, "too large: a line of more than 200,000 characters")]


def _page_in_markup(paragraphs: int, script_bytes: int) -> str:
    """A news page whose scripts and styles outweigh its text, as real pages' do."""
    body = "".join(
        f"<p>Paragraph {n}: the harbour office said the dock workers would return on Monday after the strike.</p>"
        for n in range(paragraphs)
    )
    script = "<script>var tracking = '" + "a" * script_bytes + "';</script>"
    return f"<html><head><title>Dock strike ends</title>{script}</head><body><article>{body}</article></body></html>"


def test_a_page_heavy_with_markup_is_read_whole(tmp_path: Path) -> None:
    """Real pages carry ten times their text in markup: the character limit is on the text."""
    page = _page_in_markup(paragraphs=40, script_bytes=1_500_000)
    (tmp_path / "heavy.html").write_text(page, encoding="utf-8")
    out = io.BytesIO()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warc_record(
            "https://port-news.example/heavy", "response", payload=io.BytesIO(page.encode()), http_headers=headers
        )
    )
    (tmp_path / "heavy.warc.gz").write_bytes(out.getvalue())
    articles, errors = read_all(tmp_path)
    assert errors == []
    assert len(articles) == 2
    assert all("Paragraph 39:" in article.text for article in articles)


def test_a_page_whose_text_is_over_the_limit_is_refused_by_its_characters(tmp_path: Path) -> None:
    (tmp_path / "long.html").write_text(_page_in_markup(paragraphs=1_200, script_bytes=0), encoding="utf-8")
    articles, errors = read_all(tmp_path)
    assert articles == []
    assert len(errors) == 1
    assert re.match(r"too large: [\d,]+ characters is over the limit of 100,000", errors[0].problem)
