package dev.chatserver.adapter.jdbc;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.concurrent.atomic.AtomicInteger;

/** How many SQL statements a piece of work runs on a storage: what the query-cost tests compare. */
final class Statements {
    private Statements() {
    }

    static int counted(JdbcStorage storage, Runnable work) {
        AtomicInteger statements = new AtomicInteger();
        storage.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        try {
            work.run();
            return statements.get();
        } finally {
            storage.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }
}
