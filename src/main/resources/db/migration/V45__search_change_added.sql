-- An added person or theme needs only its own document on the other nodes: the records that name it are written in
-- its transaction or later, and their own updated_at brings them to every node. Reindexing every record indexed
-- under it, as for a rename, made each start after a bulk import reindex the records of the import's last seconds
-- again (the 44 people of the US corpus: its 1,004 records, 4.5 s of every start).
alter table search_change add column added boolean not null default false;

-- an alias's note looks up whether its person was added in the same transaction
create index search_change_added on search_change (entity_id) where added;

create or replace function note_search_change() returns trigger language plpgsql as $$
declare
    changed jsonb;
    changed_id bigint;
    was_added boolean := false;
begin
    if tg_op = 'DELETE' then
        changed := to_jsonb(old);
    else
        changed := to_jsonb(new);
    end if;
    changed_id := (changed ->> tg_argv[1])::bigint;
    if tg_op = 'INSERT' and tg_table_name in ('person', 'theme') then
        was_added := true;
    elsif tg_op = 'INSERT' and tg_table_name = 'person_alias' then
        -- an alias of a person added by this very transaction (its note's row is this transaction's own) changes
        -- no record indexed before; an alias added to an existing person does, like a rename
        was_added := exists (select 1 from search_change s
                         where s.entity = 'person' and s.entity_id = changed_id and s.added
                           and s.xmin = pg_current_xact_id()::xid);
    end if;
    insert into search_change (entity, entity_id, added) values (tg_argv[0], changed_id, was_added);
    return null;
end
$$;

-- The changes noted before this migration: a person or theme never saved again since it was added (version 0: a
-- rename or an alias edited through the archive raises it) had only its addition noted.
update search_change s set added = true
where (s.entity = 'person' and exists (select 1 from person p where p.id = s.entity_id and p.version = 0))
   or (s.entity = 'theme' and exists (select 1 from theme t where t.id = s.entity_id and t.version = 0));
