-- When two person records are merged, the slug of the one that goes keeps leading to the one that stays.

create table person_redirect (
    old_slug   varchar(200) primary key,
    person_id  bigint       not null references person (id) on delete cascade,
    created_at timestamptz  not null default now()
);

create index person_redirect_person on person_redirect (person_id);
