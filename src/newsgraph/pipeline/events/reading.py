"""What a word's sentence offers its frames: its objects, particles, prepositions and modifiers.

Worked out lazily, since most words are settled by their first, unconditional frame.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token


def _when(prep: Token) -> bool:
    """ "on Monday", "in March": a preposition that dates the event, not part of its frame."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _prep_words(children: list[Token]) -> set[str]:
    """The prepositions among some words, bare ("against"), with any noun ("with *"), and with the words of their
    object ("put on alert", "call for talks"), each word alone or all in their order ("to peace plan")."""
    found: set[str] = set()
    for prep in children:
        if prep.dep_ not in ("prep", "agent") or _when(prep):
            continue
        found.add(prep.lower_)
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            found.add(f"{prep.lower_} *")  # with a noun, not a clause ("charged with fraud", "with overseeing")
            words = [m for m in noun.children if m.dep_ in ("compound", "amod") and m.i < noun.i] + [noun]
            found |= {f"{prep.lower_} {w}" for w in _words(words)}
            found.add(f"{prep.lower_} {' '.join(t.lower_ for t in words)}")
            found.add(f"{prep.lower_} {' '.join([*(t.lower_ for t in words[:-1]), noun.lemma_.lower()])}")
    return found


def _words(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


class Reading:
    """What a verb's frames may ask of its sentence, each worked out only when a frame asks: most
    verbs are settled by their first, unconditional frame."""

    def __init__(self, token: Token) -> None:
        self.token = token

    @cached_property
    def children(self) -> list[Token]:
        return list(self.token.children)

    @cached_property
    def objects(self) -> list[Token]:
        children, token = self.children, self.token
        if token.pos_ == "NOUN":
            # An act noun's object is what its "of" names or its modifier ("the expulsion of diplomats", "the troop
            # deployment"), as the verb's is what follows it ("expelled diplomats").
            ofs = [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            return ofs + [c for c in children if c.dep_ == "compound" and c.i < token.i]
        # An object predicate is what the pattern names after the verb as well ("was found GUILTY", "found him GUILTY").
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd")]
        objects += [c for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"]
        if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
            objects.append(token.head)
        objects += [
            p for c in children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"
        ]
        objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return objects

    @cached_property
    def object_tokens(self) -> list[Token]:
        return self.objects + [m for o in self.objects for m in o.children if m.dep_ in ("compound", "amod")]

    @cached_property
    def object_words(self) -> set[str]:
        return _words(self.object_tokens)

    @cached_property
    def head_words(self) -> set[str]:
        return _words(self.objects)

    @cached_property
    def object_forms(self) -> set[str]:
        return {t.lower_ for t in self.object_tokens}

    @cached_property
    def particles(self) -> set[str]:
        # The parser tags "walk out" and "pull back" as particles or adverbs, and the "out" of "pulled out of Kherson"
        # as a preposition with no object of its own, only a second preposition: the verb's particle all the same.
        return {
            c.lower_
            for c in self.children
            if c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.tag_ in ("RP", "RB"))
            or (c.dep_ == "prep" and _bare_preposition(c))
        }

    @cached_property
    def preps(self) -> set[str]:
        children = self.children
        preps = _prep_words(children)
        preps |= {
            f"{c.lower_} {g.lower_}"
            for c in children
            if c.dep_ in ("prep", "prt")
            for g in c.children
            if g.dep_ == "prep"
        }
        return preps | {f"{p} {c.lower_}" for p in self.particles for c in children if c.dep_ == "prep"}

    @cached_property
    def object_preps(self) -> set[str]:
        # The parser hangs a pattern's preposition on the verb's object as often as on the verb ("lifted the ban ON
        # exports", "monitor the distribution OF aid"): a frame that names the object reads those too.
        return self.preps | _prep_words([g for c in self.children if c.dep_ == "dobj" for g in c.children])

    @cached_property
    def subjects(self) -> set[str]:
        subjects = [c for c in self.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and self.token.dep_ == "xcomp":
            # "the union threatened to strike": the infinitive's subject is the one of the verb it completes.
            subjects = [c for c in self.token.head.children if c.dep_ == "nsubj"]
        return _words(subjects)

    @cached_property
    def modifiers(self) -> set[str]:
        return _words([c for c in self.children if c.dep_ in ("compound", "amod", "nmod")])


def _bare_preposition(prep: Token) -> bool:
    """ "out" in "pulled out of Kherson": a preposition whose only complement is another preposition."""
    return not any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and any(c.dep_ == "prep" for c in prep.children)
