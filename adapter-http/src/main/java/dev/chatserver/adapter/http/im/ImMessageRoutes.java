package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReadHistory;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.Map;

/** Posting into a session ({@code /im_chat/post}) and reading its history. */
public final class ImMessageRoutes implements Routes {
    private final PostMessage post;
    private final ReadHistory history;
    private final ImCalls calls;

    @Inject
    public ImMessageRoutes(PostMessage post, ReadHistory history, Authenticator authenticator, ObjectMapper mapper) {
        this.post = post;
        this.history = history;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        // answered when the writer has stored it; a typing signal is never stored and has no message id
        app.post("/im_chat/post", calls.asyncHandler((p, caller) -> post.postAsync(PostMessageCommand.of(caller,
                        p.requiredString("uuid"), p.requiredString("message_type"), p.requiredString("message_content"),
                        p.optionalString("client_id").orElse(null)))
                .thenApply(posted -> posted.type().equals("typing") ? Map.of("status", "success")
                        : Map.of("message_id", posted.id()))));
        app.post(ImSessionRoutes.API + "history", calls.handler((p, caller) -> ImPayloads.messages(history.history(
                HistoryCommand.of(caller, p.requiredString("uuid"), HistoryStart.of(p).orElse(null),
                        p.optionalLong("limit").orElse(null))))));
    }
}
