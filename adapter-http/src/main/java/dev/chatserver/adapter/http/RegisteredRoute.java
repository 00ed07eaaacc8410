package dev.chatserver.adapter.http;

/**
 * A route as registered with the server: its method ({@code GET}, {@code POST}, ...; a WebSocket is a
 * {@code GET} upgrade) and its path template as Javalin writes it ({@code /api/v1/chats/{chat_id}}).
 */
public record RegisteredRoute(String method, String path, boolean webSocket) {
}
