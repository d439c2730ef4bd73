-- OAI-PMH harvests list records by (updated_at, id), from a datestamp and after the last one a harvester was given,
-- and the search index's catch-up reads the records changed since a time.
create index record_updated on record (updated_at, id);
