-- The fingerprint of each record's text (system.TextFingerprint), so that telling an editor that a text is already in
-- the archive is a few indexed look-ups instead of a pass over every body. One row for every record, written with the
-- record; hash, sketch and bands are null for a text too short to have a fingerprint, so that the row still says the
-- record is done. Records written before this table existed get theirs from record.RecordFingerprintFiller at start.
create table record_text_fingerprint (
    record_id bigint primary key references record (id) on delete cascade,
    -- the first 128 bits of the SHA-256 of the normalised text: the same text
    hash      bytea,
    -- the MinHash sketch, 128 slots of 4 bytes: how alike two texts are
    sketch    bytea,
    -- the keys of the sketch's bands (locality-sensitive hashing), each with its band mixed in: texts that share one
    -- are the candidates for likeness
    bands     bigint[]
);

create index record_text_fingerprint_hash on record_text_fingerprint (hash);
create index record_text_fingerprint_bands on record_text_fingerprint using gin (bands);
