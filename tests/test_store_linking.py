"""Across articles: one record per person or organisation when the names give evidence, one row per event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.model import Article, Entity, Event, Extraction, Span
from newsgraph.store import Store
from newsgraph.store.linking import fold, is_name


def story(
    text: str, published: str, *people: tuple[str, str, list[str]], events: list[Event] | None = None
) -> Extraction:
    """An article whose entities are (name, type, mention texts) found in order in ``text``."""
    found = []
    for number, (name, kind, forms) in enumerate(people, start=1):
        mentions, after = [], 0
        for form in forms:
            start = text.index(form, after)
            mentions.append(Span(start, start + len(form), form))
            after = start + len(form)
        found.append(Entity(f"e{number}", name, kind, [], None, mentions))
    article = Article(text=text, title=text.split(".")[0], published=published, source=f"{published}.txt")
    return Extraction(article, found, events=events or [])


def strike(text: str, word: str, actor: str, target: str, when: str | None) -> Event:
    start = text.index(word)
    return Event("v1", "ASSAULT", Span(start, start + len(word), word), actor=actor, target=target, date=when)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "links.db")) as opened:
        yield opened


def test_names_fold_case_accents_and_punctuation() -> None:
    assert fold("Ana  Ortíz") == fold("ANA ORTIZ") == fold("Ana Ortiz's") == "ana ortiz"
    assert fold("Workers’ Union") == "workers union"
    assert is_name("President Biden") and is_name("The New York Times") and is_name("Bank of England")
    assert not is_name("he") and not is_name("the company") and not is_name("The militant group")


def test_the_same_person_in_two_articles_is_one_record(store: Store) -> None:
    one = "Mayor Ana Ortiz opened the bridge. Ortiz said it was on time."
    two = "ANA ORTIZ, the mayor, closed the ferry."
    store.add(story(one, "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz", "Ortiz"])))
    store.add(story(two, "2024-05-03", ("Ana Ortiz", "PERSON", ["ANA ORTIZ"])))
    page = store.entities(type="PERSON")
    assert page.total == 1
    ana = store.entity("Ortiz")
    assert ana.counts["articles"] == 2 and ana.counts["mentions"] == 3
    assert (ana.first_seen, ana.last_seen) == ("2024-05-01", "2024-05-03")
    assert {fold(a) for a in ana.aliases} == {"ana ortiz", "ortiz"}


def test_bare_surnames_with_no_full_name_share_one_record_that_says_so(store: Store) -> None:
    store.add(story("Smith won the race in Leeds.", "2024-05-01", ("Smith", "PERSON", ["Smith"])))
    store.add(story("Smith lost the vote in Bristol.", "2024-05-02", ("Smith", "PERSON", ["Smith"])))
    smiths = store.entities(q="smith")
    assert smiths.total == 1 and smiths.items[0].articles == 2
    assert store.explain(smiths.items[0].id)[0].reason == "surname only, no full name in the store"


def test_a_full_name_links_a_bare_surname_elsewhere(store: Store) -> None:
    store.add(
        story(
            "Judge Mary Smith ruled. Smith was brief.", "2024-05-01", ("Mary Smith", "PERSON", ["Mary Smith", "Smith"])
        )
    )
    store.add(story("Mary Smith retired on Friday.", "2024-05-02", ("Mary Smith", "PERSON", ["Mary Smith"])))
    store.add(story("Smith scored twice.", "2024-05-03", ("Smith", "PERSON", ["Smith"])))
    mary = store.entity("Mary Smith")
    assert mary.counts["articles"] == 3 and mary.last_seen == "2024-05-03"
    assert store.entities(q="smith").total == 1


def test_a_bare_surname_stored_before_the_full_name_leaves_no_empty_record(store: Store) -> None:
    store.add(story("Smith scored twice.", "2024-05-01", ("Smith", "PERSON", ["Smith"])))
    store.add(story("Smith won again.", "2024-05-02", ("Smith", "PERSON", ["Smith"])))
    store.add(
        story(
            "Judge Mary Smith ruled. Smith was brief.", "2024-05-03", ("Mary Smith", "PERSON", ["Mary Smith", "Smith"])
        )
    )
    store.add(story("Mary Smith retired on Friday.", "2024-05-04", ("Mary Smith", "PERSON", ["Mary Smith"])))
    with store.reading() as connection:
        records = connection.exec_driver_sql("SELECT name, articles FROM entities").all()
    assert [tuple(row) for row in records] == [("Mary Smith", 4)]


def test_a_known_full_alias_links_another_canonical_name(store: Store) -> None:
    first = "President Joseph Biden spoke. Joe Biden then left. Biden waved."
    store.add(story(first, "2024-05-01", ("Joseph Biden", "PERSON", ["Joseph Biden", "Joe Biden", "Biden"])))
    store.add(story("Joe Biden visited Ohio.", "2024-05-02", ("Joe Biden", "PERSON", ["Joe Biden"])))
    assert store.entities(type="PERSON").total == 1
    biden = store.entity("Joe Biden")
    assert biden.name == "Joseph Biden" and biden.counts["articles"] == 2
    assert {"Joseph Biden", "Joe Biden", "Biden"} <= set(biden.aliases)


def test_pronouns_and_descriptions_are_not_aliases(store: Store) -> None:
    text = "Hamas said it would reply. The militant group said nothing more."
    store.add(story(text, "2024-05-01", ("Hamas", "ORG", ["Hamas", "it", "The militant group"])))
    assert store.entity("Hamas").aliases == ["Hamas"]


def test_organisations_link_by_name_but_descriptions_and_other_types_do_not(store: Store) -> None:
    store.add(
        story(
            "Hamas spoke. The company paid.", "2024-05-01", ("Hamas", "ORG", ["Hamas"]), ("company", "ORG", ["company"])
        )
    )
    store.add(
        story(
            "Hamas left. The company sued.", "2024-05-02", ("Hamas", "ORG", ["Hamas"]), ("company", "ORG", ["company"])
        )
    )
    store.add(story("Jordan won. Jordan scored.", "2024-05-03", ("Jordan", "GPE", ["Jordan"])))
    store.add(story("Michael Jordan played in Jordan.", "2024-05-04", ("Michael Jordan", "PERSON", ["Michael Jordan"])))
    assert store.entity("Hamas").counts["articles"] == 2
    assert store.entities(q="company").total == 2
    assert store.entity("Jordan").type == "GPE"
    assert store.entities(q="jordan").total == 2


def test_the_same_event_told_twice_is_one_event_with_two_sources(store: Store) -> None:
    one = "The Northern Army struck Riverton on Saturday."
    two = "On Saturday the Northern Army struck the town of Riverton."
    three = "The Northern Army struck Riverton again on Sunday."
    people = (("Northern Army", "ORG", ["Northern Army"]), ("Riverton", "GPE", ["Riverton"]))
    store.add(story(one, "2024-05-05", *people, events=[strike(one, "struck", "e1", "e2", "2024-05-04")]))
    store.add(story(two, "2024-05-06", *people, events=[strike(two, "struck", "e1", "e2", "2024-05-04")]))
    store.add(story(three, "2024-05-06", *people, events=[strike(three, "struck", "e1", "e2", "2024-05-05")]))
    events = store.events(type="ASSAULT", actor="Northern Army")
    assert events.total == 2
    saturday = next(e for e in events.items if e.date == "2024-05-04")
    assert saturday.sources == 2 and len(saturday.article_ids) == 2
    assert saturday.published == "2024-05-05" and saturday.target_name == "Riverton"
    assert store.stats()["events"] == 2 and store.stats()["event_reports"] == 3


def test_events_without_a_date_are_not_merged(store: Store) -> None:
    one, two = "The Northern Army struck Riverton.", "The Northern Army struck Riverton, residents said."
    people = (("Northern Army", "ORG", ["Northern Army"]), ("Riverton", "GPE", ["Riverton"]))
    store.add(story(one, "2024-05-05", *people, events=[strike(one, "struck", "e1", "e2", None)]))
    store.add(story(two, "2024-05-06", *people, events=[strike(two, "struck", "e1", "e2", None)]))
    assert store.events().total == 2
