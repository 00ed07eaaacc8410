package dev.chatserver.application.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How the away-from-chat emails are made and sent.
 *
 * @param notifyAfter    how long a member must have been away, and their oldest unread message old, before a digest
 * @param link           the web client's address, which each digest links back to
 * @param digestMessages at most this many messages in one digest (the newest), the rest only counted
 * @param messageChars   a message's text is cut to this many characters in a digest
 * @param waitingPerUser at most this many emails wait to be sent for one user; more wait for the next scan
 * @param attempts       sending is tried this many times, then given up
 * @param firstRetry     the wait after the first failure, doubled after each next one (at most {@link #LONGEST_RETRY})
 * @param lease          how long a sender holds a mail it claimed before another node may take it
 */
public record EmailSettings(Duration notifyAfter, String link, int digestMessages, int messageChars,
                            int waitingPerUser, int attempts, Duration firstRetry, Duration lease) {
    public static final Duration LONGEST_RETRY = Duration.ofHours(1);
    public static final EmailSettings DEFAULT = new EmailSettings(Duration.ofMinutes(10), "http://localhost:8080/",
            20, 500, 50, 8, Duration.ofMinutes(1), Duration.ofMinutes(5));

    public EmailSettings {
        Objects.requireNonNull(notifyAfter, "notifyAfter");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(lease, "lease");
        if (digestMessages < 1 || messageChars < 1 || waitingPerUser < 1 || attempts < 1) {
            throw new IllegalArgumentException("email limits are positive");
        }
    }

    public EmailSettings withNotifyAfter(Duration after) {
        return new EmailSettings(after, link, digestMessages, messageChars, waitingPerUser, attempts, firstRetry, lease);
    }

    public EmailSettings withLink(String address) {
        return new EmailSettings(notifyAfter, address, digestMessages, messageChars, waitingPerUser, attempts,
                firstRetry, lease);
    }

    /** The wait before attempt {@code failed + 1}, after {@code failed} failures. */
    public Duration retryAfter(int failed) {
        Duration wait = firstRetry;
        for (int i = 1; i < failed && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }
}
