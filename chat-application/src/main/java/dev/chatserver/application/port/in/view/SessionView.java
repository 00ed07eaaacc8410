package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.im.DocumentLink;
import dev.chatserver.domain.im.GroupRef;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.domain.im.SessionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A session as one member sees it: the shared facts plus that member's own state, status and read flag, and how
 * many messages they have not read ({@code unreadCount}) when the view was made with it (a listing's is; a
 * notification's is not, see docs/im-chat-api.md), and of those how many mention them ({@code mentionCount},
 * made alike), and for a group conversation its name, posting and admins.
 */
public record SessionView(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                          List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                          SessionStatus status, boolean isRead, OptionalLong unreadCount,
                          Optional<GroupView> conversation, OptionalLong mentionCount) {
    public SessionView(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                       List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                       SessionStatus status, boolean isRead, OptionalLong unreadCount,
                       Optional<GroupView> conversation) {
        this(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead, unreadCount, conversation,
                OptionalLong.empty());
    }

    public SessionView(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                       List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                       SessionStatus status, boolean isRead, OptionalLong unreadCount) {
        this(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead, unreadCount, Optional.empty());
    }

    public SessionView(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                       List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                       SessionStatus status, boolean isRead) {
        this(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead, OptionalLong.empty());
    }

    public SessionView {
        Objects.requireNonNull(unreadCount, "unreadCount");
        Objects.requireNonNull(mentionCount, "mentionCount");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(createDate, "createDate");
        groups = List.copyOf(groups);
        docs = List.copyOf(docs);
        users = List.copyOf(users);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A view as a stored notification kept it, field by field. Views are built from sessions by
     * {@code SessionViews} alone; the storages restore what it built through this.
     */
    public static SessionView restored(long id, UUID uuid, Instant createDate, boolean isGroup, List<GroupRef> groups,
                                       List<DocumentLink> docs, List<SessionMember> users, SessionState state,
                                       SessionStatus status, boolean isRead, OptionalLong unreadCount,
                                       Optional<GroupView> conversation, OptionalLong mentionCount) {
        return new SessionView(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead, unreadCount,
                conversation, mentionCount);
    }

    /** The same view with the viewer's unread count. */
    public SessionView withUnreadCount(long count) {
        return new SessionView(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead,
                OptionalLong.of(count), conversation, mentionCount);
    }

    /** The same view with the viewer's unread count and how many of those messages mention them. */
    public SessionView withUnreadCount(long count, long mentions) {
        return new SessionView(id, uuid, createDate, isGroup, groups, docs, users, state, status, isRead,
                OptionalLong.of(count), conversation, OptionalLong.of(mentions));
    }

    /** The same view with the message {@code messageId}, wherever it is a member's last message, as its tombstone. */
    public SessionView withLastMessageDeleted(long messageId) {
        List<SessionMember> shown = users.stream().map(u -> u.lastMessage().filter(last -> last.id() == messageId)
                .map(last -> new SessionMember(u.id(), u.name(), u.partner(), u.imStatus(),
                        Optional.of(last.tombstone()), u.seenMessageId(), u.login()))
                .orElse(u)).toList();
        return new SessionView(id, uuid, createDate, isGroup, groups, docs, shown, state, status, isRead, unreadCount,
                conversation, mentionCount);
    }

    public boolean withDocuments() {
        return !docs.isEmpty();
    }
}
