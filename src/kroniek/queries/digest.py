"""A short plain-text account of what the store knows: the main job's closing report."""

from __future__ import annotations

import json

from kroniek.store.sqlite import SQLiteStore


def _num(value: float | None) -> str:
    """2500000000.0 -> '2,500,000,000'; 0.333 -> '0.333'."""
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"


def digest_text(store: SQLiteStore, *, limit: int = 8) -> str:
    c = store.conn
    s = store.stats()
    lines = [
        f"kroniek store {s['store']}: {s['articles']} articles "
        f"({s['near_duplicates']} near-duplicates), {s['first_published']} .. {s['last_published']}, "
        f"{s['quarantined']} quarantined",
        f"  {s['entities']} entity mentions, {s['quotes']} statements, {s['figures']} figures, "
        f"{s['timexes']} time expressions, {s['events']} events",
        "",
        "Most mentioned:",
    ]
    for row in c.execute(
        # a nationality ("Syrische", MISC) counts as a mention of its country (LOC)
        "SELECT entity, CASE WHEN label = 'MISC' AND country IS NOT NULL THEN 'LOC' ELSE label END label,"
        " count(*) n, count(DISTINCT article) a FROM entities"
        " GROUP BY 1, 2 ORDER BY n DESC, entity LIMIT ?",
        (limit,),
    ):
        lines.append(f"  {row['entity']} ({row['label']}): {row['n']} mentions in {row['a']} articles")
    lines += ["", "Who said what:"]
    for row in c.execute(
        "SELECT a.id, a.published, q.speaker_name, q.speaker, q.kind, q.content, q.source_chain, q.about"
        " FROM quotes q JOIN articles a ON a.rowid = q.article"
        " WHERE coalesce(q.speaker_name, q.speaker) IS NOT NULL"
        " ORDER BY a.published_start, a.rowid, q.start LIMIT ?",
        (limit,),
    ):
        chain = json.loads(row["source_chain"])
        via = f" (via {' <- '.join(reversed(chain))})" if len(chain) > 1 else ""
        about = json.loads(row["about"])
        content = row["content"] if len(row["content"]) < 110 else row["content"][:107] + "..."
        lines.append(
            f"  {row['published']} {row['speaker_name'] or row['speaker']}{via}"
            f'{" about " + ", ".join(about) if about else ""}: "{content}"  [{row["id"]}]'
        )
    lines += ["", "What happened:"]
    for row in c.execute(
        "SELECT a.id, a.published, e.type, e.mode, e.text, e.actor_name, e.target_name, e.status,"
        " e.negated, e.time, e.source_chain FROM events e JOIN articles a ON a.rowid = e.article"
        " WHERE a.duplicate_of IS NULL AND (e.actor_name IS NOT NULL OR e.target_name IS NOT NULL)"
        " ORDER BY a.published_start, a.rowid, e.start LIMIT ?",
        (limit,),
    ):
        chain = json.loads(row["source_chain"])
        flags = " ".join(x for x in ("not" if row["negated"] else "", row["status"] if row["status"] != "happened" else "") if x)
        lines.append(
            f"  {row['time'] or row['published']} {row['actor_name'] or '?'} {row['type']}"
            f"{'/' + row['mode'] if row['mode'] else ''} {row['target_name'] or '?'}"
            f"{' (' + flags + ')' if flags else ''}{' | by ' + ' <- '.join(reversed(chain)) if chain else ''}"
            f"  [{row['id']}: {row['text']!r}]"
        )
    lines += ["", "Figures:"]
    for row in c.execute(
        "SELECT a.id, a.published, f.text, f.value, f.value_max, f.value_from, f.qualifier, f.unit, f.subject,"
        " f.source_chain FROM figures f JOIN articles a ON a.rowid = f.article"
        " WHERE a.duplicate_of IS NULL ORDER BY a.published_start, a.rowid, f.start LIMIT ?",
        (limit,),
    ):
        chain = json.loads(row["source_chain"])
        rng = f"-{_num(row['value_max'])}" if row["value_max"] is not None else ""
        value = _num(row["value"])
        if row["value_from"] is not None:
            value = f"{_num(row['value_from'])} -> {value}"
        lines.append(
            f"  {row['published']} {row['qualifier']} {value}{rng} {row['unit'] or ''}"
            f" | {row['subject'] or '-'}{' | by ' + ' <- '.join(reversed(chain)) if chain else ''}"
            f"  [{row['id']}: {row['text']!r}]"
        )
    lines += ["", "Time expressions:"]
    for row in c.execute(
        "SELECT a.id, a.published, t.text, t.type, t.value FROM timexes t"
        " JOIN articles a ON a.rowid = t.article ORDER BY a.published_start, a.rowid, t.start LIMIT ?",
        (limit,),
    ):
        lines.append(f"  {row['published']} {row['text']!r} -> {row['type']} {row['value']}  [{row['id']}]")
    return "\n".join(lines)
