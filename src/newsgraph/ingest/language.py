"""The language an article is written in, by py3langid (its model ships inside the wheel).

The pipeline's spaCy model reads one language; an article in another gives nonsense
entities and quotes, so ``ingest`` stores such an article with its metadata but does
not extract from it. py3langid was chosen because it is maintained, small (about
4 MB with its model, loaded from the package, never downloaded) and needs only numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from newsgraph.model import Article

# The start of an article is enough to tell its language and keeps long ones cheap.
_SAMPLE_CHARS = 4000
# Below this probability the guess is not trusted and the language is left unknown.
_MIN_PROBABILITY = 0.5
# Too few words to tell a language by (a caption, a list of names).
_MIN_WORDS = 5


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def in_language(article: Article, language: str) -> bool:
    """Whether a model reading ``language`` should extract from the article (unknown languages are tried)."""
    found = article.metadata.get("language")
    return not found or found == language


def by_language(articles: Iterable[Article], language: str, aside: Callable[[Article], None]) -> Iterator[Article]:
    """The articles a model reading ``language`` should extract from; each of the others goes to ``aside``."""
    for article in articles:
        if in_language(article, language):
            yield article
        else:
            aside(article)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "de"), or None when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.split()) < _MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= _MIN_PROBABILITY else None
