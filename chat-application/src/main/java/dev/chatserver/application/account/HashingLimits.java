package dev.chatserver.application.account;

/** How many password hashes run at once, and how many more sign-ins may wait for one before the rest are turned away. */
public record HashingLimits(int concurrent, int queued) {
    public static final HashingLimits DEFAULT =
            new HashingLimits(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 16);

    public HashingLimits {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one hash runs at a time");
        }
        if (queued < 0) {
            throw new IllegalArgumentException("the queue is zero or longer");
        }
    }
}
