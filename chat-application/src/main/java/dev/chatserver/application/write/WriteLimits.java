package dev.chatserver.application.write;

/**
 * How many writes may wait for the writer ({@code queued}) and how many bytes they may hold together
 * ({@code queuedBytes}: the texts they carry, counted until each is answered); past either a write is refused as
 * overloaded. {@code batch}: how many of those one unit of work takes at most.
 */
public record WriteLimits(int queued, int batch, long queuedBytes) {
    public static final long DEFAULT_QUEUED_BYTES = 64L * 1024 * 1024;
    public static final WriteLimits DEFAULT = new WriteLimits(4096, 512, DEFAULT_QUEUED_BYTES);

    public WriteLimits {
        if (queued < 1) {
            throw new IllegalArgumentException("at least one write may wait");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a unit of work takes at least one write");
        }
        if (queuedBytes < 1) {
            throw new IllegalArgumentException("the writes waiting may hold at least one byte");
        }
    }

    public WriteLimits(int queued, int batch) {
        this(queued, batch, DEFAULT_QUEUED_BYTES);
    }
}
