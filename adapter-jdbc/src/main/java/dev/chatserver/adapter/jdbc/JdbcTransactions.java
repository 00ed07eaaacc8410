package dev.chatserver.adapter.jdbc;

import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.domain.problem.Overloaded;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A unit of work is one database transaction. Jdbi binds its handle to the thread, so every store's
 * {@code jdbi.withHandle} inside the unit runs on the same connection and commits with it.
 */
final class JdbcTransactions implements Transactions {
    /** How soon a client may try again when the database could not be reached. */
    static final Duration UNREACHABLE_RETRY_AFTER = Duration.ofSeconds(2);
    private final Jdbi jdbi;
    private final DurabilityBarrier durability;
    private final Transactions.AfterCommit afterCommit = new Transactions.AfterCommit();
    /** Whether the unit of work on this thread changed a row: only then is there a commit to make durable. */
    private final ThreadLocal<boolean[]> wrote = new ThreadLocal<>();
    /** What the unit of work on this thread runs last, inside its transaction, by who asked for it. */
    private final ThreadLocal<Map<Object, Runnable>> beforeCommit = new ThreadLocal<>();

    JdbcTransactions(Jdbi jdbi) {
        this(jdbi, DurabilityBarrier.COMMIT_IS_DURABLE);
    }

    /** Each unit of work returns only once {@code durability} says its commit is on disk. */
    JdbcTransactions(Jdbi jdbi, DurabilityBarrier durability) {
        this.jdbi = jdbi;
        this.durability = durability;
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
                boolean[] unit = wrote.get();
                if (unit != null && !unit[0] && changedRows(statement, context)) {
                    unit[0] = true;
                }
            }
        });
    }

    private static boolean changedRows(PreparedStatement statement, StatementContext context) throws SQLException {
        String sql = context.getRenderedSql();
        return sql != null && !sql.stripLeading().regionMatches(true, 0, "select", 0, 6) && statement.getUpdateCount() != 0;
    }

    /**
     * A unit of work the database could not take (unreachable, or lost during it) fails as {@link Overloaded}:
     * the caller is told to retry shortly, and the writer fails its whole batch at once rather than retry each
     * write alone against a database that is away. Whether a lost commit was made is unknown: a client's retry
     * with the same key is answered with what it stored, if anything.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (afterCommit.inUnit()) {
            return work.get();
        }
        try {
            return inNewTransaction(work);
        } catch (RuntimeException failure) {
            if (SqlErrors.isDatabaseUnreachable(failure)) {
                throw new Overloaded(UNREACHABLE_RETRY_AFTER, "the database cannot be reached; retry shortly");
            }
            throw failure;
        }
    }

    private <T> T inNewTransaction(Supplier<T> work) {
        boolean[] unitWrote = {false};
        return afterCommit.run(() -> {
            wrote.set(unitWrote);
            Map<Object, Runnable> last = new LinkedHashMap<>();
            beforeCommit.set(last);
            try {
                return jdbi.inTransaction(handle -> {
                    T result = work.get();
                    last.values().forEach(Runnable::run);
                    return result;
                });
            } finally {
                beforeCommit.remove();
                wrote.remove();
            }
        }, () -> {
            if (unitWrote[0]) {
                durability.awaitDurable();
            }
        });
    }

    /**
     * The {@code owner}'s action for the unit of work on this thread, made by {@code create} the first time the
     * owner asks in that unit; it runs once the work is done, inside the transaction, just before the commit.
     * Empty outside a unit of work. For writes that are cheaper gathered: a statement per unit, not per call.
     */
    <A extends Runnable> Optional<A> beforeCommit(Object owner, Supplier<A> create) {
        Map<Object, Runnable> last = beforeCommit.get();
        if (last == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        A action = (A) last.computeIfAbsent(owner, key -> create.get());
        return Optional.of(action);
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    @Override
    public java.util.Optional<Object> currentUnit() {
        return afterCommit.currentUnit();
    }
}
