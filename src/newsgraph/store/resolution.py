"""Entity resolution across the store: which record each article's entity belongs to, and why.

Every named entity of an article gets a *signature*: its family (for a person the
surname, "clinton"; for a one-word name the word; for any other name the whole name),
its folded name, its type and a hint (titles, affiliation and the other full names the
article called it by). Resolution decides per family, from the signatures' store-wide
counts only, so the result is the same whatever order the articles came in:

- a full person name is one record per first name and surname ("Donald J. Trump" is
  "Donald Trump"; "Bill Clinton" and "Hillary Clinton" stay apart as namesakes), and
  full names an article used for one person ("Joseph Biden", "Joe Biden") join;
- the type of a bare name ("Trump", "Washington") is voted over all the family's
  articles: each article naming the leading person of that surname in full votes PERSON,
  each bare name its own type, except where the article also named in full a person of that surname ("DuVernay"
  typed a place beside "Ava DuVernay" votes PERSON); an article counts once whatever its
  number of mentions, so that one article mistyping a name forty times does not outvote
  the others, and a tie goes to the other type (a place "Jordan" stays a place);
- a bare surname voted a person joins the namesake whose titles or affiliation it
  shares, else the only one, else the one reported at least twice as often as the next,
  provided that person is named in full in at least two articles or stood beside the
  bare name in its own; otherwise it is a record of its own, marked so;
- corrections by hand (``Override``) come last: a split name keeps a record of its own,
  and a merged record's signatures go to the record it was merged into.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsgraph.model import Entity
from newsgraph.store.linking import PERSON, aliases_of, fold, is_name

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Words that belong to the surname that follows them ("Bill de Blasio", "Ludwig van Beethoven").
PARTICLES = {"de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn"}
# Words that date a title rather than name it: "former President" is still "President".
TIME_WORDS = {"former", "then", "ex", "late", "acting", "current", "outgoing", "incoming", "interim", "future"}
# Abbreviated titles written out, so that "Sen. Cruz" and "Senator Ted Cruz" share a title.
ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "gen": "general",
    "sec": "secretary", "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
    "dr": "doctor", "prof": "professor", "atty": "attorney", "supt": "superintendent", "cmdr": "commander",
}  # fmt: skip
# A family of a whole multi-word name that is no person (an organisation, a place) starts with this.
WHOLE = "="
# How many times more often the leading namesake must be reported than the next to take bare surnames.
DOMINANCE = 2
# In how many articles a person must be named in full for a bare surname of other articles to join them:
# on real pages a surname met once beside a full name met once is as often another person (two Cohens).
SUPPORT = 2


@dataclass(frozen=True)
class Signature:
    """How one article's entity enters resolution; the unit that counts are kept for."""

    family: str
    key: str
    type: str
    hint: str


@dataclass(frozen=True)
class Counted:
    """A signature with its store-wide counts and its best written name."""

    signature: Signature
    name: str
    articles: int
    mentions: int
    # Articles where a full person name of the family stood beside this (bare) name.
    beside: int = 0


@dataclass(frozen=True)
class Target:
    """The record a signature belongs to (found or created by type and key), and why."""

    type: str
    key: str
    name: str
    reason: str


@dataclass(frozen=True)
class Override:
    """A correction by hand: ``merge`` sends record (type, key) into (into_type, into_key);
    ``split`` gives signatures named ``key`` a record of their own."""

    kind: str
    type: str
    key: str
    into_type: str | None = None
    into_key: str | None = None


@lru_cache(maxsize=65536)
def person_parts(key: str) -> tuple[str | None, str, str]:
    """(first name or None, surname with its particles, suffix) of a folded person name."""
    tokens = key.split()
    suffix = tokens.pop() if len(tokens) > 1 and tokens[-1] in SUFFIXES else ""
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in PARTICLES:
        start -= 1
    return (tokens[0] if start > 0 else None), " ".join(tokens[start:]), suffix


def is_bare(signature: Signature) -> bool:
    """A name without a first name: a surname alone, or a one-word name of any type."""
    return not (signature.type == PERSON and cluster_of(signature.key))


@lru_cache(maxsize=65536)
def cluster_of(key: str) -> str | None:
    """First name and surname ("donald j trump" -> "donald trump"), or None for a bare surname."""
    first, surname, suffix = person_parts(key)
    if first is None:
        return None
    return " ".join(part for part in (first, surname, suffix) if part)


