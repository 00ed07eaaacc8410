-- What each user wants to be emailed while away (a user without a row gets every digest), the sessions they
-- silenced until a time, and when each user was last seen connected on any node (a socket open or a poll):
-- shared by the nodes on PostgreSQL, so one node does not email someone connected to another.
create table mail_preferences (
    user_id bigint      not null primary key references users (id),
    email   varchar(8)  not null,
    constraint mail_preferences_email check (email in ('all', 'mentions', 'none'))
);

create table session_mutes (
    user_id    bigint                   not null references users (id),
    session_id bigint                   not null references im_sessions (id),
    until      timestamp with time zone not null,
    primary key (user_id, session_id)
);

create table connection_sightings (
    user_id   bigint                   not null primary key references users (id),
    last_seen timestamp with time zone not null
);
