"""Reported speech from the dependency parse: "X said (that) …", "…, saying that …", "according to X"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.extensions import indices_where
from newsgraph.pipeline.intervals import Intervals
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.content import DASHES, reported_range
from newsgraph.pipeline.quotes.cues import RELATIVE_TAGS, according_source, cue_end, is_according, is_cue, lexicon
from newsgraph.pipeline.quotes.labels import name_before_colon
from newsgraph.pipeline.quotes.reporters import claim_owner, reporter, speaker_span
from newsgraph.pipeline.quotes.subjects import can_speak, demonstrative, set_off_before, subject_of

# What a raising verb says of its subject: "appears [to be dead]", "seems [uneasy]", "It appears [that …]".
_RAISED = frozenset({"xcomp", "acomp", "ccomp", "attr"})
# Verbs whose "as" clause names a source for the sentence: "As the Gazette reported, …", "As Ryan pointed out, …".
_AS_SOURCES = frozenset(
    {"report", "note", "say", "write", "explain", "point", "tell", "reveal", "mention", "observe", "state"}
)
# A clause a verb says of its own ("said [he would]", "told them [to]"): no "as" clause then.
_SAID_OBJECTS = frozenset({"ccomp", "xcomp"})
_SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass"})
# The marks that set an aside off, each with the mark that closes it.
_ASIDE_MARKS = {"(": ")", "--": "--", "—": "—", "–": "–"}
_EDGE_PUNCT = ",.;:!?—–-\"“”'‘’()"
# Marks that set a clause against the one before it: "…, while other voters said …".
_CONTRAST_MARKS = frozenset({"while", "whereas"})


@dataclass
class Candidate:
    """A quote found but not yet resolved: spans as (start, end) character offsets."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    cue_token: int | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    # What the report ascribes (``acts.py``): only speech is stored as a quote.
    act: str = acts.SPEECH
    # The quote this one goes on with, speaker and all, having no cue of its own.
    continues: Candidate | None = None
    # Proposed by the report scorer (``learned.py``) rather than read by the rules from a listed cue.
    scored: bool = False
    # Who relayed the speaker's words to the writer: "“…,” X said, according to [Y]".
    via: tuple[int, int] | None = None


def trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range first..last (inclusive) as characters, without punctuation at its edges or a dateline
    before it ("(CNN) President Trump, according to the White House, made …" reports from "President")."""
    while first <= last and (doc[first].text in _EDGE_PUNCT or credit(doc[first])):
        first += 1
    while last >= first and (doc[last].text in _EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _from_verb(verb: Token) -> Candidate | None:
    found = reported_range(verb)
    if found is None:
        return None
    first, last, act = found
    lead = _relative_lead(verb, first, last)
    if first < verb.i <= last:
        # "records that officials said would harm …": the relative pronoun opens the clause before the verb.
        first = verb.right_edge.i + 1 if verb.right_edge.i < last else verb.i + 1
    span = trimmed(verb.doc, first, last)
    if span is None or span[0] <= verb.idx < span[1]:
        return None
    if act == acts.STANCE:
        act = acts.of_object(verb, verb.doc[first : last + 1].text)
    subject = reporter(verb)
    if subject is not None and demonstrative(subject):
        # "That said, the agency says …": an idiom of the writer's, not a report; the report is the one inside.
        return None
    if subject is not None and first <= subject.i <= last:
        if last < verb.i and subject == set_off_before(verb):
            span = trimmed(verb.doc, first, subject.left_edge.i - 1)
        else:
            subject = None
    if span is None:
        return None
    report = _verb_report(verb, span, subject, act)
    lead = lead or _fronted(verb, subject, first)
    if lead is not None and lead[1] <= verb.idx:
        report.start, report.parts = lead[0], [lead, span]
    return report


def _fronted(verb: Token, subject: Token | None, first: int) -> tuple[int, int] | None:
    """ "It is no surprise, Mr. Garin said, that …": a clause of its own set off before the speaker is the first
    part of what was said when the report goes on after the verb; PolNeAR takes it as the content's first piece.
    One holding a report of its own ("While he admitted that …, he argued …"), opened by a preposition (the
    parser's "In a statement released after …, he said …") or without a tensed verb is not."""
    if subject is None or not subject.i < verb.i < first or verb.lemma_.lower() not in lexicon().speech:
        return None
    doc = verb.doc
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.i < subject.left_edge.i), None)
    if clause is None or clause.left_edge.pos_ in {"ADP", "SCONJ", "CCONJ"} or not _finite(clause):
        return None
    if doc[clause.right_edge.i + 1].text != "," or clause.right_edge.i + 2 != subject.left_edge.i:
        return None
    words = list(clause.subtree)
    if any(t.text in DASHES or is_cue(t, lexicon().indirect) or is_according(t) for t in words):
        return None  # a dateline ("WASHINGTON — …"), or a report of its own
    return trimmed(doc, clause.left_edge.i, clause.right_edge.i)


