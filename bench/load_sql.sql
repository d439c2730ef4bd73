-- Loads the files written by bench/load_sql.py (psql -v dir=/path -f bench/load_sql.sql).
\set ON_ERROR_STOP on
\timing on
begin;
\set person_file :dir '/person.tsv'
\set theme_file :dir '/theme.tsv'
\set record_file :dir '/record.tsv'
\set participation_file :dir '/participation.tsv'
\set record_theme_file :dir '/record_theme.tsv'
copy person (id, slug, name) from :'person_file';
copy theme (id, slug, name) from :'theme_file';
copy record (id, slug, title, kind, date, date_precision, place, organization, language, summary, body, source, status)
    from :'record_file';
copy participation (record_id, person_id, role, office, position) from :'participation_file';
copy record_theme (record_id, theme_id) from :'record_theme_file';
select setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person));
select setval(pg_get_serial_sequence('theme', 'id'), (select max(id) from theme));
select setval(pg_get_serial_sequence('record', 'id'), (select max(id) from record));
commit;
analyze;
