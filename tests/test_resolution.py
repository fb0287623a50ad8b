"""Entity resolution across the store: one record per person, namesakes apart, types voted, corrections kept."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES, POLNEAR_DEV, need_shared
from tests.test_store_linking import story
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import CorrectionError, SplitNameNotFound
from newsgraph.eval.people import most_quoted_people
from newsgraph.ingest import read_paths
from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor
from newsgraph.store import Store
from newsgraph.store.resolution import Counted, Override, Signature, plan, signature_of

PERSON = "PERSON"


def counted(family: str, key: str, type: str = PERSON, articles: int = 1, hint: str = "", beside: int = 0) -> Counted:
    return Counted(Signature(family, key, type, hint), key.title(), articles, articles, beside)


def records(family: str, rows: Sequence[Counted], overrides: Sequence[Override] = ()) -> dict[str, tuple[str, str]]:
    """Each signature's (key|type|hint) -> the (type, key) of its record."""
    found = plan(family, rows, overrides)
    return {f"{s.key}|{s.type}|{s.hint}": (t.type, t.key) for s, t in found.items()}


def test_full_names_are_one_record_per_first_name_with_middle_names_and_initials_folded() -> None:
    rows = [counted("trump", "donald trump", articles=40), counted("trump", "donald j trump", articles=7)]
    rows.append(counted("trump", "ivanka trump"))
    got = records("trump", rows)
    assert got["donald trump|PERSON|"] == got["donald j trump|PERSON|"] == (PERSON, "donald trump")
    assert got["ivanka trump|PERSON|"] == (PERSON, "ivanka trump")


def test_a_bare_surname_typed_org_in_a_few_articles_is_the_person_by_vote() -> None:
    rows = [counted("trump", "donald trump", articles=40), counted("trump", "trump", "ORG", articles=4)]
    found = plan("trump", rows)
    target = found[rows[1].signature]
    assert (target.type, target.key) == (PERSON, "donald trump")
    assert "type voted over articles (PERSON over ORG)" in target.reason


def test_a_place_named_as_often_as_a_surname_stays_a_place_unless_it_stood_beside_the_full_name() -> None:
    jordan = [counted("jordan", "michael jordan"), counted("jordan", "jordan", "GPE")]
    assert records("jordan", jordan)["jordan|GPE|"] == ("GPE", "jordan")
    beside = [counted("duvernay", "ava duvernay"), counted("duvernay", "duvernay", "GPE", beside=1)]
    assert records("duvernay", beside)["duvernay|GPE|"] == (PERSON, "ava duvernay")


def test_namesakes_stay_apart_and_a_bare_surname_goes_by_title_else_the_leading_one_else_alone() -> None:
    hillary = counted("clinton", "hillary clinton", articles=40, hint="t:secretary of state")
    bill = counted("clinton", "bill clinton", articles=10, hint="t:president")
    by_title = counted("clinton", "clinton", hint="t:president")
    bare = counted("clinton", "clinton")
    got = records("clinton", [hillary, bill, by_title, bare])
    assert got["hillary clinton|PERSON|t:secretary of state"] == (PERSON, "hillary clinton")
    assert got["bill clinton|PERSON|t:president"] == (PERSON, "bill clinton")
    assert got["clinton|PERSON|t:president"] == (PERSON, "bill clinton")  # "former President Clinton"
    assert got["clinton|PERSON|"] == (PERSON, "hillary clinton")  # four times as reported
    close = [counted("smith", "mary smith", articles=3), counted("smith", "john smith", articles=2)]
    alone = records("smith", [*close, counted("smith", "smith")])
    assert alone["smith|PERSON|"] == (PERSON, "smith")  # neither leads by twice: who is unknown


def test_a_bare_surname_joins_a_full_name_of_other_articles_only_when_it_is_named_in_two() -> None:
    once = records("cohen", [counted("cohen", "noam cohen"), counted("cohen", "cohen")])
    assert once["cohen|PERSON|"] == (PERSON, "cohen")  # Michael Cohen in one story, Noam Cohen in another
    twice = records("cohen", [counted("cohen", "noam cohen", articles=2), counted("cohen", "cohen")])
    assert twice["cohen|PERSON|"] == (PERSON, "noam cohen")
    beside = records("cohen", [counted("cohen", "noam cohen"), counted("cohen", "cohen", "ORG", beside=1)])
    assert beside["cohen|ORG|"] == (PERSON, "noam cohen")  # in its own article, beside the full name


def test_namesakes_do_not_add_up_to_outvote_a_bare_name_typed_otherwise() -> None:
    rows = [counted("ford", f"{first} ford") for first in ("dale", "john", "mike")]
    got = records("ford", [*rows, counted("ford", "ford", "ORG", articles=3)])
    assert got["ford|ORG|"] == ("ORG", "ford")  # three Fords named in full do not make the carmaker a person


