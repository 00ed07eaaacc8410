package dev.chatserver.application.port.out;

import java.io.InputStream;
import java.util.Optional;

/**
 * The contents of uploaded files, addressed by their SHA-256: equal contents are stored once. Contents stream in
 * and out, never held whole in memory by a storage that keeps them elsewhere (files, database). Another store (an
 * S3-compatible one) is another implementation of this port (docs/ARCHITECTURE.md, "Attachments").
 * Not transactional: call it outside a unit of work; a content whose metadata was never stored is removed with
 * {@link #remove}.
 */
public interface FileContents {

    /**
     * Reads {@code content} to its end and stores it durably, answering its digest and size; a content stored
     * before is kept once. An {@link java.io.UncheckedIOException} thrown by the stream (say, past a limit the caller
     * counts) passes through, and nothing of it is kept.
     */
    StoredContent store(InputStream content);

    /** The content from byte {@code offset} on (0 for all of it), or empty when none is stored under the digest. */
    Optional<InputStream> open(String sha256, long offset);

    /** Whether a content is stored under the digest. */
    boolean has(String sha256);

    /** Removes the content stored under the digest, if any. */
    void remove(String sha256);

    /** What was stored: the lowercase hexadecimal SHA-256 of the content and its length in bytes. */
    record StoredContent(String sha256, long size) {
        public StoredContent {
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 in lowercase hexadecimal: " + sha256);
            }
            if (size < 0) {
                throw new IllegalArgumentException("a size is not negative: " + size);
            }
        }
    }
}
