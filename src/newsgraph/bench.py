"""Throughput of newsgraph measured against bare spaCy on the same texts, in one process.

Shared machines are noisy, so absolute speeds say little: what we report is the
ratio of each stage to bare ``nlp.pipe`` of the same model, measured in alternating
rounds and taking each stage's fastest round.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsgraph.ingest import read_paths
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import Extractor, build_nlp, load_model
from newsgraph.settings import Settings


@dataclass
class StageTiming:
    """Best-of-rounds time of one stage over the whole text set."""

    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.seconds)


@dataclass
class BenchReport:
    articles: int
    words: int
    stages: dict[str, StageTiming]
    peak_rss_mb: float

    def words_per_second(self, stage: str) -> float:
        return self.words / self.stages[stage].best

    def ratio(self, stage: str, base: str) -> float:
        """Time of ``stage`` over time of ``base``, fastest rounds: above 1 is slower."""
        return self.stages[stage].best / self.stages[base].best

    def round_speeds(self, stage: str, base: str) -> list[float]:
        """Speed of ``stage`` relative to ``base`` in each round: a load change on a shared machine hits both
        stages of one round alike, so the spread of these paired ratios shows how far one run can be trusted."""
        return [b / s for s, b in zip(self.stages[stage].seconds, self.stages[base].seconds, strict=True)]

    def render(self) -> str:
        rounds = len(self.stages["spacy"].seconds)
        lines = [f"{self.articles} articles, {self.words:,} words; best of {rounds} rounds"]
        lines.append(f"{'stage':<10} {'seconds':>9} {'words/s':>10}  {'speed':>6}  {'rounds':<11}  time ratio")
        bases = {"spacy": None, "extract": "spacy", "fast": "spacy", "ingest": "extract"}
        for name, base in bases.items():
            if name not in self.stages:
                continue
            head = f"{name:<10} {self.stages[name].best:>9.2f} {self.words_per_second(name):>10,.0f}"
            if base is None:
                lines.append(f"{head}  {1:>6.3f}  {'':<11}  1.000x (bare spaCy)")
                continue
            speeds = sorted(self.round_speeds(name, base))
            spread = f"{speeds[0]:.3f}-{speeds[-1]:.3f}"
            lines.append(
                f"{head}  {1 / self.ratio(name, base):>6.3f}  {spread:<11}  {self.ratio(name, base):.3f}x {base}"
            )
        if "ingest" in self.stages:
            lines.append(
                f"{'':<10} {'':>9} {'':>10}  {1 / self.ratio('ingest', 'spacy'):>6.3f}  {'':<11}  "
                f"{self.ratio('ingest', 'spacy'):.3f}x spacy (ingest)"
            )
        lines.append("speed: words/s relative to the base stage (bare spaCy; extract for ingest), fastest rounds;")
        lines.append("rounds: the lowest and highest of that ratio taken round by round")
        lines.append(f"peak memory (max RSS of this process): {self.peak_rss_mb:,.0f} MB")
        return "\n".join(lines)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _timed(run: Callable[[], Iterable[object]]) -> float:
    """Seconds to exhaust an iterable, keeping none of its items (so memory stays that of one batch)."""
    start = time.perf_counter()
    deque(run(), maxlen=0)
    return time.perf_counter() - start


def load_articles(paths: Sequence[str | Path]) -> list[Article]:
    """The benchmark's texts, read once up front so that reading is not what we time."""
    return list(read_paths(paths))


def run_benchmark(
    articles: Sequence[Article],
    rounds: int = 3,
    with_ingest: bool = True,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> BenchReport:
    """Time bare spaCy, newsgraph's extract and ingest into SQLite, alternating each round."""
    settings = settings or Settings()
    texts = [a.text for a in articles]
    bare = load_model(settings.model)
    extractor = Extractor(settings, nlp=build_nlp(settings))
    # The rules alone (--quotes fast), timed in the same rounds so that the two modes compare.
    fast = replace(settings, quotes="fast")
    fast_extractor = Extractor(fast, nlp=build_nlp(fast)) if settings.quotes != "fast" else None
    names = ["spacy", "extract"] + (["fast"] if fast_extractor else []) + (["ingest"] if with_ingest else [])
    stages = {name: StageTiming(name) for name in names}

    def ingest_once() -> Iterator[bool]:
        from newsgraph.store import Store

        with tempfile.TemporaryDirectory() as folder:
            store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
            for result in extractor.extract_many(articles):
                if isinstance(result, Extraction):
                    yield store.add(result)
            store.close()

    # One untimed warm-up so that lazy loading is not charged to the first stage.
    for warm in (extractor, fast_extractor):
        if warm:
            deque(warm.extract_many(articles[:5]), maxlen=0)
    for round_ in range(1, rounds + 1):
        stages["spacy"].seconds.append(_timed(lambda: bare.pipe(texts, batch_size=settings.batch_size)))
        stages["extract"].seconds.append(_timed(lambda: extractor.extract_many(articles)))
        if fast_extractor:
            stages["fast"].seconds.append(_timed(lambda: fast_extractor.extract_many(articles)))
        if with_ingest:
            stages["ingest"].seconds.append(_timed(ingest_once))
        if progress:
            times = ", ".join(f"{s.name} {s.seconds[-1]:.2f}s" for s in stages.values())
            progress(f"round {round_}/{rounds}: {times}")
    words = sum(len(text.split()) for text in texts)
    return BenchReport(len(articles), words, stages, peak_rss_mb())


@dataclass
class MemoryReport:
    articles: int
    seconds: float
    checkpoints: list[tuple[int, float]]

    def render(self) -> str:
        lines = [f"ingest of {self.articles:,} articles from one JSON Lines file into SQLite: {self.seconds:.0f} s"]
        lines += [f"  after {done:>7,} articles: peak RSS {rss:,.0f} MB" for done, rss in self.checkpoints]
        return "\n".join(lines)


def write_corpus(articles: Sequence[Article], count: int, path: Path, words: int = 120) -> None:
    """A JSON Lines corpus of `count` distinct short articles cut from the given ones."""
    import json

    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            source = articles[number % len(articles)]
            text = " ".join(source.text.split()[:words])
            record = {"text": f"Article {number}. {text}", "published": source.published}
            out.write(json.dumps(record) + "\n")


def run_memory(articles: Sequence[Article], count: int, settings: Settings | None = None) -> MemoryReport:
    """Stream `count` articles through the real ingest path and record peak memory as it goes.

    Peak RSS that stops growing after the first checkpoint is what "memory stays flat" means.
    """
    from newsgraph.store import Store
    from newsgraph.store.records import Progress

    settings = settings or Settings()
    checkpoints: list[tuple[int, float]] = []
    marks = sorted({max(1, count * share // 10) for share in (1, 2, 5, 10)})

    def progress(state: Progress) -> None:
        if marks and state.done >= marks[0]:
            checkpoints.append((state.done, peak_rss_mb()))
            marks.pop(0)

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(articles, count, corpus)
        store = Store(f"sqlite:///{Path(folder) / 'memory.db'}")
        start = time.perf_counter()
        store.ingest([corpus], extractor=Extractor(settings), progress=progress)
        seconds = time.perf_counter() - start
        store.close()
    return MemoryReport(count, seconds, checkpoints)