def test_full_names_one_article_used_for_one_person_join_across_articles() -> None:
    rows = [counted("biden", "joseph biden", hint="a:joe biden"), counted("biden", "joe biden", articles=3)]
    got = records("biden", rows)
    assert got["joseph biden|PERSON|a:joe biden"] == got["joe biden|PERSON|"]


def test_particles_belong_to_the_surname_and_titles_are_compared_written_out() -> None:
    entity = story("Sen. Bill de Blasio spoke.", "2024-05-01", ("Bill de Blasio", PERSON, ["Bill de Blasio"]))
    found = entity.entities[0]
    found.titles = ["former Sen."]
    signature = signature_of(found)
    assert signature is not None
    assert (signature.family, signature.hint) == ("de blasio", "t:senator")


def test_corrections_by_hand_win_over_the_plan() -> None:
    rows = [counted("clinton", "hillary clinton", articles=40), counted("clinton", "clinton")]
    split = records("clinton", rows, [Override("split", PERSON, "clinton")])
    assert split["clinton|PERSON|"] == (PERSON, "clinton")
    merged = records("clinton", rows, [Override("merge", PERSON, "hillary clinton", PERSON, "hillary rodham")])
    assert set(merged.values()) == {(PERSON, "hillary rodham")}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "resolve.db")) as opened:
        yield opened


def ortiz_stories() -> list[Extraction]:
    return [
        story("Mayor Ana Ortiz spoke. Ortiz left.", "2024-05-01", ("Ana Ortiz", PERSON, ["Ana Ortiz", "Ortiz"])),
        story("Ortiz opened the bridge.", "2024-05-02", ("Ortiz", PERSON, ["Ortiz"])),
        story("Luis Ortiz fished.", "2024-05-03", ("Luis Ortiz", PERSON, ["Luis Ortiz"])),
        story("Ana Ortiz won.", "2024-05-04", ("Ana Ortiz", PERSON, ["Ana Ortiz"])),
    ]


def test_merge_and_split_are_kept_for_articles_added_later(store: Store) -> None:
    for extraction in ortiz_stories():
        store.add(extraction)
    ana, luis = store.entity("Ana Ortiz"), store.entity("Luis Ortiz")
    assert ana.counts["articles"] == 3  # her two and the bare "Ortiz" (she leads Luis two articles to one)
    store.merge_entities(ana.id, luis.id)
    assert store.entity(ana.id).counts["articles"] == 4
    assert store.entities(q="luis").total == 1 and store.entities(q="luis").items[0].id == ana.id
    store.add(story("Luis Ortiz sailed.", "2024-05-05", ("Luis Ortiz", PERSON, ["Luis Ortiz"])))
    assert store.entity(ana.id).counts["articles"] == 5  # the merge holds for a later article
    apart = store.split_entity(ana.id, "Ortiz")
    assert apart != ana.id and store.entity(apart).counts["articles"] == 1
    store.add(story("Ortiz sang.", "2024-05-06", ("Ortiz", PERSON, ["Ortiz"])))
    assert store.entity(apart).counts["articles"] == 2  # and so does the split
    assert [r.reason for r in store.explain(apart)] == ["split by hand"]
    with pytest.raises(SplitNameNotFound, match=r"\[E051\]"):
        store.split_entity(ana.id, "Nobody")
    with pytest.raises(CorrectionError, match=r"\[E050\]"):
        store.merge_entities(ana.id, ana.id)


def snapshot(store: Store) -> set[Any]:
    """What resolution decided, without ids: each record's name and type with the mentions it holds,
    and each quote's speaker record."""
    with store.reading() as connection:
        rows = connection.exec_driver_sql(
            "SELECT e.name, e.type, ae.article_id, ae.local_id FROM article_entities ae "
            "JOIN entities e ON e.id = ae.entity_id WHERE ae.family IS NOT NULL"
        ).all()
        said = connection.exec_driver_sql(
            "SELECT q.article_id, q.local_id, e.name, e.type, e.articles, e.quotes FROM quotes q "
            "JOIN entities e ON e.id = q.speaker_entity_id"
        ).all()
    held: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for name, type, article_id, local_id in rows:
        held.setdefault((name, type), set()).add((article_id, local_id))
    return {(key, frozenset(members)) for key, members in held.items()} | {tuple(row) for row in said}


def test_the_same_records_whatever_the_order_of_the_articles(tmp_path: Path) -> None:
    stories = ortiz_stories()
    with Store(str(tmp_path / "one.db")) as one, Store(str(tmp_path / "two.db")) as two:
        for extraction in stories:
            one.add(extraction)
        for extraction in reversed(stories):
            two.add(extraction)
        assert snapshot(one) == snapshot(two)


