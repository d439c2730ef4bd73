-- A stamp that changes with the password: a session signed in under another stamp is signed out at its next
-- request, so that changing or resetting a password ends the sessions that knew the old one.
alter table user_account add column credential_stamp varchar(64);
update user_account set credential_stamp = md5(random()::text || id::text || clock_timestamp()::text);
alter table user_account alter column credential_stamp set not null;

-- Failed sign-ins are counted per network too (an IPv4 /24, an IPv6 /64), since addresses rotate within one.
alter table login_failure add column remote_network varchar(50);
update login_failure set remote_network = left(remote_address, 50);
alter table login_failure alter column remote_network set not null;
create index login_failure_network_idx on login_failure (remote_network, occurred_at);

-- The browsers each account signed in with: the SHA-256 of the token in the browser's cookie, and the wrong
-- passwords sent with it since its last success.
create table login_browser (
    token_hash   varchar(64)  primary key,
    username     varchar(100) not null,
    failures     integer      not null default 0,
    created_at   timestamptz  not null,
    last_used_at timestamptz  not null
);

create index login_browser_username_idx on login_browser (username);
create index login_browser_last_used_idx on login_browser (last_used_at);
