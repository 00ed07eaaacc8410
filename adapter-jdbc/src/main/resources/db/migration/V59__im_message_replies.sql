-- a reply names the message of the same session it answers; messages are never removed, only emptied when deleted.
-- In a table of its own rather than a column of im_messages: a wider message row tips PostgreSQL's planner off
-- the (session_id, id) index for history pages (PostgresHistoryPlanTest).
create table im_message_replies (
    message_id  bigint not null primary key references im_messages (id),
    reply_to_id bigint not null references im_messages (id)
);
