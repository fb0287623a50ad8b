"""Real corpora as users bring them: mixed languages, headlines with periods, dates in file
names and URLs, outlets from wherever they are written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, POLNEAR_DEV, need_shared
from tests.test_cli_store import pipeline, run  # noqa: F401  (the pipeline fixture is used by name)

from newsgraph.ingest import read_paths
from newsgraph.ingest.language import detect
from newsgraph.ingest.metadata import date_in, domain
from newsgraph.store import Store

# Paragraphs written for this test, one language each.
GERMAN = (
    "Der Stadtrat von Veldport hat am Dienstag beschlossen, die alte Hafenbrücke für drei Wochen zu sperren. "
    "„Wir haben keine andere Wahl“, sagte Bürgermeisterin Ana Ortiz nach der Sitzung. Die Arbeiten sollen im Mai "
    "beginnen, und der Verkehr wird über die Nordstraße umgeleitet."
)
FRENCH = (
    "Le conseil municipal de Veldport a décidé mardi de fermer le vieux pont du port pendant trois semaines. "
    "« Nous n'avons pas le choix », a déclaré la maire Ana Ortiz après la réunion. Les travaux doivent commencer "
    "en mai et la circulation sera déviée par la rue du Nord."
)
SPANISH = (
    "El ayuntamiento de Veldport decidió el martes cerrar el viejo puente del puerto durante tres semanas. "
    "«No tenemos otra opción», dijo la alcaldesa Ana Ortiz después de la reunión. Las obras comenzarán en mayo "
    "y el tráfico se desviará por la calle Norte."
)
ENGLISH = (
    "Veldport's council decided on Tuesday to close the old harbour bridge for three weeks. "
    "“We have no other choice,” Mayor Ana Ortiz said after the meeting. Work is to begin in May and "
    "traffic will be sent along North Street."
)


def mixed_folder(folder: Path) -> Path:
    folder.mkdir()
    for name, text in (("de.txt", GERMAN), ("fr.txt", FRENCH), ("es.txt", SPANISH), ("en.txt", ENGLISH)):
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (ENGLISH, "en")])
def test_language_is_detected(text: str, language: str) -> None:
    assert detect(text) == language


def test_too_few_words_have_no_language() -> None:
    assert detect("Ana Ortiz") is None


@pytest.mark.usefixtures("pipeline")
def test_mixed_language_folder_is_stored_whole_but_only_english_is_extracted(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path / "mixed")
    db = str(tmp_path / "mixed.db")
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "new: 4" in result.output
    assert "not in the model's language (en), stored without extraction: 3" in result.output
    for language, name in (("de", "de.txt"), ("es", "es.txt"), ("fr", "fr.txt")):
        assert f"  {language}  {folder / name}" in result.output
    with Store(db) as store:
        rows = {Path(row.source or "").name: row for row in store.articles().items}
        assert {name: row.language for name, row in rows.items()} == {
            "de.txt": "de",
            "fr.txt": "fr",
            "es.txt": "es",
            "en.txt": "en",
        }
        assert {q.article_id for q in store.quotes().items} == {rows["en.txt"].id}
        assert rows["de.txt"].quotes == rows["de.txt"].entities == 0
        assert store.articles(q="Hafenbrücke").total == 1  # stored, and found by a search


@pytest.mark.usefixtures("pipeline")
def test_extract_prints_other_languages_without_english_quotes(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path / "mixed")
    result = run("extract", folder, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    printed = {Path(d["article"]["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert set(printed) == {"de.txt", "fr.txt", "es.txt", "en.txt"}
    assert printed["en.txt"]["quotes"]
    for name in ("de.txt", "fr.txt", "es.txt"):
        assert printed[name]["quotes"] == printed[name]["entities"] == []
    assert f"not in the model's language (en): de  {folder / 'de.txt'}" in result.stderr


@pytest.mark.usefixtures("pipeline")
def test_lang_overrides_detection(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path / "mixed")
    result = run("ingest", folder / "en.txt", "--db", tmp_path / "x.db", "--lang", "de")
    assert "stored without extraction: 1" in result.output
    assert run("ingest", folder, "--db", tmp_path / "x.db", "--lang", "english").exit_code == 2  # a usage error


def test_dates_in_file_names_and_urls() -> None:
    assert date_in("breitbart_2016-09-12_stealth-over-health.txt") == "2016-09-12"
    assert date_in("https://example.org/news/2019/08/30/storm-warning") == "2019-08-30"
    assert date_in("report_20240311.txt") == "2024-03-11"
    assert date_in("story-1234567890.txt") is None  # an id, not a date
    assert date_in("2016-13-45.txt") is None
    assert domain("https://www.bbc.co.uk/news/x") == "bbc.co.uk"


def test_sample_corpus_articles_carry_their_outlets() -> None:
    outlets = {Path(a.source or "").name: a.metadata.get("outlet") for a in read_paths([EXAMPLES])}
    assert outlets["05_warehouse_arrests.html"] == "The Veldport Courier"  # og:site_name
    feed = [a for a in read_paths([EXAMPLES / "08_radio_veldport.rss"])]
    assert {a.metadata["outlet"] for a in feed} == {"Radio Veldport: News"}  # the feed's title
    (record,) = read_paths([EXAMPLES / "07_fishermen.csv"])
    assert record.metadata["outlet"] == "harbour-gazette.example"  # the URL's domain


@pytest.mark.usefixtures("pipeline")
def test_outlet_option_wins_and_articles_filter_on_it(tmp_path: Path) -> None:
    db = str(tmp_path / "o.db")
    assert run("ingest", EXAMPLES / "05_warehouse_arrests.html", "--db", db).exit_code == 0
    assert run("ingest", EXAMPLES / "03_linden_bridge.txt", "--db", db, "--outlet", "Linden Post").exit_code == 0
    listed = json.loads(run("articles", "--db", db, "--outlet", "linden", "--json").output)
    assert [row["outlet"] for row in listed["items"]] == ["Linden Post"]
    listed = json.loads(run("articles", "--db", db, "--outlet", "courier", "--json").output)
    assert [row["outlet"] for row in listed["items"]] == ["The Veldport Courier"]


def test_a_jsonl_record_names_its_outlet(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    record = {"text": ENGLISH, "publisher": "North Star", "url": "https://northstar.example/a"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = read_paths([path])
    assert article.metadata["outlet"] == "North Star"


@pytest.mark.shared
def test_polnear_dev_articles_get_their_headlines_and_dates() -> None:
    articles = list(read_paths([need_shared(POLNEAR_DEV / "text")]))
    assert len(articles) == 84
    assert all(a.title for a in articles)
    assert all(a.published == Path(a.source or "").name.split("_")[1] for a in articles)
    first = next(a for a in articles if "stealth-over-health" in (a.source or ""))
    assert first.title == "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics."
