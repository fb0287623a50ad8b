"""The store on SQLite: round trip, idempotent writes, whole-article transactions, search, filters, migration."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import AmbiguousArticleId, ArticleNotFound, EntityNotFound, StoreError, StoreVersionError
from newsgraph.model import Article, DateRef, Entity, Event, Extraction, Figure, Part, Quote, Span, Speaker
from newsgraph.store import Store, indexes, queries, writer
from newsgraph.store.indexes import COUNTING
from newsgraph.store.schema import SCHEMA_VERSION

INJECTION = "'; DROP TABLE articles; --"


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def person(text: str, eid: str, name: str, *said: str, titles: Iterable[str] = ()) -> Entity:
    """An entity whose mentions are the first occurrences of ``said`` (its name first)."""
    mentions = [span(text, name)]
    for form in said:
        mentions.append(span(text, form, mentions[-1].end))
    return Entity(eid, name, "PERSON", list(titles), None, mentions)


def said(
    qid: str, kind: str, text: str, words: str, cue: str, who: Entity, mention: Span, when: str | None = None
) -> Quote:
    return Quote(
        qid,
        kind,
        words,
        *span_of(text, words),
        cue=span(text, cue, text.rindex(cue, 0, text.index(words))),
        speaker=Speaker(who.id, who.name, mention.text, mention.start, mention.end),
        date=when,
    )


def span_of(text: str, part: str) -> tuple[int, int]:
    found = span(text, part)
    return found.start, found.end


def harbour() -> Extraction:
    """Mayor Ana Ortiz on the harbour: a direct quote in two parts, figures, a date, an accusation."""
    text = (
        "Harbour works to finish in June\n\n"
        "Mayor Ana Ortiz said on Tuesday that the harbour works would finish in June. "
        "“The quay is nearly done,” Ortiz said. “The cranes come next.” "
        "Councillor Ben Cole blamed Ortiz for a cost of more than 12 million euros, and said Ortiz hid the bill.\n"
    )
    ana = person(text, "e1", "Ana Ortiz", "Ortiz", "Ortiz", "Ortiz", titles=["Mayor"])
    ben = person(text, "e2", "Ben Cole", titles=["Councillor"])
    first, second = span(text, "The quay is nearly done,"), span(text, "The cranes come next.")
    direct = Quote(
        "q2",
        "direct",
        text[first.start : second.end],
        first.start,
        second.end,
        cue=span(text, "said", first.end),
        speaker=Speaker("e1", "Ana Ortiz", "Ortiz", ana.mentions[1].start, ana.mentions[1].end),
        parts=[Part(first.start, first.end), Part(second.start, second.end)],
    )
    quotes = [
        said(
            "q1", "indirect", text, "the harbour works would finish in June", "said", ana, ana.mentions[0], "2024-05-07"
        ),
        direct,
        said("q3", "indirect", text, "Ortiz hid the bill", "said", ben, ben.mentions[0]),
    ]
    figures = [
        Figure(
            "more than 12 million", *span_of(text, "more than 12 million"), 12_000_000, approx="more than", unit="EUR"
        )
    ]
    dates = [DateRef("Tuesday", *span_of(text, "Tuesday"), "2024-05-07")]
    events = [
        Event("v1", "ACCUSE", span(text, "blamed"), mode="disapprove", actor="e2", target="e1", date="2024-05-08")
    ]
    article = Article(text=text, title="Harbour works to finish in June", published="2024-05-08", source="harbour.txt")
    return Extraction(article, [ana, ben], quotes, figures, dates, events)


def ferry() -> Extraction:
    text = "Ferry fares to rise\n\nMayor Ana Ortiz said on Monday that ferry fares would rise next year.\n"
    ana = person(text, "e1", "Ana Ortiz", titles=["Mayor"])
    quote = said("q1", "indirect", text, "ferry fares would rise next year", "said", ana, ana.mentions[0])
    article = Article(text=text, title="Ferry fares to rise", published="2024-05-06", source="ferry.txt")
    return Extraction(article, [ana], [quote], [], [DateRef("Monday", *span_of(text, "Monday"), "2024-05-06")])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "store.db")) as opened:
        yield opened


def test_round_trip_gives_back_the_same_extraction(store: Store) -> None:
    extraction = harbour()
    assert store.add(extraction) is True
    back = store.article(extraction.article.id)
    assert back == extraction
    assert back.to_dict() == extraction.to_dict()


def test_the_same_article_is_stored_once(store: Store) -> None:
    assert store.add(harbour()) is True
    assert store.add(harbour()) is False
    stats = store.stats()
    assert (stats["articles"], stats["quotes"], stats["figures"], stats["events"]) == (1, 3, 1, 1)
    assert store.entity("Ana Ortiz").counts["articles"] == 1


def test_a_failure_inside_the_transaction_leaves_nothing_half_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*_: object) -> None:
        raise KeyboardInterrupt  # the process being stopped half way through an article

    monkeypatch.setattr(writer, "_write_events", killed)
    with pytest.raises(KeyboardInterrupt):
        store.add(harbour())
    counts = {k: v for k, v in store.stats().items() if isinstance(v, int)}
    assert set(counts.values()) == {0}, counts
    monkeypatch.undo()
    assert store.add(harbour()) is True
    assert store.add(harbour()) is False
    assert store.stats()["quotes"] == 3 and store.stats()["entities"] == 2


def test_missing_article_and_entity_are_coded_errors(store: Store) -> None:
    with pytest.raises(ArticleNotFound, match=r"\[E031\].*0000"):
        store.article("0000")
    with pytest.raises(EntityNotFound, match=r"\[E032\]"):
        store.entity("Nobody Atall")


def named(extraction: Extraction, article_id: str) -> Extraction:
    """The same article stored under another id (a feed gives its own ids)."""
    extraction.article.id = article_id
    return extraction


def test_a_unique_start_of_an_id_finds_the_article(store: Store) -> None:
    store.add(named(harbour(), "c0ffee11aa"))
    store.add(named(ferry(), "c0ffee22bb"))
    assert store.article("c0ffee11").article.title == "Harbour works to finish in June"
    assert store.article("c0ffee22bb").article.title == "Ferry fares to rise"
    with pytest.raises(AmbiguousArticleId, match=r"\[E034\] article id prefix 'c0ffee' matches 2 articles"):
        store.article("c0ffee")
    with pytest.raises(ArticleNotFound, match=r"\[E031\]"):
        store.article("c0ffe")  # shorter than six characters: only a whole id
    with pytest.raises(ArticleNotFound, match=r"\[E031\]"):
        store.article("C0FFEE11")  # ids are compared exactly, whatever LIKE does with case
    with pytest.raises(ArticleNotFound, match=r"\[E031\]"):
        store.article("c0ffe%")  # a wildcard is a character like any other


def test_show_takes_a_unique_start_of_an_id(tmp_path: Path) -> None:
    db = str(tmp_path / "show.db")
    with Store(db) as store:
        store.add(named(harbour(), "c0ffee11aa"))
        store.add(named(ferry(), "c0ffee22bb"))
    shown = CliRunner().invoke(app, ["show", "c0ffee2", "--db", db, "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.output)["article"]["title"] == "Ferry fares to rise"
    both = CliRunner().invoke(app, ["show", "c0ffee", "--db", db])
    assert both.exit_code == 1
    assert both.output == "error: [E034] article id prefix 'c0ffee' matches 2 articles: give more of the id\n"
    unknown = CliRunner().invoke(app, ["show", "deadbeef", "--db", db])
    assert unknown.exit_code == 1 and unknown.output.startswith("error: [E031] no article with id 'deadbeef'")


def test_articles_newest_first_with_filters_and_paging(store: Store) -> None:
    store.add(harbour())
    store.add(ferry())
    page = store.articles()
    assert page.total == 2 and [a.published for a in page.items] == ["2024-05-08", "2024-05-06"]
    assert page.items[0].quotes == 3 and page.items[0].title == "Harbour works to finish in June"
    assert [a.title for a in store.articles(since="2024-05-07").items] == ["Harbour works to finish in June"]
    assert store.articles(until="2024-05-07").total == 1
    assert store.articles(source="ferry").total == 1
    second = store.articles(limit=1, offset=1)
    assert (second.total, len(second.items), second.items[0].source) == (2, 1, "ferry.txt")


def test_full_text_search_stems_and_requires_every_word(store: Store) -> None:
    store.add(harbour())
    store.add(ferry())
    assert [a.source for a in store.articles(q="cranes").items] == ["harbour.txt"]
    assert [a.source for a in store.articles(q="crane").items] == ["harbour.txt"]
    assert store.articles(q="ferry fares").total == 1
    assert store.articles(q="ferry cranes").total == 0
    assert store.articles(q='"quay*(').total == 1  # FTS5 syntax typed in a search is only punctuation
    assert [q.text for q in store.quotes(q="bill").items] == ["Ortiz hid the bill"]


def test_sql_injection_in_every_filter_finds_nothing_and_breaks_nothing(store: Store) -> None:
    store.add(harbour())
    assert store.articles(q=INJECTION).total == 0
    assert store.articles(source=INJECTION).total == 0
    assert store.quotes(speaker=INJECTION, q=INJECTION).total == 0
    assert store.entities(q=INJECTION).total == 0
    assert store.events(actor=INJECTION, type=INJECTION).total == 0
    assert store.figures(q=INJECTION, counted=INJECTION).total == 0
    with pytest.raises(EntityNotFound):
        store.entity(INJECTION)
    assert store.articles(q="100%_").total == 0
    assert store.stats()["articles"] == 1


def test_quotes_by_speaker_name_alias_or_id_and_by_day(store: Store) -> None:
    store.add(harbour())
    store.add(ferry())
    ana = store.entity("Ana Ortiz")
    assert store.quotes(speaker="ana ortiz").total == 3
    assert store.quotes(speaker=str(ana.id)).total == 3
    assert store.quotes(speaker="Ortiz").total == 3
    assert store.quotes(speaker="Ben Cole").total == 1
    # The first quote was said on Tuesday 2024-05-07, the day before its article appeared.
    assert [q.text for q in store.quotes(speaker="Ana Ortiz", until="2024-05-07").items] == [
        "the harbour works would finish in June",
        "ferry fares would rise next year",
    ]
    row = store.quotes(article=harbour().article.id).items[1]
    assert (row.kind, row.cue, row.speaker_name, row.speaker_entity) == ("direct", "said", "Ana Ortiz", ana.id)
    assert row.article_title == "Harbour works to finish in June" and row.published == "2024-05-08"


def test_a_speaker_is_a_whole_name_never_a_part_of_one(store: Store) -> None:
    store.add(harbour())
    text = "Pier closes\n\nA man who gave his name as Luis Ortiz said the pier was closed.\n"
    quote = Quote(
        "q1",
        "indirect",
        "the pier was closed",
        *span_of(text, "the pier was closed"),
        cue=span(text, "said"),
        speaker=Speaker(None, "Luis Ortiz", "Luis Ortiz", *span_of(text, "Luis Ortiz")),
    )
    store.add(Extraction(Article(text=text, title="Pier closes", published="2024-05-09"), [], [quote]))
    ortiz = store.quotes(speaker="Ortiz")  # Ana Ortiz by her alias; not Luis Ortiz, whose name only holds it
    assert ortiz.total == 2 and {q.speaker_name for q in ortiz.items} == {"Ana Ortiz"}
    assert ortiz.chosen.name == "Ana Ortiz" and ortiz.to_dict()["chosen"]["id"] == ortiz.items[0].speaker_entity
    assert [q.speaker_name for q in store.quotes(speaker="luis ortiz").items] == ["Luis Ortiz"]  # unlinked, by name
    assert store.quotes(speaker="luis").total == 0 and store.quotes(speaker="Nobody").total == 0
    assert store.quotes(speaker="Ana Ortiz").total == 2


def test_an_unlinked_speaker_written_in_many_ways_finds_the_same_quotes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for case in ("Luis Ortiz", "LUIS ORTIZ"):
        text = f"Pier closes\n\nA man who gave his name as {case} said the pier was closed.\n"
        speaker = Speaker(None, case, case, *span_of(text, case))
        quote = Quote("q1", "indirect", "the pier was closed", *span_of(text, "the pier was closed"), speaker=speaker)
        store.add(Extraction(Article(text=text, title="Pier closes", published="2024-05-09"), [], [quote]))
    found = [(q.article_id, q.local_id) for q in store.quotes(speaker="luis ortiz").items]
    monkeypatch.setattr(queries, "MAX_LISTED", 1)  # the two speaker names are now too many to list
    assert [(q.article_id, q.local_id) for q in store.quotes(speaker="luis ortiz").items] == found
    assert len(found) == 2 and store.quotes(speaker="Luis Ortiz").total == 2


def test_search_is_newest_first_whether_most_or_few_articles_match(store: Store) -> None:
    days = [f"2024-03-{(n * 7) % 28 + 1:02d}" for n in range(40)]  # not in the order they are stored
    for n, day in enumerate(days):
        topic = "ferry" if n % 10 == 3 else "bridge"
        text = f"Council story {n}\n\nThe council met about the {topic} on pay, item {n}.\n"
        words = f"met about the {topic}"
        quote = Quote("q1", "indirect", words, *span_of(text, words), cue=span(text, "met"))
        article = Article(text=text, title=f"Council story {n}", published=day, source=f"s{n}.txt")
        store.add(Extraction(article, quotes=[quote]))
    newest = [f"s{n}.txt" for n in sorted(range(40), key=lambda n: (days[n], n), reverse=True)]
    for q, wanted in (("council", newest), ("ferry", [s for s in newest if int(s[1:-4]) % 10 == 3])):
        assert store.articles(q=q).total == len(wanted)
        pages = [store.articles(q=q, limit=7, offset=offset) for offset in range(0, 42, 7)]
        assert [a.source for p in pages for a in p.items] == wanted
        assert all(p.total == len(wanted) for p in pages)
    titles = [f"Council story {s[1:-4]}" for s in newest]
    for q, wanted in (("met about", titles), ("ferry", [t for t in titles if int(t.split()[-1]) % 10 == 3])):
        pages = [store.quotes(q=q, limit=7, offset=offset) for offset in range(0, 42, 7)]
        assert [row.article_title for p in pages for row in p.items] == wanted
        assert all(p.total == len(wanted) for p in pages)
    dated = store.articles(q="council", since="2024-03-20")
    assert [a.source for a in dated.items] == [s for s in newest if days[int(s[1:-4])] >= "2024-03-20"]
    assert dated.total == len(dated.items) > 0


def test_entity_detail_has_titles_articles_and_quotes_by_and_about(store: Store) -> None:
    store.add(harbour())
    store.add(ferry())
    ana = store.entity("ana ortiz")
    assert (ana.name, ana.type, ana.titles) == ("Ana Ortiz", "PERSON", ["Mayor"])
    assert ana.title_history[0].first_seen == "2024-05-06" and ana.title_history[0].last_seen == "2024-05-08"
    assert set(ana.aliases) == {"Ana Ortiz", "Ortiz"}
    assert [a.source for a in ana.articles] == ["harbour.txt", "ferry.txt"]
    assert len(ana.quotes_by) == 3 and ana.counts["quotes_by"] == 3
    # Ben Cole's "Ortiz hid the bill" holds a mention of her: it is about her.
    assert [q.text for q in ana.quotes_about] == ["Ortiz hid the bill"]
    assert ana.mentions_per_day == {"2024-05-06": 1, "2024-05-08": 4}
    assert store.entity(ana.id).name == "Ana Ortiz"
    assert set(ana.to_dict()) >= {"quotes_by", "quotes_about", "titles", "aliases", "articles", "mentions_per_day"}


def test_entities_figures_events_and_stats(store: Store) -> None:
    store.add(harbour())
    store.add(ferry())
    page = store.entities(type="person")
    assert [e.name for e in page.items] == ["Ana Ortiz", "Ben Cole"]
    assert page.items[0].articles == 2 and page.items[0].quotes == 3
    assert [e.name for e in store.entities(q="cole").items] == ["Ben Cole"]
    figures = store.figures(q="million")
    assert [(f.value, f.approx, f.unit) for f in figures.items] == [(12_000_000, "more than", "EUR")]
    events = store.events(type="accuse", actor="Ben Cole")
    assert [(e.actor_name, e.target_name, e.trigger, e.sources) for e in events.items] == [
        ("Ben Cole", "Ana Ortiz", "blamed", 1)
    ]
    assert store.events(since="2024-05-09").total == 0
    stats = store.stats()
    assert stats["quotes_by_kind"] == {"indirect": 3, "direct": 1}
    assert (stats["articles"], stats["entities"], stats["dates"]) == (2, 2, 2)


def test_store_url_forms_and_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    with Store() as from_env:
        from_env.add(ferry())
    assert (tmp_path / "env.db").exists()
    with Store(f"sqlite:///{tmp_path / 'env.db'}") as by_url:
        assert by_url.stats()["articles"] == 1
    with Store("sqlite://") as memory:
        assert memory.add(ferry()) and memory.articles().total == 1


class NoPipeline:
    """Stands for the extractor where only the store's side of ingest is under test."""

    language = "en"

    def __init__(self, stop_after: int | None = None) -> None:
        self.stop_after = stop_after

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for count, article in enumerate(articles):
            if self.stop_after is not None and count == self.stop_after:
                raise KeyboardInterrupt
            yield Extraction(article)


