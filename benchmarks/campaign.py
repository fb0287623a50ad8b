"""The long hostile-input campaign of issue 14: thousands of malformed inputs through the real ingest.

Inputs come from tests/malformed.py (our sample and hostile files, mutated), written in
batches of files and ingested into one store, each batch as `newsgraph ingest` would.
It prints how many batches an exception stopped, how many inputs ended without a word
(neither stored, already stored nor failed with a reason), internal errors, articles
over the time budget (E062) or its grace, over the memory ceiling (E063), and peak memory.

    .venv/bin/python benchmarks/campaign.py [--inputs 10000] [--batch 100] [--seed 14] [-j 1] [--blank]

``--blank`` runs a blank spaCy pipeline instead of the model: the readers, bounds and
store are the same, the run is many times faster.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.malformed import random_malformed  # noqa: E402

from newsgraph.pipeline import Extractor  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402
from newsgraph.store import Progress, Store  # noqa: E402


class Steps:
    """The progress callback: every step told, with the moment it was told."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, Progress]] = []

    def __call__(self, step: Progress) -> None:
        self.seen.append((time.perf_counter(), step))


def peak_mb() -> int:
    """The largest resident size of this process or any worker it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) >> 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("-j", "--processes", type=int, default=1)
    parser.add_argument("--blank", action="store_true", help="a blank spaCy pipeline instead of the model")
    args = parser.parse_args()

    settings = Settings(n_process=args.processes)
    if args.blank:
        import spacy

        extractor = Extractor(settings, nlp=spacy.blank("en"))
    else:
        extractor = Extractor(settings)
    # Results come a batch at a time: a wait longer than a whole batch's budget plus the grace is an overrun.
    grace = settings.article_seconds * settings.batch_size + min(10.0, settings.article_seconds)
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/campaign.db") as store:
        for first in range(0, args.inputs, args.batch):
            batch_dir = Path(folder) / f"batch{first}"
            batch_dir.mkdir()
            paths = []
            for number in range(first, min(first + args.batch, args.inputs)):
                suffix, data = random_malformed(rng)
                path = batch_dir / f"input{number}{suffix}"
                path.write_bytes(data)
                paths.append(path)
            steps = Steps()
            try:
                report = store.ingest(paths, extractor=extractor, progress=steps)
            except Exception as error:  # what the campaign is looking for
                counts["stopped batches"] += 1
                print(f"batch {first} stopped: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            told = [s.source or "" for _, s in steps.seen]
            counts["unaccounted"] += sum(not any(t.startswith(str(p)) for t in told) for p in paths)
            counts["inputs"] += len(paths)
            counts["stored"] += report.new
            counts["already stored"] += report.existing
            counts["failed"] += len(report.failed)
            counts["internal"] += report.internal
            counts["over time (E062)"] += sum("[E062]" in why for _, why in report.failed)
            counts["over memory (E063)"] += sum("[E063]" in why for _, why in report.failed)
            times = [t for t, _ in steps.seen]
            waits = (b - a for a, b in zip(times, times[1:], strict=False))
            counts["waits over a batch's budget + grace"] += sum(wait > grace for wait in waits)
    seconds = time.perf_counter() - started
    for name in ("inputs", "stored", "already stored", "failed", "internal", "stopped batches", "unaccounted"):
        print(f"{name}: {counts[name]:,}")
    for name in ("over time (E062)", "over memory (E063)", "waits over a batch's budget + grace"):
        print(f"{name}: {counts[name]:,}")
    print(f"peak memory: {peak_mb():,} MB; {seconds:,.0f} s for {counts['inputs']:,} inputs")


if __name__ == "__main__":
    main()
