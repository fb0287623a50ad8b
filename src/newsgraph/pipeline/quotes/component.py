"""Quotes: direct (in marks), indirect (reported speech) and mixed, each with its cue and speaker mention.

Direct quotes come from the marks in the text (``direct.py``) and are attributed by
the reporting verb in the words around them: after the quote (",” Kirby said",
",” said Kirby"), or before it ("Kirby said: “…”"). A quote with no cue of its own
that opens its sentence continues the speaker of the quote just before. Indirect
speech comes from the parse (``indirect.py``); where it meets words in marks, ``mixed.py``
settles it, and ``finishing.py`` makes the last pass. The speaker of a quote in marks
(``direct_speakers.py``) left here is the mention in the text; ``speakers.py`` resolves it
to an entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.headlines import TITLE_LOWER
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.attribution import load_model
from newsgraph.pipeline.quotes.cues import bare_cue, cue_end, is_according, is_cue, lexicon
from newsgraph.pipeline.quotes.direct import CLOSING, STRAIGHT, Marked
from newsgraph.pipeline.quotes.direct_speakers import direct_speaker
from newsgraph.pipeline.quotes.finishing import (
    mark_headlines,
    mark_relays,
    one_per_span,
    only_a_time,
    performed,
    to_quotes,
    without_repeats,
    without_reports_of_their_own,
)
from newsgraph.pipeline.quotes.indirect import Candidate, find_indirect
from newsgraph.pipeline.quotes.labels import name_before_colon
from newsgraph.pipeline.quotes.learned import find_learned, load_scorer
from newsgraph.pipeline.quotes.mixed import close_open_quote, combine, inherit_from_reports
from newsgraph.pipeline.quotes.posts import find_posts
from newsgraph.pipeline.quotes.singles import find_quotes
from newsgraph.pipeline.quotes.speaker_phrase import phrase_bounds
from newsgraph.pipeline.quotes.subjects import subject_of
from newsgraph.pipeline.quotes.weighing import to_read, weigh

# How far (in words) a cue may stand from the quote it attributes.
_CUE_REACH = 8
# How the words of a quote end before the tag that attributes it: "“…,” he said", "“…?” she asked".
_TAG_ENDS = frozenset({",", "?", "!", "—", "–"})
# After a quote closed by a full stop: only "Smith said." or "Jane Smith told reporters." still attributes it.
_NAME_AND_CUE = 3
# Participles that name what follows in marks: "a show called “Ask Dr. Mike”", "a bill dubbed “…”".
_NAMING = frozenset({"call", "name", "dub", "title", "entitle", "nickname", "label", "brand"})
# How the parse hangs a name in a noun phrase: "with “Fox and Friends”", "the movie “Bridge of Spies”"
# ("of “Going Viral”" parses as a gerund, "pcomp").
_NAME_LINKS = frozenset({"pobj", "pcomp", "appos", "compound", "nmod", "poss"})
# How long a title runs.
_TITLE_WORDS = 10
# Verbs that name with "as": "known as “…”", "billed as “…”".
_NAMING_AS = frozenset({"know", "bill", "refer", "describe", "brand", "market", "style"})
# Words that open a clause of the writer's own after a closed quote: "Although he had written …".
_CLAUSE_OPENERS = frozenset({"SCONJ", "CCONJ", "ADV", "ADP", "DET"})
_SENTENCE_END = frozenset({".", "!", "?"})
_INTRODUCERS = frozenset({":", ",", "that", "—", "–", "-"})
_OPENERS = frozenset(".!?:;—–")
_DASHES = frozenset({"―", "—", "–", "-", "--"})
# A signature under a quote is a name: a few words at most.
_SIGNATURE_REACH = 7
_TRAILING = " .,!?;:"
_CLOSING_MARKS = frozenset(CLOSING + STRAIGHT)


@dataclass
class _Context:
    """What the attribution rules need about one Doc."""

    doc: Doc
    starts: list[int]
    text: str

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def take(self, taken: list[bool], start: int, end: int) -> None:
        """Mark the tokens that start inside start..end."""
        for i in range(self.token_at(start), self.token_at(end)):
            taken[i] = True

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens that start inside start..end."""
        return [self.doc[i] for i in range(self.token_at(start), self.token_at(end))]


