package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.BudgetSettings;


/** The per-user budgets ({@code --user-posts} and the others, {@code --user-budgets off}); README.md, "Budgets". */
final class BudgetsModule extends AbstractModule {
    @Provides
    @Singleton
    BudgetSettings budgetSettings(ChatOptions options) {
        BudgetSettings settings = BudgetSettings.DEFAULTS;
        for (Budget budget : Budget.values()) {
            settings = settings.with(budget, options.get(ServerFlags.of(budget)));
        }
        int reactions = options.get(ServerFlags.REACTIONS_PER_MESSAGE);
        if (reactions < 1) {
            throw new StartupFailure("--reactions-per-message " + reactions + ": at least 1");
        }
        settings = settings.withReactionsPerMessage(reactions);
        return options.get(ServerFlags.USER_BUDGETS) ? settings
                : new BudgetSettings(settings.rates(), settings.reactionsPerMessage(), false);
    }
}
