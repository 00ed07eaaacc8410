package dev.chatserver.adapter.http.realtime;

import dev.chatserver.application.port.in.realtime.ByteBounds;
import dev.chatserver.application.port.in.realtime.RealtimeSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The outbound bytes this node's WebSockets hold (queued, and the frame Jetty is writing until it says it wrote
 * it), bounded per socket, per user (or backend account) and for the node ({@link ByteBounds}). A frame that
 * would take a socket past its own bound closes that socket; past the user's bound, the socket of that user
 * holding the most is closed; past the node's, the socket holding the most on the node, whoever's it is. A
 * closed socket's bytes are released at once. A socket that holds nothing always takes its next frame, however
 * large, so that a notification larger than a bound still reaches a client that reads.
 *
 * <p>One lock for the node's counts: taking and releasing a frame is a few additions under it.
 */
@Singleton
public final class OutboundBudget {
    static final String OWN_BOUND = "fell behind (socket bytes), resume from your last id";
    static final String USER_BOUND = "fell behind (user bytes), resume from your last id";
    static final String NODE_BOUND = "fell behind (server bytes), resume from your last id";

    private final ByteBounds bounds;
    /** The open sockets' accounts: bounded by the WebSockets open on this node. */
    private final Set<Account> accounts = new LinkedHashSet<>();
    /** Per holder with a socket open on this node; a holder leaves with its last socket. */
    private final Map<String, Holder> holders = new HashMap<>();
    private long held;
    private long closedForBytes;

    @Inject
    public OutboundBudget(RealtimeSettings settings) {
        this(settings.bytes());
    }

    OutboundBudget(ByteBounds bounds) {
        this.bounds = bounds;
    }

    ByteBounds bounds() {
        return bounds;
    }

    /**
     * The account of a new socket of {@code holder}. {@code evicted} is told (on the caller's thread, holding no
     * lock of this budget) the reason when another socket's frame made this one give way; it must close the
     * socket without blocking or taking locks another socket may hold while it takes a frame.
     */
    public synchronized Account open(String holder, Consumer<String> evicted) {
        Account account = new Account(holders.computeIfAbsent(holder, Holder::new), evicted);
        account.holder.accounts.add(account);
        accounts.add(account);
        return account;
    }

    /** The outbound bytes every socket of this node holds now. */
    public synchronized long held() {
        return held;
    }

    /** How many sockets were closed for holding too many bytes since the start. */
    public synchronized long closedForBytes() {
        return closedForBytes;
    }

    private static final class Holder {
        final String name;
        /** Its open sockets' accounts: at most the WebSockets one holder may open on a node. */
        final Set<Account> accounts = new LinkedHashSet<>();
        long held;

        Holder(String name) {
            this.name = name;
        }
    }

    /** One socket's share: what it holds, and whether it still may take frames. */
    public final class Account {
        private final Holder holder;
        private final Consumer<String> evicted;
        private long held;
        private boolean closed;
        private String closeReason;

        private Account(Holder holder, Consumer<String> evicted) {
            this.holder = holder;
            this.evicted = evicted;
        }

        /**
         * Counts a frame of {@code bytes} as held by this socket, or answers false when it may not take it: this
         * socket was closed to stay within a bound (then {@link #closeReason()} says which).
         */
        public boolean take(long bytes) {
            List<Account> othersClosed = new ArrayList<>(0);
            try {
                synchronized (OutboundBudget.this) {
                    return takeHolding(bytes, othersClosed);
                }
            } finally {
                othersClosed.forEach(other -> other.evicted.accept(other.closeReason));
            }
        }

        private boolean takeHolding(long bytes, List<Account> othersClosed) {
            if (closed) {
                return false;
            }
            if (held > 0 && held + bytes > bounds.perConnection()) {
                evict(this, OWN_BOUND);
                return false;
            }
            // Each pass closes a socket that holds something, so both loops end.
            while (holder.held > 0 && holder.held + bytes > bounds.perHolder()) {
                if (!evictLargest(holder.accounts, USER_BOUND, othersClosed)) {
                    return false;
                }
            }
            while (OutboundBudget.this.held > 0 && OutboundBudget.this.held + bytes > bounds.perNode()) {
                if (!evictLargest(accounts, NODE_BOUND, othersClosed)) {
                    return false;
                }
            }
            held += bytes;
            holder.held += bytes;
            OutboundBudget.this.held += bytes;
            return true;
        }

        /** Closes the socket holding the most among {@code among}; false when that is this one. */
        private boolean evictLargest(Set<Account> among, String reason, List<Account> othersClosed) {
            Account largest = largestOf(among);
            evict(largest, reason);
            if (largest == this) {
                return false;
            }
            othersClosed.add(largest);
            return true;
        }

        /** The frame of {@code bytes} was written, or dropped: it no longer counts. Nothing after a close. */
        public void release(long bytes) {
            synchronized (OutboundBudget.this) {
                if (closed) {
                    return;
                }
                long released = Math.min(bytes, held);
                held -= released;
                holder.held -= released;
                OutboundBudget.this.held -= released;
            }
        }

        /** The socket closed: what it held is released and it takes nothing more. */
        public void close() {
            synchronized (OutboundBudget.this) {
                end(this);
            }
        }

        public long held() {
            synchronized (OutboundBudget.this) {
                return held;
            }
        }

        /** Which bound closed this socket; null while open or when it closed for another reason. */
        public String closeReason() {
            synchronized (OutboundBudget.this) {
                return closeReason;
            }
        }
    }

    private void evict(Account account, String reason) {
        account.closeReason = reason;
        closedForBytes++;
        end(account);
    }

    private void end(Account account) {
        if (account.closed) {
            return;
        }
        account.closed = true;
        account.holder.held -= account.held;
        held -= account.held;
        account.held = 0;
        account.holder.accounts.remove(account);
        accounts.remove(account);
        if (account.holder.accounts.isEmpty()) {
            holders.remove(account.holder.name);
        }
    }

    private static Account largestOf(Set<Account> accounts) {
        Account largest = null;
        for (Account account : accounts) {
            if (largest == null || account.held > largest.held) {
                largest = account;
            }
        }
        return largest;
    }
}
