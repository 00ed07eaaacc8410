package dev.chatserver.application.budget;

import dev.chatserver.domain.problem.Throttled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each user (or chat account) may still spend on this node. A use case spends from a budget before it does
 * any work; past the budget it is refused with {@link Throttled} naming the budget and the time until a token is
 * back. Budgets are per node: with several nodes a user behind a balancer may spend up to the budget on each.
 */
@Singleton
public final class UserBudgets {
    private final BudgetSettings settings;
    private final Map<Budget, TokenBuckets> buckets = new EnumMap<>(Budget.class);

    @Inject
    public UserBudgets(BudgetSettings settings, Clock clock) {
        this.settings = settings;
        for (Budget budget : Budget.values()) {
            buckets.put(budget, new TokenBuckets(settings.rate(budget), clock));
        }
    }

    /** No budget and no cap: for tests that assemble use cases by hand and are not about budgets. */
    public static UserBudgets unlimited() {
        return new UserBudgets(BudgetSettings.OFF, Clock.systemUTC());
    }

    /**
     * Spends one unit of {@code budget} for {@code holder} (a user's or an account's id).
     *
     * @throws Throttled when the holder has none left
     */
    public void spend(Budget budget, Object holder) {
        Optional<Throttled> refused = trySpend(budget, holder);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /** Like {@link #spend}, answering the refusal instead of throwing it, for a use case that may not need the unit. */
    public Optional<Throttled> trySpend(Budget budget, Object holder) {
        if (!settings.enforced()) {
            return Optional.empty();
        }
        return buckets.get(budget).take(holder).map(wait -> Throttled.overBudget(budget.wireName(), wait));
    }

    /** Gives back a unit spent on something that turned out free, e.g. opening a session that existed. */
    public void giveBack(Budget budget, Object holder) {
        if (settings.enforced()) {
            buckets.get(budget).giveBack(holder);
        }
    }

    /** Distinct emoji one user may have on one message; no cap when the budgets are off. */
    public int reactionsPerMessage() {
        return settings.enforced() ? settings.reactionsPerMessage() : Integer.MAX_VALUE;
    }
}
