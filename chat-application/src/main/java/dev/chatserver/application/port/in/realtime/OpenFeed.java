package dev.chatserver.application.port.in.realtime;

/** Opens a live feed for a connected listener (a WebSocket). */
public interface OpenFeed {
    Feed open(Listener listener, FeedSink sink);
}
