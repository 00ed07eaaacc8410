package dev.chatserver.application.port.out;

import dev.chatserver.domain.attachment.FileName;

import java.io.InputStream;

/** Tells a file's media type from its first bytes (and, where they say nothing, its name), never from the client's word. */
public interface TypeDetector {
    /**
     * The media type ({@code image/png}, {@code application/octet-stream} when nothing is known). {@code content}
     * supports mark and reset: it is read from its start only as far as needed and reset there.
     */
    String detect(InputStream content, FileName name);
}
