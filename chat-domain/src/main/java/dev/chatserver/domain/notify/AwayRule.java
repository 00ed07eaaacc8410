package dev.chatserver.domain.notify;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Whether a member who has unread messages of a session is owed a digest of them by email. They are when they
 * want email at all, have not silenced the session, have been away (no open socket, no poll) since before
 * {@code awaySince}, and the read pointer has passed what the last digest of this session held: one digest per
 * session until it is read.
 *
 * @param awaySince the time the member must not have been connected since (now less the notify delay)
 */
public record AwayRule(Instant now, Instant awaySince) {

    public boolean owesDigest(EmailChoice choice, boolean muted, Instant lastConnected, long readPointer,
                              OptionalLong lastDigestUpTo) {
        if (choice == EmailChoice.NONE || muted) {
            return false;
        }
        if (lastConnected != null && !lastConnected.isBefore(awaySince)) {
            return false;
        }
        return lastDigestUpTo.isEmpty() || readPointer >= lastDigestUpTo.getAsLong();
    }
}
