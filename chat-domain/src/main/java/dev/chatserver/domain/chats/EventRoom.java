package dev.chatserver.domain.chats;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room of an audience that stores and broadcasts typed events. It is open from {@code openedAt} until it
 * is closed. {@code lastOccurredAt} is the {@code occurred_at} last handed out in it (-1 before the first),
 * so that every event gets a later one than the event before, even within one reading of the clock.
 */
public record EventRoom(RoomId id, String audience, JsonText tags, Instant openedAt, Instant closedAt,
                        Instant createdAt, long lastOccurredAt) {
    public static final long NONE_YET = -1;

    public EventRoom {
        Objects.requireNonNull(id, "id");
        audience = Names.require("audience", audience);
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("a room closes after it opens");
        }
    }

    public static EventRoom open(RoomId id, String audience, JsonText tags, Instant now) {
        return new EventRoom(id, audience, tags, now, null, now, NONE_YET);
    }

    public Optional<Instant> closedAtTime() {
        return Optional.ofNullable(closedAt);
    }

    public boolean isClosedAt(Instant now) {
        return closedAt != null && !now.isBefore(closedAt);
    }

    /**
     * The {@code occurred_at} of an event arriving {@code now}: nanoseconds since the room opened, and always
     * after the one handed out last.
     */
    public long nextOccurredAt(Instant now) {
        long sinceOpening = now.isBefore(openedAt) ? 0 : Duration.between(openedAt, now).toNanos();
        return Math.max(sinceOpening, lastOccurredAt + 1);
    }

    public EventRoom closed(Instant at) {
        return new EventRoom(id, audience, tags, openedAt, at, createdAt, lastOccurredAt);
    }

    public EventRoom withLastOccurredAt(long occurredAt) {
        return new EventRoom(id, audience, tags, openedAt, closedAt, createdAt, occurredAt);
    }
}
