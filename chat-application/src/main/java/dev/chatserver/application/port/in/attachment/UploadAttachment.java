package dev.chatserver.application.port.in.attachment;

import dev.chatserver.application.port.in.view.AttachmentView;

/** A member uploads a file to one of their IM sessions, to post it there later. */
public interface UploadAttachment {
    /**
     * Stores the file as it streams in, its type detected from its bytes; {@code TooLarge} past the size limit,
     * {@code Refused} past the uploader's storage, {@code NotFound} for a session the uploader is not a member of.
     */
    AttachmentView upload(UploadAttachmentCommand command);
}
