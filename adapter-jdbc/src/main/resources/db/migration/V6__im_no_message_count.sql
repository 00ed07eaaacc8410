-- A post locks the session's member rows instead of counting on the session row: one write fewer per post,
-- and nothing read the count.
alter table im_sessions drop column message_count;
