"""The speaker's phrase around its head word: what describes the speaker stays, what tells of the saying
(a dateline, a time, "in a statement", a participle, an aside) does not, as in PolNeAR's sources."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.datelines import dateline_end
from newsgraph.pipeline.quotes.cues import DOCUMENTS, NOT_SOURCES
from newsgraph.pipeline.quotes.direct import CLOSING, DOUBLED, OPENING, STRAIGHT
from newsgraph.pipeline.syntax import object_of

_EDGE_TAGS = frozenset({"PUNCT", "SPACE"})
# Words before a speaker's title that the parser may leave out of its phrase: "Texas Sen.", "Tennis great".
_PREMODIFIERS = frozenset({"PROPN", "NOUN", "ADJ"})
_LINE_REACH = 4
# Prepositions that tell when or in what something was said: "on Tuesday", "in a statement".
_WHEN_OR_WHERE = frozenset({"in", "on", "at", "during"})
# A quantifier after a source, floated off it: "Bernie Sanders and Ted Cruz both said" (PolNeAR leaves it out).
_FLOATING = frozenset({"both", "all", "each"})
# What ends the words of a quote before its closing mark (a title in marks ends in none of them).
_QUOTE_ENDS = frozenset({",", ".", "?", "!"})
# How a speaker was when speaking, set off by a comma: "Clinton, clearly frustrated", "Cruz, when asked".
_ASIDES = frozenset({"amod", "advmod", "advcl", "acl", "npadvmod"})
# Prepositions of a phrase set off after a source, telling where, when or how they spoke: "Trump, in
# Kentucky, said", "Schilling, through a spokeswoman, declined" (PolNeAR's sources stop before it).
_SET_OFF = frozenset({"in", "on", "at", "during", "through", "after", "before", "with", "from", "via", "while"})
# A focus word before a source: "Even Lindsey Graham".
_FOCUS = frozenset({"even"})
# Words opening a set-off phrase that adds co-speakers to a source: "Fields, along with reporter Ben Terris,".
_COMPANY = frozenset({"along", "together"})


def phrase_bounds(head: Token, cue: Token | None = None) -> tuple[int, int]:
    """Character span of the noun phrase a speaker's head word stands in, what describes it included.

    PolNeAR's sources keep appositions and relative clauses ("Chris Cox, who runs the
    lobbying arm,"), but never the cue itself: "the group backing Smith" ends before
    "backing". The speaker's entity is found from the head word alone.
    """
    head = _past_dateline(head)
    left, end_token = head.left_edge, head.right_edge
    if cue is not None and left.i <= cue.i <= end_token.i:
        end_token = head.doc[max(cue.left_edge.i - 1, head.i)]
        if cue.i < head.i:
            left = head.doc[cue.right_edge.i + 1] if cue.right_edge.i < head.i else head
    left = _past_closed_quote(_from_line_start(_past_focus(_after_dateline(left, head), head), head), head)
    end_token = _before_when_or_where_said(head, _before_aside(head, _before_participle(head, end_token)))
    end_token = _with_company(head, end_token)
    if end_token.i > head.i and end_token.lower_ in _FLOATING:
        end_token = head.doc[end_token.i - 1]
    while left.i < head.i and left.pos_ in _EDGE_TAGS:
        left = head.doc[left.i + 1]
    while end_token.i > head.i and end_token.pos_ in _EDGE_TAGS and not _closes(end_token, left):
        end_token = end_token.doc[end_token.i - 1]
    # A phrase never runs over a line break (a headline or dateline above is not part of it).
    doc = head.doc
    for i in range(head.i - 1, left.i - 1, -1):
        if "\n" in doc[i].text_with_ws:
            left = doc[i + 1]
            break
    for i in range(head.i, end_token.i):
        if "\n" in doc[i].text_with_ws:
            end_token = doc[i - 1] if doc[i].is_space and i > head.i else doc[i]
            break
    return left.idx, end_token.idx + len(end_token)


def _after_dateline(left: Token, head: Token) -> Token:
    """ "NEW YORK - Republican presidential candidate Donald Trump said": the parse may hang the
    dateline's place on the speaker's name; the speaker starts after the dateline's dash."""
    dash = dateline_end(head)
    if dash is None or not left.i <= dash < head.i or not head.doc[dash - 1].whitespace_:
        return left  # no dateline, or the hyphen of a name ("MSNBC reporter Alex Seitz-Wald")
    return head.doc[dash + 1]


def _past_focus(left: Token, head: Token) -> Token:
    """ "Even Lindsey Graham, who has endorsed Cruz, said": "even" says how surprising the source is,
    not who it is (PolNeAR's sources leave it out 12 times in 14 on train; "only", "just" are kept)."""
    return head.doc[left.i + 1] if left.i < head.i and left.lower_ in _FOCUS and left.dep_ == "advmod" else left


