package dev.chatserver.application.port.out;

import dev.chatserver.domain.im.GroupSettings;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What group conversations keep beside their sessions (name, posting, admins; see
 * {@link dev.chatserver.domain.im.GroupConversation}, which decides). A change reads them with {@link #lock}, so
 * that two changes of one conversation run one after the other and each decides on what the other left.
 */
public interface GroupConversations {
    /** Keeps a new conversation's settings for its session, created in the same unit of work. */
    void create(long sessionId, GroupSettings settings);

    /**
     * The settings of the conversation of this session, locked until the unit of work ends; empty when the session
     * is no group conversation.
     */
    Optional<GroupSettings> lock(long sessionId);

    /** Keeps the settings as the conversation decided them; the caller holds them locked ({@link #lock}). */
    void save(long sessionId, GroupSettings settings);

    /** The settings of those of these sessions that are group conversations, in one read however many. */
    Map<Long, GroupSettings> of(Collection<Long> sessionIds);
}
