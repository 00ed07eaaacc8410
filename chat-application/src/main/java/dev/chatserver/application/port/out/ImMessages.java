package dev.chatserver.application.port.out;

import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.Unread;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The log of what was said in IM sessions: appended to by posts; a message changes afterwards only as its
 * aggregate decides ({@link ImMessage#editedBy}, {@link ImMessage#deletedBy}).
 */
public interface ImMessages {
    /**
     * Stores the message, unsaved as its session decided it ({@link ImMessage#unsaved}), and answers it as stored
     * ({@link ImMessage#storedAs} its id). Ids grow in the order messages are stored; a caller that holds the
     * session's members locked ({@link ImSessions#lockMembers}) until its unit of work ends gets them in the order
     * they commit, so a reader paging back by id never skips one that commits later.
     */
    ImMessage append(ImMessage message);

    /**
     * Stores the unsaved messages in the order given, in one statement on SQL, and answers them with their ids,
     * which grow in that order. The same locking rule as {@link #append} keeps ids in commit order.
     */
    default List<ImMessage> appendAll(List<ImMessage> messages) {
        return messages.stream().map(this::append).toList();
    }

    /** The session's messages newest first, only those with an id below {@code beforeId} when given. */
    List<ImMessage> history(long sessionId, OptionalLong beforeId, int limit);

    /** The messages of these ids that exist, in one read however many. */
    List<ImMessage> byIds(Collection<Long> ids);

    /**
     * The message of this id read and locked until the unit of work ends, so that edits, deletions and reactions
     * of one message are decided one after the other; empty when there is none.
     */
    Optional<ImMessage> lockMessage(long id);

    /**
     * Keeps the message as its aggregate changed it: content, edit and delete dates. The caller holds it locked
     * ({@link #lockMessage}); a deleted message's content is gone from the store, not hidden.
     */
    void saveChange(ImMessage changed);

    /**
     * How many messages each {@link Unread} counts (in the order given), in one read however many: each a count
     * of what is stored when it runs, so a post committed before it is counted and none is counted twice.
     */
    List<Long> countUnread(List<Unread> unread);

    /**
     * {@link #countUnread}, each with how many of those messages mention the member ({@link Unread#mentions}), in
     * the same one read however many.
     */
    List<UnreadCount> countUnreadWithMentions(List<Unread> unread);

    /** What one {@link Unread} counts: its messages, and of them those that mention its member. */
    record UnreadCount(long messages, long mentions) {
    }

    /**
     * The members who have a message another member posted after their read pointer at or before {@code cutoff},
     * each with their pointer, in (session, member) order after {@code after} (when given), at most {@code limit}:
     * one read a page, for the away-from-chat emails.
     */
    List<UnreadSession> unreadPostedBefore(Instant cutoff, Optional<Unread> after, int limit);

    /**
     * The newest {@code perMember} messages each {@link Unread} counts, oldest first, one list per unread in the
     * order given, in one read however many.
     */
    List<List<ImMessage>> newestUnread(List<Unread> unread, int perMember);
}
