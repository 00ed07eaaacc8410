package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;

import java.util.Objects;

/** An attachment as members see it: what it is called, its detected type and size, and whether it has a thumbnail. */
public record AttachmentView(AttachmentId id, FileName name, String mimetype, long size, boolean hasThumbnail) {
    public AttachmentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimetype, "mimetype");
    }

    public static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id(), attachment.name(), attachment.mimetype(), attachment.size(),
                attachment.thumbnailSha256().isPresent());
    }
}
