"""Quote evaluation: the brat and gold JSON readers, span matching, and `newsgraph eval quotes`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import GoldFormatError
from newsgraph.eval.brat import read_brat
from newsgraph.eval.gold import GoldDoc, GoldQuote, read_gold_json
from newsgraph.eval.matching import characters, match, trim
from newsgraph.eval.quotes import Report, one_per_cue, score_document
from newsgraph.model import Article, Extraction, Quote, Span, Speaker

TEXT = (
    "“The harbour will reopen on Monday,” the port director said.\n\n"
    "Fishermen, the union said, have lost a month of work, and the union wants compensation.\n"
)


def brat_folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "port.txt").write_text(TEXT, encoding="utf-8")
    quote_end = TEXT.index(",”") + 2
    fishermen = TEXT.index("Fishermen")
    union = TEXT.index("the union said")
    have = TEXT.index("have lost")
    clause_end = TEXT.index(", and")
    first = [
        f"T1\tContent 0 {quote_end}\t{TEXT[:quote_end]}",
        f"T2\tSource {quote_end + 1} {quote_end + 18}\tthe port director",
        f"T3\tCue {quote_end + 19} {quote_end + 23}\tsaid",
        f"T4\tAttribution {quote_end + 19} {quote_end + 23}\tsaid",
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3",
        f"T5\tContent {fishermen} {fishermen + 9};{have} {clause_end}\tFishermen have lost a month of work",
        f"T6\tSource {union} {union + 9}\tthe union",
        f"T7\tCue {union + 10} {union + 14}\tsaid",
        "E2\tAttribution:T4 Content:T5 Source:T6 Cue:T7",
    ]
    (tmp_path / "attributions" / "port_a1.ann").write_text("\n".join(first) + "\n", encoding="utf-8")
    (tmp_path / "attributions" / "port_b2.ann").write_text("T1\tContent 0 5\t“The \nE1\tAttribution:T1 Content:T1\n")
    return tmp_path


def test_brat_reader_takes_the_first_annotator_and_discontinuous_spans(tmp_path: Path) -> None:
    (doc,) = read_brat(brat_folder(tmp_path))
    assert doc.name == "port" and doc.text == TEXT
    assert len(doc.quotes) == 2
    second = doc.quotes[1]
    assert len(second.content) == 2
    assert " ".join(TEXT[s:e] for s, e in second.content) == "Fishermen have lost a month of work"
    assert second.source is not None and TEXT[second.source[0][0] : second.source[0][1]] == "the union"


def test_brat_reader_refuses_a_folder_without_its_parts(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError):
        read_brat(tmp_path)


def test_matching_trims_edges_and_pairs_one_to_one() -> None:
    text = "“Hello there,” he said."
    assert trim(text, [(0, 14)]) == [(1, 12)]
    gold = [characters(text, [(0, 14)])]
    preds = [characters(text, [(1, 12)]), characters(text, [(1, 6)])]
    assert match(gold, preds, 1.0) == [(0, 0)]
    assert match(gold, preds[1:], 0.5) == []


def test_gold_json_finds_its_strings_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "input": "article.txt",
        "quotes": [{"text": "The harbour will reopen on Monday", "speaker": "port director", "cue": "said"}],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (doc,) = read_gold_json(tmp_path / "gold.json")
    (quote,) = doc.quotes
    s, e = quote.content[0]
    assert doc.text[s:e] == "The harbour will reopen on Monday"
    assert quote.cue is not None and quote.speaker == "port director"


def test_eval_quotes_command_prints_figures_and_misses(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(brat_folder(tmp_path)), "--doc", "port"])
    assert result.exit_code == 0, result.output
    assert "content overlap" in result.output
    assert "speaker accuracy on matched contents" in result.output
    assert "port: " in result.output and "missed:" in result.output


def test_eval_quotes_command_fails_clearly_on_a_bad_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "E040" in result.output


def test_polnear_view_folds_a_continuation_in_its_paragraph_only() -> None:
    text = "“We lost,” Hale said. “We will be back.”\n\n“Next year is ours.”"

    def quote(id: str, words: str, continues: str | None = None) -> Quote:
        start = text.index(words)
        return Quote(id=id, kind="direct", text=words, start=start, end=start + len(words), continues=continues)

    first, second, third = quote("q1", "We lost"), quote("q2", "We will be back.", "q1"), quote("q3", "Next", "q2")
    folded = one_per_cue(text, [first, second, third])
    assert [q.id for q in folded] == ["q1", "q3"]
    assert [(p.start, p.end) for p in folded[0].parts] == [(first.start, first.end), (second.start, second.end)]
    assert folded[0].text.startswith("We lost") and folded[0].text.endswith("We will be back.")
    assert first.end == 8 and not first.parts, "the extraction itself is left as it was"


def test_eval_scores_a_quote_and_its_continuation_as_one_polnear_content(tmp_path: Path) -> None:
    text = "“We lost the vote tonight,” Peter Hale said. “We will come back stronger next year.”\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "hale.txt").write_text(text, encoding="utf-8")
    first_end = text.index(" Peter")
    second = text.index("“We will")
    name, said = text.index("Peter Hale"), text.index("said")
    ann = (
        f"T1\tContent 0 {first_end};{second} {len(text) - 1}\t{text[:first_end]} {text[second:-1]}\n"
        f"T2\tSource {name} {name + 10}\tPeter Hale\n"
        f"T3\tCue {said} {said + 4}\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n"
    )
    (tmp_path / "attributions" / "hale.ann").write_text(ann, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(tmp_path)])
    assert result.exit_code == 0, result.output
    overlap = next(line for line in result.output.splitlines() if line.startswith("content overlap"))
    assert overlap.split()[-3:] == ["1", "1", "1"], overlap
    assert (
        "continuations scored with the quote they continue in their paragraph (PolNeAR's one content per cue): 1"
        in (result.output)
    )


def test_polnear_scores_a_relayed_quote_against_its_relay() -> None:
    """PolNeAR gives "“…,” X said, according to Y" to Y; gold JSON, which names speakers, keeps X."""
    text = "“We will not close the port,” Hale said, according to the Gazette."
    words, hale, gazette = text.index("We will"), text.index("Hale"), text.index("the Gazette")
    quote = Quote(
        id="q1",
        kind="direct",
        text=text[words : words + 27],
        start=words,
        end=words + 27,
        speaker=Speaker(entity=None, name="Hale", text="Hale", start=hale, end=hale + 4),
        via=Span(gazette, gazette + 11, "the Gazette"),
    )
    extraction = Extraction(article=Article(text=text), quotes=[quote])
    relayed = GoldQuote(content=[(words, words + 27)], source=[(gazette, gazette + 11)])
    brat, named = Report(), Report()
    score_document(brat, GoldDoc(name="port", text=text, quotes=[relayed], one_per_cue=True), extraction)
    score_document(
        named,
        GoldDoc(name="port", text=text, quotes=[GoldQuote(content=[(words, words + 27)], speaker="Hale")]),
        extraction,
    )
    assert (brat.speaker_right, brat.speaker_scored, brat.source_exact.tp) == (1, 1, 1)
    assert (named.speaker_right, named.speaker_scored) == (1, 1)
