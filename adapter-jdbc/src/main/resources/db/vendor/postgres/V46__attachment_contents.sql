-- File contents in the database, so that every node serves every file: a content is a row of attachment_contents
-- (once per SHA-256) and its bytes are chunks in order. A content being uploaded is chunks under a key of its own
-- ("upload-<uuid>") until its digest is known; then its chunks are renamed to the digest in one transaction.
create table attachment_contents (
    sha256     char(64) primary key,
    size_bytes bigint   not null
);
create table attachment_chunks (
    content_key varchar(64) not null,
    seq         integer     not null,
    bytes       bytea       not null,
    primary key (content_key, seq)
);