@pytest.fixture(scope="module")
def examples(extractor: Extractor) -> list[Extraction]:
    return [extractor.extract(article) for article in read_paths([EXAMPLES])]


@pytest.mark.slow
def test_the_sample_corpus_resolves_alike_in_two_orders_and_after_a_rebuild(
    tmp_path: Path, examples: list[Extraction]
) -> None:
    with Store(str(tmp_path / "one.db")) as one, Store(str(tmp_path / "two.db")) as two:
        for extraction in examples:
            one.add(extraction)
        for extraction in reversed(examples):
            two.add(extraction)
        assert snapshot(one) == snapshot(two)
        before = snapshot(one)
        one.resolve()
        assert snapshot(one) == before


@pytest.fixture(scope="module")
def polnear(extractor: Extractor) -> list[Extraction]:
    folder = need_shared(POLNEAR_DEV / "text")
    return [extractor.extract(article) for article in read_paths([folder])]


@pytest.mark.shared
@pytest.mark.slow
def test_polnear_dev_most_quoted_people_are_one_person_record_each_in_any_order(
    tmp_path: Path, polnear: list[Extraction]
) -> None:
    with Store(str(tmp_path / "one.db")) as one, Store(str(tmp_path / "two.db")) as two:
        for extraction in polnear:
            one.add(extraction)
        for extraction in reversed(polnear):
            two.add(extraction)
        with one.reading() as connection:
            report = most_quoted_people(connection)
        assert report.single == 10, report.render()  # 6 of 10 before resolution
        assert snapshot(one) == snapshot(two)
        trump = one.quotes(speaker="Trump")
        assert trump.chosen.name == "Donald Trump" and {q.speaker_name for q in trump.items} >= {"Donald Trump"}
        assert all("Ivanka" not in (q.speaker_name or "") for q in one.quotes(speaker="Trump", limit=500).items)
        assert one.entity("Trump").type == PERSON


def test_the_cli_lists_merges_splits_explains_and_filters_by_id(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        for extraction in ortiz_stories():
            store.add(extraction)
        ana, luis = store.entity("Ana Ortiz").id, store.entity("Luis Ortiz").id
    runner = CliRunner()
    listed = runner.invoke(app, ["entities", "--type", "PERSON", "--db", db, "--csv"])
    assert listed.exit_code == 0 and listed.output.splitlines()[1].startswith(f"{ana},Ana Ortiz,PERSON")
    why = runner.invoke(app, ["entity", str(ana), "--why", "--db", db])
    assert why.exit_code == 0 and "Ortiz [PERSON] (1 articles): surname of the namesake" in why.output
    merged = runner.invoke(app, ["entities", "merge", str(ana), str(luis), "--db", db])
    assert merged.exit_code == 0 and f"Merged {luis} into Ana Ortiz (id {ana})" in merged.output
    split = runner.invoke(app, ["entities", "split", str(ana), "Luis Ortiz", "--db", db])
    assert split.exit_code == 0 and "'Luis Ortiz' is now Luis Ortiz" in split.output
    wrong = runner.invoke(app, ["entities", "split", str(ana), "Nobody", "--db", db])
    assert wrong.exit_code != 0 and "E051" in wrong.output
    people = runner.invoke(app, ["eval", "people", "--db", db])
    assert people.exit_code == 0 and "one PERSON record each" in people.output


def test_the_pages_say_which_record_a_name_was_taken_as_and_link_its_namesakes(store: Store) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    store.add(story("Ana Ortiz spoke. Ortiz left.", "2024-05-01", ("Ana Ortiz", PERSON, ["Ana Ortiz", "Ortiz"])))
    store.add(story("Ana Ortiz won.", "2024-05-02", ("Ana Ortiz", PERSON, ["Ana Ortiz"])))
    store.add(story("Luis Ortiz fished. Ortiz sailed.", "2024-05-03", ("Luis Ortiz", PERSON, ["Luis Ortiz", "Ortiz"])))
    ana, luis = store.entity("Ana Ortiz").id, store.entity("Luis Ortiz").id
    client = TestClient(create_app(store))
    page = client.get("/quotes?speaker=Ortiz&kind=direct").text
    assert f'Taken as <a href="/entities/{ana}">Ana Ortiz</a>' in page
    # The namesake's link keeps the other filters and names the record by id instead of the name.
    assert f'href="/quotes?speaker_id={luis}&amp;kind=direct&amp;period=month">Luis Ortiz</a> (1 article)' in page
    assert "Taken as" not in client.get(f"/quotes?speaker_id={luis}").text
    assert f'href="/events?actor_id={luis}&amp;period=month">Luis Ortiz</a>' in client.get("/events?actor=Ortiz").text
