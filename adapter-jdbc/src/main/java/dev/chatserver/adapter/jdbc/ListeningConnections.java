package dev.chatserver.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the bus listener gets the connection it holds for LISTEN: a connection of its own, or one of the host's pool. */
@FunctionalInterface
interface ListeningConnections {
    Connection open() throws SQLException;
}
