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
from newsgraph.model import Article, Entity
from newsgraph.pipeline import COMPONENTS, Extractor, to_extraction
from newsgraph.pipeline.quotes.attribution import Tags, load_model
from newsgraph.pipeline.quotes.component import QuoteFinder
from newsgraph.pipeline.quotes.finishing import one_per_span, to_quotes, without_repeats
from newsgraph.pipeline.quotes.indirect import Candidate
from newsgraph.pipeline.quotes.learned import find_learned, load_scorer
from newsgraph.pipeline.quotes.weighing import Weighing, to_read, weigh
from newsgraph.settings import Settings

# Tag every paragraph a setting may read (adding reads more); each setting then sees only its own.
_EVERY = Weighing(add=True)


@dataclass
class Prepared:
    gold: GoldDoc
    doc: Doc
    found: list[Candidate]
    tags: Tags
    # The entities as the components before the quotes left them: resolving speakers adds mentions to them.
    entities: list[Entity]


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
        tags = load_model().tag(doc.text, to_read(doc, found, _EVERY))
        prepared.append(Prepared(gold, doc, found, tags, copy.deepcopy(doc._.entities)))
    return prepared


def score(prepared: list[Prepared], extractor: Extractor, weighing: Weighing | None) -> Report:
    """The eval-quotes report with the rules weighed this way (None: the rules alone)."""
    report = Report()
    speakers = extractor.nlp.get_pipe("newsgraph_speakers")
    for item in prepared:
        found = copy.deepcopy(item.found)
        if weighing is not None:
            found = weigh(item.doc, found, _within(item.tags, to_read(item.doc, found, weighing)), weighing)
        doc = item.doc
        doc._.entities = copy.deepcopy(item.entities)
        doc._.quotes = to_quotes(doc.text, without_repeats(doc.text, one_per_span(found)))
        doc = speakers(doc)
        score_document(report, item.gold, to_extraction(doc, Article(text=item.gold.text)))
    return report


def _within(tags: Tags, read: list[tuple[int, int]]) -> Tags:
    """The tags of these paragraphs alone: what the model gives a setting that reads only them."""
    kept = Tags(read=read)
    for role, spans in tags.spans.items():
        kept.spans[role] = [s for s in spans if any(a <= s.start < b for a, b in read)]
    return kept


def line(name: str, report: Report) -> str:
    o, e = report.content_overlap, report.content_exact
    indirect = report.found_by_kind["indirect"] / max(1, report.gold_by_kind["indirect"])
    speaker = f"{report.speaker_accuracy:.4f} ({report.speaker_right}/{report.speaker_scored})"
    return (
        f"{name:56} overlap P {o.precision:.4f} R {o.recall:.4f} F1 {o.f1:.4f} | exact F1 {e.f1:.3f} | "
        f"source exact F1 {report.source_exact.f1:.3f} | speaker {speaker} | indirect recall {indirect:.3f}"
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
    # What the model adds: nothing, or contents at least this likely, each speaker choice, any cue or known ones.
    adding = [None, *itertools.product((0.5, 0.65, 0.8), ("rules", "model", "agree"), (False, True))]
    grid = itertools.product((None, 0.2, 0.4, 0.6), (False, True), adding, (None, 0.3, 0.5))
    for check, strict, add, bounds in grid:
        if check is None and strict:
            continue
        add_floor, add_speaker, add_known = add or (0.0, "agree", False)
        weighing = Weighing(
            check=check is not None,
            content_floor=check or 0.0,
            strict=strict,
            add=add is not None,
            add_floor=add_floor,
            add_speaker=add_speaker,
            add_known=add_known,
            bounds=bounds is not None,
            bounds_jaccard=bounds or 0.0,
        )
        report = score(prepared, extractor, weighing)
        added = "None" if add is None else f"{add_floor} {add_speaker}{' known' if add_known else ''}"
        name = f"check {check}{' strict' if strict else ''} add {added} bounds {bounds}"
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
