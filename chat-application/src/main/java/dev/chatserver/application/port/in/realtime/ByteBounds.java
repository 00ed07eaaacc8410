package dev.chatserver.application.port.in.realtime;

/**
 * What real-time delivery may hold in outbound bytes. A byte is counted as a queued text costs the heap at most:
 * two per UTF-16 char of the rendered JSON (a Java String of Latin-1 text takes one, of other text two).
 *
 * @param perConnection what one WebSocket may have queued and in flight; past it that socket is closed
 * @param perHolder     what all the WebSockets of one user (or backend account) on this node may hold together;
 *                      past it that user's socket holding the most is closed
 * @param perNode       what every WebSocket of this node may hold together; past it the socket holding the most on
 *                      the node is closed, whoever's it is
 * @param frame         a WebSocket frame carries notifications up to about this size, unless a single notification
 *                      is larger (it then goes alone)
 * @param pollAnswer    a long-poll answer carries notifications up to this size, always at least one; the rest comes
 *                      on the next poll
 */
public record ByteBounds(long perConnection, long perHolder, long perNode, long frame, long pollAnswer) {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    /** The node's bound when none is given: an eighth of the largest heap, at most 256 MiB. */
    public static final long NODE_CAP = 256 * MIB;
    public static final long FRAME = 256 * KIB;

    public static final ByteBounds DEFAULT =
            new ByteBounds(4 * MIB, 16 * MIB, nodeDefault(Runtime.getRuntime().maxMemory()), FRAME, MIB);

    public ByteBounds {
        if (perConnection < 1 || perHolder < 1 || perNode < 1 || frame < 1 || pollAnswer < 1) {
            throw new IllegalArgumentException("every byte bound must be positive");
        }
    }

    /** min(256 MiB, maxHeap / 8). */
    public static long nodeDefault(long maxHeap) {
        return Math.min(NODE_CAP, Math.max(1, maxHeap / 8));
    }

    /** The frame size a socket aims for: {@link #frame}, but at most a quarter of what one socket may hold. */
    public long frameTarget() {
        return Math.max(1, Math.min(frame, perConnection / 4));
    }

    /** What a text of this many chars counts for: two bytes per UTF-16 char. */
    public static long bytesOf(CharSequence text) {
        return 2L * text.length();
    }
}
