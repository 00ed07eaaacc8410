package dev.chatserver.application.port.in.realtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of real-time delivery.
 *
 * @param pollTimeout     how long a long-poll is held when nothing is new; also the window a client that saw
 *                        nothing yet ({@code last = 0}) gets on its first subscription or poll
 * @param readBatch       at most this many notifications per batch handed to a connection
 * @param outboundBatches a connection with this many batches not yet written has fallen behind and is closed
 * @param pingInterval    how often a WebSocket is pinged
 * @param idleTimeout     a WebSocket whose traffic makes no progress this long is closed
 * @param bytes           what connections may hold in outbound bytes, and the size of frames and poll answers
 */
public record RealtimeSettings(Duration pollTimeout, int readBatch, int outboundBatches, Duration pingInterval,
                               Duration idleTimeout, ByteBounds bytes) {
    public static final RealtimeSettings DEFAULT = new RealtimeSettings(Duration.ofSeconds(50), 500, 256,
            Duration.ofSeconds(25), Duration.ofSeconds(75), ByteBounds.DEFAULT);

    /** With the default byte bounds. */
    public RealtimeSettings(Duration pollTimeout, int readBatch, int outboundBatches, Duration pingInterval,
                            Duration idleTimeout) {
        this(pollTimeout, readBatch, outboundBatches, pingInterval, idleTimeout, ByteBounds.DEFAULT);
    }

    public RealtimeSettings {
        Objects.requireNonNull(bytes, "bytes");
        positive(pollTimeout, "pollTimeout");
        positive(pingInterval, "pingInterval");
        positive(idleTimeout, "idleTimeout");
        if (readBatch < 1 || outboundBatches < 1) {
            throw new IllegalArgumentException("readBatch and outboundBatches must be positive");
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
