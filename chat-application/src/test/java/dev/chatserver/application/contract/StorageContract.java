package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.Storage;
import dev.chatserver.application.port.out.StoragePorts;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.application.write.WriteLimits;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The base of every storage contract: each test gets a new, empty storage from the adapter under test.
 * Adapters run a contract by extending it in a {@code @Nested} class and answering {@link #newStorage()}.
 */
public abstract class StorageContract {
    protected Storage storage;
    /** Closed after each test, newest first, before the storage. */
    private final java.util.Deque<AutoCloseable> closeables = new java.util.ArrayDeque<>();

    protected abstract Storage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() throws Exception {
        while (!closeables.isEmpty()) {
            closeables.pop().close();
        }
        storage.close();
    }

    /** Closed once the test ends, before the storage is. */
    protected <T extends AutoCloseable> T closeAfter(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    /** The group-commit writer on these transactions, stopped once the test ends. */
    protected GroupCommit writer(Transactions transactions) {
        return closeAfter(new GroupCommit(transactions, WriteLimits.DEFAULT));
    }

    /** Runs the tasks at once, 8 at a time, and answers their outcomes in the order given. */
    protected static List<Object> runAll(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : pool.invokeAll(tasks)) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ports of this test's storage. */
    protected StoragePorts ports() {
        return storage.ports();
    }

    /** A new user of this storage, {@code login@example.org}, whose password hash is {@code hash-of-<login>}. */
    protected User newUser(String login, String name) {
        return ports().accounts().register(new NewUser(new Login(login), name, login + "@example.org"),
                "hash-of-" + login);
    }
}
