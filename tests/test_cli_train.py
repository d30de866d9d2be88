"""`kroniek train ner` end to end on a tiny IOB file written here (a seconds-long smoke run)."""

from pathlib import Path

SENTENCES = [
    [("Jan", "B-PER"), ("Jansen", "I-PER"), ("woont", "O"), ("in", "O"), ("Utrecht", "B-LOC"), (".", "O")],
    [("Marie", "B-PER"), ("werkt", "O"), ("bij", "O"), ("Philips", "B-ORG"), ("in", "O"), ("Eindhoven", "B-LOC"), (".", "O")],
]


def _iob(path: Path) -> Path:
    path.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in SENTENCES * 4) + "\n", encoding="utf-8")
    return path


def test_train_ner_command_writes_a_usable_model(run, tmp_path):
    train, dev = _iob(tmp_path / "train.iob"), _iob(tmp_path / "dev.iob")
    res = run("train", "ner", "--train", str(train), "--dev", str(dev), "-o", str(tmp_path / "m"), "--max-steps", "20")
    assert res.code == 0, res.stderr
    assert "KRONIEK_MODEL=" in res.stdout
    model = res.stdout.strip().split("KRONIEK_MODEL=")[-1]
    assert (Path(model) / "meta.json").exists()
    out = run("extract", "-", "--stages", "language,analysis,entities", stdin='{"id": "x", "published": "2020-01", "text": "Jan Jansen woont in Utrecht."}\n',
              env={"KRONIEK_MODEL": model})
    assert out.code == 0, out.stderr


def test_train_ner_rejects_a_malformed_file_with_its_line(run, tmp_path):
    bad = tmp_path / "bad.iob"
    bad.write_text("Jan B-PER\nJansen\n", encoding="utf-8")
    res = run("train", "ner", "--train", str(bad), "--dev", str(bad), "-o", str(tmp_path / "m"))
    assert res.code == 1 and "bad.iob" in res.stderr and ":2" in res.stderr
