-- the members a message's text calls by @login, as its session decided them when it was posted or last edited
-- (a deleted message mentions nobody). A table of its own, as im_message_replies is, to keep the message row
-- narrow for PostgreSQL's history plan; the session is kept beside each mention so that a member's unread
-- mentions of a session are counted from one index, without reading the messages.
create table im_message_mentions (
    message_id bigint not null references im_messages (id),
    user_id    bigint not null references users (id),
    session_id bigint not null references im_sessions (id),
    primary key (message_id, user_id)
);

create index im_message_mentions_by_member on im_message_mentions (user_id, session_id, message_id);
