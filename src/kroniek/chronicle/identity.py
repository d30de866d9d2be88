"""One identity per real-world entity across the store.

Each article's entities (already canonical within the article: "Erdogan" there is Recep Erdogan)
are linked to an entity record; a new article links into the existing records:

1. the same name (``keys.name_key``: case, diacritics, hyphens and a genitive do not count) of a
   compatible kind (a person only with a person; a place, organisation or other name with each
   other: "IS" is typed MISC in one article and ORG in another);
2. for a person, the same surname and agreeing given names or initials ("M. Rutte" = "Mark
   Rutte"; "Ivanka Trump" is not "Donald Trump"); a surname alone ("Rutte") goes to the one
   person of that surname, or, when there are several, to the one this article's story or its
   other names point to, or to one that holds nearly all mentions — else it stays apart;
3. the same name in transliteration (``keys.sound_key``: Poetin = Putin), for names of five
   letters or more;
4. an acronym and its long form (IS = Islamitische Staat) by the long form's initials.

Otherwise the entity gets a record of its own. Records keep their aliases with counts, the
country and coordinates where known, and first/last seen.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kroniek.model import Entity

from .keys import given_names_agree, name_key, person_parts, sound_key

_ROMAN = frozenset("i ii iii iv v vi".split())
_SMALL = frozenset("van voor de het en der op in tot of the of and".split())


@dataclass
class Group:
    """An article's mentions of one in-article entity."""

    name: str
    label: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    texts: Counter[str] = field(default_factory=Counter)
    references: int = 0  # role phrases that stand for it ("de premier"): mentions, not aliases

    @property
    def kind(self) -> str:
        return "PER" if self.label == "PER" else "LOC" if self.label == "LOC" else "NAME"


def _kind(label: str, country: str | None) -> str:
    if label == "PER":
        return "PER"
    if label == "LOC" or (label == "MISC" and country):
        return "LOC"
    return "NAME"


def groups(entities: list[Entity]) -> list[Group]:
    """The article's entities by canonical name ("Syrische" counts for Syrië): the article already
    decided that its mentions of one canonical name are one entity, so they are one group, of the
    kind most of its mentions have (a person when tied) — a "Rutte" the model typed ORG beside
    three typed PER does not make a second "Mark Rutte" that takes the article's mentions. A
    numbered name is no person ("Rutte III" is a cabinet)."""
    out: dict[str, Group] = {}
    kinds: dict[str, Counter[str]] = {}
    for e in entities:
        kind = "NAME" if e.label == "PER" and _numbered(name_key(e.entity)) else _kind(e.label, e.country)
        label = "LOC" if kind == "LOC" else "MISC" if kind == "NAME" and e.label == "PER" else e.label
        g = out.setdefault(e.entity, Group(e.entity, label, e.country, e.lat, e.lon))
        kinds.setdefault(e.entity, Counter())[label] += 1
        if e.reference:
            g.references += 1
        else:
            g.texts[e.text] += 1
        g.country = g.country or e.country
        if g.lat is None and e.lat is not None:
            g.lat, g.lon = e.lat, e.lon
    for name, g in out.items():
        g.label = max(kinds[name].items(), key=lambda kv: (kv[1], _PREFER.get(kv[0], 0)))[0]
    return list(out.values())


#: Which label a group takes when its mentions are split evenly.
_PREFER = {"PER": 3, "LOC": 2, "ORG": 1}


def acronym(name: str) -> str | None:
    """'Islamitische Staat' -> 'IS'; 'Verenigde Naties' -> 'VN'; one word (also a hyphenated one:
    'Noord-Syrië' is no 'NS') has none."""
    words = [w for w in name.split() if w.lower() not in _SMALL]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def acronyms(name: str) -> list[str]:
    """The acronyms a long name may go by: without and with its small words
    ("Forum voor Democratie" -> FD, FVD), or the capitals of one word ("ChristenUnie" -> CU)."""
    out = []
    short = acronym(name)
    capitals = [c for c in name if c.isupper()]
    if " " not in name and len(capitals) >= 2 and not name.isupper() and name[:1].isupper() and name.isalpha():
        out.append("".join(capitals))  # "ChristenUnie" -> CU, "GroenLinks" -> GL
    if short:
        out.append(short)
        words = name.split()
        full = "".join(w[0] for w in words).upper()
        if full != short and len(words) <= 6:
            out.append(full)
    return out


@lru_cache(maxsize=65536)
def _given(stored: str | None) -> tuple[str, ...]:
    """A record's given names as stored (JSON), decoded once per distinct value."""
    return tuple(json.loads(stored or "[]"))


