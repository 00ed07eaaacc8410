package dev.chatserver.application.port.in.attachment;

import dev.chatserver.application.port.in.view.AttachmentView;

import java.io.InputStream;
import java.util.Objects;

/**
 * A file (or its thumbnail) ready to be sent.
 *
 * @param mimetype what is sent: the file's detected type, or the thumbnail's
 * @param sha256   the content's digest, which never changes for the same bytes (an entity tag)
 * @param length   the bytes of what is sent
 * @param content  opens the content from a byte offset on
 */
public record AttachmentDownload(AttachmentView attachment, String mimetype, String sha256, long length,
                                 Content content) {
    public AttachmentDownload {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(mimetype, "mimetype");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(content, "content");
    }

    @FunctionalInterface
    public interface Content {
        /** The content from {@code offset} on; the caller closes it. */
        InputStream from(long offset);
    }
}
