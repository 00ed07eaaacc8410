package dev.chatserver.application.budget;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The budgets a node enforces per user: a {@link Rate} for each {@link Budget}, and the cap on distinct reactions
 * one user puts on one message. {@link #OFF} lifts them all (load tests, the benchmark).
 *
 * @param rates               the rate of every budget
 * @param reactionsPerMessage distinct emoji one user may have on one message at once
 * @param enforced            false when every budget and the cap are lifted
 */
public record BudgetSettings(Map<Budget, Rate> rates, int reactionsPerMessage, boolean enforced) {
    public static final int DEFAULT_REACTIONS_PER_MESSAGE = 20;
    public static final BudgetSettings DEFAULTS = new BudgetSettings(Map.of(), DEFAULT_REACTIONS_PER_MESSAGE, true);
    public static final BudgetSettings OFF = new BudgetSettings(Map.of(), DEFAULT_REACTIONS_PER_MESSAGE, false);

    public BudgetSettings {
        Map<Budget, Rate> all = new EnumMap<>(Budget.class);
        for (Budget budget : Budget.values()) {
            all.put(budget, Objects.requireNonNullElse(rates.get(budget), budget.standard()));
        }
        rates = Map.copyOf(all);
        if (reactionsPerMessage < 1) {
            throw new IllegalArgumentException("at least 1 reaction per message");
        }
    }

    public Rate rate(Budget budget) {
        return rates.get(budget);
    }

    public BudgetSettings with(Budget budget, Rate rate) {
        Map<Budget, Rate> changed = new EnumMap<>(rates);
        changed.put(budget, rate);
        return new BudgetSettings(changed, reactionsPerMessage, enforced);
    }

    public BudgetSettings withReactionsPerMessage(int cap) {
        return new BudgetSettings(rates, cap, enforced);
    }
}
