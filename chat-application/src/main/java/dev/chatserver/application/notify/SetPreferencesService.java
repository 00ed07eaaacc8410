package dev.chatserver.application.notify;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.port.in.notify.SetPreferences;
import dev.chatserver.application.port.in.notify.SetPreferencesCommand;
import dev.chatserver.application.port.out.MailPreferences;
import dev.chatserver.domain.notify.EmailChoice;
import jakarta.inject.Inject;

public final class SetPreferencesService implements SetPreferences {
    private final MailPreferences preferences;
    private final UserBudgets budgets;

    @Inject
    public SetPreferencesService(MailPreferences preferences, UserBudgets budgets) {
        this.preferences = preferences;
        this.budgets = budgets;
    }

    @Override
    public EmailChoice setPreferences(SetPreferencesCommand command) {
        budgets.spend(Budget.WRITES, command.caller());
        preferences.setEmail(command.caller(), command.email());
        return command.email();
    }
}
