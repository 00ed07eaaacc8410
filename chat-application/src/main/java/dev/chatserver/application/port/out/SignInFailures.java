package dev.chatserver.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Failed sign-ins by subject (a login, a client address, or a login from one client address), one entry per
 * failure, so that failures racing on several nodes all count. Storage shared by several nodes shares the failures
 * too. A subject has at most {@link #MAX_SUBJECT_LENGTH} characters.
 */
public interface SignInFailures {
    /** Room for a login and a client address of 100 characters each, with the kind of subject they make. */
    int MAX_SUBJECT_LENGTH = 250;

    void record(String subject, Instant failedAt);

    /** The failures of the subject after {@code after}, newest first, at most {@code limit} of them. */
    List<Instant> recent(String subject, Instant after, int limit);

    /** Forgets every failure of the subject. */
    void forget(String subject);

    /** Forgets the failures at or before {@code cutoff}, of every subject; answers how many. */
    int removeUpTo(Instant cutoff);
}