def _from_line_start(left: Token, head: Token) -> Token:
    """ "Clinton top aide Huma Abedin emailed", "Texas Sen. Ted Cruz says": the parser may cut a
    paragraph's first words (a place, an employer, a field) off the title they open; the speaker's
    phrase then starts at the line's start when only such words lie between."""
    doc = head.doc
    first = left.i
    while first > 0 and left.i - first < _LINE_REACH and "\n" not in doc[first - 1].text_with_ws:
        word = doc[first - 1]
        if word.ent_type_ in NOT_SOURCES or word.pos_ not in _PREMODIFIERS:
            return left
        first -= 1
    opens_line = first == 0 or "\n" in doc[first - 1].text_with_ws
    return doc[first] if first < left.i and opens_line and not doc[first].is_punct else left


def _before_participle(head: Token, end: Token) -> Token:
    """ "said Senator Mark Kirk, Republican of Illinois, becoming the first to break with him", "said
    Peter Rice, chairman of Fox, noting that …": what the speaker was doing while speaking, or
    another report of theirs, is not who they are. PolNeAR's sources mostly stop before it."""
    doc = head.doc
    for comma in doc[head.i + 1 : end.i]:
        following = doc[comma.i + 1]
        if comma.text == "," and following.tag_ in {"VBG", "VBN"} and following.dep_ in {"acl", "advcl", "relcl"}:
            return doc[comma.i - 1]
    return end


def _before_aside(head: Token, end: Token) -> Token:
    """ "Clinton, clearly frustrated,", "Ted Cruz, when asked what is wrong,", "Hillary Clinton, also
    campaigning in Wisconsin,": a set-off word on how the speaker was or what they were doing is not
    who they are (an apposition, "Tester, a Democrat", is)."""
    doc = head.doc
    for child in head.rights:
        comma = doc[child.left_edge.i - 1]
        alone = child.dep_ == "advmod" and child.left_edge.i == child.right_edge.i  # "then senior pastor at …"
        aside = child.dep_ in _ASIDES or (child.dep_ == "prep" and child.lower_ in _SET_OFF)
        if child.i <= end.i and aside and not alone and comma.text == "," and comma.i > head.i:
            return doc[comma.i - 1]
    return end


def _with_company(head: Token, end: Token) -> Token:
    """ "Fields, along with Washington Post reporter Ben Terris, say": who spoke with the source is
    part of it (PolNeAR's sources keep the phrase each time on train), though the parser hangs it on the verb."""
    doc = head.doc
    comma = end.i if end.text == "," else end.i + 1
    if comma + 2 >= len(doc) or head.dep_ not in {"nsubj", "nsubjpass"}:
        return end
    company, with_ = doc[comma + 1], doc[comma + 2]
    if doc[comma].text != "," or company.lower_ not in _COMPANY or with_.lower_ != "with":
        return end
    last = max(company.right_edge.i, with_.right_edge.i)
    return doc[last] if last < head.head.i else end


def _before_when_or_where_said(head: Token, end: Token) -> Token:
    """ "Trump on Tuesday", "Jeb Bush in a Medium post", "Comey, on Monday": the parser
    may hang when or in what the words were said on the speaker's name; it tells of the saying,
    not of who said it, and PolNeAR's sources stop before it."""
    if head.pos_ != "PROPN":
        return end  # "an executive at the Foundation in 2009", "a rally on Wednesday": what describes them
    last = next((c for c in head.rights if c.lower_ in _WHEN_OR_WHERE and c.right_edge.i == end.i), None)
    if last is None:
        return end
    place = object_of(last)
    if place is None or not (place.ent_type_ in {"DATE", "TIME"} or place.lemma_.lower() in DOCUMENTS):
        return end
    before = head.doc[last.i - 1]
    while before.i > head.i and before.pos_ in _EDGE_TAGS:
        before = head.doc[before.i - 1]
    return before


def _past_closed_quote(left: Token, head: Token) -> Token:
    """ "“Very good reporter,” Trump, the frontrunner, said": the parse may start the speaker's phrase
    inside the quote before it; the phrase starts after a closing mark it does not open, or one that
    closes a sentence or a clause ("“…, and very principled,” Sarandon, 69, told"), which a title in
    marks ("the “Pose” actor") never does."""
    start, depth, straight = left.i, 0, []
    for token in head.doc[left.i : head.i]:
        if token.text in OPENING:
            depth += 1
        elif token.text in CLOSING:
            quoted = token.i > 0 and token.doc[token.i - 1].text in _QUOTE_ENDS
            depth, start = (depth - 1, start) if depth and not quoted else (0, token.i + 1)
        elif token.text in {STRAIGHT, DOUBLED}:
            straight.append(token.i)
    if len(straight) % 2:
        start = max(start, straight[-1] + 1)
    return head.doc[start]


def _closes(bracket: Token, left: Token) -> bool:
    """The ")" of "Lindsey Graham (R-SC)": a bracket opened inside the phrase is closed with it."""
    return bracket.text == ")" and "(" in bracket.doc[left.i : bracket.i].text


def _past_dateline(head: Token) -> Token:
    """ "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper said": the parser may make the dateline's
    place the subject, with the speaker in apposition after the dash."""
    dash = dateline_end(head)
    if dash is None or head.i > dash:
        return head  # no dateline, or a head after it
    return next((c for c in head.rights if c.dep_ == "appos" and c.i > dash), head)