def _relative_lead(verb: Token, first: int, last: int) -> tuple[int, int] | None:
    """ "rules which officials said [would harm …]", "candidates who many feel [need …]": a relative word that is
    the subject of the reported clause is part of what was said; PolNeAR takes it as the content's first piece
    ("which" + "would harm …"). One that is the object of the clause ("the force which he said he would build")
    or the speaker ("officials who said …") is not."""
    doc = verb.doc
    if first < verb.i <= last:
        word = doc[first]
        subject = word.dep_ in _SUBJECT_LINKS and word.head.i > verb.i
    elif verb.dep_ == "relcl" and first > verb.i:
        # The parser may hang the relative word on the reporting verb beside the verb's own subject.
        found = next((c for c in verb.lefts if _relative(c)), None)
        if found is None or not any(c.dep_ in _SUBJECT_LINKS and c != found for c in verb.children):
            return None
        word, subject = found, not _has_subject(_clause_at(verb, doc[first]))
    else:
        return None
    return (word.idx, word.idx + len(word)) if subject and _relative(word) else None


def _relative(word: Token) -> bool:
    return word.tag_ in RELATIVE_TAGS or (word.lower_ == "that" and word.dep_ != "mark")


def _finite(clause: Token) -> bool:
    """A clause opened by its subject, with a tensed verb: "It is no surprise", not "Sitting down with …, during
    which she touched on …"."""
    tensed = clause.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_LINKS | {"expl"}), None)
    return tensed and subject is not None and subject.left_edge.i == clause.left_edge.i


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in _SUBJECT_LINKS | {"expl"} for c in clause.children)


def _clause_at(verb: Token, token: Token) -> Token:
    """The head of the verb's complement that ``token`` belongs to."""
    while token.head.i not in {verb.i, token.i}:
        token = token.head
    return token


def _verb_report(verb: Token, span: tuple[int, int], subject: Token | None, act: str) -> Candidate:
    """A report cued by a verb, its content ``span`` said by the phrase of ``subject``."""
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(verb.idx, cue_end(verb)),
        speaker=speaker_span(subject, verb),
        cue_token=verb.i,
        act=act,
    )


def _from_noun(noun: Token) -> Candidate | None:
    """ "the claim that the deal was dead", "his view that taxes must rise": the clause, and whose it is."""
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp"}), None)
    if clause is None or clause.left_edge.dep_ != "mark" or clause.left_edge.lower_ != "that":
        return None
    span = trimmed(noun.doc, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return None
    owner = claim_owner(noun)
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(noun.idx, noun.idx + len(noun)),
        speaker=None if owner is None else speaker_span(owner, noun),
        cue_token=noun.i,
        act=acts.of_noun(noun.lemma_.lower()),
    )


def _around(outer: Token, inner: Token) -> list[tuple[int, int]]:
    """The words of ``outer``'s phrase before and after ``inner``'s: what a set-off attribution is about."""
    doc = outer.doc
    pieces = [
        trimmed(doc, outer.left_edge.i, inner.left_edge.i - 1),
        trimmed(doc, inner.right_edge.i + 1, outer.right_edge.i),
    ]
    return [p for p in pieces if p is not None and p[1] - p[0] > 1]


