"""Outlets: read from file names and from a metadata table, then a filter and a facet on every count.

A researcher asks "which outlets quote this person, and how often?" and "who was quoted
most about X between two dates, in one outlet?". The store here holds our sample
articles (examples/) under the file names corpora use (outlet_day_title.txt) and three
short stories of our own, whose outlets, dates and titles come from a metadata table.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES, SHARED
from typer.testing import CliRunner

import newsgraph.pipeline
from newsgraph.api import create_app
from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.ingest import read_paths
from newsgraph.ingest.metadata import outlet_in
from newsgraph.ingest.sidecar import read_sidecar
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"
POLNEAR_METADATA = SHARED / "data" / "polnear" / "metadata.tsv"

# Three short stories of our own, as plain text with no outlet, day or title in them.
STORIES = {
    "ferry-strike.txt": (
        "Ferry crews on the Veldport line stopped work on Monday morning.\n\n"
        "“We will not sail until the company listens,” said Marta Vos, who leads the crews’ union. "
        "Harbour master Tomas Keel said the strike had stranded about 400 travellers."
    ),
    "bridge-tolls.txt": (
        "The city council voted to scrap tolls on the Linden bridge.\n\n"
        "“Nobody should pay to cross their own river,” Mayor Ana Ortiz said after the vote. "
        "Marta Vos said the ferry crews welcomed the decision but wanted a fair deal of their own."
    ),
    "market-fire.txt": (
        "A fire closed the fish market in Dunmore overnight.\n\n"
        "“The stalls are gone, but nobody was hurt,” fire chief Lena Hart said. "
        "Mayor Ana Ortiz promised help for the traders by Friday."
    ),
}
SIDECAR = (
    "filename\tpublisher\tpublication_date\ttitle\tauthor\n"
    "ferry-strike\tHarbour Gazette\t2024-04-01\tFerry crews stop work\tJan Brink\n"
    "bridge-tolls.txt\tThe Veldport Courier\t2024-04-03\tCouncil scraps bridge tolls\tNell Aker\n"
    "market-fire\tHarbour Gazette\t2024-04-05\tFire closes fish market\tJan Brink\n"
    "ghost-story\tNowhere News\t2024-02-30\tA day that never was\tNobody\n"
    "short-row\tToo Few\n"
    "market-fire\tSomeone Else\t2024-04-06\tA second row for one file\tX\n"
)
# Two of our samples under the names corpora give their files: outlet, day, title.
RENAMED = {
    "01_port_strike_courier.txt": "veldport-courier_2024-03-05_dock-workers-walk-out.txt",
    "03_linden_bridge.txt": "linden-post_2024-03-07_bridge-reopens.txt",
}


def test_the_outlet_is_read_from_a_file_name_only_when_it_is_clearly_outlet_day_title() -> None:
    assert outlet_in("breitbart_2016-09-12_stealth-over-health.txt") == "breitbart"
    assert outlet_in("huff-post_2016-09-16_black-lawmakers.txt") == "huff-post"
    assert outlet_in("usa-today_2016-10-02_x.txt") == "usa-today"
    for name in (
        "01_port_strike_courier.txt",  # no day
        "article_2016-09-12_budget.txt",  # names what the file is, not who published it
        "breitbart_2016-13-45_no-such-day.txt",  # no such day
        "breitbart_2016-09-12.txt",  # no title after the day
        "my notes 2016-09-12 budget.txt",  # words, not a name
        "x_2016-09-12_y.txt",  # one letter is no name
        "2016-09-12_budget.txt",
    ):
        assert outlet_in(name) is None, name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outlets") / "news"
    folder.mkdir()
    for old, new in RENAMED.items():
        shutil.copy(EXAMPLES / old, folder / new)
    shutil.copy(EXAMPLES / "02_port_strike_radio.html", folder)
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder.parent / "metadata.tsv").write_text(SIDECAR, encoding="utf-8")
    return folder


def test_a_metadata_table_gives_each_file_its_outlet_day_title_and_author(corpus: Path) -> None:
    sidecar = read_sidecar(corpus.parent / "metadata.tsv")
    problems = [str(p) for p in sidecar.problems]
    assert len(problems) == 3, problems
    assert any(":5:" in p and "2024-02-30" in p and "not a whole day" in p for p in problems)
    assert any(":6:" in p and "2 fields where the header has 5" in p for p in problems)
    assert any(":7:" in p and "named a second time" in p for p in problems)
    read = {Path(a.source or "").name: a for a in read_paths([corpus], sidecar=sidecar)}
    ferry = read["ferry-strike.txt"]
    assert (ferry.metadata["outlet"], ferry.published, ferry.title, ferry.metadata["author"]) == (
        "Harbour Gazette",
        "2024-04-01",
        "Ferry crews stop work",
        "Jan Brink",
    )
    # The first row of a file named twice is kept; a name with its extension finds its file too.
    assert read["market-fire.txt"].metadata["outlet"] == "Harbour Gazette"
    assert read["bridge-tolls.txt"].metadata["outlet"] == "The Veldport Courier"
    # Files the table does not name keep what their names and pages say.
    assert read[RENAMED["01_port_strike_courier.txt"]].metadata["outlet"] == "veldport-courier"
    assert read[RENAMED["01_port_strike_courier.txt"]].published == "2024-03-05"
    assert read[RENAMED["03_linden_bridge.txt"]].metadata["outlet"] == "linden-post"
    assert read["02_port_strike_radio.html"].metadata["outlet"] == "radio-veldport.example"


def test_a_table_with_no_file_column_is_refused_with_its_columns_named(tmp_path: Path) -> None:
    table = tmp_path / "meta.csv"
    table.write_text("publisher,title\nHarbour Gazette,Ferry crews stop work\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no column naming the file .*\['publisher', 'title'\]"):
        read_sidecar(table)


@pytest.fixture(scope="module")
def store(corpus: Path, extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(str(tmp_path_factory.mktemp("outlet-store") / "news.db")) as opened:
        report = opened.ingest([corpus], extractor=extractor, metadata=corpus.parent / "metadata.tsv")
        assert report.new == 6
        # Each unusable row of the table is a failed input, named with its line; the articles all went in.
        assert sorted(source.rsplit(":", 1)[-1] for source, _ in report.failed) == ["5", "6", "7"]
        yield opened


def test_quotes_speakers_events_and_entities_narrow_to_one_outlet(store: Store) -> None:
    everything = store.quotes(limit=500)
    gazette = store.quotes(outlet="gazette", limit=500)
    assert 0 < gazette.total < everything.total
    assert {row.outlet for row in gazette.items} == {"Harbour Gazette"}
    assert {row.article_title for row in gazette.items} == {"Ferry crews stop work", "Fire closes fish market"}
    # Who is quoted in the Gazette: Marta Vos and Lena Hart, but not the mayor (quoted by the Courier).
    speakers = {row.name for row in store.speakers(outlet="Harbour Gazette").items}
    assert {"Marta Vos", "Lena Hart"} <= speakers and "Ana Ortiz" not in speakers
    named = {row.name for row in store.entities(outlet="linden-post", limit=200).items}
    everyone = {row.name for row in store.entities(limit=500).items}
    assert named and named < everyone and "Marta Vos" not in named
    told = store.events(outlet="veldport-courier", limit=100)
    assert 0 < told.total < store.events(limit=100).total
    outlets = {row.id: row.outlet for row in store.articles(limit=100).items}
    assert all(any(outlets[a] == "veldport-courier" for a in row.article_ids) for row in told.items)


def test_the_outlet_facet_counts_which_outlets_quote_a_person(store: Store) -> None:
    vos = store.entity("Marta Vos")
    said = store.quote_facets(speaker_id=vos.id)
    outlets = {c.label: c.count for c in said.facets["outlet"]}
    assert outlets == {
        "Harbour Gazette": store.quotes(speaker_id=vos.id, outlet="Harbour Gazette").total,
        "The Veldport Courier": store.quotes(speaker_id=vos.id, outlet="The Veldport Courier").total,
    }
    assert sum(outlets.values()) == said.total
    # The same counts from the counts kept in memory (what the web server uses).
    store.tallies.read()
    assert store.quote_facets(speaker_id=vos.id).to_dict() == said.to_dict()
    assert store.quote_facets(outlet="gazette").to_dict()["total"] == store.quotes(outlet="gazette").total


def test_the_web_page_api_and_exports_answer_with_one_query_string(store: Store) -> None:
    client = TestClient(create_app(store))
    listed = client.get("/api/quotes", params={"outlet": "Harbour Gazette", "limit": 500}).json()
    facets = client.get("/api/quotes/facets", params={"outlet": "Harbour Gazette"}).json()
    exported = list(csv.DictReader(io.StringIO(client.get("/api/quotes.csv?outlet=Harbour+Gazette").text)))
    assert listed["total"] == facets["total"] == len(exported) > 0
    assert [row["id"] for row in exported] == [str(item["id"]) for item in listed["items"]]
    assert {c["label"] for c in facets["facets"]["outlet"]} == {"Harbour Gazette"}
    page = client.get("/quotes", params={"outlet": "Harbour Gazette"}).text
    assert 'id="f-outlet">Outlets<' in page and 'value="Harbour Gazette"' in page
    vos = store.entity("Marta Vos")
    person = client.get(f"/entities/{vos.id}").text
    assert "Which outlets quote them" in person
    assert f"/quotes?speaker={vos.id}&amp;outlet=Harbour%20Gazette" in person
    for path in ("/api/speakers", "/api/events", "/api/entities", "/api/events/facets", "/api/speakers.csv"):
        assert client.get(path, params={"outlet": "gazette"}).status_code == 200, path
    assert client.get("/api/entities.json", params={"outlet": "linden-post"}).json()


def test_the_command_line_takes_the_table_and_the_outlet_filter(
    corpus: Path, extractor: Extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newsgraph.pipeline, "_default", extractor)
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    ingested = runner.invoke(
        app, ["ingest", str(corpus), "--db", db, "--metadata", str(corpus.parent / "metadata.tsv")]
    )
    # Three rows of the table could not be used: said on a line each, and the exit code says some input failed.
    assert ingested.exit_code == 1, ingested.output
    assert "metadata.tsv:5: ghost-story: the date '2024-02-30' is not a whole day" in ingested.output
    assert "new: 6" in ingested.output
    quoted = runner.invoke(app, ["speakers", "--outlet", "Harbour Gazette", "--db", db, "--csv"])
    assert quoted.exit_code == 0 and "Marta Vos" in quoted.output and "Ana Ortiz" not in quoted.output
    missing = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--metadata", str(tmp_path / "none.tsv")])
    assert missing.exit_code == 2 and "cannot read the metadata table" in missing.output


@pytest.mark.shared
def test_polnear_dev_files_get_the_outlets_their_names_and_table_give() -> None:
    if not POLNEAR_DEV.is_dir() or not POLNEAR_METADATA.is_file():
        pytest.skip(f"PolNeAR is absent ({POLNEAR_DEV}): its dev texts are in ../shared, outside this repository")
    published = {}
    with POLNEAR_METADATA.open(encoding="utf-8") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            published[row["filename"]] = (row["publisher"], row["publication_date"], row["title"])
    by_name = list(read_paths([POLNEAR_DEV]))
    assert len(by_name) == 84
    for article in by_name:
        stem = Path(article.source or "").stem
        assert (article.metadata.get("outlet"), article.published) == published[stem][:2], stem
    sidecar = read_sidecar(POLNEAR_METADATA)
    assert not sidecar.problems
    with_table = list(read_paths([POLNEAR_DEV], sidecar=sidecar))
    assert all(article.title == published[Path(article.source or "").stem][2] for article in with_table)
