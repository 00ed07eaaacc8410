package dev.chatserver.adapter.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Listens on the bus's PostgreSQL channel on a connection of its own and wakes the listeners when any node
 * commits a notification. It also wakes them after every reconnect and at least once per {@code catchUpMillis},
 * so that a lost wake-up delays a notification but never loses it: readers always read by id. On the same
 * connection it hears the transient signals ({@link PostgresSignals#CHANNEL}) and hands each to
 * {@code signals}: those are not kept anywhere, so one sent while the connection is down is not heard.
 */
final class PostgresWakeUps implements AutoCloseable {
    static final String CHANNEL = "chat_bus";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWakeUps.class);
    private static final int RECONNECT_PAUSE_MILLIS = 500;

    private final ListeningConnections connections;
    private final PostgresSignals signals;
    private final int catchUpMillis;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Connection connection;

    PostgresWakeUps(ListeningConnections connections, PostgresSignals signals, int catchUpMillis) {
        this.connections = connections;
        this.signals = signals;
        this.catchUpMillis = catchUpMillis;
        this.thread = new Thread(this::listen, "chat-bus-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void onWake(Runnable listener) {
        listeners.add(listener);
    }

    private void listen() {
        while (running) {
            try (Connection listening = connections.open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                    statement.execute("listen " + PostgresSignals.CHANNEL);
                }
                wake();
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(catchUpMillis);
                    if (!running) {
                        return;
                    }
                    // a batch of wake-ups is one read for the listeners; silence is a periodic catch-up
                    if (handOutSignals(notifications)) {
                        wake();
                    }
                    if (notifications == null && !listening.isValid(1)) {
                        throw new SQLException("the listening connection was lost");
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("bus listener lost PostgreSQL ({}); reconnecting", e.getMessage());
                    pauseBeforeReconnecting();
                }
            }
        }
    }

    /** Hands every signal of the batch to {@code signals}; answers whether the listeners should read the log. */
    private boolean handOutSignals(PGNotification[] notifications) {
        if (notifications == null) {
            return true;
        }
        boolean appended = false;
        for (PGNotification notification : notifications) {
            if (PostgresSignals.CHANNEL.equals(notification.getName())) {
                try {
                    signals.heard(notification.getParameter());
                } catch (RuntimeException unreadable) {
                    LOG.error("a signal could not be handed out", unreadable);
                }
            } else {
                appended = true;
            }
        }
        return appended;
    }

    private void wake() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("a bus listener failed", e);
            }
        }
    }

    /** Waits a moment before reconnecting, or not at all once the listener is closed. */
    private void pauseBeforeReconnecting() {
        try {
            closed.await(RECONNECT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        closed.countDown();
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