def _from_parenthetical(verb: Token, quoted: Sequence[bool]) -> Candidate | None:
    """ "The real problem, she said, is that …": the sentence around a set-off "she said" is what she said."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.lemma_.lower() not in lexicon().speech | lexicon().belief:
        return None
    head = verb.head
    # Words in marks after the set-off verb make the report mixed ("The industry, she said, is “doing better”");
    # before it, they are someone's own words that the verb attributes as a quote.
    if any(quoted[i] for i in range(head.left_edge.i, verb.i)):
        return None
    subject = subject_of(verb)
    kept = _around(head, verb)
    if not kept or (subject is not None and demonstrative(subject)):
        return None
    return Candidate(
        kind="indirect",
        start=kept[0][0],
        end=kept[-1][1],
        cue=(verb.idx, cue_end(verb)),
        speaker=speaker_span(subject, verb),
        cue_token=verb.i,
        parts=kept if len(kept) > 1 else [],
        act=acts.of_clause(verb),
    )


def _from_as_clause(verb: Token, quoted: Sequence[bool]) -> Candidate | None:
    """ "As the Gazette reported, the port will close", "The port will close, as the Gazette reported.": the
    clause an "as" clause opens or closes is what it reported.

    Only an "as" clause that opens its sentence (after "And" or "But" at most) or ends it: on PolNeAR
    train PolNeAR gives the main clause to its source 17 times in 17 for one that opens it, while ", as
    X said," inside a sentence vouches for what comes before it or after it about as often. Only verbs
    that tell what is known take such an "as": "As the judge read the verdict, …", "As he joked, …"
    tell when, not who says so.
    """
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in _AS_SOURCES:
        return None
    mark = verb.doc[verb.left_edge.i]
    main = verb.head
    if mark.lower_ != "as" or mark.dep_ != "mark":
        return None
    if any(child.dep_ in _SAID_OBJECTS for child in verb.children):
        return None  # "As he said he would, …": the verb says something of its own
    if verb.lemma_.lower() != "tell" and any(child.dep_ == "dobj" for child in verb.children):
        return None  # "as she said goodbye": what she said is its object
    if verb.lemma_.lower() == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None  # "as he pointed to the map": a gesture
    subject = subject_of(verb)
    if subject is None or subject.i < mark.i or not can_speak(subject, verb):
        return None
    if main.i > verb.i and _opens_sentence(mark):
        first, last = verb.right_edge.i + 1, main.right_edge.i
    elif main.i < verb.i and _closes_sentence(verb):
        first, last = main.left_edge.i, mark.i - 1
        while first < last and verb.doc[first].dep_ == "cc":
            first += 1  # "But …, as X noted": the joining word is the writer's
    else:
        return None
    if any(quoted[i] for i in range(min(first, mark.i), max(last, verb.right_edge.i) + 1)):
        return None  # words in marks are someone's own
    span = trimmed(verb.doc, first, last)
    return None if span is None else _verb_report(verb, span, subject, acts.of_clause(verb))


def _opens_sentence(mark: Token) -> bool:
    """ "As …", "And as …", "But, as …": nothing but a joining word or a mark before it in its sentence."""
    return all(t.dep_ == "cc" or t.is_punct for t in mark.doc[mark.sent.start : mark.i])


def _closes_sentence(verb: Token) -> bool:
    """ "…, as some have speculated.": set off by a comma, with nothing but marks after it in its sentence."""
    mark = verb.doc[verb.left_edge.i]
    after = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return mark.i > 0 and verb.doc[mark.i - 1].text == "," and all(t.is_punct for t in after)


def _from_raising(verb: Token) -> Candidate | None:
    """ "The deal appears to be dead", "Smith is expected to run": subject and complement, said by no one named.

    PolNeAR reads these as attributions without a source; the content is the subject
    with what the verb says of it, in two parts. "It appears that …" keeps the clause.
    """
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if verb.lemma_.lower() not in lexicon().raising and not passive:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    complement = next((c for c in verb.rights if c.dep_ in _RAISED), None)
    if subject is None or complement is None or subject.i > verb.i:
        return None
    doc = verb.doc
    tail = trimmed(doc, complement.left_edge.i, complement.right_edge.i)
    if tail is None:
        return None
    if subject.dep_ == "expl" or subject.lower_ == "it":
        if complement.dep_ != "ccomp":
            return None
        parts = [tail]
    else:
        head = trimmed(doc, subject.left_edge.i, subject.right_edge.i)
        if head is None:
            return None
        parts = [head, tail]
    return Candidate(
        kind="indirect",
        start=parts[0][0],
        end=parts[-1][1],
        cue=(verb.idx, cue_end(verb)),
        speaker=None,
        cue_token=verb.i,
        parts=parts if len(parts) > 1 else [],
        act=acts.EVIDENCE,
    )


def _from_according(according: Token) -> Candidate | None:
    """ "X, according to Y": X is what Y says; the clause is the one "according" hangs from."""
    source = according_source(according)
    head = according.head
    if source is None or head.i == according.i:
        return None
    while (head.dep_ == "conj" or head.pos_ not in {"VERB", "AUX"}) and head.head.i != head.i:
        # "A won 37 percent and B 36 percent, according to the poll": the poll says all of it.
        head = head.head
    relayed = _relayed_report(head, according)
    if relayed is not None:
        return relayed
    kept = _around(head, according)
    aside = _aside(according)
    if aside is not None:
        kept = [(max(s, aside[0]), min(e, aside[1])) for s, e in kept if min(e, aside[1]) > max(s, aside[0])]
    if not kept:
        return None
    evidence = source.lemma_.lower() in lexicon().evidence_nouns
    return Candidate(
        kind="indirect",
        start=kept[0][0],
        end=kept[-1][1],
        cue=(according.idx, cue_end(according)),
        speaker=speaker_span(source, according),
        cue_token=according.i,
        parts=kept if len(kept) > 1 else [],
        act=acts.EVIDENCE if evidence else acts.SPEECH,
    )


def _relayed_report(verb: Token, according: Token) -> Candidate | None:
    """ "No case is linked, the health commission said, according to Reuters": the commission's words.

    The parse hangs the clause before "X said" on the verb as a modifier, so the verb
    alone finds no content; the "according to" it carries only says where the writer read it.
    """
    if according.i < verb.i or not is_cue(verb, lexicon().speech | lexicon().belief):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or subject.left_edge.i <= verb.left_edge.i:
        return None
    if not can_speak(subject, verb):
        return None
    span = trimmed(verb.doc, verb.left_edge.i, subject.left_edge.i - 1)
    return None if span is None else _verb_report(verb, span, subject, acts.of_clause(verb))


def _aside(according: Token) -> tuple[int, int] | None:
    """The dashes or brackets around "… X, according to Y" set inside a longer sentence: Y vouches for X alone.

    "Given that history -- and the fact that he made 13,000 false claims, according to the Fact Checker --
    there is every reason …": the aside is what the Fact Checker counted, not the writer's conclusion. An
    aside that opens with "according to" ("The plan — according to aides — costs …") vouches for the sentence.
    """
    sentence = according.sent
    before = [t for t in sentence[: according.i - sentence.start] if t.text in _ASIDE_MARKS or t.text == ")"]
    if not before or before[-1].text == ")" or according.i - before[-1].i <= 2:
        return None
    opener = before[-1]
    if opener.text != "(" and sum(t.text == opener.text for t in before) % 2 == 0:
        return None  # the dash closes an aside before this one
    closing = _ASIDE_MARKS[opener.text]
    closer = next((t for t in sentence[according.i - sentence.start :] if t.text == closing), None)
    return None if closer is None else trimmed(according.doc, opener.i + 1, closer.i - 1)


def _from_colon(colon: Token) -> Candidate | None:
    """ "Carson: Clinton Not Fit to Serve": a paragraph opened by a name and a colon is that name's."""
    speaker = name_before_colon(colon)
    if speaker is None:
        return None
    doc = colon.doc
    last = colon.i
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
    span = trimmed(doc, colon.i + 1, last)
    if span is None:
        return None
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(colon.idx, colon.idx + 1),
        speaker=speaker,
        cue_token=colon.i,
    )


