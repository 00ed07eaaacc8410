package dev.chatserver.application.notify;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.SessionAccess;
import dev.chatserver.application.port.in.notify.MuteCommand;
import dev.chatserver.application.port.in.notify.MuteSession;
import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.notify.SessionMute;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Mutes are the member's own: a session they are no member of is refused as if it did not exist. A member keeps at
 * most one mute per session they are in, so what one user stores is bounded by their sessions.
 */
public final class MuteSessionService implements MuteSession {
    private final SessionAccess access;
    private final MailPreferences preferences;
    private final UserBudgets budgets;

    @Inject
    public MuteSessionService(SessionAccess access, MailPreferences preferences, UserBudgets budgets) {
        this.access = access;
        this.preferences = preferences;
        this.budgets = budgets;
    }

    @Override
    public Optional<Instant> mute(MuteCommand command) {
        budgets.spend(Budget.WRITES, command.caller());
        ImSession session = access.forMember(command.caller(), command.session());
        if (command.until().isEmpty()) {
            preferences.unmute(command.caller(), session.id());
        } else {
            preferences.mute(new SessionMute(command.caller(), session.id(), command.until().get()));
        }
        return command.until();
    }
}
