"""The pipeline frame: one result per article, in order, failures named and the batch going on."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import newsgraph
from newsgraph.errors import ArticleTooLong
from newsgraph.model import Article
from newsgraph.pipeline import COMPONENTS, PARAGRAPHS, ComponentFailed, ExtractionFailure, Extractor, build_nlp
from newsgraph.settings import Settings

TEXTS = [
    "The council met on Monday. Mayor Ana Ortiz said the bridge would reopen.",
    "Officials in Brno counted 300 new homes this spring.",
    "“We are ready,” said Coach Lena Varga.",
]


def test_build_nlp_adds_every_component_in_order(extractor: Extractor) -> None:
    names = extractor.nlp.pipe_names
    assert [n for n in names if n.startswith("newsgraph_")] == [PARAGRAPHS, *COMPONENTS]
    assert names.index(PARAGRAPHS) < names.index("parser")


def test_a_paragraph_break_ends_a_sentence_the_parser_would_run_on(extractor: Extractor) -> None:
    text = "Harbour fees rise again\n\nMarsh said he would be careful with the money."
    doc = extractor.nlp(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Harbour fees rise again",
        "Marsh said he would be careful with the money.",
    ]
    (quote,) = extractor.extract(Article(text=text)).quotes
    assert quote.text == "he would be careful with the money" and quote.speaker and quote.speaker.name == "Marsh"


def test_components_work_in_anyone_s_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_entities")
    doc = nlp("Nothing named here.")
    assert doc._.entities == []


def test_results_come_back_in_input_order_with_failures_in_place() -> None:
    extractor = Extractor(Settings(max_chars=200))
    articles = [Article(text=t, source=f"a{i}.txt") for i, t in enumerate(TEXTS)]
    articles.insert(1, Article(text="word " * 100, source="long.txt"))
    results = list(extractor.extract_many(articles))
    assert [r.article.source for r in results] == ["a0.txt", "long.txt", "a1.txt", "a2.txt"]
    failure = results[1]
    assert isinstance(failure, ExtractionFailure)
    assert isinstance(failure.error, ArticleTooLong)
    assert "long.txt" in str(failure.error) and "[E020]" in str(failure.error)
    assert all(r.article.text == a.text for r, a in zip(results, articles, strict=True))


@Language.component("test_explodes_on_boom")
def _explodes(doc: Doc) -> Doc:
    if "boom" in doc.text:
        raise ValueError("boom")
    return doc


def test_a_component_crash_fails_one_article_not_the_batch() -> None:
    nlp = build_nlp(Settings(), model=spacy.blank("en"))
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("test_explodes_on_boom")
    results = list(Extractor(nlp=nlp).extract_many([Article(text=t) for t in ("fine one", "boom", "fine two")]))
    assert [type(r).__name__ for r in results] == ["Extraction", "ExtractionFailure", "Extraction"]
    assert isinstance(results[1], ExtractionFailure)
    assert isinstance(results[1].error, ComponentFailed)
    assert "test_explodes_on_boom" in str(results[1].error)


def test_processes_give_the_same_results_as_one(extractor: Extractor) -> None:
    articles = [Article(text=t) for t in TEXTS * 3]
    one = [r.to_dict() for r in extractor.extract_many(articles)]  # type: ignore[union-attr]
    two = [
        r.to_dict() for r in Extractor(Settings(batch_size=2), nlp=extractor.nlp).extract_many(articles, n_process=2)
    ]  # type: ignore[union-attr]
    assert one == two


def test_extract_accepts_a_string_and_keeps_text_verbatim() -> None:
    text = "Rain fell on Tuesday.\r\nThe river rose 2 metres."
    result = newsgraph.extract(text, published="2024-04-04")
    assert result.article.text == text.replace("\r\n", "\n")
    assert result.article.published == "2024-04-04"


def test_a_very_long_article_goes_through(extractor: Extractor) -> None:
    paragraph = (
        "Mayor Ana Ortiz said on Tuesday that the council would meet union leaders. "
        "“We are ready,” she said. Ortiz added that 300 workers had left Veldport."
    )
    # 600 paragraphs are 90,000 characters, just within the default bound of 100,000.
    result = extractor.extract(Article(text="\n\n".join([paragraph] * 600), published="2024-03-07"))
    ortiz = next(e for e in result.entities if e.name == "Ana Ortiz")
    assert len(ortiz.mentions) >= 1_200
    assert len(result.quotes) >= 600 and len(result.figures) >= 600
    assert all(result.article.text[q.start : q.end] == q.text for q in result.quotes)
