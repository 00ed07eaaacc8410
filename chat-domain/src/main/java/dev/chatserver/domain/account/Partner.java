package dev.chatserver.domain.account;

import java.util.Objects;

/** The contact record behind a user: Odoo's res.partner, with its own id and display name. */
public record Partner(PartnerId id, String name) {
    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
