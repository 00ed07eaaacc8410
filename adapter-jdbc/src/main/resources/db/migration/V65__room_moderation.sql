-- Room moderation by the tenants of a room's audience (issue 25): the event types only a tenant may post there,
-- kept with the room ('' for none, else the types sorted and joined by a line feed, which no type holds), and the
-- accounts banned from each room. A ban is made with the room's row locked, so posts and bans never overlap.
alter table event_rooms add column locked_types varchar not null default '';

create table room_bans (
    room_id     uuid                     not null references event_rooms (id),
    -- AccountId.key: the label's length, a colon, then label.audience
    account_key varchar(600)             not null,
    reason      varchar(500)             not null,
    banned_by   varchar(600)             not null,
    banned_at   timestamp with time zone not null,
    primary key (room_id, account_key)
);
