"""Article text as safe HTML with marked stretches (quotes, cues, mentions, figures, dates).

Marks come from offsets into the text and may nest or cross each other (a figure inside a
quote, a mention straddling a quote's end). The text is cut at every mark boundary; each
piece is wrapped in the marks covering it, outer layers first, and an element is closed
and reopened where marks cross, so the HTML is always well formed. Every character of the
text is escaped; attribute values are escaped too, and attribute names come from code only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_TAGS = frozenset({"span", "a", "mark"})


@dataclass(frozen=True)
class Mark:
    """One stretch to mark: ``text[start:end]`` wrapped in ``<tag attrs>``.

    ``layer`` orders nesting (lower is outer); ``label`` is a short visible tag shown
    once at the start of the mark (e.g. the speaker's name), so the mark reads without colour;
    ``anchor`` is an id given to the first element written for the mark (a deep link to it).
    """

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    layer: int = 0
    label: str | None = None
    label_class: str = "label"
    anchor: str | None = None
    key: int = field(default=0, compare=False)


def _open(mark: Mark, inside_link: bool, anchored: bool) -> str:
    """The opening tag; a link inside a link becomes a span (nested anchors are invalid HTML).

    A mark cut in pieces (where marks cross) carries its anchor id on the first piece only.
    """
    tag = "span" if mark.tag == "a" and inside_link else mark.tag
    parts = [tag]
    if mark.anchor and not anchored:
        parts.append(f'id="{escape(mark.anchor)}"')
    for name, value in mark.attrs:
        if name == "href" and tag != "a":
            continue
        parts.append(f'{name}="{escape(value)}"')
    return "<" + " ".join(parts) + ">"


def _label(mark: Mark) -> str:
    """The visible tag, drawn by CSS from ``data-label`` (``::before``): it is not copied with the
    text, and screen readers skip it (the mark's title says the same)."""
    label = escape(mark.label or "")
    return f'<span class="{escape(mark.label_class)}" data-label="{label}" aria-hidden="true"></span>'


def _tag_of(mark: Mark, inside_link: bool) -> str:
    return "span" if mark.tag == "a" and inside_link else mark.tag


def _valid(mark: Mark, length: int) -> bool:
    if mark.tag not in _TAGS or not all(_NAME.match(name) for name, _ in mark.attrs):
        raise ValueError(f"mark tag or attribute not allowed: {mark.tag} {[n for n, _ in mark.attrs]}")
    return 0 <= mark.start < mark.end <= length


def highlight(text: str, marks: list[Mark]) -> Markup:
    """The whole text, escaped, with every valid mark wrapped around its characters.

    Marks outside the text or empty are skipped: a stale offset must not break a page.
    """
    keyed = [
        Mark(m.start, m.end, m.tag, m.attrs, m.layer, m.label, m.label_class, m.anchor, key=i)
        for i, m in enumerate(marks)
        if _valid(m, len(text))
    ]
    cuts = sorted({0, len(text)} | {m.start for m in keyed} | {m.end for m in keyed})
    by_start: dict[int, list[Mark]] = {}
    for mark in keyed:
        by_start.setdefault(mark.start, []).append(mark)

    out: list[str] = []
    active: list[Mark] = []
    stack: list[tuple[Mark, str]] = []  # open elements: the mark and the tag written for it
    labelled: set[int] = set()
    anchored: set[int] = set()
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > left] + by_start.get(left, [])
        wanted = sorted(active, key=lambda m: (m.layer, m.start, -m.end, m.key))
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep][0].key == wanted[keep].key:
            keep += 1
        for _mark, tag in reversed(stack[keep:]):
            out.append(f"</{tag}>")
        del stack[keep:]
        for mark in wanted[keep:]:
            inside_link = any(tag == "a" for _, tag in stack)
            out.append(_open(mark, inside_link, mark.key in anchored))
            anchored.add(mark.key)
            stack.append((mark, _tag_of(mark, inside_link)))
            if mark.label and mark.key not in labelled:
                labelled.add(mark.key)
                out.append(_label(mark))
        out.append(str(escape(text[left:right])))
    for _mark, tag in reversed(stack):
        out.append(f"</{tag}>")
    return Markup("".join(out))
