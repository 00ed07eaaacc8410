package dev.chatserver.application.port.in.notify;

import dev.chatserver.domain.notify.EmailChoice;

/** A user chooses what they are emailed while away. */
public interface SetPreferences {
    /** Keeps the choice and answers it. */
    EmailChoice setPreferences(SetPreferencesCommand command);
}
