package dev.chatserver.adapter.http;

import io.javalin.Javalin;

/** One area's routes (accounts, IM, chats, real-time): each adds its own handlers to the server. */
public interface Routes {
    void addTo(Javalin app);
}
