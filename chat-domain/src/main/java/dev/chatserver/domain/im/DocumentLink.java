package dev.chatserver.domain.im;

import java.util.Objects;

/** A session's link to a document, with the link's own id. */
public record DocumentLink(long id, DocumentRef document) {
    public DocumentLink {
        Objects.requireNonNull(document, "document");
    }
}
