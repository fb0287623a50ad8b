"""Page furniture: the lines of an extracted page that are not the article.

trafilatura finds the article's block of a page, but that block still carries what
the publisher put around the story: photo captions and credits, bylines with e-mail
addresses, "Related" and "Read more" links, newsletter and app promotions, comment
counters, copyright and standards footers, editors' credits. Each is harmless to a
reader and harmful to us: a credit "Jonathan Nackstrand/AFP" becomes a person, an
editor becomes an entity, "Photo:" becomes a quote cue. Every rule here is a general
shape of such a line, never a site's own wording. The rules were written from half of
the 181 benchmark pages and kept when 5-fold cross-validation over all of them chose
them (``newsgraph eval extraction --gold``); the credit and byline rules are kept for
what they do to entities and quotes, though the benchmark's gold keeps some captions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# A furniture line is short: a paragraph of the story that merely mentions "newsletter"
# or "copyright" is longer than this and stays.
_SHORT_WORDS = 30
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# The headline is looked for among this many first lines; a page title may carry the site's
# name after a bar or a dash ("Opinion | Is Football Violence a Crime?").
_HEADLINE_WITHIN = 3
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_BULLET = re.compile(r"^[-•*·▪►»]\s+")


@dataclass(frozen=True)
class Rule:
    """One kind of furniture: ``matches`` says whether a (stripped) line is of that kind."""

    name: str
    matches: Callable[[str], bool]
    why: str


def _pattern(regex: str, max_words: int = _SHORT_WORDS) -> Callable[[str], bool]:
    compiled = re.compile(regex, re.IGNORECASE)

    def matches(line: str) -> bool:
        return len(line.split()) <= max_words and compiled.search(line) is not None

    return matches


_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]+(\s+(and\s+)?[A-Z][\w.'’-]+){0,5}\s*[:,|]?\s*$", re.IGNORECASE)


def _byline(line: str) -> bool:
    """A line that is only "By" and a name or two, capitalised: the byline, not a sentence."""
    return _BYLINE.match(line) is not None and all(w[0].isupper() for w in line.split()[1:] if w != "and")


def _email_line(line: str) -> bool:
    """A short line with an e-mail address: a byline, a tip line or a contact box."""
    return len(line.split()) <= _SHORT_WORDS and _EMAIL.search(line) is not None


RULES: tuple[Rule, ...] = (
    Rule(
        "promo",
        _pattern(
            r"(^(sign up|subscribe|join|download|click|tap|get)\b.{0,80}\b(newsletters?|inbox|app|subscri\w+|"
            r"free|here|today|now)\b|\b(in|to) your inbox\b|\bclick here\b|\b(our|free|daily|weekly|email) "
            r"newsletters?\b|\bsubscribe (now|today|here|to (our|the))\b|\bsign up (for|to) (our|the|free)\b|"
            r"\bfollow\b.{0,60}\bon (twitter|facebook|instagram|youtube)\b|\bshare (it|this)( story)? with\b|"
            r"\bthanks for signing up\b|\bkeep an eye on your inbox\b)"
        ),
        "newsletter boxes, app and subscription promotions, 'follow us on'",
    ),
    Rule(
        "related",
        _pattern(
            r"^\W{0,2}((related|read more|more|see also|also read|watch|video|listen|gallery|photos?|slideshow)"
            r"( (post|story|stories|articles?|coverage|content|reading))?\s*[:|\]…]|"
            r"(related (posts|stories|articles|coverage)|read more|you (may|might) also like|recommended for you|"
            r"don'?t miss|popular on|most (read|popular)|more from|also on|further reading|see also)\b)"
        ),
        "'Related:', 'Read more:', 'VIDEO:', 'You may also like' lines and their links",
    ),
    Rule(
        "credit",
        _pattern(
            r"(\b(photo|image|picture|video|graphic|illustration)s?( credit)?\s*(:|by\b)|\bcredit:|"
            r"\b(getty images|shutterstock|istock(photo)?)\b|\b(ap|afp|reuters|epa|ap photo)\s*/\s*\w|"
            r"/\s*(afp|ap|reuters|epa|getty|ap photo)\b|\bvia getty\b|\bfile photo\b)"
        ),
        "photo captions and credits ('Jonathan Nackstrand/AFP', 'Photo: …', 'Getty Images')",
    ),
    Rule(
        "editors",
        _pattern(
            r"(^\(?(\w+ )?reporting by\b|\b(editing|edited|writing|compiled|additional reporting) by\b|"
            r"\bcontributed (reporting|to this (report|story|article))\b|^\(?\s*with reporting\b)",
            max_words=60,
        ),
        "wire and newsroom credits ('Reporting by …; Editing by …', '… contributed reporting')",
    ),
    Rule(
        "footer",
        _pattern(
            r"(^(copyright|©|\(c\))|\ball rights reserved\b|\bour standards\b|\btrust principles\b|"
            r"^(filed under|tags?|topics|source|sources)\s*:|^comments?$|^\d*\s*comments?$|"
            r"\btell us what you think\b|\bthanks for (reading|signing up)\b|"
            r"\bget a share of the sale\b|\b(we|may) (earn|receive) (a )?(commission|share)\b)"
        ),
        "copyright and standards footers, tags, comment counters, affiliate notices",
    ),
    Rule("email", _email_line, "bylines and tip lines with an e-mail address"),
    Rule("byline", _byline, "a line that is only a byline ('By Aaron Humes:')"),
    Rule(
        "updated",
        _pattern(r"^(updated|published|posted|last (updated|modified))\b(:| at| on)?\s.{0,50}\d", 14),
        "'Updated at 1:23 p.m.' and other time stamps",
    ),
    Rule(
        "tagged",
        _pattern(r"(\[[A-Z]{3,}\]\W*$|\[/?[a-z_]+(\s+[a-z_]+=[^\]]*)*\](?!\())"),
        "links tagged '[VIDEO]', '[INSIGHT]', and shortcodes left in the text ('[button …]')",
    ),
)


def strip_bullet(line: str) -> str:
    """A list item's text without its bullet: the marker is layout, not words of the story."""
    return _BULLET.sub("", line)


def furniture(line: str, rules: Sequence[Rule] = RULES) -> Rule | None:
    """The first rule a line matches, or None when it reads as the story's own."""
    stripped = strip_bullet(line.strip())
    if not stripped:
        return None
    return next((rule for rule in rules if rule.matches(stripped)), None)


def remove_furniture(
    lines: Iterable[str], title: str | None = None, rules: Sequence[Rule] = RULES
) -> tuple[str | None, list[str]]:
    """The headline line (when the page repeats its title among the first lines) and the body's lines.

    Bullets are dropped, furniture lines left out, and what precedes the headline (a
    teaser for another story) goes too. The headline is returned apart because it is the
    article's first paragraph but not part of its body.
    """
    kept = [text for line in lines if (text := strip_bullet(line.strip())) and furniture(text, rules) is None]
    if title:
        names = {_fold(part) for part in _TITLE_PARTS.split(title) if len(part.split()) >= 3} | {_fold(title)}
        for index, line in enumerate(kept[:_HEADLINE_WITHIN]):
            if _fold(line) in names:
                return line, kept[index + 1 :]
    return None, kept


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
