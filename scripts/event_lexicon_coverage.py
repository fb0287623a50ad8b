"""How much of the CAMEO verb dictionary reaches newsgraph's event lexicon.

    .venv/bin/python scripts/event_lexicon_coverage.py [--dictionaries ../shared/data/event-dictionaries]

Counts, for the shipped ``events_lexicon.json``: the dictionary's single verbs with a code, its multi-word verbs
("+CARRY_OUT"), the patterns written for a multi-word verb ("- * RAID [190] # CARRIED_OUT"), the inflected forms
it spells out ("STRIVE {STROVE}"), and the synonym sets its patterns name. What does not reach the lexicon is a
loss of the conversion, not of the dictionary: the script says where the conversion drops words. With
``--reach N`` it also parses a sentence built from each of N frames ("Officials will lift the ban on trade.") and
counts the frames the matcher meets there: a frame no sentence of its own meets is too strict for the parse.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import build_event_lexicon as build

LEXICON = build.OUTPUT


def _mentions(frames: list[object], word: str) -> bool:
    """Whether a verb's frames require a multi-word verb's second word, in any place."""
    for frame in frames:
        if isinstance(frame, dict) and word in {
            *frame.get("particle", []),
            *frame.get("prep", []),
            *frame.get("object", []),
        }:
            return True
    return False


def coverage(dictionaries: Path, lexicon: dict[str, object]) -> Counter[str]:
    lines = (dictionaries / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    table = build.read_plover_table(
        dictionaries / "CAMEO2PLOVER-2021.txt", build.read_manual_modes(dictionaries / "PLOVER_MANUAL.tex")
    )
    synsets = build.read_synsets(lines)
    blocks = build.read_blocks(lines, table, synsets)
    verbs: dict[str, list[object]] = lexicon["verbs"]  # type: ignore[assignment]
    forms: dict[str, str] = lexicon.get("verb_forms", {})  # type: ignore[assignment]
    counts: Counter[str] = Counter()
    for block in blocks:
        coded = block.default not in (None, build.NO_EVENT) or bool(block.patterns)
        for verb, own in block.verbs.items():
            if own not in (None, build.NO_EVENT) or coded:
                counts["single verbs with a code"] += 1
                counts["  in the lexicon"] += verb in verbs
        for multi in block.multi:
            counts["multi-word verbs of two words"] += 1
            counts["  with a frame naming their second word"] += _mentions(verbs.get(multi.verb, []), multi.word)
            counts["patterns written for a multi-word verb, read"] += len(multi.patterns)
            counts["  given to that verb with its second word"] += sum(
                _given(verbs.get(multi.verb, []), pattern.frame(), multi.word) for pattern in multi.patterns
            )
        for form, verb in block.forms.items():
            counts["inflected forms spelt out"] += 1
            counts["  listed, or regular"] += form in forms or _regular(form, verb)
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    for raw in lines[start + 1 :]:
        line = raw.split("#", 1)[0]
        if raw.startswith("+"):
            name = re.sub(r"\{[^}]*\}", "", line[1:]).split("[")[0].strip()
            if name.count("_") != 1 or name.upper().endswith(("_AND", "_OR")):
                counts["multi-word verbs of three words or coordinations (left out)"] += 1
        elif raw.startswith("-"):
            origin = raw.split("#", 1)[1].split(",")[0].strip() if "#" in raw else ""
            counts["patterns written for a multi-word verb"] += "_" in origin
            for name in re.findall(r"&[A-Z_0-9]+", line):
                counts["synonym set references"] += 1
                counts["  to an undefined set"] += name not in synsets
    return counts


def _given(frames: list[object], frame: dict[str, object], word: str) -> bool:
    """Whether a verb's frames hold a pattern's frame with a multi-word verb's second word required."""
    own = {k: v for k, v in frame.items() if k not in ("particle", "prep")}
    return any(
        isinstance(f, dict)
        and {k: v for k, v in f.items() if k not in ("particle", "prep")} == own
        and _mentions([f], word)
        for f in frames
    )


def _regular(form: str, verb: str) -> bool:
    """A form the lemma rules of ``newsgraph.pipeline.events.lexicon.lemma_in`` take back to its verb."""
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")):
        stem = form[: -len(suffix)] if form.endswith(suffix) else None
        if stem is not None and (stem + repl == verb or (not repl and stem[:-1] == verb and stem[-1:] == verb[-1:])):
            return True
    return form == verb


def reach(lexicon: dict[str, object], size: int, seed: int) -> Counter[str]:
    """Frames the matcher meets in a sentence built from the frame itself ("Officials will lift the ban on
    trade."), by the conditions they name: a frame no such sentence meets is too strict for the parse.

    A sample of the frames that name only an object, a particle or a preposition (a subject's or a named
    party's frames need sentences of their own), parsed by the shipped model.
    """
    from newsgraph.pipeline import Extractor
    from newsgraph.pipeline.events.frames import _frames
    from newsgraph.pipeline.events.lexicon import lexicon as shipped
    from newsgraph.pipeline.events.matching import _match

    frames = [(verb, frame) for verb, spec in lexicon["verbs"].items() for frame in _plain(spec, lexicon["blocks"])]  # type: ignore[union-attr]
    sample = random.Random(seed).sample(frames, min(size, len(frames)))
    nlp = Extractor().nlp
    lex = shipped()
    counts: Counter[str] = Counter()
    docs = nlp.pipe([_sentence(verb, frame) for verb, frame in sample])
    for (_, frame), doc in zip(sample, docs, strict=True):
        kind = "+".join(k for k in ("particle", "object", "prep") if frame.get(k))
        met = _match(_frames([frame]), doc[2], False, lex.recipients, lex.bodies) is not None
        counts[f"frames of {kind}"] += 1
        counts[f"  met in a sentence of their own ({kind})"] += met
    return counts


def _plain(spec: list[object], blocks: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """A verb's frames that name only an object, a particle or a preposition, its blocks' read as it reads them."""
    found = []
    for item in spec:
        inner = blocks[item["block"]] if isinstance(item, dict) and "block" in item else [item]
        added = {k: item[k] for k in ("particle", "prep") if isinstance(item, dict) and "block" in item and k in item}
        for frame in inner:
            if isinstance(frame, dict) and frame.get("type") != "NONE" and set(frame) <= PLAIN:
                found.append({**frame, **added})
    return found


PLAIN = {"particle", "object", "prep", "type", "reverse"}


def _sentence(verb: str, frame: dict[str, Any]) -> str:
    words = ["Officials", "will", verb, *frame.get("particle", [])[:1]]
    if frame.get("object"):
        words += ["the", sorted(frame["object"])[0]]
    if frame.get("prep"):
        prep, *rest = sorted(frame["prep"])[0].split()
        if rest and rest[0] in ("of", "from", "to"):
            prep, rest = f"{prep} {rest[0]}", rest[1:]
        words += [prep, "the", *(rest or ["rebels"])]
    return " ".join(words) + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dictionaries", type=Path, default=build.DEFAULT_DICTIONARIES)
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    parser.add_argument("--reach", type=int, default=0, help="also parse this many frames' own sentences")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    lexicon = json.loads(args.lexicon.read_text(encoding="utf-8"))
    counts = coverage(args.dictionaries, lexicon)
    if args.reach:
        counts.update(reach(lexicon, args.reach, args.seed))
    for name, count in counts.items():
        print(f"{count:6d}  {name}")


if __name__ == "__main__":
    main()
