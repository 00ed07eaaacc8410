-- The Chats API: event rooms, the chats on them, and the events they store. Runs unchanged on PostgreSQL
-- and on H2 in PostgreSQL mode. JSON documents (tags, data) are kept as the text they arrived as.
create table event_rooms (
    id               uuid                     primary key,
    audience         varchar(255)             not null,
    tags             varchar                  not null,
    opened_at        timestamp with time zone not null,
    closed_at        timestamp with time zone,
    -- the occurred_at handed out last in this room (-1 before the first), so the next one is larger
    last_occurred_at bigint                   not null,
    created_at       timestamp with time zone not null
);

create table chats (
    id         uuid                     primary key,
    audience   varchar(255)             not null,
    scope      varchar(255)             not null,
    tags       varchar                  not null,
    room_id    uuid                     not null references event_rooms (id),
    created_at timestamp with time zone not null,
    constraint chats_audience_scope_unique unique (audience, scope),
    constraint chats_room_unique unique (room_id)
);

-- label is '' for an event without one: labels given through the API are never blank.
create table chat_events (
    id                   uuid                     primary key,
    room_id              uuid                     not null references event_rooms (id),
    type                 varchar(255)             not null,
    set_name             varchar(255)             not null,
    label                varchar(255)             not null,
    attribute            varchar(255),
    data                 varchar                  not null,
    occurred_at          bigint                   not null,
    original_occurred_at bigint                   not null,
    created_by           varchar(600)             not null,
    created_at           timestamp with time zone not null,
    constraint chat_events_room_occurred_unique unique (room_id, occurred_at)
);
create index chat_events_by_item on chat_events (room_id, set_name, label, occurred_at);
create index chat_events_by_type on chat_events (room_id, type, occurred_at);

-- The first and the newest event of each set and label of a room: the state reads these instead of
-- scanning the events. item_id is a name-based UUID of (room, set, label) made by the application, so that
-- moving a head is a primary-key lookup whatever the planner knows of the table.
create table chat_event_heads (
    item_id           uuid         primary key,
    room_id           uuid         not null references event_rooms (id),
    set_name          varchar(255) not null,
    label             varchar(255) not null,
    first_occurred_at bigint       not null,
    last_occurred_at  bigint       not null
);
create index chat_event_heads_newest on chat_event_heads (room_id, set_name, last_occurred_at);
