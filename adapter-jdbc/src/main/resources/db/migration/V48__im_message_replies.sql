-- a reply names the message of the same session it answers; messages are never removed, only emptied when deleted
alter table im_messages add column reply_to_id bigint references im_messages (id);