def write_news(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story{n}.txt").write_text(f"Town council meets\n\nThe council met for the {n}th time on pay.\n")


def test_ingest_killed_half_way_completes_on_the_next_run(tmp_path: Path, store: Store) -> None:
    write_news(tmp_path / "news", 5)
    with pytest.raises(KeyboardInterrupt):
        store.ingest([tmp_path / "news"], extractor=NoPipeline(stop_after=2))  # type: ignore[arg-type]
    assert store.stats()["articles"] == 2
    report = store.ingest([tmp_path / "news"], extractor=NoPipeline())  # type: ignore[arg-type]
    assert (report.new, report.existing, report.failed) == (3, 2, [])
    assert store.stats()["articles"] == 5 and store.stats()["ingest_runs"] == 2


def test_ingest_reports_unreadable_files_and_stores_the_rest(tmp_path: Path, store: Store) -> None:
    write_news(tmp_path / "news", 2)
    (tmp_path / "news" / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "news" / "empty.txt").write_bytes(b"")
    seen = []
    report = store.ingest([tmp_path / "news"], extractor=NoPipeline(), progress=seen.append)  # type: ignore[arg-type]
    assert report.new == 2 and report.existing == 0
    assert sorted(Path(source).name for source, _ in report.failed) == ["empty.txt", "junk.bin"]
    assert all(reason for _, reason in report.failed)
    assert seen[-1].done == 4 and seen[-1].failed == 2
    assert [s.failure[0] for s in seen if s.failure] == [source for source, _ in report.failed]


# What version 8 added, undone: the layout a version 7 store has (no log of rewrites).
BACK_TO_V7 = ["DROP TABLE store_rewrites", "UPDATE schema_version SET version = 7"]
# What version 7 added, undone: the layout a version 6 store has (entity resolution's columns and tables).
BACK_TO_V6 = [
    *BACK_TO_V7,
    "DROP INDEX ix_article_entities_signature",
    "DROP INDEX ix_entities_family",
    *(f'ALTER TABLE article_entities DROP COLUMN "{column}"' for column in ("family", "key", "hint")),
    "ALTER TABLE entities DROP COLUMN family",
    "DROP TABLE entity_signatures",
    "DROP TABLE entity_overrides",
    "UPDATE schema_version SET version = 6",
]
# What version 6 added, undone: the layout a version 5 store has (outlet, author, language).
BACK_TO_V5 = [
    *BACK_TO_V6,
    "DROP INDEX ix_articles_outlet",
    *(f'ALTER TABLE articles DROP COLUMN "{column}"' for column in ("outlet", "author", "language")),
    "UPDATE schema_version SET version = 5",
]
# What version 5 added: the process behind an ingest run.
BACK_TO_V4 = [
    *BACK_TO_V5,
    *(f'ALTER TABLE ingest_runs DROP COLUMN "{column}"' for column in ("pid", "host", "abandoned")),
    "UPDATE schema_version SET version = 4",
]
# What version 3 added, undone: the layout a version 2 store has (valid SQL on SQLite and PostgreSQL).
# The counting indexes (added at any open, whatever the version) go first: they use the columns v3 added.
BACK_TO_V2 = [
    *BACK_TO_V4,
    *(f"DROP INDEX {index}" for index in COUNTING),
    *(
        f"DROP INDEX {index}"
        for index in (
            "ix_entities_key",
            "ix_article_entities_entity",
            "ix_mentions_article_entity_span",
            "ix_quotes_said_on",
            "ix_quotes_kind",
            "ix_quotes_speaker_name",
            "ix_quotes_article_span",
            "ix_articles_newest",
            "ix_quotes_newest",
            "ix_quotes_speaker_newest",
        )
    ),
    "CREATE INDEX ix_articles_published ON articles (published)",
    "CREATE INDEX ix_article_entities_entity_id ON article_entities (entity_id)",
    "CREATE INDEX ix_quotes_speaker_entity_id ON quotes (speaker_entity_id)",
    "CREATE INDEX ix_mentions_article_entity ON mentions (article_id, local_id)",
    "CREATE INDEX ix_quotes_article_id ON quotes (article_id)",
    *(f'ALTER TABLE quotes DROP COLUMN "{column}"' for column in ("said_on", "article_published", "article_pk")),
    "DROP TABLE speaker_names",
    "UPDATE schema_version SET version = 2",
]
# And what version 2 added: no quotes.date column.
BACK_TO_V1 = [*BACK_TO_V2, 'ALTER TABLE quotes DROP COLUMN "date"', "UPDATE schema_version SET version = 1"]


def downgrade(url: str, statements: list[str]) -> None:
    """Make a store look as an older newsgraph wrote it."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


def layout(url: str) -> dict[str, tuple[list[str], list[tuple[str, list[str]]]]]:
    """Each table's columns and indexes, to compare a migrated store with a new one."""
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    with warnings.catch_warnings():
        # SQLAlchemy does not reflect SQLite's index on lower(name): its name is compared below instead.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        found = {
            table: (
                sorted(c["name"] for c in inspector.get_columns(table)),
                sorted((str(i["name"]), [str(c) for c in i["column_names"]]) for i in inspector.get_indexes(table)),
            )
            for table in inspector.get_table_names()
        }
    with engine.connect() as connection:
        found["index names"] = ([], [(name, []) for name in sorted(indexes.present(connection))])
    engine.dispose()
    return found


