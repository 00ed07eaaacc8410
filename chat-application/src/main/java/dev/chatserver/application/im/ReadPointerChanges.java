package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What follows when a reader's read pointer or read state changed (by mark_read, or by reading the newest page of
 * history): their membership is kept, every member hears a read receipt when the pointer moved, and the reader's
 * own connections hear how the session now looks when it turned read.
 */
public final class ReadPointerChanges {
    private final ImSessions sessions;
    private final ImNotifier notifier;

    @Inject
    public ReadPointerChanges(ImSessions sessions, ImNotifier notifier) {
        this.sessions = sessions;
        this.notifier = notifier;
    }

    /**
     * Keeps {@code after}, the reader's membership decided on {@code session} (their row read under lock) in place
     * of {@code before}, and tells whom it concerns; nothing when it did not change.
     */
    public void keep(ImSession session, Membership before, Membership after) {
        if (after.equals(before)) {
            return;
        }
        sessions.saveMemberships(session.id(), List.of(after));
        ImSession changed = session.with(List.of(after));
        if (!after.seenMessageId().equals(before.seenMessageId())) {
            notifier.readReceipt(changed, after.user(), after.seenMessageId().getAsLong());
        }
        if (after.read() != before.read()) {
            notifier.sessionChanged(changed, List.of(after.user()));
        }
    }
}
