package dev.chatserver.domain.account;

public record GroupId(long value) {
    public GroupId {
        if (value <= 0) {
            throw new IllegalArgumentException("a group id is positive: " + value);
        }
    }

    public static GroupId of(long value) {
        return new GroupId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