def title_key(title: str) -> str:
    """A title as compared: folded, abbreviations written out, words that date it dropped."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in fold(title).split() if word not in TIME_WORDS)


def signature_of(entity: Entity) -> Signature | None:
    """The entity's signature, or None when it is no name ("the company", "he")."""
    key = fold(entity.name)
    if not key or not is_name(entity.name):
        return None
    if entity.type == PERSON:
        family = person_parts(key)[1]
    elif len(key.split()) == 1:
        family = key
    else:
        family = WHOLE + key
    if family.startswith(WHOLE):
        return Signature(family, key, entity.type, "")
    items = {f"t:{t}" for t in (title_key(title) for title in entity.titles) if t}
    if entity.affiliation and fold(entity.affiliation):
        items.add(f"o:{fold(entity.affiliation)}")
    own = cluster_of(key) if entity.type == PERSON else None
    for alias in aliases_of(entity):
        other = cluster_of(alias)
        if other and other != own and person_parts(alias)[1] == family:
            items.add(f"a:{other}")
    return Signature(family, key, entity.type, "|".join(sorted(items)))


@lru_cache(maxsize=65536)
def name_rank(name: str) -> tuple[int, int, str]:
    """Written forms compare by fewest capitals ("Hillary" before "HIllary"), then most letters beyond
    ASCII ("Ortíz" before "Ortiz", "Workers’" before "Workers'"), then alphabetically."""
    return (sum(c.isupper() for c in name), -sum(not c.isascii() for c in name), name)


def best_name(counted: Iterable[Counted]) -> str:
    """The most reported written form, the longer on a tie (the most complete name)."""
    return min(counted, key=lambda c: (-c.articles, -len(c.name), name_rank(c.name))).name


def hint_items(hint: str, *prefixes: str) -> set[str]:
    return {item for item in hint.split("|") if item and item[:2] in prefixes}


@dataclass
class Group:
    """The full names of one person: signatures whose first names and surname agree or that an article joined."""

    members: list[Counted]

    @cached_property
    def articles(self) -> int:
        return sum(c.articles for c in self.members)

    @cached_property
    def mentions(self) -> int:
        return sum(c.mentions for c in self.members)

    @cached_property
    def name(self) -> str:
        return best_name(self.members)

    @cached_property
    def key(self) -> str:
        return cluster_of(fold(self.name)) or fold(self.name)

    @cached_property
    def evidence(self) -> set[str]:
        return {item for c in self.members for item in hint_items(c.signature.hint, "t:", "o:")}


def groups_of(full: Sequence[Counted], joined: Sequence[tuple[str, str]] = ()) -> list[Group]:
    """Full person names grouped by first name and surname, joined where an article used both
    or where a merge by hand ``joined`` them (so that namesakes are weighed as merged)."""
    parent: dict[str, str] = {}

    def root(cluster: str) -> str:
        while parent.setdefault(cluster, cluster) != cluster:
            cluster = parent[cluster]
        return cluster

    for counted in full:
        own = root(cluster_of(counted.signature.key) or counted.signature.key)
        for item in hint_items(counted.signature.hint, "a:"):
            other = root(item[2:])
            if other != own:
                parent[max(own, other)] = min(own, other)
    for one, other in joined:
        one, other = root(one), root(other)
        if one != other:
            parent[max(one, other)] = min(one, other)
    found: dict[str, list[Counted]] = {}
    for counted in full:
        found.setdefault(root(cluster_of(counted.signature.key) or counted.signature.key), []).append(counted)
    # Only names some article wrote in full make groups; an alias alone makes none.
    return sorted((Group(members) for members in found.values()), key=lambda g: (-g.articles, g.key))


def plan(family: str, counted: Sequence[Counted], overrides: Sequence[Override] = ()) -> dict[Signature, Target]:
    """The record of every signature of one family, decided from the family's counts alone."""
    if family.startswith(WHOLE):
        targets = _whole_name(family, counted)
    else:
        merged = [(o.key, str(o.into_key)) for o in overrides if o.kind == "merge" and o.type == o.into_type == PERSON]
        targets = _surname(family, counted, merged)
    return apply_overrides(targets, {c.signature: c.name for c in counted}, overrides)


