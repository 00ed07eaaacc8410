package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.account.Group;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public abstract class TransactionsContract extends StorageContract {

    @Test
    void after_commit_actions_run_once_the_work_committed_and_in_order() {
        Transactions transactions = ports().transactions();
        List<String> seen = new ArrayList<>();

        Group group = transactions.inTransaction(() -> {
            transactions.afterCommit(() -> seen.add("first"));
            Group created = ports().accounts().createGroup("News");
            transactions.afterCommit(() -> seen.add("second"));
            assertThat(seen).isEmpty();
            return created;
        });

        assertThat(group.name()).isEqualTo("News");
        assertThat(seen).containsExactly("first", "second");
    }

    @Test
    void nested_work_joins_the_outer_unit() {
        Transactions transactions = ports().transactions();
        List<String> seen = new ArrayList<>();

        transactions.inTransaction(() -> {
            transactions.inTransaction(() -> transactions.afterCommit(() -> seen.add("inner")));
            assertThat(seen).as("inner work commits with the outer unit").isEmpty();
        });

        assertThat(seen).containsExactly("inner");
    }

    @Test
    void after_commit_actions_of_failed_work_never_run() {
        Transactions transactions = ports().transactions();
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.afterCommit(() -> seen.add("never"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(seen).isEmpty();
    }

    @Test
    void outside_a_unit_of_work_an_after_commit_action_runs_at_once() {
        List<String> seen = new ArrayList<>();
        ports().transactions().afterCommit(() -> seen.add("now"));
        assertThat(seen).containsExactly("now");
    }
}
