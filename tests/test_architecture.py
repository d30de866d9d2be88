"""The layout holds: no import circles, no lower room importing a higher one, no module over
~500 lines, every word list loads, and no word list written twice."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PKG = SRC / "kroniek"

#: Rooms from the bottom up: a module may import its own room and the rooms below it.
LAYERS = [
    {"errors", "model", "lexicon", "kb"},
    {"pipeline"},
    {"analysis"},
    {"extraction"},
    {"store"},
    {"chronicle"},
    {"ingest", "queries"},
    {"serve", "cli", "spark", "__main__", "__init__"},
]


def _modules() -> dict[str, Path]:
    out = {}
    for f in PKG.rglob("*.py"):
        parts = list(f.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            cands = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            cands = [a.name for a in node.names]
        else:
            continue
        found |= {c for c in cands if c in modules and c != name}
    return found


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(room: str) -> int:
    for i, rooms in enumerate(LAYERS):
        if room in rooms:
            return i
    raise AssertionError(f"room {room!r} has no layer in tests/test_architecture.py")


def test_no_import_circles():
    modules = _modules()
    graph = {m: _imports(m, p, modules) for m, p in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    assert cycles == []


def test_no_room_imports_a_higher_one():
    modules = _modules()
    wrong = []
    for m, p in modules.items():
        mine = _layer(_room(m))
        for dep in _imports(m, p, modules):
            if _room(dep) != _room(m) and _layer(_room(dep)) > mine:
                wrong.append(f"{m} -> {dep}")
    assert wrong == []


def test_capabilities_do_not_reach_into_each_other():
    """An extraction capability uses another only through its public face (its __init__)."""
    modules = _modules()
    wrong = []
    for m, p in modules.items():
        if not m.startswith("kroniek.extraction."):
            continue
        cap = m.split(".")[2]
        for dep in _imports(m, p, modules):
            parts = dep.split(".")
            if dep.startswith("kroniek.extraction.") and len(parts) > 3 and parts[2] != cap:
                wrong.append(f"{m} -> {dep}")
    assert wrong == []


def test_modules_stay_small():
    big = {m: n for m, p in _modules().items() if (n := len(p.read_text().splitlines())) > 520}
    assert big == {}


def _lexicon_files() -> list[Path]:
    return sorted(p for p in PKG.rglob("*") if p.parent.name == "lexicon" and p.suffix in (".txt", ".tsv"))


@pytest.mark.parametrize("path", _lexicon_files(), ids=lambda p: str(p.relative_to(PKG)))
def test_word_lists_load_without_repeated_entries(path):
    from kroniek.lexicon import entries

    rel = path.relative_to(SRC).parent
    package = ".".join(rel.parts) if path.parent == PKG / "lexicon" else ".".join(rel.parts[:-1])
    rows = entries(package, path.name)
    assert rows, f"{path} is empty"
    assert len(set(rows)) == len(rows), f"{path} repeats a line"
    two_columns = all(len(r.split("\t")) == 2 for r in rows)
    keys = [r.split("\t")[0] for r in rows]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    # a mapping maps each word once (reporting_particles.tsv lists a finite form per particle)
    if (path.suffix == ".txt" or two_columns) and path.name != "reporting_particles.tsv":
        assert repeated == []


def test_no_word_list_is_written_twice():
    """Two lists of the same words in two files are one meaning written twice."""
    lists = {}
    for path in _lexicon_files():
        if path.suffix == ".txt":
            words = {line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()}
            lists[path.relative_to(PKG)] = words - {""}
    by_content = defaultdict(list)
    for name, words in lists.items():
        by_content[frozenset(words)].append(str(name))
    assert [names for names in by_content.values() if len(names) > 1] == []


def test_the_extract_function_is_not_shadowed_by_a_package():
    """``kroniek.extract(...)`` is the public API: no subpackage may take its name."""
    import importlib

    import kroniek

    for name in _modules():
        if not name.endswith("__main__"):
            importlib.import_module(name)
    assert callable(kroniek.extract) and kroniek.extract.__module__ == "kroniek"
