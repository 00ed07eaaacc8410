-- An account's standing: whether it administers the server, whether it is disabled (issue 25).
alter table users add column is_admin boolean not null default false;
alter table users add column disabled boolean not null default false;
