package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.HttpMount;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

/**
 * The chat's HTTP face (IM and Chats routes, WebSocket, long-polling) inside the host's own Javalin app, under a
 * path prefix. Two steps, as Javalin wants them: {@link #configure} in the host's {@code Javalin.create}, then
 * {@link #mountOn} before the host starts the app. The host starts and stops the server; {@link ChatCore#close}
 * after it has stopped.
 */
public final class ChatHttp {
    private ChatHttp() {
    }

    /** The chat's JSON mapping (plain Jackson with the chat's serializers) and its request body limit. */
    public static void configure(JavalinConfig config, ChatCore core) {
        HttpMount.configure(config, core.objectMapper(), core.settings().http().maxBodySize());
    }

    /** Every route of the chat under {@code prefix} (e.g. {@code /chat}): {@code /chat/im_chat/post}, {@code /chat/websocket}, ... */
    public static void mountOn(Javalin app, String prefix, ChatCore core) {
        HttpMount.mount(app, prefix, core.routes(), core.objectMapper());
    }
}
