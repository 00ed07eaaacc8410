package dev.chatserver.application.notify;

import dev.chatserver.application.port.in.notify.SetPreferences;
import dev.chatserver.application.port.in.notify.SetPreferencesCommand;
import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.notify.EmailChoice;
import jakarta.inject.Inject;

public final class SetPreferencesService implements SetPreferences {
    private final MailPreferences preferences;

    @Inject
    public SetPreferencesService(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public EmailChoice setPreferences(SetPreferencesCommand command) {
        preferences.setEmail(command.caller(), command.email());
        return command.email();
    }
}
