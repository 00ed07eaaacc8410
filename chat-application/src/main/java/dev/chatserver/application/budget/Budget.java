package dev.chatserver.application.budget;

import java.time.Duration;
import java.util.Locale;

/**
 * What one user (or chat account) may spend per node, each a {@link Rate} of its own. The name is what a refusal
 * says in {@code data.budget} (JSON-RPC) and {@code budget} (problem details).
 */
public enum Budget {
    /** IM posts that are stored. */
    POSTS(Rate.of(60, Duration.ofMinutes(1))),
    /** Chat events posted, by a signed-in user or a backend account. */
    CHAT_EVENTS(Rate.of(120, Duration.ofMinutes(1))),
    /** Typing signals, never stored but passed on to every member. */
    TYPING(Rate.of(60, Duration.ofMinutes(1))),
    /** Sessions created (private, group, document-bound, turned ad hoc by an invitation); opening one that exists is free. */
    NEW_SESSIONS(Rate.of(60, Duration.ofHours(1))),
    /** Reactions added or taken back. */
    REACTIONS(Rate.of(120, Duration.ofMinutes(1))),
    /** Files uploaded (what they may hold together is a limit of its own, {@code AttachmentSettings.bytesPerUser}). */
    UPLOADS(Rate.of(30, Duration.ofMinutes(10))),
    /** Every other write that stores or notifies: edits, deletions, mark_read, session state, address book, invitations, chats and rooms. */
    WRITES(Rate.of(300, Duration.ofMinutes(1)));

    private final Rate standard;

    Budget(Rate standard) {
        this.standard = standard;
    }

    /** The default: a burst and a sustained rate that no person reaches by hand. */
    public Rate standard() {
        return standard;
    }

    /** {@code new_sessions}: the name a refusal gives. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