def _numbered(key: str) -> bool:
    """'rutte iii', 'boeing 737': a number tells such names apart, and a sound key drops it
    ('iii' and 'ii' sound alike)."""
    return any(w in _ROMAN or any(c.isdigit() for c in w) for w in key.split())


def _looks_like_acronym(name: str) -> bool:
    """'IS', 'FvD', 'VVD': two to six letters, mostly capitals."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


class Identity:
    """Links articles' entities to records, inside the store's write transaction."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    # -- lookups
    def _records(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def _compatible(self, rows: list[Any], kind: str, loose: bool = False) -> list[Any]:
        """Records of a kind that may be the same: a person only a person; with ``loose`` (the very
        same name) a place and an organisation too ("Verenigde Staten" typed LOC or ORG)."""
        if loose and kind != "PER":
            return [r for r in rows if r["kind"] != "PER"]
        return [r for r in rows if r["kind"] == kind]

    def _by_key(self, key: str, kind: str) -> list[Any]:
        return self._compatible(
            self._records(
                "SELECT DISTINCT r.* FROM entity_aliases a JOIN entity_records r ON r.id = a.entity"
                " WHERE a.key = ? ORDER BY r.mentions DESC, r.id",
                (key,),
            ),
            kind,
            loose=True,
        )

    def _by_acronym(self, name: str) -> list[Any]:
        """Records one of whose acronyms ``name`` is ("IS", "CU")."""
        return self._records(
            "SELECT r.* FROM entity_acronyms x JOIN entity_records r ON r.id = x.entity"
            " WHERE x.acronym = ? ORDER BY r.mentions DESC, r.id",
            (name.upper(),),
        )

    def _story_entities(self, story: int | None) -> set[int]:
        if story is None:
            return set()
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT e.entity_id FROM entities e JOIN articles a ON a.rowid = e.article"
                " WHERE a.story = ? AND e.entity_id IS NOT NULL",
                (story,),
            )
        }

    def _co_mentioned(self, record: int, others: set[int]) -> int:
        """How many of ``others`` appear in articles beside ``record``."""
        if not others:
            return 0
        marks = ",".join("?" * len(others))
        return int(
            self.conn.execute(
                f"SELECT count(DISTINCT e2.entity_id) FROM entities e1 JOIN entities e2 ON e2.article = e1.article"
                f" WHERE e1.entity_id = ? AND e2.entity_id IN ({marks})",
                (record, *others),
            ).fetchone()[0]
        )

    # -- resolution
    def resolve(self, g: Group, story: int | None, known: set[int]) -> int | None:
        """The record an in-article entity is, or None for a new one."""
        key = name_key(g.name)
        if not key:
            return None
        exact = self._by_key(key, g.kind)
        if exact:
            return int(exact[0]["id"])
        if g.kind == "PER":
            found = self._person(g, story, known)
            if found is not None:
                return found
        if len(key.replace(" ", "")) >= 5 and not _numbered(key):
            sound = self._compatible(
                self._records("SELECT * FROM entity_records WHERE sound = ? ORDER BY mentions DESC, id", (sound_key(g.name),)),
                g.kind,
            )
            if sound:
                return int(sound[0]["id"])
        if g.kind != "PER":
            for short in acronyms(g.name):
                hits = self._by_key(name_key(short), g.kind)
                if len(hits) == 1:
                    return int(hits[0]["id"])
            if _looks_like_acronym(g.name):
                hits = self._compatible(self._by_acronym(g.name), g.kind, loose=True)
                if len(hits) == 1:
                    return int(hits[0]["id"])
            return self._part_of_name(g, story, known)
        return None

    def _part_of_name(self, g: Group, story: int | None, known: set[int]) -> int | None:
        """A name inside a compound or a genitive the model typed as some other name
        ("regering-Trump", "Maduro-regime", "Trumps", "Forum-lijsttrekker"): the entity it names,
        when that is clear; a lone first word of exactly one longer organisation name ("Forum"
        for Forum voor Democratie)."""
        key = name_key(g.name)
        if any(w in _ROMAN for w in key.replace("-", " ").split()):
            return None  # "Rutte III", "kabinet-Rutte II": a cabinet, not its premier
        parts = [w for w in g.name.replace("’", "'").split("-") if w[:1].isupper()] if "-" in g.name else [g.name]
        for part in parts:
            pkey = name_key(part)
            if len(pkey) < 2:
                continue  # "T-shirts", "H-woord": a letter names nobody
            if part != g.name and _looks_like_acronym(part):  # "CU-leider"
                hits = self._by_acronym(part)
                if len(hits) == 1 and hits[0]["kind"] != "PER":
                    return int(hits[0]["id"])
            for cand in (pkey, pkey[:-1] if pkey.endswith("s") and len(pkey) > 4 else None):
                genitive = g.name.endswith(("'s", "’s"))  # "Maduro's": the person, whatever the model typed
                if not cand or (cand == key and part == g.name and "-" not in g.name and not key.endswith("s")
                                and not genitive):
                    continue
                hits = [r for r in self._records(
                    "SELECT DISTINCT r.* FROM entity_aliases a JOIN entity_records r ON r.id = a.entity"
                    " WHERE a.key = ? ORDER BY r.mentions DESC, r.id", (cand,))]  # fmt: skip
                own = [h for h in hits if h["id"] in known]  # "Trumps" beside "Donald Trump"
                if len(own) == 1:
                    return int(own[0]["id"])
                if hits and (len(hits) == 1 or hits[0]["mentions"] >= 0.9 * sum(h["mentions"] for h in hits)):
                    return int(hits[0]["id"])
                person = self._person(Group(part[: len(cand)] if cand != pkey else part, "PER"), story, known)
                if person is not None:
                    return person
        if " " not in key and len(key) >= 4:
            longer = self._compatible(
                self._records(
                    "SELECT * FROM entity_records WHERE head = ? AND key LIKE ? AND kind = 'NAME' AND mentions >= 5"
                    " ORDER BY mentions DESC, id",
                    (key, key + " %"),
                ),
                "NAME",
            )
            if len(longer) == 1 and len(longer[0]["key"].split()) >= 3:
                return int(longer[0]["id"])
        return None

    def _person(self, g: Group, story: int | None, known: set[int]) -> int | None:
        given, surname = person_parts(g.name)
        if not surname:
            return None
        rows = [
            r
            for r in self._records(
                "SELECT * FROM entity_records WHERE kind = 'PER' AND surname = ? ORDER BY mentions DESC, id",
                (surname,),
            )
        ]
        if given:
            fits = [r for r in rows if given_names_agree(given, _given(r["given"]))]
            full = [r for r in fits if _given(r["given"])]
            if len(full) == 1:
                return int(full[0]["id"])
            if not full and len(fits) == 1:
                return int(fits[0]["id"])  # a surname-only record becomes this person
            return None
        full = [r for r in rows if _given(r["given"])]
        if not rows and " " not in surname:
            # a first name alone ("Yago" for "Yago R."): the one person of the story who has it
            context = self._story_entities(story) | known
            firsts = [
                r for r in self._records(
                    "SELECT * FROM entity_records WHERE first = ? AND kind = 'PER' ORDER BY mentions DESC, id",
                    (surname,),
                ) if r["id"] in context
            ]  # fmt: skip
            if len(firsts) == 1:
                return int(firsts[0]["id"])
        if len(full) == 1:
            return int(full[0]["id"])
        if len(full) > 1:
            context = self._story_entities(story) | known
            scored = [(int(r["id"] in context) * 1000 + self._co_mentioned(r["id"], context), r) for r in full]
            scored.sort(key=lambda x: -x[0])
            if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                return int(scored[0][1]["id"])
            total = sum(r["mentions"] for r in full)
            if total and full[0]["mentions"] >= 0.9 * total:
                return int(full[0]["id"])
        return None

    def _initialled(self, given: list[str], surname: str, story: int | None, known: set[int], others: set[int]) -> int | None:
        """"Gökmen T." and "Gökmen Tanis": the same given names, one surname the initial of the
        other (how Dutch news names suspects), and the context to say so: the same story or
        article, or two of this article's other people and organisations (``others``; places are
        too common to tell) in articles beside it — one, when the given name is nobody else's."""
        rows = self._records("SELECT * FROM entity_records WHERE first = ? AND kind = 'PER' ORDER BY mentions DESC, id", (given[0],))
        if len(surname) == 1:
            fits = [r for r in rows if (r["surname"] or "")[:1] == surname and len(r["surname"]) > 1]
        else:
            fits = [r for r in rows if r["surname"] == surname[0]]
        fits = [r for r in fits if given_names_agree(given, _given(r["given"]))]
        if len(fits) != 1:
            return None
        record = int(fits[0]["id"])
        context = self._story_entities(story) | known
        if record in context:
            return record
        # two shared people or organisations; one, when nobody else in the store has that given name
        return record if self._co_mentioned(record, others - {record}) >= (1 if len(rows) == 1 else 2) else None

    def _named(self, todo: list[Group]) -> set[int]:
        """The records, other than places, that an article's names are by their exact key."""
        keys = sorted({name_key(g.name) for g in todo} - {""})
        if not keys:
            return set()
        return {int(r[0]) for r in self.conn.execute(
            f"SELECT DISTINCT a.entity FROM entity_aliases a JOIN entity_records r ON r.id = a.entity"
            f" WHERE a.key IN ({','.join('?' * len(keys))}) AND r.kind != 'LOC'", keys)}

    # -- writing
    def link(self, rowid: int, entities: list[Entity], day: str | None, story: int | None) -> dict[str, int]:
        """Link one stored article's entities; returns {canonical name: record id}."""
        out: dict[str, int] = {}
        known: set[int] = set()
        todo = groups(entities)
        # full names first: "Rutte" then finds the person "Mark Rutte" of the same article
        todo.sort(key=lambda g: -len(g.name.split()))
        others: set[int] | None = None
        for g in todo:
            record = self.resolve(g, story, known)
            if record is None and g.kind == "PER" and " " in g.name:
                given, surname = person_parts(g.name)
                if others is None:  # the records the article's names are, read once when needed
                    others = self._named(todo)
                record = self._initialled(given, surname, story, known, others) if given and surname else None
            self._link(rowid, g, record, day, out, known)
        return out

    def _link(self, rowid: int, g: Group, record: int | None, day: str | None, out: dict[str, int], known: set[int]) -> None:
        """Write one in-article entity's link (to a new record when ``record`` is None)."""
        if record is None:
            record = self._create(g)
        self._update(record, g, day)
        self.conn.execute("UPDATE entities SET entity_id = ? WHERE article = ? AND entity = ?", (record, rowid, g.name))
        out[g.name] = record
        known.add(record)

    def _create(self, g: Group) -> int:
        given, surname = person_parts(g.name) if g.kind == "PER" else ([], None)
        key = name_key(g.name)
        shorts = acronyms(g.name) if g.kind != "PER" else []
        cur = self.conn.execute(
            "INSERT INTO entity_records (name, label, kind, key, sound, surname, given, country, lat, lon,"
            " head, first) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                g.name, g.label, g.kind, key, sound_key(g.name), surname, json.dumps(given),
                g.country, g.lat, g.lon,
                key.split(" ")[0] if key else None, given[0] if given else None,
            ),
        )
        record = int(cur.lastrowid or 0)
        self.conn.executemany(
            "INSERT INTO entity_acronyms (acronym, entity) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(short, record) for short in shorts],
        )
        return record

    def _update(self, record: int, g: Group, day: str | None) -> None:
        n = sum(g.texts.values()) + g.references
        given, surname = person_parts(g.name) if g.kind == "PER" else ([], "")
        # a fuller name becomes the record's name ("Rutte" -> "Mark Rutte", "Gökmen T." ->
        # "Gökmen Tanis"); only a person's
        # record is renamed, so only a person's stored given names are read
        rename = False
        if given:
            row = self.conn.execute("SELECT given, surname FROM entity_records WHERE id = ?", (record,)).fetchone()
            rename = len(given) > len(_given(row["given"])) or len(row["surname"] or "") == 1 < len(surname)
        self.conn.execute(
            "UPDATE entity_records SET mentions = mentions + ?, articles = articles + 1,"
            " first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,"
            " last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END,"
            " country = coalesce(country, ?), lat = coalesce(lat, ?), lon = coalesce(lon, ?),"
            " name = CASE WHEN ? THEN ? ELSE name END, given = CASE WHEN ? THEN ? ELSE given END,"
            " key = CASE WHEN ? THEN ? ELSE key END, sound = CASE WHEN ? THEN ? ELSE sound END,"
            " head = CASE WHEN ? THEN ? ELSE head END, first = CASE WHEN ? THEN ? ELSE first END,"
            " surname = CASE WHEN ? THEN ? ELSE surname END WHERE id = ?",
            (
                n, day, day, day, day, g.country, g.lat, g.lon, rename, g.name, rename, json.dumps(given),
                rename, name_key(g.name), rename, sound_key(g.name),
                rename, name_key(g.name).split(" ")[0], rename, given[0] if given else None, rename, surname, record,
            ),
        )
        self.conn.executemany(
            "INSERT INTO entity_aliases (entity, alias, key, count) VALUES (?,?,?,?)"
            " ON CONFLICT (entity, alias) DO UPDATE SET count = entity_aliases.count + excluded.count",
            [(record, alias, name_key(alias), count) for alias, count in [(g.name, 0), *g.texts.items()]],
        )
