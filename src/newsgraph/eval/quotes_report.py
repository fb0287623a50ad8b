"""The printed forms of a quotes evaluation: the figures table, the misses by kind, one document's misses."""

from __future__ import annotations

from newsgraph.eval.gold import GoldDoc, GoldQuote
from newsgraph.eval.matching import Counts
from newsgraph.eval.quotes import KINDS, DocResult, Report, gold_kind
from newsgraph.model import Quote
from newsgraph.pipeline.quotes.acts import ACTS


def _row(name: str, counts: Counts) -> str:
    figures = f"{counts.precision:>10.3f}{counts.recall:>10.3f}{counts.f1:>10.3f}"
    return f"{name:<18}{figures}{counts.tp:>8}{counts.gold:>8}{counts.pred:>8}"


def format_report(report: Report) -> str:
    """Precision, recall and F1 per span kind, speaker accuracy, misses by kind and the speed ratio."""
    lines = [
        f"quotes: {report.documents} documents",
        f"{'span':<18}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>8}{'gold':>8}{'pred':>8}",
        _row("content exact", report.content_exact),
        _row("content overlap", report.content_overlap),
        _row("source exact", report.source_exact),
        _row("source overlap", report.source_overlap),
        _row("cue exact", report.cue_exact),
        _row("cue overlap", report.cue_overlap),
        f"speaker accuracy on matched contents: {report.speaker_accuracy:.3f} "
        f"({report.speaker_right}/{report.speaker_scored})",
        "",
        f"{'gold kind':<18}{'gold':>8}{'found':>8}{'recall':>10}{'speaker':>10}",
    ]
    for kind in KINDS:
        gold, found = report.gold_by_kind[kind], report.found_by_kind[kind]
        recall = found / gold if gold else 0.0
        speaker = report.speaker_by_kind[kind] / found if found else 0.0
        lines.append(f"{kind:<18}{gold:>8}{found:>8}{recall:>10.3f}{speaker:>10.3f}")
    false = ", ".join(f"{kind} {n}" for kind, n in sorted(report.false_by_kind.items()))
    lines.append(f"false quotes by predicted kind: {false or 'none'}")
    lines.append("")
    lines.append(f"{'act':<18}{'found':>8}{'matched':>8}{'precision':>10}   (only speech is stored as quotes)")
    for act in ACTS:
        found, matched = report.found_by_act[act], report.matched_by_act[act]
        lines.append(f"{act:<18}{found:>8}{matched:>8}{matched / found if found else 0.0:>10.3f}")
    if report.folded:
        lines.append(
            "continuations scored with the quote they continue in their paragraph "
            f"(PolNeAR's one content per cue): {report.folded}"
        )
    if report.spacy_seconds:
        ratio = report.quotes_seconds / report.spacy_seconds
        lines.append(
            f"speed: quotes+speakers {report.quotes_seconds:.2f}s over bare spaCy {report.spacy_seconds:.2f}s "
            f"= +{ratio:.1%}"
        )
    return "\n".join(lines)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _gold_line(doc: GoldDoc, gold: GoldQuote) -> str:
    text = doc.text
    content = " … ".join(text[s:e] for s, e in gold.content)
    source = gold.speaker or (" … ".join(text[s:e] for s, e in gold.source) if gold.source else "-")
    cue = " … ".join(text[s:e] for s, e in gold.cue) if gold.cue else "-"
    return f"[{gold_kind(text, gold)}] {_short(content)} | source {source!r} | cue {cue!r}"


def _pred_line(quote: Quote) -> str:
    speaker = f"{quote.speaker.name!r} ({quote.speaker.text!r})" if quote.speaker else "-"
    cue = repr(quote.cue.text) if quote.cue else "-"
    return f"[{quote.kind}] {_short(quote.text)} | speaker {speaker} | cue {cue}"


def format_misses(doc: GoldDoc, result: DocResult) -> str:
    """One document's missed gold quotes, false quotes and wrong speakers, for error analysis."""
    lines = [
        f"{doc.name}: {len(result.missed)} missed, {len(result.false)} false, "
        f"{len(result.wrong_speaker)} wrong speakers"
    ]
    lines += ["missed:"] + [f"  {_gold_line(doc, g)}" for g in result.missed]
    lines += ["false:"] + [f"  {_pred_line(q)}" for q in result.false]
    lines += ["wrong speaker:"]
    for gold, quote in result.wrong_speaker:
        lines += [f"  gold {_gold_line(doc, gold)}", f"  got  {_pred_line(quote)}"]
    return "\n".join(lines)