def find_indirect(doc: Doc, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """Every reporting verb with a clause (and every "according to") outside quote marks."""
    lemmas = lexicon().indirect
    found: list[Candidate] = []
    # Only these words can start a report below: "according", a colon, a verb, an adjective or a noun.
    for i in indices_where(doc, pos=("VERB", "AUX", "ADJ", "NOUN"), lower=("according",), orth=(":",)):
        token = doc[i]
        if quoted[token.i]:
            continue
        if token.lower_ == "according" and is_according(token):
            candidate = _from_according(token)
        elif token.text == ":":
            candidate = _from_colon(token)
        elif is_cue(token, lemmas):
            candidate = (
                _from_as_clause(token, quoted)
                or _from_verb(token)
                or _from_parenthetical(token, quoted)
                or _from_raising(token)
            )
        elif is_cue(token, lexicon().raising):
            candidate = _from_raising(token)
        elif token.pos_ == "ADJ" and token.lower_ in lexicon().belief_adjectives:
            candidate = _from_verb(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().claim_nouns:
            candidate = _from_noun(token)
        else:
            continue
        if candidate is not None and _within_paragraph(text, candidate):
            found.append(candidate)
    return _outermost(_apart(doc, _without_relays(doc, found)))


def _without_relays(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Police said they have no plans, according to the family's attorneys": who said it is the source.

    An "according to" after a report that names its own speaker only says where the
    writer heard it; kept, it would take the words from their speaker (reports are
    univocal). One before the report ("According to police, officers saw …") vouches for
    all that follows, and so does one around a perception or a belief.
    """
    speech = lexicon().speech
    spoken = [
        c.cue[0]
        for c in found
        if c.cue is not None
        and c.speaker is not None
        and c.act == acts.SPEECH
        and c.cue_token is not None
        and doc[c.cue_token].lemma_.lower() in speech
    ]

    def relays(candidate: Candidate) -> bool:
        assert candidate.cue is not None and candidate.cue_token is not None
        according = is_according(doc[candidate.cue_token])
        return according and any(candidate.start <= cue < candidate.cue[0] for cue in spoken)

    return [c for c in found if not relays(c)]


def _apart(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Several supporters said the president had made a good case, while other voters said they had not
    heard anything": the parser may hang a second report, with a speaker of its own, inside the first one's
    words; the first report ends before it, so that each keeps its own words (and ``_outermost`` both)."""
    for inner in found:
        verb = doc[inner.cue_token] if inner.cue_token is not None else None
        if verb is None or not _set_against(verb):
            continue
        cut = verb.left_edge
        for outer in found:
            if outer is inner or outer.parts or outer.cue is None:
                continue
            if outer.cue[0] > outer.start or not outer.start < cut.idx <= verb.idx < outer.end:
                continue
            end = cut.i - 1
            while end > 0 and (doc[end].dep_ == "cc" or (doc[end].is_punct and not doc[end].is_quote)):
                end -= 1
            if doc[end].idx > outer.start:
                outer.end = doc[end].idx + len(doc[end])
    return found


def _set_against(verb: Token) -> bool:
    """A verb of report with a subject of its own, in a clause that a contrast ("while", "whereas") sets
    against the one before. Joined by "and" instead, it was as often part of the first report on PolNeAR
    train (splitting those too lowered overlap F1 there)."""
    if verb.dep_ != "advcl" or not is_cue(verb, lexicon().indirect):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_LINKS and c.i < verb.i), None)
    return subject is not None and subject.tag_ not in RELATIVE_TAGS


def _within_paragraph(text: str, candidate: Candidate) -> bool:
    """Clip a report to the paragraph of its cue (the parser's sentences may run over a break)."""
    assert candidate.cue is not None
    cue = candidate.cue[0]
    start = max(candidate.start, text.rfind("\n", 0, cue) + 1)
    stop = text.find("\n", cue)
    end = candidate.end if stop < 0 else min(candidate.end, stop)
    if end - start < 2:
        return False
    if (start, end) != (candidate.start, candidate.end):
        while start < end and text[start] in _EDGE_PUNCT + " \t\u00a0":
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT + " \t\u00a0":
            end -= 1
        candidate.start, candidate.end = start, end
        candidate.parts = [(max(s, start), min(e, end)) for s, e in candidate.parts if min(e, end) > max(s, start)]
        if len(candidate.parts) < 2:
            candidate.parts = []
    return end > start


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """Each word has one role (PolNeAR is univocal): drop reports whose cue sits inside another's content."""
    kept: list[Candidate] = []
    contents: Intervals[Candidate] = Intervals()
    for candidate in sorted(found, key=lambda c: c.start - c.end):
        assert candidate.cue is not None
        cue_start = candidate.cue[0]
        if contents.containing(cue_start, cue_start + 1):
            continue
        kept.append(candidate)
        contents.add(candidate.start, candidate.end, candidate)
    return sorted(kept, key=lambda c: c.start)
