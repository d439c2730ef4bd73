-- The fingerprint of each record's text (system.TextFingerprint), so that telling an editor that a text is already in
-- the archive is a few indexed look-ups instead of a pass over every body. One row for every record, written with the
-- record; hash and sketch are null for a text too short to have a fingerprint, so that the row still says the record
-- is done. Records written before this table existed get theirs from record.RecordFingerprintFiller at start.
create table record_text_fingerprint (
    record_id bigint primary key references record (id) on delete cascade,
    -- the first 128 bits of the SHA-256 of the normalised text: the same text
    hash      bytea,
    -- the MinHash sketch, 128 slots of 4 bytes: how alike two texts are
    sketch    bytea
);

create index record_text_fingerprint_hash on record_text_fingerprint (hash);

-- The keys of each fingerprinted text's sketch bands (locality-sensitive hashing), each with its band mixed in: texts
-- that share one are the candidates for likeness. A table rather than an array with a GIN index: PostgreSQL has no
-- statistics for keys that are all different, so it guessed that an array overlapping 16 keys (or a batch's 8,000)
-- matches a large share of the rows and read the whole table instead of the index.
create table record_text_band (
    band_key  bigint not null,
    record_id bigint not null references record (id) on delete cascade,
    primary key (band_key, record_id)
);

create index record_text_band_record on record_text_band (record_id);
