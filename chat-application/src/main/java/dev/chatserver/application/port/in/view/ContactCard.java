package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A contact as {@code init} lists them, with the newest message of the private session with the caller and how
 * many of its messages the caller has not read (0 without such a session).
 */
public record ContactCard(UserId id, String name, String email, Partner partner, ImStatus imStatus,
                          Optional<MessageSummary> lastMessage, long unreadCount) {
    public ContactCard(UserId id, String name, String email, Partner partner, ImStatus imStatus,
                       Optional<MessageSummary> lastMessage) {
        this(id, name, email, partner, imStatus, lastMessage, 0);
    }

    public ContactCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(imStatus, "imStatus");
        Objects.requireNonNull(lastMessage, "lastMessage");
    }
}
