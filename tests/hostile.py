"""Hostile inputs, one of each kind that used to stop a batch or vanish without a word (issue 14).

Each is a file name and its bytes; the tests write them beside good articles and check
that the batch goes on and that every file ends stored or failed with its reason.
"""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PROSE = (
    "The harbour office said on Monday that more than 300 workers would return to the docks "
    "after a week-long strike over pay, ending the longest dispute at the port in a decade."
)


def _warc(content_type: str, body: bytes) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://port-news.example/a", "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    return out.getvalue()


def _feed(item: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>{item}</channel></rss>'.encode()


def _item(title: str, text: str, date: str = "") -> bytes:
    published = f"<pubDate>{date}</pubDate>" if date else ""
    return _feed(f"<item><title>{title}</title>{published}<description>{text}</description></item>")


def _jsonl(record: dict[str, object]) -> bytes:
    return (json.dumps(record) + "\n").encode()


def hostile_files() -> dict[str, bytes]:
    """Every crash class and silent drop named in issue 14, as files."""
    page = _warc("text/html", b"<p>x</p>")
    deep = "[" * 5000 + "]" * 5000
    return {
        "control-char-feed.xml": _item("Strike", f"&lt;p&gt;{PROSE}\x01\x02&lt;/p&gt;"),
        "surrogate-ref-feed.xml": _item("Strike &#xD800;", f"{PROSE} &#xDFFF;"),
        "year-9999-feed.xml": _item("Late", PROSE, "Fri, 31 Dec 9999 23:00:00 -0500"),
        "year-0-feed.xml": _item("Early", PROSE + " Early.", "Mon, 01 Jan 0001 00:00:00 +0500"),
        "huge-length.warc": page.replace(b"Content-Length: ", b"Content-Length: 18446744073709551617", 1),
        "broken-record.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n" + PROSE.encode(),
        "deep.json": deep.encode(),
        "deep.jsonl": (json.dumps({"text": PROSE + " Deep."})[:-1] + f', "meta": {deep}}}\n').encode(),
        "surrogate.jsonl": _jsonl({"text": PROSE + " \ud800 Lone.", "url": "https://x.example/\udc00"}),
        "nul-nan.jsonl": _jsonl({"text": PROSE + " \x00 NUL.", "score": float("nan"), "rank": float("inf")}),
        "plain-text-warc.warc": _warc("text/plain", PROSE.encode()),
        "only-header.warc": b"WARC/1.0",
        "starts-warc.txt": b"WARC/ is how this note starts, and then it is prose: " + PROSE.encode(),
        "header-only.csv": b"id,title,text\n",
        "punctuation.txt": PROSE.encode() + b" " + b"&" * 20_000,
        "bomb.jsonl.gz": gzip.compress(b"\n" * 30_000_000, compresslevel=9),
    }
