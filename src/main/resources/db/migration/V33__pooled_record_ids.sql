-- The record module takes ids 50 at a time (Hibernate's pooled optimizer: a sequence value v hands out v - 49 to v),
-- so that a batch of a bulk import goes to PostgreSQL in JDBC batches instead of one insert at a time. Identity
-- columns become plain sequences, which Hibernate sees and validates. An insert that uses a column's default still
-- works: it takes a value that no block hands out. Each sequence starts 50 above the highest id, so that its first
-- block lies above every existing row.
alter table record alter column id drop identity;
create sequence record_id_seq increment by 50 owned by record.id;
select setval('record_id_seq', coalesce((select max(id) from record), 0) + 50, false);
alter table record alter column id set default nextval('record_id_seq');

alter table participation alter column id drop identity;
create sequence participation_id_seq increment by 50 owned by participation.id;
select setval('participation_id_seq', coalesce((select max(id) from participation), 0) + 50, false);
alter table participation alter column id set default nextval('participation_id_seq');

alter table editorial_note alter column id drop identity;
create sequence editorial_note_id_seq increment by 50 owned by editorial_note.id;
select setval('editorial_note_id_seq', coalesce((select max(id) from editorial_note), 0) + 50, false);
alter table editorial_note alter column id set default nextval('editorial_note_id_seq');

alter table revision alter column id drop identity;
create sequence revision_id_seq increment by 50 owned by revision.id;
select setval('revision_id_seq', coalesce((select max(id) from revision), 0) + 50, false);
alter table revision alter column id set default nextval('revision_id_seq');
