"""Build newsgraph's actor codes from the Phoenix actor and agent dictionaries.

    .venv/bin/python scripts/build_event_actors.py [--dictionaries ../shared/data/event-dictionaries]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` (named actors: countries, their cities, leaders and
forces; international organisations; armed groups) and ``Phoenix.agents.txt`` (generic
agents: "police", "rebels", "farmers") from UniversalPetrarch (MIT, see NOTICE), and writes
``src/newsgraph/pipeline/data/events_actor_codes.json``:

- ``names``: a lower-case name -> its CAMEO actor code as of today ("benjamin netanyahu" ->
  "ISRGOV", "kabul" -> "AFG", "hamas" -> "PSEREB"): the first three letters are the country
  (or IGO/IMG/NGO for international ones), the next three, when present, the sector.
- ``agents``: a lower-case agent noun -> its sector ("police" -> "COP", "rebel" -> "REB").

A person's code that changes over time ("[ISRGOV >090401]") is taken from the range that is
still open, else the undated one, else the last one listed. Deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DICTIONARIES = ROOT.parent / "shared" / "data" / "event-dictionaries"
OUTPUT = ROOT / "src" / "newsgraph" / "pipeline" / "data" / "events_actor_codes.json"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
CODE = re.compile(r"\[([A-Z~]{3,}[A-Z]*)(?:\s+([0-9<>-]*))?\]")
# Names too short or too common to stand for an actor on their own in running text.
MIN_NAME = 3


def _name(text: str) -> str:
    """ "BENJAMIN_NETANYAHU_" -> "benjamin netanyahu" (a final "_" marks "no inflection")."""
    return re.sub(r"\s+", " ", text.split("#", 1)[0].strip().strip("+").strip("_").replace("_", " ")).lower()


def _current(codes: list[tuple[str, str]]) -> str | None:
    """The code whose date range is still open ("090331-" or ">090401"), else the undated one, else the last."""
    for code, dates in codes:
        if dates.startswith(">") or dates.endswith("-"):
            return code
    for code, dates in codes:
        if not dates:
            return code
    return codes[-1][0] if codes else None


def read_actors(path: Path) -> dict[str, str]:
    """Every name and synonym of an actor file with its current code."""
    names: dict[str, str] = {}
    group: list[str] = []
    codes: list[tuple[str, str]] = []
    # Names listed without a code of their own before the names of the same person that carry them ("BORIS_YELTSIN_",
    # "YELTSIN", "PRESIDENT_YELTSIN", then "RUSSIAN_PRESIDENT_YELTSIN" with "[RUSGOV ...]"): one actor, whose codes
    # follow the last of its lines.
    pending: list[str] = []

    def flush() -> None:
        nonlocal pending
        code = _current(codes)
        if code is None:
            unread = "[" in " ".join(group)  # a code this reader cannot parse: not a name without one
            pending = [] if unread else pending + group if _same_person(pending, group) else group
            return
        for name in (pending if _same_person(pending, group) else []) + group:
            if len(name) >= MIN_NAME:
                names.setdefault(name, code)
        pending = []

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [(m.group(1), m.group(2) or "") for m in CODE.finditer(line)]
        text = CODE.sub("", line).strip()
        if raw[:1].isspace() and not text:
            codes.extend(found)  # "\t[AFGMIL]": a code line of the current actor
            continue
        if text.startswith("+"):
            group.append(_name(text))
            codes.extend(found)
            continue
        if text:
            flush()
            group, codes = [_name(text)], found
    flush()
    return names


def _same_person(before: list[str], group: list[str]) -> bool:
    """Two runs of names end in the same word: the same person's names ("boris yeltsin", "russian president
    yeltsin")."""
    return bool(before) and bool(group) and before[0].split()[-1:] == group[0].split()[-1:]


def read_agents(path: Path) -> dict[str, str]:
    """Agent nouns with their sector; "!PERSON!" stands for man, men, woman, women, person."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            key, _, values = line.partition("=")
            substitutions[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = re.search(r"\[~([A-Z]{3})[A-Z]*\]", line)
        if found is None:
            continue
        text = re.sub(r"\{[^}]*\}", "", line[: found.start()]).strip()
        variants = [text]
        for key, words in substitutions.items():
            variants = sorted({v.replace(key, f"_{word}") if key in v else v for v in variants for word in words})
        for variant in variants:
            name = _name(variant)
            if name and "!" not in name:
                agents.setdefault(name, found.group(1))
    return agents


def build(dictionaries: Path) -> dict[str, object]:
    names: dict[str, str] = {}
    for file in ACTOR_FILES:
        for name, code in read_actors(dictionaries / file).items():
            names.setdefault(name, code)
    return {
        "_about": "GENERATED by scripts/build_event_actors.py from the Phoenix actor and agent dictionaries "
        "(UniversalPetrarch, MIT; see NOTICE): do not edit here. names: lower-case actor name -> CAMEO actor "
        "code (country or IGO/IMG/NGO, then sector); agents: lower-case agent noun -> sector.",
        "names": dict(sorted(names.items())),
        "agents": dict(sorted(read_agents(dictionaries / "Phoenix.agents.txt").items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dictionaries", type=Path, default=DEFAULT_DICTIONARIES)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = build(args.dictionaries)
    args.output.write_text(json.dumps(data, indent=0, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['names'])} names, {len(data['agents'])} agents")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