def _paragraph(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _verb_read_as_noun(word: Token, lemmas: frozenset[str]) -> Token | None:
    """ "“…,” a statement from her label read.": the tagger may read the cue ending the sentence after a
    quote as a noun of the phrase before it; a noun right after another that is a verb of saying is the cue."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    noun_after_noun = before is not None and before.pos_ in {"NOUN", "PROPN"} and word.pos_ == "NOUN"
    if not noun_after_noun or word.lemma_.lower() not in lemmas:
        return None
    # With a verb of its own ("the patient described in the case report"), the sentence's noun is a noun.
    phrase = word.doc[word.sent.start : word.i]
    opened = max((t.i for t in phrase if t.text in _CLOSING_MARKS), default=word.sent.start)
    return None if any(t.pos_ in {"VERB", "AUX"} for t in word.doc[opened : word.i]) else word


def _as_candidate(marked: Marked, cue: Token | None, kind: str = "direct") -> Candidate:
    return Candidate(
        kind=kind,
        start=marked.start,
        end=marked.end,
        cue=(cue.idx, cue_end(cue)) if cue is not None else None,
        speaker=direct_speaker(cue, marked) if cue is not None else None,
        cue_token=cue.i if cue is not None else None,
        parts=list(marked.pieces) if len(marked.pieces) > 1 else [],
        paragraph=marked.last_paragraph,
    )


class QuoteFinder:
    """Finds the quotes of a Doc and leaves them, with provisional speaker mentions, on ``doc._.quotes``."""

    def __init__(self, min_words: int = 4, learned: bool = True, model: bool = True) -> None:
        self.min_words = min_words
        self.learned = learned
        self.model = model
        self.direct_lemmas = lexicon().direct

    def __call__(self, doc: Doc) -> Doc:
        found, taken = self.rules(doc)
        if self.learned:
            found = sorted(found + find_learned(doc, taken, load_scorer()), key=lambda c: c.start)
        found = [c for c in found if not only_a_time(doc, c)]
        if self.model:
            found = weigh(doc, found, load_model().tag(doc_text(doc), to_read(doc, found)))
        without_reports_of_their_own(doc, found)
        mark_relays(doc, found)
        text = doc_text(doc)
        for candidate in found:
            close_open_quote(text, candidate)
        for candidate in found:
            cue = doc[candidate.cue_token] if candidate.cue_token is not None else None
            sourced = candidate.speaker is not None
            candidate.act = acts.of_report(cue, candidate.act, sourced, candidate.kind == "direct")
            if candidate.continues is not None and cue is None and performed(doc, candidate.continues):
                candidate.act = acts.UNATTRIBUTED  # the next verse of a song sung
        mark_headlines(text, found)
        doc._.quotes = to_quotes(text, without_repeats(text, one_per_span(found)))
        return doc

    def rules(self, doc: Doc) -> tuple[list[Candidate], list[bool]]:
        """The quotes the rules find, and which tokens they leave taken (each word has one role)."""
        context = _Context(doc, doc.to_array("IDX").tolist(), doc_text(doc))
        marked = find_quotes(context.text)
        direct, fragments = self._direct(context, marked)
        direct = sorted(direct + self._posts(context, direct), key=lambda c: c.start)
        # Words in marks are someone's own: no report is read inside them.
        taken = [False] * len(doc)
        pieces = [p for quote in direct for p in quote.parts or [(quote.start, quote.end)]]
        for start, end in pieces + [(f.start, f.end) for f in fragments if f.end - f.start > 40]:
            context.take(taken, start, end)
        indirect = find_indirect(doc, taken, context.text)
        found = combine(context.text, direct, indirect, fragments)
        inherit_from_reports(context.text, found)
        for candidate in found:
            for start, end in [
                *(candidate.parts or [(candidate.start, candidate.end)]),
                *filter(None, [candidate.cue]),
            ]:
                context.take(taken, start, end)
        return found, taken

    def _direct(self, context: _Context, marked: list[Marked]) -> tuple[list[Candidate], list[Marked]]:
        """Attribute each quote in marks; join interrupted ones; set short uncued ones aside as fragments."""
        text = context.text
        found: list[Candidate] = []
        fragments: list[Marked] = []
        previous_close = 0
        joinable = False
        cued: set[int] = set()
        for index, quote in enumerate(marked):
            # A title in marks inside the attribution ('," the “Pose” actor said') does not end the search for its cue.
            following = (q for q in marked[index + 1 :] if not _title(text, q) or self._substantial(context, q))
            next_open = next((q.open_mark for q in following), len(text))
            close = quote.close_mark if quote.close_mark is not None else quote.end
            after, ends_with_comma = self._after(context, close + 1, next_open)
            if after is not None and after.i in cued:
                after = None  # the cue of the quote before, with this title in its speaker's words
            if after is not None:
                cued.add(after.i)
            if found and joinable and after is None and text[quote.start : quote.start + 1].islower():
                last = found[-1]
                last.parts = (last.parts or [(last.start, last.end)]) + list(quote.pieces)
                last.end = quote.end
                joinable = ends_with_comma
                previous_close = close + 1
                continue
            if (
                _named(context, quote)
                or _name_in_phrase(context, quote)
                or (_programme(context, quote) and _title(text, quote) and not self._substantial(context, quote))
            ):
                fragments.append(quote)  # a show "called “Ask Dr. Mike”": a title, whatever follows it
                previous_close = close + 1
                continue
            cue = after or self._before(context, quote, previous_close)
            previous_close = close + 1
            joinable = after is not None and ends_with_comma
            signed = None if cue is not None else _signature(context, close + 1)
            if cue is not None:
                found.append(_as_candidate(quote, cue))
            elif signed is not None:
                candidate = _as_candidate(quote, None)
                candidate.speaker = signed
                found.append(candidate)
            elif self._opens_sentence(text, quote) and (
                self._substantial(context, quote) or self._goes_on(context, quote, found)
            ):
                inherited = _as_candidate(quote, None)
                narrator = _narrator(context, quote)
                if narrator is not None:
                    inherited.speaker = narrator
                elif found and quote.first_paragraph - found[-1].paragraph <= 1:
                    inherited.speaker = found[-1].speaker
                    inherited.continues = found[-1]
                found.append(inherited)
            else:
                fragments.append(quote)
        return found, fragments

    def _posts(self, context: _Context, direct: list[Candidate]) -> list[Candidate]:
        """Embedded posts ("… — Name (@handle) date") as their authors' own words."""

        def reports(start: int, end: int) -> bool:
            return any(is_cue(token, self.direct_lemmas) for token in context.tokens(start, end))

        taken = [p for quote in direct for p in quote.parts or [(quote.start, quote.end)]]
        return [
            Candidate(
                kind="direct",
                start=post.start,
                end=post.end,
                cue=None,
                speaker=post.speaker,
                parts=post.pieces if len(post.pieces) > 1 else [],
                paragraph=sum(1 for line in context.text[: post.pieces[-1][0]].split("\n") if line.strip()),
            )
            for post in find_posts(context.text, taken, reports)
        ]

    def _after(self, context: _Context, start: int, next_open: int) -> tuple[Token | None, bool]:
        """The cue in the words after a quote (",” he said."), and whether they end on a comma."""
        _, paragraph_end = _paragraph(context.text, start)
        end = min(next_open, paragraph_end)
        words = 0
        cue: Token | None = None
        last = ""
        # “… at least.” Although he had written …: after a full stop, a new sentence is the writer's,
        # unless it opens with who said it ("Smith said.", "He Jianxiong, the former director, said").
        closed = context.text[max(start - 60, 0) : start - 1].rstrip("’'”\"»").endswith(tuple(_SENTENCE_END))
        writers = going_on = False
        # "“…,” Bolton charged.": a verb that reports only on its own does so after a quote ending as a tag's does.
        tagged = context.text[: max(start - 1, 0)].rstrip("’'”\"»")[-1:] in _TAG_ENDS
        for token in context.tokens(start, end):
            if token.is_space:
                continue
            writers = writers or (closed and words == 0 and token.pos_ in _CLAUSE_OPENERS)
            # “…?” the editorial board writes.": a lower-case word goes on with the quote's sentence.
            going_on = going_on or (closed and words == 0 and token.text[:1].islower())
            if token.text in _SENTENCE_END:
                if cue is None and not closed and words <= _CUE_REACH:
                    cue = _verb_read_as_noun(token.doc[token.i - 1], self.direct_lemmas)
                last = token.text
                break
            last = token.text
            if closed:
                named = _subject_between(token, start, opening=True)
                reachable = (not writers and (words < _NAME_AND_CUE or named)) or (going_on and named)
            else:
                reachable = words < _CUE_REACH or _subject_between(token, start)
            saying = is_cue(token, self.direct_lemmas) or is_according(token) or (tagged and bare_cue(token))
            if cue is None and saying and reachable:
                cue = token
            if not token.is_punct:
                words += 1
        if cue is None:
            return None, False
        return cue, last == "," and end == next_open

    def _before(self, context: _Context, quote: Marked, previous_close: int) -> Token | None:
        """The cue in the words before a quote ("He said: “…”"), or in a paragraph ending with a colon."""
        text = context.text
        paragraph_start, _ = _paragraph(text, quote.open_mark)
        start = max(paragraph_start, previous_close)
        if not text[start : quote.open_mark].strip() and start == paragraph_start and paragraph_start > 0:
            before, _ = _paragraph(text, max(paragraph_start - 2, 0))
            if not text[before:paragraph_start].rstrip().endswith(":"):
                return None
            start = before
            end = text.rfind(":", before, paragraph_start) + 1
        else:
            end = quote.open_mark
        tokens = [t for t in context.tokens(start, end) if not t.is_space]
        cut = max((i + 1 for i, t in enumerate(tokens) if t.text in _SENTENCE_END), default=0)
        tokens = tokens[cut:]
        if not tokens:
            return None
        if tokens[-1].lower_ not in _INTRODUCERS and not is_cue(tokens[-1], self.direct_lemmas):
            return None
        for token in reversed(tokens[-_CUE_REACH:]):
            if is_cue(token, self.direct_lemmas) or is_according(token):
                return token
        if tokens[-1].text == ":":
            if name_before_colon(tokens[-1]) is not None:
                return tokens[-1]
            # "Cruz called them on it:" — a colon before a quote makes its clause the attribution.
            for token in reversed(tokens[-_CUE_REACH * 2 :]):
                if token.pos_ in {"VERB", "AUX"} and subject_of(token) is not None:
                    return token
        return None

    def _substantial(self, context: _Context, quote: Marked) -> bool:
        """Long enough and with a verb: a title, nickname or scare quote is neither."""
        words = 0
        verb = False
        for token in context.tokens(quote.start, quote.end):
            if token.is_alpha:
                words += 1
            verb = verb or token.pos_ in {"VERB", "AUX"}
        return words >= self.min_words and verb

    def _goes_on(self, context: _Context, quote: Marked, found: list[Candidate]) -> bool:
        """ "“We sat there for six hours,” he said. “Six hours, and not one new number.”": a whole
        sentence in marks right after a quote in the same paragraph goes on with it, verb or not."""
        words = sum(token.is_alpha for token in context.tokens(quote.start, quote.end))
        last = context.text[quote.start : quote.end].rstrip("\"”’' ")[-1:]
        return (
            bool(found)
            and found[-1].paragraph == quote.first_paragraph
            and last in _SENTENCE_END
            and words >= self.min_words
        )

    @staticmethod
    def _opens_sentence(text: str, quote: Marked) -> bool:
        """A quote standing on its own starts a paragraph or follows the end of a sentence."""
        before = text[: quote.open_mark].rstrip(" \t\u00a0“”\"‘’'")
        return not before or before[-1] == "\n" or before[-1] in _OPENERS


def _subject_between(cue: Token, quote_end: int, opening: bool = False) -> bool:
    """ "“…,” Jane Roe, a fellow at an institute, said": a cue past the reach, its named subject after the quote
    (``opening``: its own subject, opening the words after the quote). A common noun's phrase counts when it
    is the cue's own subject opening the words after the quote ("“…,” the independent Vermont senator and
    Democratic presidential candidate told ABC", "“…?” the editorial board writes.")."""
    subject = subject_of(cue)
    if subject is None or not quote_end <= subject.idx < cue.idx:
        return False
    own = subject.head.i == cue.i
    opens = own and not doc_text(cue.doc)[quote_end : subject.left_edge.idx].strip(" \t\u00a0'’”\"")
    if subject.pos_ != "PROPN" and not (subject.pos_ == "NOUN" and opens and not _reports_on(cue)):
        return False
    return not opening or opens


def _reports_on(cue: Token) -> bool:
    """ "“…” The company said it would appeal": a cue with a clause of its own after it tells a new report."""
    return any(c.dep_ in {"ccomp", "xcomp"} and c.i > cue.i for c in cue.children)


def _named(context: _Context, quote: Marked) -> bool:
    """Marks right after a naming word ("a show called “…”", "a group known as “…”"): a name, not words said."""
    before = [t for t in context.tokens(max(quote.open_mark - 40, 0), quote.open_mark) if not t.is_space]
    if not before:
        return False
    last = before[-1]
    if last.lower_ == "as" and len(before) > 1:
        return before[-2].lemma_.lower() in _NAMING_AS
    return last.tag_ == "VBN" and last.lemma_.lower() in _NAMING


def _name_in_phrase(context: _Context, quote: Marked) -> bool:
    """ "an interview with “Fox and Friends”", "his podcast “The Axe Files”", "the co-author of “Going Viral”":
    words in marks, each capitalised, that the parse hangs in a noun phrase (a preposition's object, an
    apposition, a compound) name a show, a book or a group. A cry is words said ("chants of “Marco! Marco!”").

    On PolNeAR train, none of the 14 such quotes in marks after a preposition was an attribution's content.
    """
    words = context.text[quote.start : quote.end]
    if not _title_case(words) or words.rstrip(_TRAILING + "”’\"'")[-1:] in {"!", "?"}:
        return False
    tokens = [t for t in context.tokens(quote.start, quote.end) if not t.is_punct and not t.is_space]
    roots = [t for t in tokens if t.head.i == t.i or not quote.start <= t.head.idx < quote.end]
    return len(roots) == 1 and roots[0].dep_ in _NAME_LINKS


def _title_case(words: str) -> bool:
    """A title's words: each capitalised but the small ones, not all capitals (a shout), and a few of them."""
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    big = [w for w in found if w.lower() not in TITLE_LOWER]
    if not big or len(found) > _TITLE_WORDS or words.isupper():
        return False
    return found[0][0].isupper() and all(w[0].isupper() for w in big)


def _programme(context: _Context, quote: Marked) -> bool:
    """Marks after a possessive or "on" ("told CNN's “New Day”", "said on “Good Morning America”", "star of
    television's “Scandal”"): where a short capitalised phrase in them is the title of a show or a work."""
    before = [t for t in context.tokens(max(quote.open_mark - 40, 0), quote.open_mark) if not t.is_space]
    return bool(before) and (before[-1].tag_ == "POS" or before[-1].lower_ == "on")


def _title(text: str, quote: Marked) -> bool:
    """Marks around a capitalised name ("the “Pose” actor"), not the lower-case rest of an interrupted quote."""
    return text[quote.start : quote.start + 1].isupper()


def _narrator(context: _Context, quote: Marked) -> tuple[int, int] | None:
    """ "Aderholt returned to the issue later in the hearing. “What launch vehicles …?”": the person
    the sentence before tells of, in the quote's paragraph, speaks it, not whoever spoke last."""
    paragraph_start, _ = _paragraph(context.text, quote.open_mark)
    tokens = [t for t in context.tokens(paragraph_start, quote.open_mark) if not t.is_space and not t.is_quote]
    if not tokens or tokens[-1].text not in _SENTENCE_END:
        return None
    sentence = tokens[-1].sent
    if any(is_cue(t, lexicon().indirect) or is_according(t) for t in sentence):
        return None  # a report: its speaker goes on through the reports' own rules
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or not _a_person(subject):
        return None
    return phrase_bounds(subject, root)


def _a_person(word: Token) -> bool:
    """A name the recogniser calls a person's, or the surname of a person the article names."""
    people = (e.name.split()[-1] for e in word.doc._.entities or [] if e.type == "PERSON" and e.name.split())
    return word.ent_type_ == "PERSON" or word.text in set(people)


def _signature(context: _Context, start: int) -> tuple[int, int] | None:
    """ "“…” ― Ana Ruiz": a quote signed by a dash and a short name closing its paragraph."""
    _, paragraph_end = _paragraph(context.text, start)
    tokens = [t for t in context.tokens(start, paragraph_end) if not t.is_space]
    if tokens and tokens[-1].text == ".":
        tokens = tokens[:-1]
    if len(tokens) < 2 or tokens[0].text not in _DASHES or len(tokens) > _SIGNATURE_REACH:
        return None
    name = tokens[1:]
    if not name[0].text[:1].isupper() or not all(t.text[:1].isupper() or t.is_punct for t in name):
        return None
    return name[0].idx, name[-1].idx + len(name[-1])


@Language.factory(
    "newsgraph_quotes",
    requires=["doc.sents", "token.dep", "token.lemma"],
    assigns=["doc._.quotes"],
    default_config={"min_words": 4, "learned": True, "model": True},
)
def make_quotes(nlp: Language, name: str, min_words: int, learned: bool, model: bool) -> QuoteFinder:
    """``model`` False is the fast setting: the rules alone, without the attribution model."""
    return QuoteFinder(min_words=min_words, learned=learned, model=model)
