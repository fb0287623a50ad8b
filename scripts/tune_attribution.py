"""Choose how the attribution model weighs the rules (``pipeline/weighing.py``) on held-out train.

The held-out documents are the ones ``train_attribution.py`` kept out of training (every
``--held-out-every``-th of PolNeAR train, by name). Each is parsed and run through the
rules and the model once; every setting of the grid is then applied to copies of the
rules' candidates and scored by the same code as ``newsgraph eval quotes``. Dev is not read.
"""

from __future__ import annotations

import argparse
import copy
import itertools
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.eval.brat import read_brat
from newsgraph.eval.gold import GoldDoc
from newsgraph.eval.quotes import Report, score_document
from newsgraph.model import Article
from newsgraph.pipeline import COMPONENTS, Extractor, to_extraction
from newsgraph.pipeline.quotes.attribution import Tags, load_model
from newsgraph.pipeline.quotes.component import QuoteFinder, _without_repeats, one_per_span, to_quotes
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.learned import find_learned, load_scorer
from newsgraph.pipeline.quotes.weighing import Weighing, to_read, weigh
from newsgraph.settings import Settings


@dataclass
class Prepared:
    gold: GoldDoc
    doc: Doc
    found: list[Candidate]
    tags: Tags


def prepare(golds: list[GoldDoc], extractor: Extractor) -> list[Prepared]:
    """Parse each document, run the rules and the learned scorer, and tag it with the model."""
    nlp = extractor.nlp
    finder = nlp.get_pipe("newsgraph_quotes")
    assert isinstance(finder, QuoteFinder)
    before = [name for name in nlp.pipe_names if name not in COMPONENTS[COMPONENTS.index("newsgraph_quotes") :]]
    prepared = []
    for gold in golds:
        doc = nlp.make_doc(gold.text)
        doc._.published = gold.published
        for name in before:
            doc = nlp.get_pipe(name)(doc)
        found, taken = finder.rules(doc)
        found = sorted(found + find_learned(doc, taken, load_scorer()), key=lambda c: c.start)
        prepared.append(Prepared(gold, doc, found, load_model().tag(doc.text, to_read(doc, found))))
    return prepared


def score(prepared: list[Prepared], extractor: Extractor, weighing: Weighing | None) -> Report:
    """The eval-quotes report with the rules weighed this way (None: the rules alone)."""
    report = Report()
    speakers = extractor.nlp.get_pipe("newsgraph_speakers")
    for item in prepared:
        found = copy.deepcopy(item.found)
        if weighing is not None:
            found = weigh(item.doc, found, item.tags, weighing)
        doc = item.doc
        doc._.quotes = to_quotes(doc.text, _without_repeats(doc.text, one_per_span(found)))
        doc = speakers(doc)
        score_document(report, item.gold, to_extraction(doc, Article(text=item.gold.text)))
    return report


def line(name: str, report: Report) -> str:
    o, e = report.content_overlap, report.content_exact
    indirect = report.found_by_kind["indirect"] / max(1, report.gold_by_kind["indirect"])
    return (
        f"{name:48} overlap P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} | exact F1 {e.f1:.3f} | "
        f"source exact F1 {report.source_exact.f1:.3f} | speaker {report.speaker_accuracy:.3f} | "
        f"indirect recall {indirect:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="../shared/data/polnear/train")
    parser.add_argument("--held-out-every", type=int, default=20)
    args = parser.parse_args(argv)
    golds = [d for i, d in enumerate(read_brat(args.train)) if not i % args.held_out_every]
    extractor = Extractor(Settings(quotes="fast"))
    prepared = prepare(golds, extractor)
    print(f"{len(prepared)} held-out train documents")
    rules = score(prepared, extractor, None)
    print(line("rules alone", rules), flush=True)
    results = []
    grid = itertools.product((None, 0.2, 0.4, 0.6), (False, True), (None, 0.5, 0.65, 0.8), (None, 0.3, 0.5))
    for check, strict, add, bounds in grid:
        if check is None and strict:
            continue
        weighing = Weighing(
            check=check is not None,
            content_floor=check or 0.0,
            strict=strict,
            add=add is not None,
            add_floor=add or 0.0,
            bounds=bounds is not None,
            bounds_jaccard=bounds or 0.0,
        )
        report = score(prepared, extractor, weighing)
        name = f"check {check}{' strict' if strict else ''} add {add} bounds {bounds}"
        print(line(name, report), flush=True)
        # Speaker accuracy and precision are what users see first: a setting may not lower either.
        if (
            report.speaker_accuracy >= rules.speaker_accuracy
            and report.content_overlap.precision >= rules.content_overlap.precision
        ):
            results.append((report.content_overlap.f1 + report.content_exact.f1, name))
    print("best (overlap + exact F1, keeping speaker accuracy and precision):", max(results)[1])


if __name__ == "__main__":
    main()
