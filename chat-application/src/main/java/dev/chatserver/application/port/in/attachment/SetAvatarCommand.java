package dev.chatserver.application.port.in.attachment;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.InvalidInput;

import java.io.InputStream;
import java.util.Objects;

/** A signed-in user uploading their own avatar: a PNG, JPEG or GIF image of at most {@value #MAX_BYTES} bytes. */
public record SetAvatarCommand(UserId user, InputStream file) {
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public SetAvatarCommand {
        Objects.requireNonNull(user, "user");
        if (file == null) {
            throw new InvalidInput("file", "file is required");
        }
    }
}
