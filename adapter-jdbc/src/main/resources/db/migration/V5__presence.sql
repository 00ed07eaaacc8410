-- What each server node reports of each user's presence, so that several nodes on one database agree on
-- who is online. Rows of a node that stopped reporting no longer hold anyone online.
create table presence_reports (
    user_id       bigint                   not null references users (id),
    node          varchar(64)              not null,
    connections   int                      not null,
    last_poll     timestamp with time zone,
    last_activity timestamp with time zone,
    reported_at   timestamp with time zone not null,
    primary key (user_id, node)
);
