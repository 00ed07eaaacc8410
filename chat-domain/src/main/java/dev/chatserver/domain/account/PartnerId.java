package dev.chatserver.domain.account;

public record PartnerId(long value) {
    public PartnerId {
        if (value <= 0) {
            throw new IllegalArgumentException("a partner id is positive: " + value);
        }
    }

    public static PartnerId of(long value) {
        return new PartnerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
