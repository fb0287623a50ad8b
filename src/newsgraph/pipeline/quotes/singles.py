"""Quotes in single marks ('like this', ‘like this’): British style, and the outer marks of '…"…"…'.

A single mark is also the apostrophe, so a mark counts only where a quote mark can
stand: an opening one after a space or a paragraph's start and before a letter
("the '90s", "'em" and "O'Brien" are not openings), a closing one after a word and
before a space or punctuation ("don't" is not a closing). A plural possessive
("the players' union") looks like a closing mark: it is skipped when a later closing
mark in the same stretch can end the quote. A quote never closed in its paragraph goes
on in the next one only when that opens with a single mark, the newspaper convention;
otherwise the opening mark was an apostrophe. A headline ("Trump 'The Dealmaker'
Could Address Clean Energy", "'Meth. We're on it.': agencies divided") uses single
marks for names, slogans and phrases as much as for words said, and a headline is
never the only source of a quote: its single marks are left to the reports read from
it. A headline is a paragraph in title case, a short one with no full stop at its
end, or a short first line that does not end as a statement does. ``find_quotes``
keeps the outer quotes of both kinds: the marks of the other kind nested inside one
are part of its words.
"""

from __future__ import annotations

import re

from newsgraph.pipeline.quotes.direct import AFTER_CLOSING, Marked, find_marked, trim

_SINGLE = re.compile(r"['‘’]")
# What may stand before an opening mark: the start of a word-free stretch.
_BEFORE_OPENING = ' \t\n\u00a0([{“"—–-/'
# Words written with a leading apostrophe that are not quotes: 'em, 'tis, 'til, 'cause, 'n'.
_ELISIONS = frozenset({"em", "tis", "til", "twas", "cause", "cos", "n", "bout", "round", "nuff", "kay", "sup"})
_WORD = re.compile(r"[A-Za-z]+")
# A headline in title case: most of its longer words capitalised, and short.
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_HEADLINE_WORDS = 30
_HEADLINE_CAPITALS = 0.8
# A sentence of the body ends with one of these, or with a closing mark after one.
_SENTENCE_ENDS = ".!?…\"”’'"
_SHORT_LINE_WORDS = 20
# How a lede ends: a full stop, perhaps inside closing marks.
_STATEMENT_END = re.compile(r"[.!…][\"”’']*\s*$")


def is_headline(paragraph: str, first: bool) -> bool:
    """A headline or a subhead: title case, or a short line that does not end as the body's sentences do."""
    count = len(paragraph.split())
    if count > _HEADLINE_WORDS:
        return False
    words = _LONG_WORD.findall(paragraph)
    if not words or paragraph.rstrip().endswith(":"):
        return False  # "Caddell continued:" opens what follows
    short = count <= _SHORT_LINE_WORDS
    if short and paragraph.rstrip()[-1] not in _SENTENCE_ENDS:
        return True
    if short and first and not _STATEMENT_END.search(paragraph):
        # A first line asking a question or ending on a quote without a full stop is the headline.
        return True
    return sum(w[0].isupper() for w in words) >= _HEADLINE_CAPITALS * len(words)


def headlines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every headline and subhead of the text."""
    return [(start, end) for start, end, number in _paragraphs(text) if is_headline(text[start:end], number == 0)]


def _is_opening(text: str, at: int) -> bool:
    if text[at] == "’" or at + 1 >= len(text):
        return False
    if at > 0 and text[at - 1] not in _BEFORE_OPENING:
        return False
    following = text[at + 1]
    if not (following.isalpha() or following in '“"…([') or following == "'":
        return False
    word = _WORD.match(text, at + 1)
    return word is None or word.group().lower() not in _ELISIONS


def _is_closing(text: str, at: int) -> bool:
    if at == 0 or text[at - 1].isspace() or text[at - 1] == "'":
        return False
    if text[at] == "‘":
        # "‘… here,‘ he said": a mark of the opening shape after a word and before a space or punctuation.
        return at + 1 >= len(text) or text[at + 1] in AFTER_CLOSING
    return at + 1 >= len(text) or not (text[at + 1].isalnum() or text[at + 1] == "'")


def _possessive(text: str, at: int) -> bool:
    """ "the players' union": a mark after an s and before a word may be an apostrophe."""
    return text[at - 1] in "sS" and text[at + 1 : at + 2] == " " and text[at + 2 : at + 3].isalpha()


def _pick_closing(text: str, closings: list[int]) -> int | None:
    """The first closing mark that is not a possessive's apostrophe, else the last one; one of the opening
    shape only when no mark of the right shape can close ("rock ‘n‘ roll" inside a quote is not its end)."""
    shaped = [at for at in closings if text[at] != "‘"]
    closings = shaped or closings
    for at in closings:
        if not _possessive(text, at):
            return at
    return closings[-1] if closings else None


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, number) of each paragraph with words, numbered as ``direct.py`` numbers them."""
    found = []
    start = 0
    number = 0
    for end in [m.start() for m in re.finditer("\n", text)] + [len(text)]:
        if text[start:end].strip():
            found.append((start, end, number))
            number += 1
        start = end + 1
    return found


