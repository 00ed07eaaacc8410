package dev.chatserver.application.port.in.attachment;

import dev.chatserver.domain.account.UserId;

import java.io.InputStream;
import java.util.Optional;

/** The JPEG a user uploaded as their avatar; empty until they upload one. The caller closes the stream. */
public interface ReadAvatar {
    /** The type of every avatar kept. */
    String AVATAR_TYPE = "image/jpeg";

    Optional<InputStream> avatarOf(UserId user);
}
