-- Full-text search of IM messages (docs/im-chat-api.md, "Search") with H2's own native full-text search: a word
-- table and a word-to-row map in schema ft, kept by a trigger on im_messages that runs in the transaction of
-- every insert, update and delete (so a batch of posts, an edit or an erasure changes the index as it commits,
-- and a rollback leaves it as it was). Indexing the rows already stored happens here, once.
create alias if not exists ft_init for 'org.h2.fulltext.FullText.init';
call ft_init();
call ft_create_index('public', 'im_messages', 'content');
