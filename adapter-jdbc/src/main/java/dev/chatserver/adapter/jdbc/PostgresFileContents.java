package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.FileContents;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * File contents in PostgreSQL, so that every node serves every file: chunks of {@value #CHUNK_BYTES} bytes
 * (V46). A content streams in one chunk at a time under a key of its own and, once its digest is known, is renamed
 * to it in the same transaction, or dropped when that content is stored already; it streams out one chunk per
 * read. Neither way is a content ever whole in memory.
 */
final class PostgresFileContents implements FileContents {
    /** Fixed for every stored content: reading from an offset finds its chunk by division. */
    static final int CHUNK_BYTES = 256 * 1024;

    private final Jdbi jdbi;

    PostgresFileContents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public StoredContent store(InputStream content) {
        return jdbi.inTransaction(h -> {
            String staging = "upload-" + UUID.randomUUID();
            MessageDigest digest = DirectoryFileContents.sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(content, digest)) {
                int seq = 0;
                byte[] chunk;
                while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
                    h.createUpdate("insert into attachment_chunks (content_key, seq, bytes) values (:key, :seq, :bytes)")
                            .bind("key", staging).bind("seq", seq++).bind("bytes", chunk).execute();
                    size += chunk.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            int added = h.createUpdate("insert into attachment_contents (sha256, size_bytes) values (:sha, :size)"
                    + " on conflict do nothing").bind("sha", sha256).bind("size", size).execute();
            if (added == 1) {
                h.createUpdate("update attachment_chunks set content_key = :sha where content_key = :key")
                        .bind("sha", sha256).bind("key", staging).execute();
            } else {
                h.createUpdate("delete from attachment_chunks where content_key = :key").bind("key", staging).execute();
            }
            return new StoredContent(sha256, size);
        });
    }

    @Override
    public Optional<InputStream> open(String sha256, long offset) {
        if (!has(sha256)) {
            return Optional.empty();
        }
        long from = Math.max(0, offset);
        return Optional.of(new ChunkStream(sha256, (int) (from / CHUNK_BYTES), (int) (from % CHUNK_BYTES)));
    }

    @Override
    public boolean has(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from attachment_contents where sha256 = :sha")
                .bind("sha", sha256).mapTo(Integer.class).one() > 0);
    }

    @Override
    public void remove(String sha256) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from attachment_contents where sha256 = :sha").bind("sha", sha256).execute();
            h.createUpdate("delete from attachment_chunks where content_key = :sha").bind("sha", sha256).execute();
        });
    }

    private byte[] chunk(Handle h, String sha256, int seq) {
        return h.createQuery("select bytes from attachment_chunks where content_key = :sha and seq = :seq")
                .bind("sha", sha256).bind("seq", seq).mapTo(byte[].class).findOne().orElse(null);
    }

    /** Reads one chunk at a time, each in a statement of its own, so that no connection is held between reads. */
    private final class ChunkStream extends InputStream {
        private final String sha256;
        private int nextSeq;
        private byte[] current = new byte[0];
        private int position;
        private int skipInFirst;
        private boolean ended;

        ChunkStream(String sha256, int firstSeq, int skipInFirst) {
            this.sha256 = sha256;
            this.nextSeq = firstSeq;
            this.skipInFirst = skipInFirst;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next = jdbi.withHandle(h -> chunk(h, sha256, nextSeq));
                nextSeq++;
                if (next == null) {
                    ended = true;
                    return -1;
                }
                current = next;
                position = Math.min(skipInFirst, next.length);
                skipInFirst = 0;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, into, offset, count);
            position += count;
            return count;
        }
    }
}
