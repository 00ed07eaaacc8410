package dev.chatserver.domain.presence;

import java.util.Locale;

/** What others see of a user's presence: online, away or offline. */
public enum ImStatus {
    ONLINE, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
