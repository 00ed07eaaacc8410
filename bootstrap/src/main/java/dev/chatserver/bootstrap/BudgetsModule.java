package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.BudgetSettings;

import java.util.Locale;

/** The per-user budgets ({@code --user-posts} and the others, {@code --user-budgets off}); README.md, "Budgets". */
final class BudgetsModule extends AbstractModule {
    @Provides
    @Singleton
    BudgetSettings budgetSettings(Options options) {
        BudgetSettings settings = BudgetSettings.DEFAULTS;
        for (Budget budget : Budget.values()) {
            settings = settings.with(budget, options.getRate(flagOf(budget), budget.standard()));
        }
        int reactions = options.getInt("reactions-per-message", BudgetSettings.DEFAULT_REACTIONS_PER_MESSAGE);
        if (reactions < 1) {
            throw new StartupFailure("--reactions-per-message " + reactions + ": at least 1");
        }
        settings = settings.withReactionsPerMessage(reactions);
        String enforced = options.get("user-budgets").orElse("on").strip().toLowerCase(Locale.ROOT);
        return switch (enforced) {
            case "on" -> settings;
            case "off" -> new BudgetSettings(settings.rates(), settings.reactionsPerMessage(), false);
            default -> throw new StartupFailure("--user-budgets " + enforced + ": on or off");
        };
    }

    /** {@code --user-new-sessions} for {@link Budget#NEW_SESSIONS}. */
    static String flagOf(Budget budget) {
        return "user-" + budget.wireName().replace('_', '-');
    }
}
