"""Embedded posts: a tweet's words, then a paragraph signed "— Name (@handle) November 1, 2019".

An embedded tweet reaches the text without its box: its paragraphs stand between the
article's own, and only the signature line says whose they are. The post is the
paragraph above the signature, and the ones above that while the whole stays within
a post's length (280 characters, links aside) and none of them is the article's own
lead-in: a paragraph ending with a colon, one that reports ("Another user wondered why
…", "she tweeted"), or another quote. Links at the post's end
(pic.twitter.com, t.co) are not its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# "— Name (@handle) date": a dash, a short name, the handle in brackets, then a date or nothing
# ("— Jane Roe (@janeroe) covers the courts" is a reporter's note, not a signature).
_SIGNATURE = re.compile(
    r"^[ \t]*[—–―-]{1,2}[ \t]*(?P<name>[^\n()@]{1,80}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?P<date>(?:[A-Za-z]{3,9}\.? \d{1,2}, \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})?)[ \t.]*$",
    re.MULTILINE,
)
# A post is at most 280 characters; some room for what the page joined to it.
_POST_LENGTH = 320
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


@dataclass(frozen=True)
class Post:
    """One embedded post: its paragraphs (links at the end left out) and its author's name."""

    pieces: list[tuple[int, int]]
    speaker: tuple[int, int]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _paragraphs_before(text: str, at: int) -> list[tuple[int, int]]:
    """The paragraphs with words above offset ``at``, nearest first."""
    found = []
    end = at
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        if text[start:end].strip():
            left = start + len(text[start:end]) - len(text[start:end].lstrip())
            found.append((left, left + len(text[left:end].strip())))
            if len(found) > 4:
                break
        end = start - 1 if start > 0 else 0
        if start == 0:
            break
    return found


def find_posts(text: str, taken: list[tuple[int, int]], reports: Callable[[int, int], bool]) -> list[Post]:
    """Every embedded post signed with a handle.

    ``taken`` are spans already quotes, never part of a post; ``reports`` says whether a
    stretch of text holds a reporting verb, which makes a paragraph above the nearest the
    article's own lead-in rather than the post's.
    """
    posts = []
    for signature in _SIGNATURE.finditer(text):
        pieces: list[tuple[int, int]] = []
        length = 0
        for start, end in _paragraphs_before(text, signature.start()):
            if _SIGNATURE.match(text, start) or any(s < end and start < e for s, e in taken):
                break
            if pieces and (text[start:end].rstrip().endswith(":") or reports(start, end)):
                break
            cut = _TRAILING_LINKS.search(text, start, end)
            words_end = cut.start() if cut else end
            length += words_end - start
            if pieces and length > _POST_LENGTH:
                break
            if words_end > start:
                pieces.insert(0, (start, words_end))
        if pieces:
            name = signature.span("name")
            posts.append(Post(pieces=pieces, speaker=name))
    return posts
