package dev.chatserver.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Reads what went wrong from the SQL state, the same on H2 and PostgreSQL. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    /** SQL's class 08, connection exception: the connection failed or was lost. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** PostgreSQL's operator intervention: shutting down (57P01, 57P02) or not accepting yet (57P03). */
    private static final String SERVER_GOING_OR_COMING = "57P0";

    private SqlErrors() {
    }

    /**
     * Whether the database could not be reached: no connection came in time (the pool's timeout, also while the
     * database is away), or the one in use was lost or ended by the server stopping. The same request may work
     * once it is back; nothing about it was wrong.
     */
    static boolean isDatabaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith(SERVER_GOING_OR_COMING))) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
