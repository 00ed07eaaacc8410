-- Each member's read pointer: the newest message they have seen in the session. Unread counts are derived from
-- it at read time (the session's messages after it that others sent), so they stay exact however posts race.
alter table im_session_members add column seen_message_id bigint;

-- Members who had read a session have seen all of it; the others at least what they sent themselves.
update im_session_members
set seen_message_id = case
    when is_read then (select max(g.id) from im_messages g where g.session_id = im_session_members.session_id)
    else last_message_id end;

-- The count walks im_messages_by_session (session_id, id) from the pointer and reads only the unread rows. The
-- sender was once added to that index for an index-only count; it made PostgreSQL prefer the primary key for
-- history pages, so the index stays as it was.