def check_migrated(url: str) -> None:
    """A migrated store (harbour stored before the upgrade) answers as a new one would."""
    with Store(url) as store:
        assert store.stats()["articles"] == 1
        assert store.quotes(until="2024-05-07").total == 1  # the day it was said, filled in for old quotes
        assert store.quotes(since="2024-05-08").total == 2  # ... else its article's published day
        assert [q.text for q in store.quotes(speaker="BEN COLE").items] == ["Ortiz hid the bill"]  # case aside
        assert [q.text for q in store.entity("Ana Ortiz").quotes_about] == ["Ortiz hid the bill"]
        assert store.stats()["quotes_by_kind"] == {"indirect": 2, "direct": 1}
        assert store.article(harbour().article.id) == harbour()
        store.add(ferry())
        assert store.quotes(speaker="ortiz", until="2024-05-06").total == 1
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version FROM schema_version").scalar() == SCHEMA_VERSION
    engine.dispose()


def test_a_v4_store_gets_outlet_and_author_columns_from_what_its_articles_say(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v4.db'}"
    story = harbour()
    story.article.metadata = {"sitename": "The Harbour Gazette", "author": "Lena Vos"}
    with Store(url) as old:
        old.add(story)
    downgrade(url, BACK_TO_V4)
    with Store(url) as store:
        (row,) = store.articles(outlet="harbour gazette").items
        assert (row.outlet, row.author, row.language) == ("The Harbour Gazette", "Lena Vos", None)
        assert store.article(story.article.id) == story
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    Store(fresh).close()
    assert layout(url) == layout(fresh)


@pytest.mark.parametrize(
    "back",
    [BACK_TO_V1, BACK_TO_V2, BACK_TO_V4, BACK_TO_V5, BACK_TO_V6, BACK_TO_V7],
    ids=["v1", "v2", "v4", "v5", "v6", "v7"],
)
def test_an_older_store_is_migrated_and_keeps_its_data(tmp_path: Path, back: list[str]) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as old:
        old.add(harbour())
    downgrade(url, back)
    check_migrated(url)
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    Store(fresh).close()
    assert layout(url) == layout(fresh)


def test_a_newer_store_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(str(path)).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE schema_version SET version = 99")
    engine.dispose()
    with pytest.raises(StoreVersionError, match=r"\[E033\].*upgrade newsgraph"):
        Store(str(path))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.reading() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_reader_sees_the_store_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    with Store(path) as writer_store, Store(path) as reader_store:
        writer_store.add(ferry())
        with writer_store.writing() as connection:
            writer.write_extraction(connection, harbour())
            assert reader_store.articles().total == 1  # not blocked, and not seeing half a write
        assert reader_store.articles().total == 2


def test_an_unreachable_or_unknown_database_is_a_coded_error_without_the_password() -> None:
    with pytest.raises(StoreError, match=r"\[E030\] cannot open the store") as refused:
        Store("postgresql://reader:secret-word@127.0.0.1:1/news")
    assert "secret-word" not in str(refused.value)
    with pytest.raises(StoreError, match=r"\[E030\] unsupported database 'mysql'"):
        Store("mysql://reader@localhost/news")


def test_the_same_article_twice_in_one_run_is_extracted_and_stored_once(tmp_path: Path, store: Store) -> None:
    write_news(tmp_path / "news", 2)
    (tmp_path / "news" / "copy.txt").write_text((tmp_path / "news" / "story0.txt").read_text())
    extracted: list[str] = []

    class Counting(NoPipeline):
        def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
            for extraction in super().extract_many(articles):
                extracted.append(extraction.article.id)
                yield extraction

    report = store.ingest([tmp_path / "news"], extractor=Counting())  # type: ignore[arg-type]
    assert (report.new, report.existing) == (2, 1)
    assert len(extracted) == 2 and store.stats()["articles"] == 2
