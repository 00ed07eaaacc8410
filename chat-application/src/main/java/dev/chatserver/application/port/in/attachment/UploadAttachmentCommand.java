package dev.chatserver.application.port.in.attachment;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.problem.InvalidInput;

import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;

/**
 * @param session the IM session the file is for
 * @param name    the name the uploader gave it
 * @param file    its content, read once to its end by the use case
 */
public record UploadAttachmentCommand(UserId uploader, UUID session, FileName name, InputStream file) {
    public UploadAttachmentCommand {
        Objects.requireNonNull(uploader, "uploader");
        if (session == null) {
            throw new InvalidInput("session", "session is required");
        }
        if (name == null) {
            throw new InvalidInput("name", "name is required");
        }
        if (file == null) {
            throw new InvalidInput("file", "file is required");
        }
    }
}
