"""SQLite schema, versioned: each migration is applied once, in order, inside a transaction.

Annotation tables are keyed by the article's integer ``rowid`` plus character offsets, so every
fact points at its evidence. ``articles_fts`` holds *stemmed* title/text/source (Dutch Snowball,
the same algorithm as PostgreSQL's ``dutch`` configuration) under the article's rowid and is
written in the same transaction as the article.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, annotations, quarantine, full-text index
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        published TEXT,
        precision TEXT,
        published_start TEXT,
        published_end TEXT,
        title TEXT,
        text TEXT NOT NULL,
        url TEXT,
        source TEXT,
        author TEXT,
        language TEXT,
        text_hash TEXT NOT NULL,
        duplicate_of TEXT,
        similarity REAL,
        word_count INTEGER NOT NULL DEFAULT 0,
        source_file TEXT,
        source_line INTEGER,
        ingested_at TEXT NOT NULL,
        stages TEXT NOT NULL DEFAULT '{}',
        annotations TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_published ON articles(published_start);
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

    CREATE TABLE entities (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        entity TEXT NOT NULL,
        role TEXT,
        country TEXT
    );
    CREATE INDEX entities_article ON entities(article);
    CREATE INDEX entities_entity ON entities(entity COLLATE NOCASE);

    CREATE TABLE quotes (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        content TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue TEXT,
        speaker_start INTEGER, speaker_end INTEGER, speaker TEXT,
        speaker_name TEXT,
        source_chain TEXT NOT NULL DEFAULT '[]',
        about TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker_name COLLATE NOCASE);

    CREATE TABLE figures (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        value_max REAL,
        qualifier TEXT,
        unit TEXT,
        kind TEXT,
        subject TEXT,
        place TEXT NOT NULL DEFAULT '[]',
        time TEXT,
        source_chain TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX figures_article ON figures(article);

    CREATE TABLE timexes (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL
    );
    CREATE INDEX timexes_article ON timexes(article);

    CREATE TABLE minhashes (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        signature BLOB NOT NULL
    );

    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        source_file TEXT,
        line INTEGER,
        record_id TEXT,
        field TEXT,
        message TEXT NOT NULL,
        raw TEXT,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX quarantine_once ON quarantine(
        coalesce(source_file, ''), coalesce(line, -1), coalesce(record_id, ''), message
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, source, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    # 2: figures that report a change ("steeg van 6 naar 9 procent") keep the old value
    """
    ALTER TABLE figures ADD COLUMN value_from REAL;
    """,
    # 3: PLOVER events (trigger, actor, target, time, place, evidence)
    """
    CREATE TABLE events (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        actor_start INTEGER, actor_end INTEGER, actor TEXT, actor_name TEXT,
        target_start INTEGER, target_end INTEGER, target TEXT, target_name TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        time TEXT,
        place TEXT NOT NULL DEFAULT '[]',
        source_chain TEXT NOT NULL DEFAULT '[]',
        sentence_start INTEGER, sentence_end INTEGER,
        actor_names TEXT NOT NULL DEFAULT '[]',
        target_names TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX events_article ON events(article);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_actor ON events(actor_name COLLATE NOCASE);
    CREATE INDEX events_target ON events(target_name COLLATE NOCASE);
    """,
    # 4: the chronicle — entity identity, stories, exact copies, figure series, event keys
    """
    CREATE TABLE entity_records (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        sound TEXT,
        surname TEXT,
        given TEXT,
        acronym TEXT,
        country TEXT, lat REAL, lon REAL,
        mentions INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT, last_seen TEXT
    );
    CREATE INDEX entity_records_key ON entity_records(key);
    CREATE INDEX entity_records_sound ON entity_records(sound);
    CREATE INDEX entity_records_surname ON entity_records(surname);
    CREATE INDEX entity_records_acronym ON entity_records(acronym);
    CREATE TABLE entity_aliases (
        entity INTEGER NOT NULL REFERENCES entity_records(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        key TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity, alias)
    );
    CREATE INDEX entity_aliases_key ON entity_aliases(key);
    ALTER TABLE entities ADD COLUMN entity_id INTEGER;
    CREATE INDEX entities_entity_id ON entities(entity_id);

    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        first TEXT,
        last TEXT,
        articles INTEGER NOT NULL DEFAULT 0
    );
    ALTER TABLE articles ADD COLUMN story INTEGER;
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE story_terms (
        term TEXT NOT NULL, day TEXT NOT NULL, article INTEGER NOT NULL,
        PRIMARY KEY (term, day, article)
    ) WITHOUT ROWID;

    CREATE TABLE copies (
        id TEXT PRIMARY KEY,
        duplicate_of TEXT NOT NULL,
        published TEXT,
        published_start TEXT,
        title TEXT, url TEXT, source TEXT, author TEXT,
        source_file TEXT, source_line INTEGER,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX copies_original ON copies(duplicate_of);

    ALTER TABLE figures ADD COLUMN series TEXT;
    CREATE INDEX figures_series ON figures(series);
    ALTER TABLE events ADD COLUMN event_key TEXT;
    CREATE INDEX events_key ON events(event_key);
    CREATE TABLE chronicle_state (key TEXT PRIMARY KEY, value TEXT);
    INSERT INTO chronicle_state (key, value) VALUES ('version', '0');
    """,
    # 5: a person's verdict on one extracted fact (quote speaker, figure, entity link), keyed by
    # the article id and the fact's span so it outlives `kroniek reprocess`; `extracted` keeps what
    # kroniek said at the time and `value` the right value when given (both JSON)
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        article TEXT NOT NULL,
        target TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        extracted TEXT,
        value TEXT,
        note TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX corrections_article ON corrections(article, start);
    """,
    # 6: near-duplicate candidates looked up in the store (LSH band keys of each original's
    # MinHash signature, see store/bands.py), instead of an in-memory index that grows with it;
    # filled from ``minhashes`` when an older store migrates
    """
    CREATE TABLE minhash_bands (
        key INTEGER NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        PRIMARY KEY (key, article)
    ) WITHOUT ROWID;
    CREATE INDEX minhash_bands_article ON minhash_bands(article);
    """,
    # 7: bursting words for the stories (chronicle v3): per term the articles that had it among
    # their top words, store-wide (term_df.top) and per day (term_days; term '' counts the day's
    # placed articles, term_df's '' row all placed articles), each article's bursts as placed; and
    # exact-match keys for identity lookups that scanned every record (a name's first word, a
    # person's first given name, each acronym of a long name)
    """
    ALTER TABLE term_df ADD COLUMN top INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE term_days (
        term TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (term, day)
    ) WITHOUT ROWID;
    CREATE TABLE story_bursts (article INTEGER PRIMARY KEY, bursts TEXT NOT NULL);
    ALTER TABLE entity_records ADD COLUMN head TEXT;
    ALTER TABLE entity_records ADD COLUMN first TEXT;
    CREATE INDEX entity_records_head ON entity_records(head);
    CREATE INDEX entity_records_first ON entity_records(first);
    CREATE TABLE entity_acronyms (
        acronym TEXT NOT NULL, entity INTEGER NOT NULL,
        PRIMARY KEY (acronym, entity)
    ) WITHOUT ROWID;
    """,
    # 8: stories merged when a new article bridges them (chronicle v5): the absorbed story keeps
    # its row, empty, and says where its articles went, so an id once given still finds its story
    """
    ALTER TABLE stories ADD COLUMN merged_into INTEGER;
    """,
    # 9: the entity_records.acronym column that entity_acronyms (7) replaced, unused since, and its
    # index (each new record still wrote a NULL into that index)
    """
    DROP INDEX IF EXISTS entity_records_acronym;
    ALTER TABLE entity_records DROP COLUMN acronym;
    """,
]

#: Migrations that also need Python: (version reached) -> what to run after its SQL.
FILL_BANDS = 6


def schema_version() -> int:
    return len(MIGRATIONS)
