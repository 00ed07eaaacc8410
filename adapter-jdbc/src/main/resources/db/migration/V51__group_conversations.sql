-- Group conversations people make themselves: their session (im_sessions, with a key of its own) and what it
-- keeps beside it. Whoever is not in im_group_admins is a plain member; a change locks the conversation's row.
create table im_group_conversations (
    session_id bigint       not null primary key references im_sessions (id),
    name       varchar(400) not null,
    posting    varchar(6)   not null default 'all',
    constraint im_group_conversations_posting check (posting in ('all', 'admins'))
);

create table im_group_admins (
    session_id bigint not null references im_group_conversations (session_id),
    user_id    bigint not null references users (id),
    primary key (session_id, user_id)
);
