"""Direct quotes from the raw text: the stretches between quote marks, paragraph by paragraph.

Works on the string alone (no parse), so it is cheap and cannot be confused by a
tokenizer: one pass over the quote marks and newlines of the text. News conventions
it knows: curly and straight marks; a quote running over several paragraphs has no
closing mark at a paragraph's end and an opening mark at the start of the next; a
mark never closed ends its quote at the end of the paragraph; a closing mark with no
opening one in its paragraph opens the quote at the paragraph's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
# Two apostrophes stand for a straight double mark in some wire copy (''Like this,'' she said),
# two curly single marks for a curly double one (“Like this,’’ she said).
DOUBLED = "''"
CURLY_DOUBLED = {"‘‘": "“", "’’": "”"}
# Any double quote mark: whether a stretch of text quotes someone's words.
MARK = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
_MARKS = re.compile(r'[“”"«»„]|\n|' + DOUBLED + "|‘‘|’’")
_NOT_SPACE = re.compile(r"\S")
# Trimmed from the inside edges of a quote: spaces, and the comma news style keeps inside the marks.
_TRIM_END = ' \t\r\n\u00a0,“”"«»„'
_TRIM_START = ' \t\r\n\u00a0“”"«»„'
# What may follow a mark that closes a quote: a space, the end, or punctuation ("here,“ said", "„Ja“."),
# and for a double mark a dash too ("„Ja“—").
AFTER_CLOSING = " \t\r\n\u00a0,.;:!?)]"
_AFTER_CLOSING = AFTER_CLOSING + "—–-"


@dataclass
class Marked:
    """One quote in marks: content offsets (marks excluded) and, per paragraph, its pieces."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    first_paragraph: int
    last_paragraph: int
    pieces: list[tuple[int, int]] = field(default_factory=list)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


class _Scanner:
    """The state of one pass: where the open quote began and which paragraph we are in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Marked] = []
        self.paragraph = 0
        self.paragraph_start = 0
        self.marks_in_paragraph = 0
        self.open_at: int | None = None
        self.open_kind = ""
        self.depth = 0
        self.first_paragraph = 0
        self.pieces: list[tuple[int, int]] = []
        self.piece_start = 0
        self.continuing = False

    def scan(self) -> list[Marked]:
        for match in _MARKS.finditer(self.text):
            char, at = match.group(), match.start()
            char = CURLY_DOUBLED.get(char, char)
            if char == "\n":
                self._paragraph_end(at)
            elif char in OPENING:
                self._opening(at, char)
            elif char in CLOSING:
                self._closing(at)
            else:
                self._straight(at, len(char))
        if self.open_at is not None:
            self._close(len(self.text), None)
        return self.found

    def _open(self, at: int, kind: str, content_start: int | None = None) -> None:
        self.open_at, self.open_kind, self.depth = at, kind, 0
        self.first_paragraph, self.pieces = self.paragraph, []
        self.piece_start = at + 1 if content_start is None else content_start

    def _close(self, at: int, mark: int | None) -> None:
        assert self.open_at is not None
        self.pieces.append(trim(self.text, self.piece_start, at))
        pieces = [p for p in self.pieces if p[1] > p[0]]
        if pieces:
            self.found.append(
                Marked(pieces[0][0], pieces[-1][1], self.open_at, mark, self.first_paragraph, self.paragraph, pieces)
            )
        self.open_at, self.continuing, self.depth = None, False, 0

    def _paragraph_end(self, at: int) -> None:
        if self.open_at is not None and not self.continuing:
            following = _NOT_SPACE.search(self.text, at)
            if following and (
                following.group() in OPENING + STRAIGHT or self.text.startswith(DOUBLED, following.start())
            ):
                # Newspaper convention: the quote goes on in the next paragraph.
                self.pieces.append(trim(self.text, self.piece_start, at))
                self.continuing = True
            else:
                self._close(at, None)
        if self.text[self.paragraph_start : at].strip():
            self.paragraph += 1
            self.marks_in_paragraph = 0
        self.paragraph_start = at + 1

    def _opening(self, at: int, char: str) -> None:
        if self.open_at is not None and not self.continuing and _in_closing_place(self.text, at):
            self._closing(at)  # "… here,“ said Jim Clyburn": a mark of the wrong shape, read by where it stands
            return
        self.marks_in_paragraph += 1
        if self.open_at is None:
            self._open(at, char)
        elif self.continuing:
            self.continuing, self.piece_start = False, at + 1
        else:
            self.depth += 1

    def _closing(self, at: int) -> None:
        self.marks_in_paragraph += 1
        if self.open_at is None:
            if not self.text[self.paragraph_start : at].strip() and self.text[at + 1 : at + 2].isalnum():
                # ”Fear is what I feel.” — a closing mark typed where the opening one belongs.
                self._open(at, "“")
            elif self.marks_in_paragraph == 1:
                # An opening mark went missing: the quote began with the paragraph.
                self._open(self.paragraph_start, "“", self.paragraph_start)
                self._close(at, at)
            return
        if self.depth:
            self.depth -= 1
        else:
            self._close(at, at)

    def _straight(self, at: int, width: int) -> None:
        self.marks_in_paragraph += 1
        if self.open_at is None:
            self._open(at, STRAIGHT, at + width)
        elif self.continuing:
            self.continuing, self.piece_start, self.open_kind = False, at + width, STRAIGHT
        elif self.open_kind == STRAIGHT:
            self._close(at, at)
        elif at == 0 or self.text[at - 1].isspace():
            # Mixed marks: a straight quote inside a curly one opens after a space.
            self.depth += 1
        elif self.depth:
            self.depth -= 1
        else:
            # “… cooperating," she said: a curly quote closed by a straight mark.
            self._close(at, at)


def _in_closing_place(text: str, at: int) -> bool:
    """Right after a word or its punctuation and before a space or punctuation: where only a closing mark stands
    (the German „…“ closes with this shape too)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and before not in OPENING + STRAIGHT + "([" and after in _AFTER_CLOSING


def find_marked(text: str) -> list[Marked]:
    """Every quote in marks in the text, in order, never raising on unbalanced marks."""
    return _Scanner(text).scan()
