package dev.chatserver.application.write;

/**
 * How many writes may wait for the writer ({@code queued}; past that a write is refused as overloaded) and how
 * many of those one unit of work takes at most ({@code batch}).
 */
public record WriteLimits(int queued, int batch) {
    public static final WriteLimits DEFAULT = new WriteLimits(4096, 512);

    public WriteLimits {
        if (queued < 1) {
            throw new IllegalArgumentException("at least one write may wait");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a unit of work takes at least one write");
        }
    }
}
