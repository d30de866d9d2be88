"""A psycopg connection that takes the SQL the rest of kroniek writes for SQLite.

The chronicle and the read layer write one dialect of SQL: ``?`` placeholders, ``COLLATE
NOCASE``, ``LIKE`` that ignores case, ``json_each`` over JSON array columns, rows read by name
and by index like ``sqlite3.Row``, ``cursor.lastrowid``. This adapter turns those few things into
PostgreSQL's own (cached per statement), so the same queries run on both backends and the
behaviour tests can hold them to the same answers:

* ``?`` -> ``%s`` (and a literal ``%`` -> ``%%``), outside string literals;
* ``COLLATE NOCASE`` stays: migration 1 creates a case-insensitive ICU collation ``nocase``;
* ``LIKE`` -> ``ILIKE`` (SQLite's LIKE ignores case);
* ``json_each(col) j`` -> ``jsonb_array_elements_text(col::jsonb) AS j(value)``;
* ``WHERE 1`` -> ``WHERE TRUE``; the column ``end`` (a reserved word here) -> ``"end"``;
* an INSERT into a table with a generated key gets ``RETURNING`` it, for ``lastrowid``.

Values go in as literals (psycopg's client-side binding), as loosely typed as SQLite takes them;
``numeric`` comes back as int or float, never Decimal. ``executemany`` of an INSERT becomes one
multi-row statement per thousand rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

#: Tables whose key PostgreSQL generates, and that key's column (for ``lastrowid``).
GENERATED_KEYS = {"articles": "rowid", "stories": "id", "entity_records": "id",
                  "corrections": "id", "quarantine": "id"}

_TOKENS = re.compile(
    r"""(?P<str>'(?:[^']|'')*')"""
    r"""|(?P<ident>"(?:[^"]|"")*")"""
    r"""|(?P<q>\?)"""
    r"""|(?P<pct>%)"""
    r"""|(?P<like>\bLIKE\b)"""
    r"""|(?P<json>\bjson_each\((?P<arg>[^()]*)\)(?:\s+(?:AS\s+)?(?!(?:WHERE|ON|JOIN|LEFT|ORDER|GROUP|LIMIT|AND|OR)\b)(?P<alias>[A-Za-z_]\w*))?)"""
    r"""|(?P<one>\bWHERE\s+1\b(?!\s*=))"""
    r"""|(?P<end>(?<![\w"])end(?![\w"]))"""
)


def translate(sql: str) -> str:
    """SQLite-flavoured kroniek SQL as PostgreSQL SQL (see the module's docstring)."""
    return _translate(sql)[0]


@lru_cache(maxsize=4096)
def _translate(sql: str) -> tuple[str, str, bool]:
    """(statement, the statement without an added RETURNING, whether one was added)."""
    out: list[str] = []
    pos = 0
    for m in _TOKENS.finditer(sql):
        out.append(sql[pos : m.start()])
        kind = m.lastgroup if m.lastgroup not in ("arg", "alias") else "json"
        if m.group("str") is not None:
            out.append(m.group("str").replace("%", "%%"))
        elif m.group("ident") is not None:
            out.append(m.group("ident"))
        elif m.group("q") is not None:
            out.append("%s")
        elif m.group("pct") is not None:
            out.append("%%")
        elif m.group("like") is not None:
            out.append("ILIKE")
        elif m.group("json") is not None:
            alias = m.group("alias") or "json_each"
            out.append(f"jsonb_array_elements_text(({m.group('arg')})::jsonb) AS {alias}(value)")
        elif m.group("one") is not None:
            out.append("WHERE TRUE")
        elif m.group("end") is not None:
            out.append('"end"')
        else:  # pragma: no cover - every alternative is handled above
            raise AssertionError(kind)
        pos = m.end()
    out.append(sql[pos:])
    text = _nulls_like_sqlite("".join(out))
    insert = _INSERT.match(text)
    if insert and "RETURNING" not in text.upper() and insert.group(1).lower() in GENERATED_KEYS:
        key = GENERATED_KEYS[insert.group(1).lower()]
        return f"{text.rstrip().rstrip(';')} RETURNING {key}", text, True
    return text, text, False


_INSERT = re.compile(r"\s*INSERT\s+INTO\s+(\w+)", re.I)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.I)
_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET)\b", re.I)


