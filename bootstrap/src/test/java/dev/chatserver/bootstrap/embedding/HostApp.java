package dev.chatserver.bootstrap.embedding;

import dev.chatserver.bootstrap.ChatCore;
import dev.chatserver.bootstrap.ChatHttp;
import io.javalin.Javalin;

/** The host's own Javalin app, with the chat's HTTP APIs, WebSocket and long-polling under /chat. */
public final class HostApp {
    private HostApp() {
    }

    public static Javalin create(ChatCore chat) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            ChatHttp.configure(config, chat);
        });
        app.get("/", ctx -> ctx.result("the host's own home page"));
        // /chat/web/session/authenticate, /chat/im_chat/post, /chat/api/v1/chats, /chat/websocket, /chat/longpolling/poll, ...
        ChatHttp.mountOn(app, "/chat", chat);
        return app;
    }
}
