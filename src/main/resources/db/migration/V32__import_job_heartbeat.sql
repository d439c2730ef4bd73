-- Which application node runs a job, and when it last showed signs of life, so that a node starting up marks
-- as interrupted only the jobs no live node is working on.

alter table import_job add column owner_node varchar(36);
alter table import_job add column heartbeat_at timestamptz;
