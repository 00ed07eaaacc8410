package dev.chatserver.application.port.in.attachment;

/** A member of an attachment's session reads the file, or its thumbnail. */
public interface ReadAttachment {
    /** The file; {@code NotFound} alike for an unknown id and for someone who may not see it. */
    AttachmentDownload open(ReadAttachmentCommand command);
}
