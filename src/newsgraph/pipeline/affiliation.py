"""Whom a person works for, read from the places a title names its organisation.

The zones come from titles.py: a possessor ("Keller Shipping's chief executive"), an
appositive with its preposition ("leader of the Harbour Workers' Union"), the words of
a title ("Union leader"). A zone names the organisation outright, or refers back to
one the article named before: "the union's spokesman", "Its chief executive". A country
or city counts only for the roles a state gives ("Estria's ambassador").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Entity
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.mentions import ORG_ENDINGS
from newsgraph.pipeline.name_keys import fold
from newsgraph.pipeline.titles import is_title_word

_LEXICON = load_data("entities_en.json")
STATE_TITLES = frozenset(_LEXICON["state_titles"])
COMPANY_ROLES = frozenset(_LEXICON["company_roles"])
ROLE_QUALIFIERS = frozenset(_LEXICON["role_qualifiers"])
PLACE_LABELS = frozenset({"GPE"})


class Affiliations:
    """The article's organisations by token, to find the one a zone names or refers back to."""

    def __init__(self, doc: Doc, owner: dict[int, Entity]) -> None:
        self.doc = doc
        self.owner = owner
        self.org_tokens = sorted(i for i, e in owner.items() if e.type == "ORG")

    def find(self, entity: Entity, zones: list[Span]) -> str | None:
        """The first organisation the zones name or refer back to; else, for a state's role, the state.

        "president of the Miami-based Florida Democratic Black Caucus" is the caucus's
        president, not Miami's: a place counts only when no organisation is named, and never
        inside a compound adjective ("Miami-based").
        """
        state_role = any(fold(t).split()[-1].rstrip(".") in STATE_TITLES for t in entity.titles if t.split())
        place: Entity | None = None
        for zone in zones:
            for token in zone:
                named = self.owner.get(token.i)
                if named is entity:
                    continue
                if named is None:
                    named = self._refers_back(token)
                if named is None:
                    continue
                if named.type == "ORG":
                    return named.name
                if state_role and place is None and named.type in PLACE_LABELS and not _in_compound(token):
                    place = named
        return place.name if place is not None else None

    def named_just_before(self, entity: Entity, start: int) -> str | None:
        """For a company role with no organisation ("Chief executive Nora Feld said"), the one named just before.

        Only the organisation alone in the sentence before the mention and the words of its
        own sentence before it: with two there, or none, nothing is guessed.
        """
        if not any(_bare_company_role(title) for title in entity.titles):
            return None
        sentence = self.doc[start].sent
        first = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        named = {id(self.owner[i]): self.owner[i] for i in self.org_tokens if first <= i < start}
        return next(iter(named.values())).name if len(named) == 1 else None

    def _refers_back(self, token: Token) -> Entity | None:
        """The organisation named before that "its", "the union" or "union" (in "union leader") stands for."""
        if token.lower_ == "its":
            sentence = token.sent
            previous = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
            return next((self.owner[i] for i in reversed(self.org_tokens) if previous <= i < token.i), None)
        if token.tag_ not in ("NN", "NNP") or token.lower_ not in ORG_ENDINGS or not self._descriptive(token):
            return None  # "the state's campaign chairman" is no member of the Islamic State
        word = token.lower_
        for i in reversed(self.org_tokens):
            if i >= token.i:
                continue
            organisation = self.owner[i]
            if fold(organisation.name).split()[-1] == word:
                return organisation
        return None

    @staticmethod
    def _descriptive(token: Token) -> bool:
        """ "the union" (definite), or "union" as the noun that qualifies a role ("union leader")."""
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts):
            return True
        return token.dep_ == "compound" and is_title_word(token.head) and token.head.i > token.i


def _bare_company_role(title: str) -> bool:
    """ "Chief executive", "spokeswoman": a company's role that says nothing of whose it is."""
    words = fold(title).split()
    return bool(words) and words[-1] in COMPANY_ROLES and all(w in COMPANY_ROLES or w in ROLE_QUALIFIERS for w in words)


def _in_compound(token: Token) -> bool:
    """A word joined by a hyphen to the next ("Miami-based", "Florida-born")."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–") and not doc[token.i + 1].whitespace_
