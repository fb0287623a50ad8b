"""Gold for quotes, whatever its file format: documents, their text and their attributions.

Two readers fill it: PolNeAR's brat standoff (``brat.py``) and newsgraph's own gold
JSON (this module), a file like ``gold/seed.json``: ``{"input": "path of the text",
"published": "YYYY-MM-DD", "quotes": [{"text", "speaker", "cue", "kind", "optional"}]}``.
Gold JSON holds strings, not offsets; they are found in the text here, so both kinds
of gold are scored by the same span matching.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import GoldFormatError

Pieces = list[tuple[int, int]]
_WORD = re.compile(r"\w+")
# How far from its content a gold cue is looked for.
_CUE_WINDOW = 400


@dataclass
class GoldQuote:
    """One gold attribution: content, source and cue spans; or, in gold JSON, the speaker's name."""

    content: Pieces
    source: Pieces | None = None
    cue: Pieces | None = None
    speaker: str | None = None
    optional: bool = False


@dataclass
class GoldDoc:
    """One gold text and its attributions."""

    name: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)
    published: str | None = None
    # PolNeAR ties all the content of one cue into one attribution: "“A,” he said. “B.”" is one
    # content there, where newsgraph (and gold JSON) keep "B" as a quote continuing "A".
    one_per_cue: bool = False


def locate(text: str, phrase: str, near: int = 0) -> tuple[int, int] | None:
    """Where the words of ``phrase`` occur in ``text`` (marks, dashes and spaces aside), nearest to ``near``."""
    words = _WORD.findall(phrase)
    if not words:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    hits = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h[0] - near))


def _input_path(gold_path: Path, name: str) -> Path:
    for base in (gold_path.parent, gold_path.parent.parent, Path.cwd()):
        if (base / name).is_file():
            return base / name
    raise GoldFormatError(gold_path, f"cannot find its input {name!r} beside it or one folder up")


def _quote(text: str, item: dict[str, Any], path: Path) -> GoldQuote:
    content = locate(text, str(item.get("text") or ""))
    if content is None:
        raise GoldFormatError(path, f"quote not found in the text: {str(item.get('text'))[:60]!r}")
    cue = locate(text, item["cue"], content[0]) if item.get("cue") else None
    if cue is not None and abs(cue[0] - content[0]) > _CUE_WINDOW + content[1] - content[0]:
        cue = None
    return GoldQuote(
        content=[content],
        cue=[cue] if cue else None,
        speaker=item.get("speaker"),
        optional=bool(item.get("optional")),
    )


def read_gold_json(path: str | Path) -> list[GoldDoc]:
    """The document and quotes of a newsgraph gold JSON file."""
    from newsgraph.ingest import read_paths

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldFormatError(path, f"not readable as JSON: {error}") from error
    if not isinstance(data, dict) or "input" not in data or "quotes" not in data:
        raise GoldFormatError(path, 'gold JSON needs "input" and "quotes"')
    (article,) = read_paths([_input_path(path, data["input"])], published=data.get("published"))
    quotes = [_quote(article.text, item, path) for item in data["quotes"]]
    return [GoldDoc(name=Path(data["input"]).stem, text=article.text, quotes=quotes, published=data.get("published"))]


def read_gold(path: str | Path) -> list[GoldDoc]:
    """A brat folder or a gold JSON file, told apart by what the path is."""
    from newsgraph.eval.brat import read_brat

    path = Path(path)
    if path.is_dir():
        return read_brat(path)
    if path.is_file():
        return read_gold_json(path)
    raise GoldFormatError(path, "no such gold file or folder")
