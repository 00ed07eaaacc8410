package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.im.Reaction;
import dev.chatserver.application.port.in.view.ReactionCount;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Members' reactions to IM messages. A member reacts to a message with an emoji once at most, even when the same
 * reaction is stored twice at once (a unique key on SQL). Writers hold the message locked
 * ({@link ImMessages#lockMessage}).
 */
public interface MessageReactions {
    boolean has(Reaction reaction);

    /** Stores the reaction; false when it was there already. */
    boolean add(Reaction reaction);

    /** Removes the reaction; false when it was not there. */
    boolean remove(Reaction reaction);

    /** How many members react to the message with the emoji. */
    int count(long messageId, Emoji emoji);

    /** How many different emoji {@code user} reacts to the message with. */
    int distinctOf(long messageId, UserId user);

    /** Removes every reaction to the message. */
    void clear(long messageId);

    /**
     * The reactions to each of these messages (those with none are left out) as {@code viewer} sees them, each
     * message's in the order their emoji were first used, in one read however many messages.
     */
    Map<Long, List<ReactionCount>> of(Collection<Long> messageIds, UserId viewer);
}
