-- kibaru corpus store, schema version 2 (DuckDB). Read by kibaru.store.db; documented in
-- kibaru.store.__init__. Every statement is idempotent so opening an existing store is safe.
-- Arrays (VARCHAR[]) keep per-report lists as the record has them; event_actors is the same data
-- one row per (event, actor), kept sorted by actor and date so actor/date-range queries skip blocks.
-- Integer surrogate keys (documents.seq, events.event_no) join the tables; the string keys stay
-- as the content-derived identities that make ingest idempotent.

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- One row per distinct text. doc_key = sha256(text)[:32]; duplicate_of = the stored original a
-- near-duplicate (MinHash/LSH over word shingles) reprints, so a reprint counts as one source.
CREATE TABLE IF NOT EXISTS documents (
    doc_key VARCHAR PRIMARY KEY, seq BIGINT, doc_id VARCHAR, source VARCHAR, outlet VARCHAR,
    published VARCHAR, published_date DATE, title VARCHAR, url VARCHAR, language VARCHAR,
    author VARCHAR, text VARCHAR, dateline VARCHAR, credits VARCHAR[], captions VARCHAR[],
    duplicate_of VARCHAR, similarity DOUBLE, ingested_at TIMESTAMP DEFAULT current_timestamp
);

-- MinHash signature per document and its LSH band hashes: later ingests find stored near-duplicates
-- with a join on doc_bands instead of rebuilding an in-memory index of the whole corpus.
CREATE TABLE IF NOT EXISTS doc_minhash (doc_key VARCHAR, signature UINTEGER[]);
CREATE TABLE IF NOT EXISTS doc_bands (band BIGINT, doc_key VARCHAR);

-- The record's entities, per document, with the corpus actor each one is.
CREATE TABLE IF NOT EXISTS doc_entities (
    doc_key VARCHAR, entity_id VARCHAR, position BIGINT, actor_id VARCHAR, name VARCHAR,
    type VARCHAR, country VARCHAR, sector VARCHAR, kb_id VARCHAR, wikidata VARCHAR, why VARCHAR
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_key VARCHAR, entity_id VARCHAR, actor_id VARCHAR, position BIGINT,
    "start" BIGINT, "end" BIGINT, text VARCHAR
);

-- Corpus-level actors: actor_id = kb_id when linked, else 'name:<folded name>|<type>|<country>'.
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY, kb_id VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR,
    sector VARCHAR, first_doc VARCHAR
);

-- One row per report (an event of one document). event_key = doc_key || ':' || event id.
-- date_start/date_end: the days the date value covers (NULL when unknown).
-- event_no: surrogate key, numbered per load in day order (event date, else publication date) and
-- stored in that order, so fetching the reports of a date range reads only the blocks of that range.
-- doc_seq: documents.seq of the report's document.
CREATE TABLE IF NOT EXISTS events (
    event_no BIGINT, doc_seq BIGINT, event_key VARCHAR, doc_key VARCHAR, event_id VARCHAR,
    position BIGINT, event_type VARCHAR, quad BIGINT, mode VARCHAR, context VARCHAR[],
    actor_entities VARCHAR[], recipient_entities VARCHAR[], actor_ids VARCHAR[],
    recipient_ids VARCHAR[], actor_countries VARCHAR[], recipient_countries VARCHAR[],
    date_value VARCHAR, date_precision VARCHAR, date_text VARCHAR, date_start DATE, date_end DATE,
    place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    geonames_id BIGINT, place_precision VARCHAR, place_text VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, historical BOOLEAN,
    attribution_source VARCHAR, attribution_text VARCHAR, attribution_quote VARCHAR,
    sentence_start BIGINT, sentence_end BIGINT, trigger_start BIGINT, trigger_end BIGINT,
    evidence_text VARCHAR, evidence_spans BIGINT[][], confidence DOUBLE, fatalities BIGINT,
    why VARCHAR[]
);

