package dev.chatserver.application.attachment;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxBytes     the largest file one upload takes ({@code --max-attachment-size})
 * @param bytesPerUser what the files one user uploaded may hold together ({@code --attachment-bytes-per-user})
 * @param unpostedKept how long an upload never posted is kept ({@code --unposted-attachment-ttl})
 */
public record AttachmentSettings(long maxBytes, long bytesPerUser, Duration unpostedKept) {
    public static final AttachmentSettings DEFAULT =
            new AttachmentSettings(25L * 1024 * 1024, 1024L * 1024 * 1024, Duration.ofHours(24));

    public AttachmentSettings {
        Objects.requireNonNull(unpostedKept, "unpostedKept");
        if (maxBytes < 1 || bytesPerUser < 1 || unpostedKept.isNegative() || unpostedKept.isZero()) {
            throw new IllegalArgumentException("attachment limits are positive");
        }
    }
}