def _nulls_like_sqlite(sql: str) -> str:
    """NULL sorts first ascending and last descending, as on SQLite (PostgreSQL does the
    opposite): each ORDER BY term gets its NULLS FIRST / NULLS LAST."""
    out: list[str] = []
    pos = 0
    for m in _ORDER_BY.finditer(sql):
        if m.start() < pos:
            continue
        out.append(sql[pos : m.end()])
        i, depth, quote, start, terms = m.end(), 0, "", m.end(), []
        while i < len(sql):
            c = sql[i]
            if quote:
                quote = "" if c == quote else quote
            elif c in "'\"":
                quote = c
            elif c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and c == ",":
                terms.append(sql[start:i])
                start = i + 1
            elif depth == 0 and _CLAUSE_END.match(sql, i) and (i == 0 or not sql[i - 1].isalnum()):
                break
            i += 1
        terms.append(sql[start:i])
        fixed = []
        for term in terms:
            bare = term.rstrip()
            tail = term[len(bare):]
            upper = bare.upper()
            if "NULLS" in upper.split():
                fixed.append(term)
            elif upper.endswith(" DESC"):
                fixed.append(f"{bare} NULLS LAST{tail}")
            else:
                fixed.append(f"{bare} NULLS FIRST{tail}")
        out.append(",".join(fixed))
        pos = i
    out.append(sql[pos:])
    return "".join(out)
_VALUES = re.compile(r"^(?P<head>\s*INSERT\s+INTO\s+\w+\s*\((?P<cols>[^)]*)\)\s*VALUES\s*)"
                     r"(?P<group>\((?:\s*%s\s*,)*\s*%s\s*\))(?P<tail>.*)$", re.I | re.S)
_CONFLICT = re.compile(r"ON\s+CONFLICT\s*(?:\((?P<target>[^)]*)\))?\s*DO\s+(?P<action>NOTHING|UPDATE)", re.I)


def _multirow_plan(sql: str) -> tuple[str, str, str, list[int] | None] | None:
    """(head, one row's placeholder group, tail, positions of the conflict target's columns —
    None when no row can clash with another) for an INSERT that can take many rows at once."""
    m = _VALUES.match(sql)
    if m is None or "RETURNING" in m.group("tail").upper():
        return None
    conflict = _CONFLICT.search(m.group("tail"))
    keys: list[int] | None = None
    if conflict is not None and conflict.group("action").upper() == "UPDATE":
        cols = [c.strip().strip('"').lower() for c in m.group("cols").split(",")]
        target = [c.strip().strip('"').lower() for c in (conflict.group("target") or "").split(",")]
        if not all(t in cols for t in target):
            return None
        keys = [cols.index(t) for t in target]
    return m.group("head"), m.group("group"), m.group("tail"), keys


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by index or by column name, like ``sqlite3.Row``."""

    _names: tuple[str, ...] = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._index[key.lower()])
            except KeyError:
                raise IndexError(f"no such column: {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for i, n in enumerate(names):
        index.setdefault(n.lower(), i)
    return type("Row", (Row,), {"_names": names, "_index": index, "__slots__": ()})


def _row_factory(cursor: Any) -> Any:
    desc = cursor.description
    if desc is None:
        return tuple
    return _row_class(tuple(d.name for d in desc))


class Cursor:
    """What ``execute`` returns: iterate, fetch, ``lastrowid``, ``rowcount``."""

    def __init__(self, cur: Any, returning: bool) -> None:
        self._cur = cur
        self.lastrowid: int | None = None
        if returning:
            row = cur.fetchone() if cur.description is not None else None
            self.lastrowid = None if row is None else int(row[0])

    @property
    def rowcount(self) -> int:
        return int(self._cur.rowcount)

    @property
    def description(self) -> Any:
        return self._cur.description

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        return list(self._cur.fetchall())

    def fetchmany(self, size: int = 100) -> list[Any]:
        return list(self._cur.fetchmany(size))

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cur)

    def close(self) -> None:
        self._cur.close()


class Connection:
    """One PostgreSQL connection speaking kroniek's SQL (autocommit; the store opens and ends
    its write transactions itself)."""

    dialect = "postgresql"

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Cursor:
        text, _, returning = _translate(sql)
        cur = self.raw.cursor()
        cur.execute(text, tuple(params) if params is not None else ())
        return Cursor(cur, returning)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in seq]
        if not rows:
            return
        _, text, _ = _translate(sql)
        plan = _multirow_plan(text)
        cur = self.raw.cursor()
        if plan is not None:
            head, group, tail, keys = plan
            if keys is None or len({tuple(r[k] for k in keys) for r in rows}) == len(rows):
                head, tail = head.replace("%%", "%"), tail.replace("%%", "%")
                for i in range(0, len(rows), 1000):
                    values = ",".join(cur.mogrify(group, r) for r in rows[i : i + 1000])
                    cur.execute(head + values + tail)  # no parameters: taken literally
                return
        for r in rows:
            cur.execute(text, r)

    def close(self) -> None:
        self.raw.close()

    def commit(self) -> None:
        """Nothing to do: outside the store's transactions every statement commits itself."""


def configure(raw: Any) -> None:
    """Make a new psycopg connection return what sqlite3 would: rows by name, numbers not
    Decimals, autocommit."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data: Any) -> Any:
            s = bytes(data).decode()
            if s.lstrip("-").isdigit():
                return int(s)
            return float(s)

    raw.adapters.register_loader("numeric", NumericLoader)
    raw.row_factory = _row_factory
    raw.autocommit = True
