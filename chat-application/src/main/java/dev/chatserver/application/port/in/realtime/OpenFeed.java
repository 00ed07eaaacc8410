package dev.chatserver.application.port.in.realtime;

import dev.chatserver.domain.account.UserId;

/** Opens a live feed for a connected user (a WebSocket). */
public interface OpenFeed {
    Feed open(UserId user, FeedSink sink);
}
