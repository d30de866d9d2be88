"""Benchmark the quotes stage on OpenBoek direct-speech annotations (Dutch literature).

Usage: python bench/quotes.py [CORPUS_DIR] [--blank] [--dump FILE]

The corpus XML is tokenised one sentence per line with quotes as ``" Wat is het , "``; we
detokenise it (attach punctuation, pair straight quotes) and rebuild the books' paragraphs: a line
(sentence) starts a new paragraph when the first annotated quote or mention on it carries another
``parno`` than the last one seen (and joins the paragraph when it is the same); lines without such
an element start a paragraph when they open with a quote mark or dialogue dash, since dialogue
turns are paragraphs in the books. (Layout only: no speaker label is used to build the text.)

Matching (gold = annotated direct-speech spans, predicted = quotes of kind direct/mixed):
* overlap: a prediction matches a gold quote when their contents share at least half of the
  shorter one's characters (one-to-one, greedy by overlap);
* exact: contents are identical after trimming quote marks, dashes, spaces and commas.
Speaker accuracy is over overlap-matched pairs: the predicted ``speaker_name`` matches when it
equals (case-insensitively) the gold character's name, an alias, or one of the texts the
annotators linked (coreference) as that character's mentions, or when its last word is a content
word of the name, an alias or one of those linked mentions (Holmes ~ Sherlock Holmes; Arkadiewitsch
~ the mention "Stipan Arkadiewitsch" of the character "haar_man"), or when it is a name (capitalised
words and particles) that contains one of those names or mentions as a whole run of words: a fuller
name of the character (Eline Vere ~ Eline; before this rule only a surname could match, so the
character's full name was scored wrong when the annotators linked only her first name; the name-only
condition keeps runs such as "Japi z'n pet" from matching). Pronoun mentions (hij, zij, hem,
...) and determiners/possessives (de, haar, zijn, ...) are never used for matching, and unresolved
pronouns never count as a prediction, except the narrator "ik" for a character named "ik" or one
the annotators linked an "ik" mention to (Multatuli's narrator is the character "Batavus").
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from kroniek.analysis import dutch_model as analysis
from kroniek.extraction.entities import find_entities
from kroniek.extraction.quotes import find_quotes
from kroniek.model import Article, Document

CORPUS = Path("/work/shared/corpora/openboek-quotes/quotes")
NO_SPACE_BEFORE = set(",.!?;:)]…")
TRIM = " \t\n,\"'„“”‘’«»-–—"
PRONOUN_MENTIONS = frozenset(
    "ik mij me hij hem zij ze haar we wij ons u gij ge je jij jou jullie zich die deze dat dit wie men".split()
)
#: words that never identify a person on their own (determiners, possessives, particles)
NOT_HEAD = PRONOUN_MENTIONS | frozenset("de het een van den der zijn mijn onze uw hun jouw".split())
PARTICLES = frozenset("van de der den ter ten te".split())


def detokenise(root: ET.Element) -> tuple[str, list[tuple[int, int, str]], dict[str, set[str]]]:
    """Text, gold quotes (start, end, speaker) and the mention texts per speaker."""
    text_el = root.find("text")
    pieces: list[tuple[str, str | None]] = []  # (token, quote speaker or None) ; "\n" = line break
    parno_at: dict[int, str] = {}  # piece index -> paragraph number of the element starting there

    def walk(el: ET.Element, speaker: str | None) -> None:
        if el.text:
            add(el.text, speaker)
        for child in el:
            sp = child.get("speaker") if child.tag == "quote" else speaker
            if child.tag in ("quote", "mention") and child.get("parno"):
                parno_at[len(pieces)] = child.get("parno") or ""
            if child.tag == "quote":
                pieces.append(("<Q>", sp))
            walk(child, sp)
            if child.tag == "quote":
                pieces.append(("</Q>", sp))
            if child.tail:
                add(child.tail, speaker)

    def add(chunk: str, speaker: str | None) -> None:
        for k, line in enumerate(chunk.split("\n")):
            if k:
                pieces.append(("\n", None))
            for tok in line.split():
                pieces.append((tok, speaker))

    walk(text_el, None)
    mentions: dict[str, set[str]] = {}
    for m in text_el.iter("mention"):
        mentions.setdefault(m.get("speaker") or "", set()).add((m.text or "").strip().lower())

    out: list[str] = []
    length = 0
    gold: list[tuple[int, int, str]] = []
    open_q: tuple[int, str] | None = None
    in_dq = False
    attach_next = False
    line_start = True
    last_par = ""
    # paragraph number of each line (from the first annotated element on it), "" if unknown
    line_par: dict[int, str] = {}
    cur_line = 0
    for k in range(len(pieces)):
        if pieces[k][0] == "\n":
            cur_line = k + 1
        elif k in parno_at and cur_line not in line_par:
            line_par[cur_line] = parno_at[k]

    def emit(s: str) -> None:
        nonlocal length
        out.append(s)
        length += len(s)

    line_begin = 0
    for k, (tok, sp) in enumerate(pieces):
        if tok == "<Q>":
            open_q = (-1, sp or "")
            continue
        if tok == "</Q>":
            if open_q is not None:
                gold.append((open_q[0], length, open_q[1]))
            open_q = None
            continue
        if tok == "\n":
            line_start = True
            line_begin = k + 1
            continue
        if line_start:
            nxt = tok
            par = line_par.get(line_begin, "")
            if out:
                opens = nxt in ('"', "-", "–", "'") or nxt.startswith('"')
                if par and last_par:
                    emit("\n" if par != last_par else " ")
                else:
                    emit("\n" if opens else " ")
                if nxt in ('"', "-", "–"):
                    in_dq = False
            if par:
                last_par = par
            line_start = False
            space = False
        else:
            space = True
        if tok == '"':
            opening = not in_dq
            in_dq = not in_dq
            if opening:
                if space and out and not attach_next:
                    emit(" ")
                if open_q is not None and open_q[0] < 0:
                    open_q = (length, open_q[1])
                emit('"')
                attach_next = True
                continue
            if open_q is not None and open_q[0] < 0:
                open_q = (length, open_q[1])
            emit('"')
            attach_next = False
            continue
        if space and not attach_next and tok[0] not in NO_SPACE_BEFORE:
            emit(" ")
        if open_q is not None and open_q[0] < 0:
            open_q = (length, open_q[1])
        emit(tok)
        attach_next = False
    return "".join(out), gold, mentions


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def speaker_ok(
    pred: str | None, gold: str, chars: dict[str, set[str]], mentions: dict[str, set[str]]
) -> bool:
    if not pred:
        return False
    p = pred.lower().strip()
    names = {gold.replace("_", " ").lower()} | chars.get(gold, set())
    if p == "ik":  # the narrator: the character named "ik" or linked to an "ik" mention
        return "ik" in names or "ik" in mentions.get(gold, set())
    if p in ("hij", "zij", "ze", "we", "wij", "u", "gij", "je", "jij"):
        return False
    linked = {m for m in mentions.get(gold, set()) if m not in PRONOUN_MENTIONS}
    if p in names or p in linked:
        return True
    words = {w for n in names | linked for w in re.findall(r"\w+", n) if w not in NOT_HEAD}
    pw = [w for w in re.findall(r"\w+", p) if w not in NOT_HEAD]
    # last word: Holmes ~ Sherlock Holmes, Arkadiewitsch ~ the linked mention Stipan Arkadiewitsch
    if bool(pw) and pw[-1] in words:
        return True
    # a fuller name of the character: the prediction is a name (capitalised words and particles)
    # that contains one of the character's names or linked mentions as a whole run of words
    # (Eline Vere ~ Eline)
    raw = pred.split()
    if not all(w[:1].isupper() or w in PARTICLES for w in raw):
        return False
    toks = [w.lower() for w in raw]
    for n in names | linked:
        nt = n.split()
        if nt and nt[0] not in NOT_HEAD and any(toks[i : i + len(nt)] == nt for i in range(len(toks))):
            return True
    return False


def main(argv: list[str]) -> None:
    corpus = CORPUS
    dump = None  # --dump FILE: one TSV row per matched quote, to compare two models' speakers
    args = iter(argv)
    for a in args:
        if a == "--blank":
            analysis.model_path = lambda: None  # type: ignore[assignment]
        elif a == "--dump":
            dump = open(next(args), "w", encoding="utf8")
        else:
            corpus = Path(a)
    tp_o = tp_x = n_pred = n_gold = 0
    sp_ok = sp_n = 0
    chars_total = 0
    t_quotes = t_all = 0.0
    print(f"model: {analysis.model_version()}")
    for f in sorted(corpus.glob("*.xml")):
        root = ET.parse(f).getroot()
        chars = {
            c.get("name") or "": {a.strip().lower() for a in (c.get("aliases") or "").split(";") if a.strip()}
            for c in root.iter("character")
        }
        text, gold, mentions = detokenise(root)
        t0 = time.perf_counter()
        doc = Document(article=Article(id=f.stem, text=text))
        doc = find_entities(analysis.run_analysis(doc))
        t1 = time.perf_counter()
        doc = find_quotes(doc)
        t2 = time.perf_counter()
        t_quotes += t2 - t1
        t_all += t2 - t0
        chars_total += len(text)
        preds = [q for q in doc.quotes if q.kind in ("direct", "mixed")]
        n_pred += len(preds)
        n_gold += len(gold)
        g_spans = [_trimmed(text, s, e) for s, e, _ in gold]
        used: set[int] = set()
        ftp = 0
        for q in preds:
            ps, pe = _trimmed(text, q.content.start, q.content.end)
            best, best_ov = None, 0
            for gi, (gs, ge) in enumerate(g_spans):
                if gi in used:
                    continue
                ov = min(pe, ge) - max(ps, gs)
                if ov > 0 and ov >= 0.5 * min(pe - ps, ge - gs) and ov > best_ov:
                    best, best_ov = gi, ov
            if best is None:
                continue
            used.add(best)
            ftp += 1
            if g_spans[best] == (ps, pe):
                tp_x += 1
            sp_n += 1
            ok = speaker_ok(q.speaker_name, gold[best][2], chars, mentions)
            sp_ok += ok
            if dump:
                snippet = text[ps : min(pe, ps + 40)].replace("\t", " ").replace("\n", " ")
                dump.write(f"{f.stem}\t{ps}\t{gold[best][2]}\t{q.speaker_name}\t{int(ok)}\t{snippet}\n")
        tp_o += ftp
        print(f"  {f.stem:40s} gold {len(gold):4d} pred {len(preds):4d} matched {ftp:4d}")

    def prf(tp: int) -> str:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {f1:.3f}"

    if dump:
        dump.close()
    print(f"detection (overlap): {prf(tp_o)}")
    print(f"detection (exact):   {prf(tp_x)}")
    print(f"speaker accuracy:    {sp_ok / sp_n if sp_n else 0:.3f} ({sp_ok}/{sp_n} matched quotes)")
    k = chars_total / 1000
    print(
        f"time per 1k chars: quotes {1000 * t_quotes / k:.2f} ms, analysis+entities+quotes "
        f"{1000 * t_all / k:.2f} ms (quotes = {100 * t_quotes / max(t_all - t_quotes, 1e-9):.1f}% "
        "on top of analysis+entities)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
