package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A digest email to send: to whom, about which session, from which read pointer up to which message, and its
 * parts. The queue keeps one per member, session and read pointer, so two nodes scanning at once queue it once.
 */
public record MailDraft(UserId user, long sessionId, long readPointer, long upToMessageId, String to,
                        String subject, String text, String html, Instant queuedAt) {
    public MailDraft {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }
}
