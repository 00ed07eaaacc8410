package dev.chatserver.domain.notify;

import dev.chatserver.domain.account.UserId;

import java.time.Instant;
import java.util.Objects;

/** A member silenced one session until a time: no email for it, no mention counted, until then. */
public record SessionMute(UserId member, long sessionId, Instant until) {
    public SessionMute {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(until, "until");
    }

    /** Whether the session is still silent at {@code now}. */
    public boolean silencesAt(Instant now) {
        return now.isBefore(until);
    }
}
