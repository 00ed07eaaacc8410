package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.ChangeMessage;
import dev.chatserver.application.port.in.im.DeleteMessageCommand;
import dev.chatserver.application.port.in.im.EditMessageCommand;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReactCommand;
import dev.chatserver.application.port.in.im.ReactToMessage;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.out.notification.event.ReactionToggled;
import dev.chatserver.domain.im.Emoji;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.MessageType;
import dev.chatserver.domain.im.PostDraft;
import dev.chatserver.domain.account.User;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** Posting into a session ({@code /im_chat/post}), reading its history, editing, deleting and reacting to messages. */
public final class ImMessageRoutes implements Routes {
    private final PostMessage post;
    private final ReadHistory history;
    private final ChangeMessage change;
    private final ReactToMessage react;
    private final ImCalls calls;

    @Inject
    public ImMessageRoutes(PostMessage post, ReadHistory history, ChangeMessage change, ReactToMessage react,
                           Authenticator authenticator, ObjectMapper mapper) {
        this.post = post;
        this.history = history;
        this.change = change;
        this.react = react;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    /** A file post's content is an optional caption; every other post says something. */
    private static PostDraft draftOf(RpcParams p, User caller) {
        MessageType type = new MessageType(p.requiredString("message_type"));
        String content = type.equals(PostDraft.ATTACHMENT) ? p.optionalString("message_content").orElse("")
                : p.requiredString("message_content");
        return new PostDraft(caller.id(), type, content, p.optionalAttachmentIds("attachment_ids"),
                p.optionalPositive("reply_to_id"));
    }

    @Override
    public void addTo(Javalin app) {
        // answered when the writer has stored it; a typing signal is never stored and has no message id
        // the draft built whole, so that a component added to it leads here, to the parameter that sets it
        app.post("/im_chat/post", calls.asyncHandler((p, caller) -> post.postAsync(new PostMessageCommand(caller,
                        p.requiredSession("uuid"), draftOf(p, caller),
                        p.optionalString("client_id").orElse(null)))
                .thenApply(posted -> posted.type().equals("typing") ? Map.of("status", "success")
                        : Map.of("message_id", posted.id()))));
        app.post(ImSessionRoutes.API + "history", calls.handler((p, caller) -> ImPayloads.messages(history.history(
                new HistoryCommand(caller, p.requiredSession("uuid"), HistoryStart.of(p), p.optionalLimit("limit"))))));
        app.post(ImSessionRoutes.API + "edit_message", calls.handler((p, caller) -> {
            ImMessage edited = change.edit(new EditMessageCommand(caller, p.requiredPositive("message_id"),
                    p.requiredString("message_content")));
            return ordered("status", "success", "message_id", edited.id(),
                    "edit_date", ImPayloads.datetime(edited.editDate().orElseThrow()),
                    "mentions", edited.mentions().stream().map(UserId::value).toList());
        }));
        app.post(ImSessionRoutes.API + "delete_message", calls.handler((p, caller) -> {
            ImMessage tombstone = change.delete(new DeleteMessageCommand(caller, p.requiredPositive("message_id")));
            return ordered("status", "success", "message_id", tombstone.id());
        }));
        app.post(ImSessionRoutes.API + "react", calls.handler((p, caller) -> {
            ReactionToggled toggled = react.react(new ReactCommand(caller, p.requiredPositive("message_id"),
                    new Emoji(p.requiredString("emoji"))));
            return ordered("status", "success", "message_id", toggled.messageId(), "emoji", toggled.emoji(),
                    "reacted", toggled.reacted(), "count", toggled.count());
        }));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
