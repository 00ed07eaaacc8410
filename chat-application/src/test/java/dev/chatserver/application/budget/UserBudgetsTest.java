package dev.chatserver.application.budget;

import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.problem.Throttled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserBudgetsTest {
    private static final UserId LYNX = new UserId(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T07:46:21Z"));
    private final BudgetSettings twoPosts = BudgetSettings.DEFAULTS.with(Budget.POSTS, Rate.of(2, Duration.ofHours(1)));

    @Test
    void past_the_budget_the_refusal_names_it_and_when_a_unit_is_back() {
        UserBudgets budgets = new UserBudgets(twoPosts, clock);
        budgets.spend(Budget.POSTS, LYNX);
        budgets.spend(Budget.POSTS, LYNX);

        assertThatThrownBy(() -> budgets.spend(Budget.POSTS, LYNX)).isInstanceOfSatisfying(Throttled.class, t -> {
            assertThat(t.budget()).contains("posts");
            assertThat(t.retryAfter()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void each_budget_is_spent_apart() {
        UserBudgets budgets = new UserBudgets(twoPosts, clock);
        budgets.spend(Budget.POSTS, LYNX);
        budgets.spend(Budget.POSTS, LYNX);

        budgets.spend(Budget.TYPING, LYNX);
        budgets.spend(Budget.WRITES, LYNX);
    }

    @Test
    void off_lifts_every_budget_and_the_reaction_cap() {
        UserBudgets budgets = new UserBudgets(new BudgetSettings(twoPosts.rates(), 1, false), clock);
        for (int i = 0; i < 100; i++) {
            budgets.spend(Budget.POSTS, LYNX);
        }

        assertThat(budgets.reactionsPerMessage()).isEqualTo(Integer.MAX_VALUE);
        assertThat(new UserBudgets(twoPosts.withReactionsPerMessage(7), clock).reactionsPerMessage()).isEqualTo(7);
    }
}
