"""The trained attribution tagger: cue, source and content spans read by a small encoder.

The model is all-MiniLM-L6-v2 (Apache-2.0) fine-tuned on PolNeAR's train split by
``scripts/train_attribution.py`` to tag every wordpiece as outside, beginning or inside
a cue, a source and a content. It ships as an int8 ONNX file with its tokenizer in
``data/attribution/`` and runs on onnxruntime: no torch and no download at run time.

A paragraph is one window, as in training (a long one is cut into pieces). Only the
paragraphs that can hold a report are read: those with a quote mark or a cue word, or
where the rules proposed something. What it tags is what the quote rules weigh
(``weighing.py``): reports it gives no support are not speech (adding the reports it finds
that the rules missed is implemented but off).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np

from newsgraph.errors import AttributionModelMissing

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

ROLES = ("cue", "source", "content")
_CLS, _SEP = 101, 102


@dataclass(frozen=True)
class TaggedSpan:
    """One span the model tagged, in characters, with its mean probability of being inside."""

    start: int
    end: int
    score: float


@dataclass
class Tags:
    """What the model read in one Doc: spans per role, and which characters it read at all."""

    spans: dict[str, list[TaggedSpan]] = field(default_factory=lambda: {role: [] for role in ROLES})
    read: list[tuple[int, int]] = field(default_factory=list)

    def was_read(self, start: int, end: int) -> bool:
        """Whether the model saw the stretch start..end (a paragraph it skipped gives no verdict)."""
        return any(a <= start and end <= b for a, b in self.read)

    def overlapping(self, role: str, start: int, end: int) -> list[TaggedSpan]:
        return [s for s in self.spans[role] if s.start < end and start < s.end]

    def coverage(self, role: str, start: int, end: int) -> float:
        """Share of the characters of start..end inside a span of this role."""
        if end <= start:
            return 0.0
        covered = sum(max(0, min(end, s.end) - max(start, s.start)) for s in self.overlapping(role, start, end))
        return covered / (end - start)


@dataclass(frozen=True)
class AttributionModel:
    """The ONNX session and tokenizer, loaded once per process."""

    session: onnxruntime.InferenceSession
    tokenizer: Tokenizer
    max_len: int

    def tag(self, text: str, paragraphs: list[tuple[int, int]]) -> Tags:
        """Tag the given paragraphs (character spans) of ``text``."""
        tags = Tags(read=list(paragraphs))
        windows: list[tuple[list[int], list[tuple[int, int]]]] = []
        body = self.max_len - 2
        for start, end in paragraphs:
            encoding = self.tokenizer.encode(text[start:end], add_special_tokens=False)
            offsets = [(a + start, b + start) for a, b in encoding.offsets]
            for cut in range(0, len(offsets), body):
                windows.append((encoding.ids[cut : cut + body], offsets[cut : cut + body]))
        for ids, offsets in windows:
            probabilities = self._run(ids)
            for r, role in enumerate(ROLES):
                tags.spans[role].extend(_decode(probabilities[:, r], offsets))
        for role in ROLES:
            tags.spans[role].sort(key=lambda s: s.start)
        return tags

    def _run(self, pieces: list[int]) -> np.ndarray:
        """Probabilities [piece, role, O/B/I] for one window (without CLS/SEP).

        One window per run: padding a batch to its longest window cost three times the work
        of running the windows alone on PolNeAR dev.
        """
        ids = np.array([[_CLS, *pieces, _SEP]], dtype=np.int64)
        (logits,) = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        logits = logits[0, 1:-1].reshape(len(pieces), len(ROLES), 3)
        exp = np.exp(logits - logits.max(-1, keepdims=True))
        return exp / exp.sum(-1, keepdims=True)


def _decode(probabilities: np.ndarray, offsets: list[tuple[int, int]]) -> list[TaggedSpan]:
    """BIO over pieces to character spans; an I after O opens a span, as in training's scoring."""
    tags = probabilities.argmax(-1).tolist()
    inside = 1.0 - probabilities[:, 0]
    found, start = [], None
    for i, tag in enumerate([*tags, 0]):
        if start is not None and tag != 2:
            found.append(TaggedSpan(offsets[start][0], offsets[i - 1][1], float(inside[start:i].mean())))
            start = None
        if tag == 1 or (tag == 2 and start is None):
            start = i
    return found


def plain_tokenizer(tokenizer_json: str) -> Tokenizer:
    """The encoder's tokenizer without the padding to 128 pieces and the truncation it ships with.

    Padded, every paragraph cost 128 pieces however short it was (three times the work on
    PolNeAR dev, where a paragraph averages 45), and truncated, the end of a long paragraph
    was never read. Training and run time both load it through here.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


@cache
def load_model() -> AttributionModel:
    """The shipped model, loaded on first use (a process that never asks for it never pays for it)."""
    import json

    try:
        import onnxruntime
        import tokenizers  # noqa: F401
    except ImportError as error:
        raise AttributionModelMissing(f"{error.name} is not installed") from error
    folder = files("newsgraph.pipeline") / "data" / "attribution"
    try:
        meta = json.loads((folder / "meta.json").read_text())
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            (folder / "model.onnx").read_bytes(), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = plain_tokenizer((folder / "tokenizer.json").read_text())
    except (OSError, ValueError, RuntimeError) as error:
        raise AttributionModelMissing(str(error)) from error
    return AttributionModel(session=session, tokenizer=tokenizer, max_len=int(meta["max_len"]))
