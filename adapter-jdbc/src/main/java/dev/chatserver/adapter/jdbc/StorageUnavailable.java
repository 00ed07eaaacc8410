package dev.chatserver.adapter.jdbc;

/** The database cannot be reached or prepared; the message says why in one line. */
public final class StorageUnavailable extends RuntimeException {
    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