def _voted(votes: Counter[str]) -> str:
    """The type with most votes; on a tie a type other than PERSON, the alphabetically first: a bare
    name the articles typed a place as often as persons bore it as a surname is the place ("Jordan")."""
    return min(votes, key=lambda t: (-votes[t], t == PERSON, t))


def _tally(votes: Counter[str]) -> str:
    """The types by votes, without the numbers: a reason is rewritten only when the outcome changes."""
    return " over ".join(t for t, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])))


def _whole_name(family: str, counted: Sequence[Counted]) -> dict[Signature, Target]:
    votes: Counter[str] = Counter()
    for c in counted:
        votes[c.signature.type] += c.articles
    kind = _voted(votes)
    reason = "same name" if len(votes) == 1 else f"same name; type voted over articles ({_tally(votes)})"
    target = Target(kind, family[len(WHOLE) :], best_name(counted), reason)
    return {c.signature: target for c in counted}


def _surname(family: str, counted: Sequence[Counted], merged: Sequence[tuple[str, str]]) -> dict[Signature, Target]:
    full = [c for c in counted if not is_bare(c.signature)]
    bare = [c for c in counted if is_bare(c.signature)]
    groups = groups_of(full, merged)
    targets: dict[Signature, Target] = {}
    for group in groups:
        reason = "full name" if len(group.members) == 1 else "full names joined by first name or by an article"
        for c in group.members:
            targets[c.signature] = Target(PERSON, group.key, group.name, reason)
    if not bare:
        return targets
    votes: Counter[str] = Counter({PERSON: groups[0].articles} if groups else {})
    for c in bare:
        beside = c.beside if c.signature.type != PERSON else 0
        votes[PERSON] += beside
        votes[c.signature.type] += c.articles - beside
    votes = +votes
    kind = _voted(votes)
    voted = "" if len(votes) == 1 else f"; type voted over articles ({_tally(votes)})"
    if kind != PERSON or not groups:
        lone = "surname only, no full name in the store" if kind == PERSON else "same name"
        target = Target(kind, family, best_name(bare), lone + voted)
        return targets | {c.signature: target for c in bare}
    for c in bare:
        targets[c.signature] = _namesake(family, c, groups, bare, voted)
    return targets


def _namesake(family: str, bare: Counted, groups: list[Group], all_bare: Sequence[Counted], voted: str) -> Target:
    """Which full-named person a bare surname is: by shared title or affiliation, else the only or the leading one."""
    own = hint_items(bare.signature.hint, "t:", "o:")
    scores = [len(own & group.evidence) for group in groups]
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        group = groups[scores.index(best)]
        shared = ", ".join(sorted(item[2:] for item in own & group.evidence))
        return Target(PERSON, group.key, group.name, f"surname with the same title or affiliation ({shared}){voted}")
    first = groups[0]
    if len(groups) == 1:
        reason = "surname of the only full name in the store"
    elif first.articles >= DOMINANCE * groups[1].articles:
        reason = f"surname of the namesake reported at least {DOMINANCE} times as often as any other"
    else:
        names = ", ".join(g.name for g in groups[:3])
        return Target(PERSON, family, best_name(all_bare), f"surname shared by namesakes ({names}){voted}")
    if first.articles < SUPPORT and bare.beside < bare.articles:
        lone = f"surname only: {first.name} is named in full in too few articles to join"
        return Target(PERSON, family, best_name(all_bare), lone + voted)
    return Target(PERSON, first.key, first.name, reason + voted)


def apply_overrides(
    targets: dict[Signature, Target], names: dict[Signature, str], overrides: Sequence[Override]
) -> dict[Signature, Target]:
    """Hand corrections over the plan: splits first, then merges followed to their end.

    A merge's target has no name here (""): its record exists already and keeps its own."""
    splits = {o.key for o in overrides if o.kind == "split"}
    merges = {(o.type, o.key): o for o in overrides if o.kind == "merge" and o.into_type and o.into_key}
    done: dict[Signature, Target] = {}
    for signature, target in targets.items():
        if signature.key in splits and signature.key != target.key:
            target = Target(target.type, signature.key, names[signature], "split by hand")
        seen = set()
        while (target.type, target.key) in merges and (target.type, target.key) not in seen:
            seen.add((target.type, target.key))
            into = merges[(target.type, target.key)]
            target = Target(str(into.into_type), str(into.into_key), "", "merged by hand")
        done[signature] = target
    return done
