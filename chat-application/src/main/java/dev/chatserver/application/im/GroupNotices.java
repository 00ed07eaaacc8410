package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.im.SessionPosts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What every change of a group conversation ends with: the actor's meta message saying what changed, stored and
 * announced as every post is ({@link PostRecorder}), and every member told how the conversation now looks.
 */
final class GroupNotices {
    private final ImSessions sessions;
    private final PostRecorder recorder;
    private final ImNotifier notifier;
    private final Clock clock;

    GroupNotices(ImSessions sessions, PostRecorder recorder, ImNotifier notifier, Clock clock) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * The actor's meta message {@code text}, decided by {@code session} as the change left it (its members
     * locked; for someone who goes, the session before they went, so that they read why).
     */
    void say(ImSession session, User actor, String text) {
        record(session, actor, text);
    }

    /**
     * {@link #say} when {@code goer} leaves the session in this unit of work: they are told the notice on their own
     * channel too, since what is told to the session reaches only who is a member at delivery.
     */
    void sayToGoer(ImSession session, User actor, String text, UserId goer) {
        PostRecorder.Recorded notice = record(session, actor, text);
        notifier.messagePostedTo(goer, notice.view());
    }

    private PostRecorder.Recorded record(ImSession session, User actor, String text) {
        SessionPosts decided = session.postAll(List.of(PostDraft.plain(actor.id(), MessageType.META, text)), now());
        return recorder.record(List.of(new PostRecorder.Accepted(decided, 0, actor))).get(0);
    }

    /** Tells every member how the session now looks (read again: the notice and the change are both in it). */
    ImSession tellMembers(long sessionId) {
        ImSession after = sessions.byId(sessionId).orElseThrow();
        notifier.sessionChanged(after, after.memberIds());
        return after;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
