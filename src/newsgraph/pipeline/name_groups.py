"""The grouping of name variants into one referent each: same key, misspellings, surnames and acronyms.

A person is named in full once and by surname after ("Hillary Clinton", "Clinton",
"Mrs. Clinton"), an organisation by name and initials; each variant joins the one full
name it fits, never two, and a surname two people bear goes to the one the text means.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.name_keys import SAME_KEY, name_words
from newsgraph.pipeline.name_repairs import RawMention
from newsgraph.pipeline.people_words import first_name_sex, honorific_sex
from newsgraph.pipeline.syntax import is_possessive
from newsgraph.pipeline.titles import PLACE_LABELS

_LEXICON = load_data("entities_en.json")
# When mentions of one name disagree on the label and the votes tie, the earlier label here wins.
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")
# Labels a bare surname is often mistagged with; GPE and LOC are left out ("Washington", "Jordan").
SURNAME_MISLABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP", "EVENT", "LAW"})
# Country names, capitals and short forms, which stay places even beside a namesake ("Jordan", "Washington").
LISTED_PLACES = frozenset(name for names in load_data("events_countries.json")["codes"].values() for name in names)
# Prepositions before a name that say it is a place: the lexicon's, and those of motion into one ("into Sondland"
# would; "to" and "from" take people too).
_PLACE_PREPOSITIONS = frozenset(_LEXICON["place_prepositions"]) | {"into", "inside"}
# Labels NER gives a full person's name by mistake.
PERSON_MISLABELS = frozenset({"ORG", "GPE", "FAC"})
# Honorifics only a person takes ("Mother Jones" and "King Abdullah" are left out).
PERSONAL_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"})
# Words that end or fill the names of organisations and places, never a surname.
_THING_WORDS = frozenset(_LEXICON["org_name_endings"]) | frozenset(_LEXICON["actor_heads"]) | {"and", "of", "the"}
# First names shorter than this are names of their own one letter apart ("Jon", "Jan"), not misspellings.
MIN_MISSPELT_LENGTH = 4
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in"})


@dataclass
class Group:
    """Mentions of one referent, gathered from NER mentions whose names are variants of each other."""

    mentions: list[RawMention]
    label: str
    # The words of its fullest name, for matching surnames and first names.
    words: tuple[str, ...]
    # Keys of misspelt forms among its mentions ("hilary clinton"), which never name the entity.
    misspelt: set[str] = field(default_factory=set)
    # A surname that people of the article bear, left over where none of them could be told.
    borne: bool = False


def group_mentions(doc: Doc, mentions: list[RawMention], common_words: frozenset[str] | None = None) -> list[Group]:
    """One group per referent: same key (any label, majority wins), then person and acronym variants.

    ``common_words`` are the lower-case English nouns and adjectives of a dictionary, which
    tell a surname from a word naming a thing ("Sharon Statement"); None when unknown.
    """
    by_key: dict[str, list[RawMention]] = {}
    for mention in mentions:
        by_key.setdefault(SAME_KEY.get(mention.key, mention.key), []).append(mention)
    groups = [Group(ms, majority_label(ms), _fullest_words(doc, ms)) for ms in by_key.values()]
    for group in groups:
        if group.label in PERSON_MISLABELS and reads_as_person_name(doc, group, common_words):
            group.label = "PERSON"
    _retype_people_institutions(groups)
    groups = _merge_person_variants(doc, _merge_misspellings(doc, groups), common_words)
    return _merge_acronyms(doc, groups)


def reads_as_person_name(doc: Doc, group: Group, common_words: frozenset[str] | None) -> bool:
    """Whether a name reads as a person's full name, whatever NER made of it ("Naghmeh Abedini" tagged ORG).

    A listed first name, then one or two capitalised words that name no kind of thing. The
    surname must be no dictionary word ("Sharon Statement", "Henry Realty") unless the text
    itself calls its bearer "Mr." or "Ms." ("Ms. Haley").
    """
    if not 2 <= len(group.words) <= 3:
        return False
    if first_name_sex(group.words[0]) is None or any(w in _THING_WORDS for w in group.words[1:]):
        return False
    mention = max(group.mentions, key=lambda m: m.end - m.start)
    if not all(_name_word(token) for token in doc[mention.start : mention.end]):
        return False
    surname = group.words[-1]
    if common_words is not None and surname not in common_words:
        return True
    # The surname's places are read from spaCy's array: scanning the text token by token for every such name
    # cost more than all the rest of the entity component's name tests.
    places = (doc.to_array(LOWER) == get_string_id(surname)).nonzero()[0]
    return any(i > 0 and doc[int(i) - 1].lower_ in PERSONAL_HONORIFICS for i in places)


def _name_word(token: Token) -> bool:
    """A capitalised word as names are spelt ("Abedini", "O'Neil", "R."), not run-together debris."""
    letters = token.text.replace("'", "").replace("’", "").replace("-", "").rstrip(".")
    return letters.isalpha() and token.text[:1].isupper() and sum(ch.isupper() for ch in letters) <= 2


def _retype_people_institutions(groups: list[Group]) -> None:
    """ "the Obama White House" tagged PERSON is the White House of Obama's time: an organisation.

    Its words are a person's surname named elsewhere in the text, then a name the text
    also gives an organisation or a place; left a person, "White House" joins it as a surname.
    """
    institutions = {g.words for g in groups if g.label != "PERSON" and len(g.words) > 1}
    for group in groups:
        if group.label != "PERSON" or len(group.words) < 3 or group.words[1:] not in institutions:
            continue
        if any(g is not group and g.label == "PERSON" and g.words[-1] == group.words[0] for g in groups):
            group.label = "ORG"


def _merge_misspellings(doc: Doc, groups: list[Group]) -> list[Group]:
    """ "Hilary Clinton" once beside "Hillary Clinton": one person, her first name misspelt once.

    Only a full name said once, whose first name is one letter off another full name's
    and whose other words are the same, joins that name, and only when nothing says they
    are two people: a spelling the text uses again is deliberate ("Ivana" and "Ivanka
    Trump"), two listed first names are two names ("Sara", "Sarah"), sexes must agree,
    and the names must end alike ("Eric" and "Erica Garner", father and daughter).
    """
    full = [g for g in groups if g.label == "PERSON" and len(g.words) > 1]
    merged: set[int] = set()
    for rare in full:
        if len(rare.mentions) != 1:
            continue
        owners = [g for g in full if g is not rare and id(g) not in merged and _misspelling_of(doc, rare, g)]
        if len(owners) == 1:
            owners[0].mentions.extend(rare.mentions)
            owners[0].misspelt.add(rare.mentions[0].key)
            merged.add(id(rare))
    return [g for g in groups if id(g) not in merged]


def _misspelling_of(doc: Doc, rare: Group, usual: Group) -> bool:
    """Whether the one-off full name ``rare`` is ``usual`` with its first name misspelt."""
    first, other = rare.words[0], usual.words[0]
    if rare.words[1:] != usual.words[1:] or min(len(first), len(other)) < MIN_MISSPELT_LENGTH:
        return False
    if first[-1] != other[-1] or not _one_edit_apart(first, other):
        return False  # an ending changed or added is another name, often the other sex's ("Eric", "Erica")
    listed = first_name_sex(first) is not None, first_name_sex(other) is not None
    if all(listed):
        return False
    sexes = {_sex_of(doc, rare), _sex_of(doc, usual)} - {None}
    if len(sexes) > 1:
        return False
    # Said as often, the listed spelling is the usual one; neither listed, nothing tells which.
    return len(usual.mentions) > len(rare.mentions) or (listed[1] and not listed[0])


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _fullest_words(doc: Doc, mentions: list[RawMention]) -> tuple[str, ...]:
    return max((name_words(doc[m.start : m.end].text) for m in mentions), key=len)


def majority_label(mentions: list[RawMention]) -> str:
    counts = Counter(m.label for m in mentions)
    return max(counts, key=lambda label: (counts[label], -_priority(label)))


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _merge_person_variants(doc: Doc, groups: list[Group], common_words: frozenset[str] | None = None) -> list[Group]:
    """Fold shorter forms of a person's name into the one full name they fit, never into two."""
    full = [g for g in groups if g.label == "PERSON" and len(g.words) > 1]
    by_last: dict[str, list[Group]] = {}
    for group in full:
        by_last.setdefault(group.words[-1], []).append(group)
    mislabelled = [g for g in groups if g.label in SURNAME_MISLABELS and len(g.words) > 1]
    merged: set[int] = set()
    for group in sorted(full + mislabelled, key=lambda g: len(g.words)):
        same_last = by_last.get(group.words[-1], [])
        if group.label != "PERSON":  # only a double surname: "Van Voorhis" of "Chandler Van Voorhis"
            same_last = [g for g in same_last if g.words[-len(group.words) :] == group.words]
        longer = sorted(
            (g for g in same_last if id(g) not in merged and _fits_inside(group.words, g.words)),
            key=lambda g: len(g.words),
        )
        if all(_fits_inside(a.words, b.words) for a, b in pairwise(longer)):
            longer = longer[:1]  # nested forms of one name: they merge upwards in turn
        if len(longer) == 1:
            longer[0].mentions.extend(group.mentions)
            merged.add(id(group))
    by_word: dict[str, list[Group]] = {}
    for group in full:
        if id(group) not in merged:
            for word in _ends_of_forms(doc, group):
                by_word.setdefault(word, []).append(group)
    kept: list[Group] = []
    named: dict[int, list[int]] = {}
    for group in groups:
        if len(group.words) != 1 or not (
            group.label == "PERSON" or group.label in SURNAME_MISLABELS or _surname_as_place(doc, group)
        ):
            kept.append(group)
            continue
        if group.words[0] in SAME_KEY or _acronym(doc, group):
            kept.append(group)  # "U.N." is no surname of "Kim Jong Un"
            continue
        owners = by_word.get(group.words[0], [])
        if group.label != "PERSON":
            owners = [g for g in owners if g.words[-1] == group.words[0]]
        if group.label in PLACE_LABELS:  # a surname tagged a place ("Sondland"); "N. Korea" is no bearer of "Korea"
            owners = [g for g in owners if _first_name_like(g, common_words)]
        parts = _by_honorific(doc, group)
        for part in parts:
            if len(owners) == 1 and _sexes_agree(doc, part, owners[0], len(parts) > 1):
                owners[0].mentions.extend(part.mentions)
            elif len(owners) > 1 and group.label == "PERSON" and all(g.words[-1] == group.words[0] for g in owners):
                kept.extend(_to_bearers(doc, part, owners, named, common_words))
            else:
                kept.append(part)
    return [g for g in kept if id(g) not in merged]


def _surname_as_place(doc: Doc, group: Group) -> bool:
    """A one-word GPE or LOC that may be a mistagged surname ("Sondland" after "Gordon Sondland").

    The surname's bearer must still be named in full elsewhere; here it is only ruled out that
    the word names a place: a listed country or capital, or a word the text puts after a
    preposition of place that is not a possessor ("in Sondland's testimony" is about him).
    """
    if group.label not in PLACE_LABELS or group.words[0] in LISTED_PLACES:
        return False
    for mention in group.mentions:
        after = doc[mention.end] if mention.end < len(doc) else None
        possessor = after is not None and is_possessive(after)
        if mention.start > 0 and doc[mention.start - 1].lower_ in _PLACE_PREPOSITIONS and not possessor:
            return False
    return True


def _to_bearers(
    doc: Doc, part: Group, owners: list[Group], named: dict[int, list[int]], common_words: frozenset[str] | None
) -> list[Group]:
    """A bare surname two people bear ("Clinton" after "Hillary Clinton" and "Bill Clinton") is the one
    the text has named more often so far, or of two named as often, the one named last.

    ``named`` holds where each owner's name was said before any bare surname joined it. A
    "Mr." or "Mrs." goes only to a bearer known to be of that sex ("Mrs. Clinton" just
    after "Bill Clinton"). Nothing is taken before any bearer is named, nor when the one
    chosen was last named in the same sentence as a bearer named as often, one of unknown
    sex beside a "Mr.", or NER debris ("Team Clinton"), which never takes the surname
    itself. On PolNeAR train 0-400, one bare surname read per document, the last named
    bearer was right for 57 of 77, and the most named one won 4 of the 4 cases without an
    honorific where the two disagree.
    """
    left: list[RawMention] = []
    for mention in part.mentions:
        sex = honorific_sex(doc, mention.start)
        said = {i: s for i, owner in enumerate(owners) if (s := _said_before(owner, named, mention.start))}
        eligible = [
            (len(s), s[-1], i)
            for i, s in said.items()
            if _first_name_like(owners[i], common_words) and (sex is None or _sex_of(doc, owners[i]) == sex)
        ]
        eligible.sort(reverse=True)
        if not eligible or (
            len(eligible) > 1
            and eligible[0][0] == eligible[1][0]
            and not _sentence_ends_between(doc, eligible[1][1], eligible[0][1])
        ):
            left.append(mention)
            continue
        last, chosen = eligible[0][1], eligible[0][2]
        rivals = [
            s[-1]
            for i, s in said.items()
            if i != chosen
            and (not _first_name_like(owners[i], common_words) or (sex is not None and _sex_of(doc, owners[i]) is None))
        ]
        if any(not _sentence_ends_between(doc, min(r, last), max(r, last)) for r in rivals):
            left.append(mention)
        else:
            owners[chosen].mentions.append(mention)
    return [Group(left, part.label, part.words, borne=True)] if left else []


def _said_before(owner: Group, named: dict[int, list[int]], start: int) -> list[int]:
    """Where the owner's name was said before ``start``, in text order."""
    return sorted(s for s in named.setdefault(id(owner), _starts(owner)) if s < start)


def _sentence_ends_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence ends between two tokens: two bearers last named in one sentence
    ("Maria Lopez and Daniel Lopez founded it") leave none named last."""
    return any(token.text in (".", "!", "?") or "\n" in token.text for token in doc[start:end])


def _first_name_like(group: Group, common_words: frozenset[str] | None) -> bool:
    """Whether one of a group's full names starts with a listed first name or a word no dictionary has:
    "Team Clinton" and "Fascist Trump" are NER debris, not bearers of the surname."""
    firsts = {words[0] for words in (name_words(m.key) for m in group.mentions) if len(words) > 1}
    return any(first_name_sex(w) is not None or common_words is None or w not in common_words for w in firsts)


def _starts(group: Group) -> list[int]:
    return [m.start for m in group.mentions]


def _by_honorific(doc: Doc, group: Group) -> list[Group]:
    """A surname said with both "Mr." and "Mrs." names two people ("Mr. Abedini" and his wife): one part each.

    The mentions with no honorific cannot be told apart: they stay with the sex the text
    names more often, or, when both are named as often, are a part of their own.
    """
    parts: dict[str | None, list[RawMention]] = {}
    for mention in group.mentions:
        parts.setdefault(honorific_sex(doc, mention.start), []).append(mention)
    if not ("m" in parts and "f" in parts):
        return [group]
    if None in parts and len(parts["m"]) != len(parts["f"]):
        parts["m" if len(parts["m"]) > len(parts["f"]) else "f"].extend(parts.pop(None))
    return [Group(sorted(ms, key=lambda m: m.start), group.label, group.words) for ms in parts.values()]


def _sexes_agree(doc: Doc, short: Group, owner: Group, split: bool) -> bool:
    """Whether the honorifics of a lone surname fit the full name's person: "Mrs. Abedini" is not
    "Saeed Abedini" when the text calls him "Mr." or his first name is a man's.

    A lone surname said with both honorifics has one part that is not the full name's
    person; which one, only evidence of the owner's sex tells: without it neither joins.
    """
    said = {honorific_sex(doc, m.start) for m in short.mentions} - {None}
    sex = _sex_of(doc, owner) if said else None
    if sex is None:
        return not split  # bare mentions, or an owner of unknown sex: either of two people
    return said == {sex}


def _sex_of(doc: Doc, group: Group) -> str | None:
    """A full name's sex from its first name, or from an honorific before the full name itself."""
    sex = first_name_sex(group.words[0])
    if sex is not None:
        return sex
    said = {honorific_sex(doc, m.start) for m in group.mentions} - {None}
    return said.pop() if len(said) == 1 else None


def _ends_of_forms(doc: Doc, group: Group) -> set[str]:
    """First and last words of every full form in a group: "Hillary" names "Crooked Hillary Clinton" too."""
    ends: set[str] = set()
    for key in {m.key for m in group.mentions}:
        words = name_words(key)
        if len(words) > 1:
            ends.update((words[0], words[-1]))
    return ends


def _acronym(doc: Doc, group: Group) -> bool:
    return all(not any(ch.islower() for ch in doc[m.start : m.end].text) for m in group.mentions)


def _fits_inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Hillary Clinton" inside "Hillary Rodham Clinton" or "Crooked Hillary Clinton": same surname, words in order."""
    if len(short) >= len(long) or short[-1] != long[-1]:
        return False
    rest = iter(long[:-1])
    return all(word in rest for word in short[:-1])


def _merge_acronyms(doc: Doc, groups: list[Group]) -> list[Group]:
    """ "NSC" with "National Security Council" when no other organisation has the same initials."""
    initials: dict[str, list[Group]] = {}
    for group in groups:
        words = [w for w in group.words if w not in ACRONYM_SKIP]
        if group.label == "ORG" and len(words) > 1:
            initials.setdefault("".join(w[0] for w in words), []).append(group)
    merged: set[int] = set()
    for group in groups:
        texts = {doc[m.start : m.end].text.replace(".", "") for m in group.mentions}
        acronym = next((t for t in texts if t.isupper() and t.isalpha() and 1 < len(t) < 7), None)
        owners = initials.get(acronym.lower(), []) if acronym else []
        if len(owners) == 1 and owners[0] is not group and group.label != "PERSON":
            owners[0].mentions.extend(group.mentions)
            merged.add(id(group))
    return [g for g in groups if id(g) not in merged]
