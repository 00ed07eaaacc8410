package dev.chatserver.domain.im;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Objects;
import java.util.Optional;

/** A user of a session as every member sees them, with the newest message they sent in it. */
public record SessionMember(UserId id, String name, Partner partner, ImStatus imStatus,
                            Optional<MessageSummary> lastMessage) {
    public SessionMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(imStatus, "imStatus");
        Objects.requireNonNull(lastMessage, "lastMessage");
    }
}
