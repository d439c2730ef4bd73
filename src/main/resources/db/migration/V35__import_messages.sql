-- Why a line was rejected, and what became of a job, as message keys with their arguments, so that the report reads
-- in the reader's language. Rows written before keep their English text in reason and message.
alter table import_error add column message_key varchar(200);
alter table import_error add column arguments jsonb;
alter table import_error alter column reason drop not null;
alter table import_error add constraint import_error_has_reason check (reason is not null or message_key is not null);

alter table import_job add column message_key varchar(200);
alter table import_job add column message_arguments jsonb;
