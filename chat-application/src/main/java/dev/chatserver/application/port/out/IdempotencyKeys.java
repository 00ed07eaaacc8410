package dev.chatserver.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The answers of writes a client marked with a key of its own ({@code client_id} of a post,
 * {@code Idempotency-Key} of a chat event), so that a retry gets the first answer instead of a second write.
 * A key is unique within its scope (who wrote where); how long a key counts is the caller's rule, not the store's.
 */
public interface IdempotencyKeys {
    /** The kept answers of these keys, in one read however many, expired ones included. */
    List<Kept> find(Collection<Key> keys);

    /**
     * Keeps these answers, in one statement on SQL. None of their keys is kept already: the caller read them
     * ({@link #find}) while holding the lock its writes take, and forgot the expired ones.
     */
    void keep(Collection<Kept> answers);

    /** Forgets these keys (expired ones about to be kept again). */
    void forget(Collection<Key> keys);

    /** Forgets every key kept at or before {@code cutoff}; answers how many. */
    int removeUpTo(Instant cutoff);

    /** A client's key within a scope such as {@code im:<session id>:<user id>}. */
    record Key(String scope, String clientKey) {
        public Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(clientKey, "clientKey");
        }
    }

    /** What the first write under a key answered ({@code answer}: the id of what it stored), and when. */
    record Kept(Key key, String answer, Instant keptAt) {
        public Kept {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(keptAt, "keptAt");
        }
    }
}