-- day_start/day_end: the event's days, or its publication day when the event date is unknown.
-- The event's type, place country and surrogate keys are copied here so that an actor query
-- filters this one table (sorted by actor and day: zone maps skip the rest) and joins back only the
-- page of reports it returns.
CREATE TABLE IF NOT EXISTS event_actors (
    actor_id VARCHAR, day_start DATE, day_end DATE, role VARCHAR, event_key VARCHAR,
    event_type VARCHAR, place_country VARCHAR, event_no BIGINT, doc_seq BIGINT
);

-- Every spelling of every actor (the actor's name and each document's name for it), folded with
-- lower(strip_accents(...)), so that resolving --actor is a lookup in a small table.
CREATE TABLE IF NOT EXISTS actor_names (name_key VARCHAR, actor_id VARCHAR);

-- Merged happenings. Conflicting details stay side by side in the list columns.
CREATE TABLE IF NOT EXISTS corpus_events (
    corpus_event_id VARCHAR PRIMARY KEY, type_group VARCHAR, event_type VARCHAR, types VARCHAR[],
    modes VARCHAR[], actor_ids VARCHAR[], recipient_ids VARCHAR[], date_start DATE, date_end DATE,
    dates VARCHAR[], places VARCHAR[], place_country VARCHAR, lat DOUBLE, lon DOUBLE,
    fatalities BIGINT[], outlets VARCHAR[], n_reports BIGINT, n_articles BIGINT, n_outlets BIGINT,
    n_reprints BIGINT
);

-- Which reports support which corpus event, and the rule that merged each one.
CREATE TABLE IF NOT EXISTS event_reports (
    corpus_event_id VARCHAR, event_key VARCHAR, doc_key VARCHAR, is_reprint BOOLEAN, reason VARCHAR,
    event_no BIGINT
);

CREATE TABLE IF NOT EXISTS failures (
    failure_key VARCHAR PRIMARY KEY, source VARCHAR, stage VARCHAR, reason VARCHAR,
    doc_key VARCHAR, failed_at TIMESTAMP DEFAULT current_timestamp
);

-- Reports with the names of their actors and recipients.
CREATE OR REPLACE VIEW events_named AS
SELECT e.*, d.outlet, d.published_date, d.duplicate_of,
       (SELECT list(a.name ORDER BY a.name) FROM actors a WHERE list_contains(e.actor_ids, a.actor_id))
           AS actor_names,
       (SELECT list(a.name ORDER BY a.name) FROM actors a
         WHERE list_contains(e.recipient_ids, a.actor_id)) AS recipient_names
FROM events e JOIN documents d USING (doc_key);

-- How often each actor acted on each recipient (reports, and distinct merged happenings).
CREATE OR REPLACE VIEW actor_pairs AS
SELECT s.actor_id AS actor_id, sa.name AS actor_name, t.actor_id AS recipient_id,
       ta.name AS recipient_name, count(DISTINCT s.event_key) AS n_reports,
       count(DISTINCT r.corpus_event_id) AS n_corpus_events
FROM event_actors s
JOIN event_actors t ON t.event_key = s.event_key AND t.role = 'recipient'
JOIN actors sa ON sa.actor_id = s.actor_id
JOIN actors ta ON ta.actor_id = t.actor_id
LEFT JOIN event_reports r ON r.event_key = s.event_key
WHERE s.role = 'actor'
GROUP BY ALL;

-- Reports and merged happenings per ISO week (event date, else publication date) and type.
CREATE OR REPLACE VIEW events_per_week AS
SELECT date_trunc('week', coalesce(e.date_start, d.published_date)) AS week, e.event_type,
       count(*) AS n_reports, count(DISTINCT r.corpus_event_id) AS n_corpus_events
FROM events e JOIN documents d USING (doc_key)
LEFT JOIN event_reports r USING (event_key)
GROUP BY ALL;
