-- Full-text search of IM messages (docs/im-chat-api.md, "Search"). The 'simple' configuration: words are
-- lower-cased and kept as written, with no stemming and no stop words, because a chat is written in many
-- languages and a language's stemmer would mangle the others (and drop words such as "it" or "who" that a
-- search may be for). An expression index: the text-search vector is not stored in the table, and the search
-- names the same expression, to_tsvector('simple', content), to be answered from it.
create index im_messages_words on im_messages using gin (to_tsvector('simple', content));
