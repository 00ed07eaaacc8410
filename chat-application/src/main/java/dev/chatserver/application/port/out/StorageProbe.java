package dev.chatserver.application.port.out;

/** Tells which storage is in use and whether it answers right now. */
public interface StorageProbe {
    /** memory, h2 or postgres. */
    String kind();

    boolean answers();
}
