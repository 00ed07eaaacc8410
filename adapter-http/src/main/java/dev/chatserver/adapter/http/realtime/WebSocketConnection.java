package dev.chatserver.adapter.http.realtime;

import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.FeedSink;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The outbound side of one WebSocket: a bounded queue of texts written one at a time without blocking. A
 * client that lets {@code maxPending} texts pile up, or more bytes than its {@link OutboundBudget} account may
 * hold (its own bound, its user's, the node's), has fallen behind and is closed with {@value #FELL_BEHIND}, so
 * a slow or dead client never grows the server's memory; it reconnects and resumes from the last id it saw.
 * Batches go out in frames of about {@link ByteBounds#frameTarget()}; a catch-up takes only the frames there is
 * room for (half the queue, half the socket's bytes) and goes on once the client has read them.
 */
final class WebSocketConnection implements FeedSink {
    static final int FELL_BEHIND = 4000;
    static final String FELL_BEHIND_REASON = "fell behind, resume from your last id";
    /** Odoo's SESSION_EXPIRED: the token was signed out or expired; sign in again before reconnecting. */
    static final int SESSION_EXPIRED = 4001;
    static final String SESSION_EXPIRED_REASON = "session expired: sign in again";

    private final Session session;
    private final NotificationWriter writer;
    private final int maxPending;
    private final ByteBounds bounds;
    private final OutboundBudget.Account account;
    private final Executor background;
    /**
     * Odoo's worker reads every frame as notifications: its connections get no control frames, and, as Odoo's
     * server keeps the position itself once the client has given it, never a notification they were given.
     */
    private final boolean odooDialect;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean writing;
    /** The bytes of the text Jetty is writing: they count until it says it wrote it. */
    private long inFlight;
    private boolean closed;
    /** A catch-up paused for room: tell the feed once the queue has drained. */
    private boolean catchUpWaiting;
    private volatile Feed feed;
    /** What an Odoo connection does when the client's last id is past the retention; null: nothing. */
    private volatile Runnable whenExpired;
    /** The id of the last notification handed to this connection, 0 before any. */
    private volatile long lastDelivered;

    /** {@code holder}: whose socket it is, for the bound per user ({@code Listener.holder()}). */
    WebSocketConnection(Session session, NotificationWriter writer, int maxPending, OutboundBudget budget,
                        String holder, Executor background, boolean odooDialect) {
        this.session = session;
        this.odooDialect = odooDialect;
        this.background = background;
        this.writer = writer;
        this.maxPending = maxPending;
        this.bounds = budget.bounds();
        // Closed on the background thread: the socket whose frame made this one give way holds its own lock.
        this.account = budget.open(holder, reason -> {
            try {
                background.execute(() -> closeWith(FELL_BEHIND, reason));
            } catch (RejectedExecutionException stopping) {
                // the server is stopping: every socket closes anyway
            }
        });
    }

    /** The feed this connection carries; told when a paused catch-up may go on. */
    void attach(Feed feed) {
        this.feed = feed;
    }

    @Override
    public synchronized boolean hasRoom() {
        boolean room = !closed && roomForCatchUp();
        catchUpWaiting = !room && !closed;
        return room;
    }

    /** Catch-up fills at most half the queue and half the socket's bytes, leaving the rest for live notifications. */
    private boolean roomForCatchUp() {
        return pending.size() < Math.max(1, maxPending / 2) && account.held() < bounds.perConnection() / 2;
    }

    @Override
    public void deliver(List<Notification> batch) {
        List<Notification> sent = odooDialect ? newerThanDelivered(batch) : batch;
        if (sent.isEmpty()) {
            return;
        }
        lastDelivered = sent.get(sent.size() - 1).id();
        // A frame at a time: a batch too large for the socket's bytes is never rendered whole.
        for (int from = 0; from < sent.size(); ) {
            NotificationWriter.Frame frame = writer.frame(sent, from, bounds.frameTarget());
            if (!send(frame.text())) {
                return;
            }
            from += frame.count();
        }
    }

    @Override
    public int deliverWhileRoom(List<Notification> batch) {
        List<Notification> sent = odooDialect ? newerThanDelivered(batch) : batch;
        int skipped = batch.size() - sent.size();
        int taken = 0;
        while (taken < sent.size()) {
            NotificationWriter.Frame frame = writer.frame(sent, taken, bounds.frameTarget());
            taken += frame.count();
            lastDelivered = sent.get(taken - 1).id();
            if (!send(frame.text()) || !hasRoom()) {
                break;
            }
        }
        return skipped + taken;
    }

    private List<Notification> newerThanDelivered(List<Notification> batch) {
        long last = lastDelivered;
        return batch.stream().filter(notification -> notification.id() > last).toList();
    }

    /** An Odoo connection cannot be told that its history expired; it runs this instead. */
    void whenExpired(Runnable handler) {
        this.whenExpired = handler;
    }

    long lastDelivered() {
        return lastDelivered;
    }

    @Override
    public void expired(long last) {
        if (odooDialect) {
            // Off the feed's lock: the handler subscribes again.
            Runnable handler = whenExpired;
            if (handler != null) {
                background.execute(handler);
            }
            return;
        }
        send(writer.event("history_expired", Map.of("last", last, "message",
                "notifications after " + last + " are no longer kept: reload the history, then subscribe again with last=0")));
    }

    @Override
    public synchronized void sessionEnded() {
        if (!closed) {
            close(SESSION_EXPIRED, SESSION_EXPIRED_REASON);
        }
    }

    void sendEvent(String eventName, Map<String, Object> data) {
        if (odooDialect) {
            return;
        }
        send(writer.event(eventName, data));
    }

    /** Queues the text; false when the connection is closed, or was closed now for falling behind. */
    synchronized boolean send(String text) {
        if (closed) {
            return false;
        }
        if (pending.size() >= maxPending) {
            close(FELL_BEHIND, FELL_BEHIND_REASON);
            return false;
        }
        if (!account.take(ByteBounds.bytesOf(text))) {
            close(FELL_BEHIND, account.closeReason());
            return false;
        }
        pending.addLast(text);
        writeNext();
        return true;
    }

    /**
     * Called every ping interval: an idle connection is pinged, which keeps it open through proxies and turns
     * a vanished peer into a failed write. A connection whose writes make no progress is closed by the
     * server's idle timeout.
     */
    synchronized void heartbeat() {
        if (closed || writing) {
            return;
        }
        writing = true;
        inFlight = 0;
        try {
            session.getRemote().sendPing(ByteBuffer.allocate(0), new Written());
        } catch (RuntimeException gone) {
            ended();
        }
    }

    /** The socket is gone (closed by either side, or failed): what it held no longer counts. */
    synchronized void forget() {
        ended();
    }

    synchronized boolean isClosed() {
        return closed || !session.isOpen();
    }

    private void writeNext() {
        if (writing || closed || pending.isEmpty()) {
            return;
        }
        writing = true;
        String text = pending.removeFirst();
        inFlight = ByteBounds.bytesOf(text);
        try {
            session.getRemote().sendString(text, new Written());
        } catch (RuntimeException gone) {
            ended();
        }
    }

    /** Nothing more goes out: the queue and what this socket held are released. */
    private void ended() {
        closed = true;
        pending.clear();
        account.close();
    }

    synchronized void closeWith(int code, String reason) {
        if (!closed) {
            close(code, reason);
        }
    }

    private void close(int code, String reason) {
        ended();
        session.close(code, reason);
    }

    private final class Written implements WriteCallback {
        @Override
        public void writeSuccess() {
            boolean resumeCatchUp;
            synchronized (WebSocketConnection.this) {
                writing = false;
                account.release(inFlight);
                inFlight = 0;
                writeNext();
                resumeCatchUp = catchUpWaiting && !closed && roomForCatchUp();
                if (resumeCatchUp) {
                    catchUpWaiting = false;
                }
            }
            // Never under this connection's lock (a write may complete inside another): the feed takes the
            // hub's lock, which is always taken before this one.
            Feed resumed = feed;
            if (resumeCatchUp && resumed != null) {
                background.execute(resumed::drained);
            }
        }

        @Override
        public void writeFailed(Throwable failure) {
            synchronized (WebSocketConnection.this) {
                writing = false;
                inFlight = 0;
                ended();
            }
        }
    }
}
