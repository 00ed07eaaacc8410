-- A user's own avatar: the digest of its re-encoded JPEG in the file contents (FileContents), none until the user
-- uploads one (/im_chat/api/set_avatar). Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
alter table users add column avatar_sha256 char(64);
