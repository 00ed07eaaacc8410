package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user of a session as every member sees them, with the newest message they sent in it and their read
 * pointer: the newest message they have seen ({@code seenMessageId}, their read receipt), and the login the
 * others call them by in a message ({@code @login}, a mention) when the view was made with it.
 */
public record SessionMember(UserId id, String name, Partner partner, ImStatus imStatus,
                            Optional<MessageSummary> lastMessage, OptionalLong seenMessageId, Optional<Login> login) {
    public SessionMember(UserId id, String name, Partner partner, ImStatus imStatus,
                         Optional<MessageSummary> lastMessage, OptionalLong seenMessageId) {
        this(id, name, partner, imStatus, lastMessage, seenMessageId, Optional.empty());
    }

    public SessionMember(UserId id, String name, Partner partner, ImStatus imStatus,
                         Optional<MessageSummary> lastMessage) {
        this(id, name, partner, imStatus, lastMessage, OptionalLong.empty());
    }

    /** A member as a stored notification kept them (see {@link SessionView#restored}). */
    public static SessionMember restored(UserId id, String name, Partner partner, ImStatus imStatus,
                                         Optional<MessageSummary> lastMessage, OptionalLong seenMessageId,
                                         Optional<Login> login) {
        return new SessionMember(id, name, partner, imStatus, lastMessage, seenMessageId, login);
    }

    public SessionMember {
        Objects.requireNonNull(seenMessageId, "seenMessageId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(imStatus, "imStatus");
        Objects.requireNonNull(lastMessage, "lastMessage");
        Objects.requireNonNull(login, "login");
    }
}
