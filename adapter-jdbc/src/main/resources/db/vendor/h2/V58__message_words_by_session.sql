-- A search limited to one session walks that session's entries of the word, newest first, instead of the word's
-- entries in every session (PostgreSQL's GIN index is filtered by session_id already: no file there).
create index im_message_words_by_session on im_message_words (word, session_id, message_id);
