package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every storage contract: each test gets a new, empty storage from the adapter under test.
 * Adapters run a contract by extending it in a {@code @Nested} class and answering {@link #newStorage()}.
 */
public abstract class StorageContract {
    protected Storage storage;

    protected abstract Storage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    protected <T> T port(Class<T> type) {
        return storage.ports().get(type);
    }
}
