-- The answers of writes a client marked with a key of its own (a post's client_id, a chat event's
-- Idempotency-Key): one row per key within its scope ("im:<session id>:<user id>", "chat:<chat id>:<account>"),
-- answer being the id of what the first write stored. The primary key keeps one first write per key whatever
-- the nodes do; rows older than a key's lifetime (24 hours) are swept by kept_at.
create table idempotency_keys (
    scope      varchar(700)             not null,
    client_key varchar(256)             not null,
    answer     varchar(64)              not null,
    kept_at    timestamp with time zone not null,
    primary key (scope, client_key)
);
create index idempotency_keys_by_time on idempotency_keys (kept_at);
