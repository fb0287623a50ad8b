"""Train the report scorer of pipeline/learned.py on PolNeAR's train split and write its weights.

usage: python scripts/train_report_scorer.py [BRAT_FOLDER]   (default ../shared/data/polnear/train)

Takes a few minutes (the parse of 840 documents). The file it writes,
src/newsgraph/pipeline/data/report_scorer.json, is shipped with newsgraph; run this
again after changing the quote rules or the scorer's features, then check
`newsgraph eval quotes --gold ../shared/data/polnear/dev`.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from newsgraph.eval.brat import read_brat
from newsgraph.eval.train_scorer import train, write
from newsgraph.pipeline import Extractor
from newsgraph.pipeline.quotes.learned import SCORER_FILE

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "train"


def main(folder: Path) -> None:
    golds = read_brat(folder)
    trained = train(golds, Extractor())
    target = Path(str(resources.files("newsgraph.pipeline").joinpath("data", SCORER_FILE)))
    write(trained, target, f"PolNeAR 1.0 {folder.name} split, first annotator ({trained.documents} documents)")
    figures = ", ".join(f"{th}: {f1:.3f}" for th, f1 in trained.held_out_f1.items())
    print(f"{trained.examples} proposals, {trained.positives} positive; held-out content F1 by threshold: {figures}")
    print(f"threshold {trained.scorer.threshold}; {len(trained.scorer.weights)} weights written to {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
