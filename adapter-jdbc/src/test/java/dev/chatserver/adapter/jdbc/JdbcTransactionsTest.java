package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a database can promise: work that fails leaves nothing behind. */
class JdbcTransactionsTest {
    private final JdbcStorage storage = H2TestDatabases.newStorage();

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void every_store_call_inside_failed_work_is_rolled_back() {
        Transactions transactions = storage.ports().get(Transactions.class);
        AccountRegistry registry = storage.ports().get(AccountRegistry.class);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            registry.createGroup("News");
            registry.createGroup("Sales");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(storage.ports().get(UserDirectory.class).groupsNamed("News")).isEmpty();
        assertThat(storage.ports().get(UserDirectory.class).groupsNamed("Sales")).isEmpty();
    }
}
