package dev.chatserver.application.port.out;

/** One storage backend (memory, h2, postgres) with all the outgoing ports it provides. */
public interface Storage extends AutoCloseable {
    StoragePorts ports();

    @Override
    void close();
}
