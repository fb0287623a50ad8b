"""PolNeAR's brat standoff: ``text/NAME.txt`` beside ``attributions/NAME_ANNOTATOR.ann``.

Each ``E… Attribution:T… Source:T… Cue:T… Content:T…`` line ties one attribution's
spans together; a span may be discontinuous (``start end;start end``). Where several
annotators marked one text, the first ``.ann`` by name is the gold.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import GoldFormatError
from newsgraph.eval.gold import GoldDoc, GoldQuote

_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}


def parse_spans(field: str, path: Path) -> list[tuple[int, int]]:
    """ "12 20;25 30" -> [(12, 20), (25, 30)]."""
    spans = []
    for piece in field.split(";"):
        try:
            start, end = (int(x) for x in piece.split())
        except ValueError as error:
            raise GoldFormatError(path, f"bad span {piece!r} in brat annotation") from error
        spans.append((start, end))
    return spans


def read_ann(text: str, path: Path) -> list[GoldQuote]:
    """The attributions of one .ann file's text."""
    spans: dict[str, list[tuple[int, int]]] = {}
    quotes: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and " " in fields[1]:
            _, _, where = fields[1].partition(" ")
            spans[fields[0]] = parse_spans(where, path)
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, str] = {}
            for argument in fields[1].split():
                role, _, ref = argument.partition(":")
                if role in _ROLES:
                    roles[_ROLES[role]] = ref
            if "content" not in roles:
                continue
            quotes.append(roles)
    gold = []
    for roles in quotes:
        if roles["content"] not in spans:
            raise GoldFormatError(path, f"event refers to missing span {roles['content']}")
        gold.append(
            GoldQuote(
                content=spans[roles["content"]],
                source=spans.get(roles.get("source", "")),
                cue=spans.get(roles.get("cue", "")),
            )
        )
    return gold


def read_brat(folder: str | Path) -> list[GoldDoc]:
    """Every text of a brat folder with the attributions of its first annotator."""
    folder = Path(folder)
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise GoldFormatError(folder, "a brat gold folder holds text/ and attributions/")
    ann_files = sorted(annotations.glob("*.ann"))
    docs = []
    for text_path in sorted(texts.glob("*.txt")):
        name = text_path.stem
        own = [a for a in ann_files if a.stem == name or a.stem.rsplit("_", 1)[0] == name]
        if not own:
            continue
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        quotes = read_ann(own[0].read_text(encoding="utf-8"), own[0])
        docs.append(GoldDoc(name=name, text=text, quotes=quotes, one_per_cue=True))
    return docs
