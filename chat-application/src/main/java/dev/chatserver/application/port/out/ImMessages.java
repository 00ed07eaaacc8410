package dev.chatserver.application.port.out;

import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.NewMessage;
import dev.chatserver.domain.im.PostedMessage;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/** The append-only log of what was said in IM sessions. */
public interface ImMessages {
    /**
     * Stores the message in one call: it becomes its sender's last message, every other member's session turns
     * unread and a closed one comes back folded. Messages of one session get increasing ids in the order they
     * are stored, so a reader paging back by id never skips one that commits later.
     */
    PostedMessage post(NewMessage message);

    /** The session's messages newest first, only those with an id below {@code beforeId} when given. */
    List<ImMessage> history(long sessionId, OptionalLong beforeId, int limit);

    /** The messages of these ids that exist, in one read however many. */
    List<ImMessage> byIds(Collection<Long> ids);
}
