"""The spaCy pipeline: a loaded model plus newsgraph's components, and the extractor that runs it.

Importing this package registers the component factories, so anyone can
``nlp.add_pipe("newsgraph_quotes")`` in a pipeline of their own.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import InternalError, ModelNotFound, NewsgraphError
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import dates, entities, events, figures, paragraphs, quotes, speakers  # noqa: F401
from newsgraph.pipeline.bounds import refusal, time_budget
from newsgraph.pipeline.extensions import TEXT_KEY, register_extensions
from newsgraph.settings import Settings

# Runs before the parser, which keeps the sentence boundaries it sets.
PARAGRAPHS = "newsgraph_paragraphs"
# In the order they run after the model: each one reads what the ones before it wrote.
COMPONENTS = (
    "newsgraph_entities",
    "newsgraph_quotes",
    "newsgraph_speakers",
    "newsgraph_figures",
    "newsgraph_dates",
    "newsgraph_events",
)


def load_model(name: str) -> Language:
    """Load the spaCy model by package name, with a clear error when it is missing."""
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelNotFound(name) from error


def build_nlp(settings: Settings | None = None, model: Language | None = None) -> Language:
    """The model named in the settings with newsgraph's components added after it."""
    settings = settings or Settings()
    nlp = model if model is not None else load_model(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    if PARAGRAPHS not in nlp.pipe_names:
        parser = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
        if parser is None:
            nlp.add_pipe(PARAGRAPHS, first=True)
        else:
            nlp.add_pipe(PARAGRAPHS, before=parser)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"model": settings.quotes == "model"} if name == "newsgraph_quotes" else {})
    return nlp


def to_extraction(doc: Doc, article: Article) -> Extraction:
    """Collect what the components wrote on a Doc into the output contract."""
    return Extraction(
        article=article,
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        figures=list(doc._.figures or []),
        dates=list(doc._.dates or []),
        events=list(doc._.events or []),
    )


@dataclass
class ExtractionFailure:
    """An article the pipeline could not process, and why."""

    article: Article
    error: NewsgraphError


class ComponentFailed(NewsgraphError):
    code = "E021"

    def __init__(self, source: str | None, component: str, error: Exception) -> None:
        super().__init__(f"{source or 'article'}: component {component} failed: {type(error).__name__}: {error}")


class Extractor:
    """Runs the pipeline over articles in batches; one slow model load, many articles."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        register_extensions()
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else build_nlp(self.settings)

    def extract(self, article: Article) -> Extraction:
        """Extract one article, raising the reason when it cannot be done."""
        for result in self.extract_many([article]):
            if isinstance(result, ExtractionFailure):
                raise result.error
            return result
        raise AssertionError("extract_many yields one result per article")

    @property
    def language(self) -> str:
        """The language its model reads (ISO 639-1, "en"): articles in another are not extracted by ``ingest``."""
        return str(self.nlp.lang)

    def extract_many(
        self, articles: Iterable[Article], n_process: int | None = None
    ) -> Iterator[Extraction | ExtractionFailure]:
        """One result per article, in order: an Extraction, or an ExtractionFailure saying why.

        Nothing an article does ends the run: a batch that raises is run again one article
        at a time, and the article that still raises fails alone, reported as internal (E060).
        """
        n_process = n_process or self.settings.n_process
        if n_process > 1:
            from newsgraph.pipeline.workers import extract_in_workers

            yield from extract_in_workers(articles, self.settings, n_process, self.nlp)
            return
        for batch in batched(articles, self.settings.batch_size, self.settings.batch_chars):
            yield from self.extract_batch(batch)

    def extract_batch(self, batch: list[Article]) -> list[Extraction | ExtractionFailure]:
        """The results of one batch, guarded: within the time budget, and one failure per bad article."""
        try:
            with time_budget(self.settings.article_seconds * len(batch), batch[0].source if len(batch) == 1 else None):
                return list(self._pipe(batch))
        except Exception as error:
            if len(batch) > 1:
                return [result for article in batch for result in self.extract_batch([article])]
            return [ExtractionFailure(batch[0], _as_failure(error, batch[0]))]

    def _pipe(self, articles: list[Article]) -> Iterator[Extraction | ExtractionFailure]:
        failures: dict[str, NewsgraphError] = {}
        pending: dict[str, Article] = {}
        order: list[tuple[str, Article]] = []

        def docs() -> Iterator[Doc]:
            for index, article in enumerate(articles):
                key = f"{index}:{article.id}"
                order.append((key, article))
                refused = refusal(article, self.settings)
                if refused is not None:
                    failures[key] = refused
                    continue
                doc = self.nlp.make_doc(article.text)
                # spaCy's tokens keep every character, so the Doc's text is the article's: not joined again.
                doc.user_data[TEXT_KEY] = article.text
                doc._.published = article.published
                doc._.article_key = key
                pending[key] = article
                yield doc

        def on_error(name: str, component: Callable[..., object], batch: list[Doc], error: Exception) -> None:
            for doc in batch:
                key = doc._.article_key
                failures[key] = ComponentFailed(pending[key].source, name, error)

        # Only our components get this handler; spaCy's own keep theirs (the parser cannot take one).
        self.nlp.default_error_handler = on_error
        processed = self.nlp.pipe(docs(), batch_size=self.settings.batch_size)
        for doc in processed:
            key = doc._.article_key
            # Flush, in input order, everything before this doc: failures were dropped by spaCy.
            while order and order[0][0] != key:
                yield self._failure(order.pop(0), failures)
            order.pop(0)
            yield self._told(to_extraction(doc, pending.pop(key)))
        while order:
            yield self._failure(order.pop(0), failures)

    def _told(self, extraction: Extraction) -> Extraction:
        """Without the events told as not done, unless the settings keep them (``negated_events``)."""
        if not self.settings.negated_events:
            extraction.events = [e for e in extraction.events if not e.negated]
        return extraction

    @staticmethod
    def _failure(
        entry: tuple[str, Article | ExtractionFailure], failures: dict[str, NewsgraphError]
    ) -> ExtractionFailure:
        key, article = entry
        assert isinstance(article, Article)
        return ExtractionFailure(article, failures[key])


def _as_failure(error: Exception, article: Article) -> NewsgraphError:
    """What to report for an article whose extraction raised ``error``: our own error, or an internal one."""
    if isinstance(error, NewsgraphError):
        return error
    return InternalError(article.source or article.id, "extracting it", error, traceback.format_exc())


def batched(articles: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Articles in batches of at most ``size`` and, past the first article, ``max_chars`` characters.

    A batch's memory grows with its text, not its count: 32 web pages held at once took a
    batch of real pages to a peak near 820 MB, where 32 short articles stay near 290 MB.
    """
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """A process-wide extractor, loaded on first use; a change of ``negated_events`` since (the CLI's
    ``--negated-events``) takes effect on the loaded model, which that setting does not touch."""
    global _default
    if _default is None:
        _default = Extractor()
    negated_events = Settings().negated_events
    if _default.settings.negated_events != negated_events:
        _default = Extractor(replace(_default.settings, negated_events=negated_events), nlp=_default.nlp)
    return _default
