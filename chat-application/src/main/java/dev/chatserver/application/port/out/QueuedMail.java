package dev.chatserver.application.port.out;

import java.util.Objects;

/** A mail the queue handed one sender under a lease, with how many attempts to send it failed before. */
public record QueuedMail(long id, MailDraft draft, int failedAttempts) {
    public QueuedMail {
        Objects.requireNonNull(draft, "draft");
    }
}
