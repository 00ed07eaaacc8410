package dev.chatserver.application.port.in.view;

import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.presence.ImStatus;

import java.util.Objects;

/** A user as the address book lists them. */
public record ContactView(UserId id, String name, ImStatus imStatus) {
    public ContactView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imStatus, "imStatus");
    }
}