def _quotes_in(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """(opening, closing) pairs of one paragraph, and an opening left unclosed at its end."""
    openings = [m.start() for m in _SINGLE.finditer(text, start, end) if _is_opening(text, m.start())]
    closings = [m.start() for m in _SINGLE.finditer(text, start, end) if _is_closing(text, m.start())]
    pairs: list[tuple[int, int]] = []
    after = start - 1
    for index, opening in enumerate(openings):
        if opening <= after:
            continue
        limit = openings[index + 1] if index + 1 < len(openings) else end
        closing = _pick_closing(text, [c for c in closings if opening + 1 < c < limit])
        if closing is None:
            if index + 1 == len(openings):
                return pairs, opening
            continue
        pairs.append((opening, closing))
        after = closing
    return pairs, None


def find_single(text: str) -> list[Marked]:
    """Every quote in single marks, in order; one running over paragraphs keeps a piece per paragraph."""
    found: list[Marked] = []
    # A quote still open at a paragraph's end, waiting for the next paragraph to go on with it.
    pending: Marked | None = None
    for start, end, number in _paragraphs(text):
        first_mark = start + len(text[start:end]) - len(text[start:end].lstrip())
        pairs, unclosed = _quotes_in(text, start, end) if not is_headline(text[start:end], number == 0) else ([], None)
        goes_on = pending is not None and first_mark in {*(o for o, _ in pairs[:1]), unclosed}
        if pending is not None and not goes_on:
            pending = None
        for opening, closing in pairs:
            piece = trim(text, opening + 1, closing)
            if pending is not None and opening == first_mark:
                pending.pieces.append(piece)
                pending.end, pending.close_mark, pending.last_paragraph = piece[1], closing, number
                found.append(pending)
                pending = None
            elif piece[1] > piece[0]:
                found.append(Marked(piece[0], piece[1], opening, closing, number, number, [piece]))
        if unclosed is None:
            pending = None
            continue
        piece = trim(text, unclosed + 1, end)
        if pending is not None and unclosed == first_mark:
            pending.pieces.append(piece)
            pending.end, pending.last_paragraph = piece[1], number
        elif piece[1] > piece[0]:
            pending = Marked(piece[0], piece[1], unclosed, None, number, number, [piece])
    # A quote still open at the end of the text had no paragraph to go on in: its mark was an apostrophe.
    return found


def _reach(quote: Marked) -> tuple[int, int]:
    return quote.open_mark, quote.close_mark if quote.close_mark is not None else quote.end


def _inside(quote: Marked, outer: list[Marked]) -> bool:
    start, end = _reach(quote)
    return any(o_start < start and end <= o_end for o_start, o_end in map(_reach, outer))


def find_quotes(text: str) -> list[Marked]:
    """Quotes in double and in single marks, the outer ones only: '…"…"…' and "…'…'…" are one quote each."""
    doubles = find_marked(text)
    singles = find_single(text)
    outer_singles = [s for s in singles if not _inside(s, doubles)]
    outer_doubles = [d for d in doubles if not _inside(d, outer_singles)]
    return sorted(outer_doubles + outer_singles, key=lambda m: m.open_mark)
