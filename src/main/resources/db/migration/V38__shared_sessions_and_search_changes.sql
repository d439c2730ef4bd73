-- Two things that several application nodes on one database share.

-- 1. Sessions, kept by Spring Session JDBC, so that a user signed in on one node is signed in on every node and a
-- restart signs nobody out. The schema of spring-session-jdbc 4.0 for PostgreSQL (schema-postgresql.sql in its jar),
-- which Spring Session creates only on embedded databases.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- 2. What each node's own search index must follow besides records' updated_at (search.SearchIndexMaintenance.follow,
-- every couple of seconds on every node): a deleted record leaves no row to compare, and a person's or a theme's new
-- name changes the documents of records whose rows do not change. Triggers note those changes here, in the
-- changing transaction, whatever code made them; the rows stay (deletions and name changes are few) so that a node
-- that was stopped for a while catches up from the newest change its index holds.
create table search_change (
    id         bigint generated always as identity primary key,
    entity     varchar(10) not null check (entity in ('record', 'person', 'theme')),
    entity_id  bigint      not null,
    -- the statement's time, not the transaction's start: a node reads the changes of the last seconds
    changed_at timestamptz not null default clock_timestamp()
);

create index search_change_changed_at on search_change (changed_at);

-- Every node reads the records changed in the last seconds, on every pass.
create index record_updated_at on record (updated_at);

-- Notes a change of the entity named by the trigger's first argument, whose id is in the column named by the second.
create function note_search_change() returns trigger language plpgsql as $$
declare
    changed jsonb;
begin
    if tg_op = 'DELETE' then
        changed := to_jsonb(old);
    else
        changed := to_jsonb(new);
    end if;
    insert into search_change (entity, entity_id) values (tg_argv[0], (changed ->> tg_argv[1])::bigint);
    return null;
end
$$;

create trigger record_deleted_for_search after delete on record
    for each row execute function note_search_change('record', 'id');

create trigger person_added_or_deleted_for_search after insert or delete on person
    for each row execute function note_search_change('person', 'id');
create trigger person_renamed_for_search after update on person
    for each row when (old.name is distinct from new.name or old.native_name is distinct from new.native_name)
    execute function note_search_change('person', 'id');
create trigger person_alias_changed_for_search after insert or update or delete on person_alias
    for each row execute function note_search_change('person', 'person_id');

create trigger theme_added_or_deleted_for_search after insert or delete on theme
    for each row execute function note_search_change('theme', 'id');
create trigger theme_renamed_or_moved_for_search after update on theme
    for each row when (old.name is distinct from new.name or old.name_zh is distinct from new.name_zh
                       or old.parent_id is distinct from new.parent_id)
    execute function note_search_change('theme', 'id');
