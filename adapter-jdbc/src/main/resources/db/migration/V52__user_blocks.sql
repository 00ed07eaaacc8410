-- Who blocked whom: the blocked user can neither open a private session with the blocker nor post into their
-- private sessions. Posts read it by (blocker, blocked) pairs; a user's list by blocker.
create table user_blocks (
    blocker_id bigint not null references users (id),
    blocked_id bigint not null references users (id),
    primary key (blocker_id, blocked_id),
    constraint user_blocks_not_self check (blocker_id <> blocked_id)
);
