package dev.chatserver.adapter.http.odoo8;

import java.util.Objects;

/** The database name Odoo 8's web client sees in its bus channels ({@code [db, "im_chat.session", uid]}). */
public record Odoo8Settings(String database) {
    public static final String DEFAULT_DATABASE = "chat";

    public Odoo8Settings {
        Objects.requireNonNull(database, "database");
        if (database.isBlank()) {
            throw new IllegalArgumentException("the database name is not blank");
        }
    }
}
