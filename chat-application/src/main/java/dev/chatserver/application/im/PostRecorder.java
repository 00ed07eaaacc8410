package dev.chatserver.application.im;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.attachment.Attachment;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.domain.im.PostedMessage;
import dev.chatserver.domain.im.SessionPosts;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.im.StoredPosts;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store and notify steps of every post, once its session has decided it ({@link ImSession#postAll} on its
 * members read under lock): the writer's batches ({@link PostingLane}) and the server's own notices (the
 * invitation's "joined") alike. Inside the caller's unit of work, with a fixed number of statements however
 * many posts: the messages in one batch (and on H2 their words in a second), the changed memberships in one,
 * then the users and last messages the notifications show.
 */
public final class PostRecorder {
    private final ImSessions sessions;
    private final ImMessages messages;
    private final ImNotifier notifier;
    private final SessionViews views;
    private final Attachments attachments;

    @Inject
    public PostRecorder(ImSessions sessions, ImMessages messages, ImNotifier notifier, SessionViews views,
                        Attachments attachments) {
        this.sessions = sessions;
        this.messages = messages;
        this.notifier = notifier;
        this.views = views;
        this.attachments = attachments;
    }

    /**
     * A post its session accepted: the {@code draft}-th of what {@code decided} decided, by {@code poster}, with the
     * uploads it posts (checked postable by the caller, in the draft's order) and the messages the batch's replies
     * answer ({@code replied}, by id), as read when it was decided.
     */
    public record Accepted(SessionPosts decided, int draft, User poster, List<Attachment> files,
                           Map<Long, ImMessage> replied) {
        public Accepted {
            files = List.copyOf(files);
            replied = Map.copyOf(replied);
        }

        /** A post of no file that replies to nothing. */
        public Accepted(SessionPosts decided, int draft, User poster) {
            this(decided, draft, poster, List.of(), Map.of());
        }
    }

    /** A post as stored: the message with the session as it left it, and the message as its members see it. */
    public record Recorded(PostedMessage posted, MessageView view) {
    }

    /**
     * Stores the accepted posts in the order given (so their ids grow in that order), saves the memberships they
     * changed, and tells the members of each: every message, and how the session now looks to those whose view
     * it changed. Answers each post as stored, in the same order.
     */
    public List<Recorded> record(List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return List.of();
        }
        List<ImMessage> stored = messages.appendAll(accepted.stream()
                .map(post -> post.decided().messageOf(post.draft())).toList());
        Map<SessionPosts, List<Long>> idsBySession = new IdentityHashMap<>();
        for (int k = 0; k < accepted.size(); k++) {
            idsBySession.computeIfAbsent(accepted.get(k).decided(), session -> new ArrayList<>()).add(stored.get(k).id());
        }
        Map<SessionPosts, StoredPosts> storedBySession = new IdentityHashMap<>();
        Map<Long, List<Membership>> changed = new TreeMap<>();
        idsBySession.forEach((decided, ids) -> {
            StoredPosts posts = decided.stored(ids);
            storedBySession.put(decided, posts);
            changed.put(posts.session().id(), posts.changed());
        });
        sessions.saveMembershipsOf(changed);

        Map<SessionPosts, Integer> nextOf = new IdentityHashMap<>();
        List<PostedMessage> posted = new ArrayList<>(accepted.size());
        for (Accepted post : accepted) {
            int nth = nextOf.merge(post.decided(), 1, Integer::sum) - 1;
            posted.add(storedBySession.get(post.decided()).posted().get(nth));
        }
        List<Map<UserId, SessionView>> seen = views.asSeenByEach(posted.stream().map(PostedMessage::session).toList(),
                posted.stream().map(PostedMessage::membersChanged).toList());
        List<Recorded> recorded = new ArrayList<>(accepted.size());
        for (int k = 0; k < accepted.size(); k++) {
            PostedMessage after = posted.get(k);
            List<Attachment> files = accepted.get(k).files();
            if (!files.isEmpty()) {
                attachments.markPosted(files.stream().map(Attachment::id).toList(), after.message().id());
            }
            MessageView view = MessageViews.posted(after.message(), after.session().uuid(), accepted.get(k).poster(),
                    files.stream().map(AttachmentView::of).toList(), accepted.get(k).replied());
            notifier.messagePosted(after.session(), view);
            notifier.sessionSeenAs(seen.get(k));
            recorded.add(new Recorded(after, view));
        }
        return recorded;
    }
}
