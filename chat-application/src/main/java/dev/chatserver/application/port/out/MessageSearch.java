package dev.chatserver.application.port.out;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.SearchWords;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Full-text search over the messages of the sessions a user is a member of. */
public interface MessageSearch {
    /**
     * The messages holding every word of {@code words} in the sessions {@code member} is in (only in session
     * {@code sessionId} when given), newest first (by id), only those below {@code beforeId} when given, at most
     * {@code limit}. Membership is part of the search: a session the member is not in gives nothing.
     */
    List<FoundMessage> search(UserId member, SearchWords words, OptionalLong sessionId, OptionalLong beforeId,
                              int limit);

    /** A message found, with the uuid of its session and whether that is a group's. */
    record FoundMessage(ImMessage message, UUID sessionUuid, boolean groupSession) {
        public FoundMessage {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sessionUuid, "sessionUuid");
        }
    }
}
