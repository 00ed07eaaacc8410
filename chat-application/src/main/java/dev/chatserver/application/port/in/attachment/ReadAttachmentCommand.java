package dev.chatserver.application.port.in.attachment;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Objects;

/** @param thumbnail the attachment's thumbnail rather than the file itself */
public record ReadAttachmentCommand(UserId reader, AttachmentId attachment, boolean thumbnail) {
    public ReadAttachmentCommand {
        Objects.requireNonNull(reader, "reader");
        if (attachment == null) {
            throw new InvalidInput("attachment", "attachment is required");
        }
    }
}
