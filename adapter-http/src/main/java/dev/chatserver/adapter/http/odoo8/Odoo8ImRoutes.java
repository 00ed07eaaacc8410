package dev.chatserver.adapter.http.odoo8;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.domain.account.User;
import dev.chatserver.application.port.in.view.SessionMember;
import dev.chatserver.domain.im.SessionState;
import dev.chatserver.application.port.in.view.SessionView;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import io.javalin.Javalin;
import io.javalin.http.Context;
import dev.chatserver.application.port.in.attachment.ReadAvatar;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The routes Odoo 8's im_chat.js calls besides {@code /im_chat/post} (which the IM API already has):
 * {@code /im_chat/init}, {@code /im_chat/history} and the avatars {@code /im_chat/image/<uuid>/<uid>}.
 */
public final class Odoo8ImRoutes implements Routes {
    private final ReadHistory history;
    private final Odoo8Directory directory;
    private final Authenticator authenticator;
    private final Odoo8Channels channels;
    private final JsonRpc rpc;
    private final ReadAvatar avatars;

    @Inject
    Odoo8ImRoutes(ReadHistory history, Odoo8Directory directory, Authenticator authenticator, Odoo8Settings settings,
                  ObjectMapper mapper, ReadAvatar avatars) {
        this.avatars = avatars;
        this.history = history;
        this.directory = directory;
        this.authenticator = authenticator;
        this.channels = new Odoo8Channels(settings);
        this.rpc = new JsonRpc(mapper);
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/im_chat/init", this::init);
        app.post("/im_chat/history", this::history);
        app.get("/im_chat/image/{uuid}/{user_id}", this::image);
    }

    /**
     * The windows to show at start, as the notifications 8.0 would have sent: every session not closed, and a
     * closed one with unread messages folded (it came back when they arrived).
     */
    private void init(Context ctx) {
        rpc.read(ctx);
        User caller = authenticator.requireUser(ctx);
        List<Object> notifications = new ArrayList<>();
        for (SessionView session : directory.sessionsOf(caller)) {
            if (session.state() != SessionState.CLOSED || !session.isRead()) {
                var shown = Odoo8Shapes.session(session);
                if (session.state() == SessionState.CLOSED) {
                    shown.put("state", SessionState.FOLDED.wireName());
                }
                notifications.add(List.of(channels.sessions(caller.id()), shown));
            }
        }
        rpc.answer(ctx, notifications);
    }

    /** A page of messages, newest first, below {@code last_id}; {@code false} for a session one is not in, as 8.0. */
    private void history(Context ctx) {
        RpcParams params = rpc.read(ctx).params();
        User caller = authenticator.requireUser(ctx);
        Long lastId = lastId(params);
        if (lastId != null && lastId <= 0) {
            throw new InvalidInput("last_id", "last_id is a positive message id");
        }
        HistoryCommand command = new HistoryCommand(caller, params.requiredSession("uuid"),
                lastId == null ? OptionalLong.empty() : OptionalLong.of(lastId), params.optionalLimit("limit"));
        try {
            rpc.answer(ctx, history.history(command).stream().map(Odoo8Shapes::message).toList());
        } catch (NotFound notInIt) {
            rpc.answer(ctx, false);
        }
    }

    /** 8.0 leaves {@code last_id} out (or sends {@code false}) for the newest page. */
    private static Long lastId(RpcParams params) {
        try {
            return params.optionalLong("last_id").orElse(null);
        } catch (InvalidInput notANumber) {
            boolean isFalse;
            try {
                isFalse = !params.optionalBoolean("last_id").orElse(true);
            } catch (InvalidInput notABoolean) {
                throw notANumber;
            }
            if (isFalse) {
                return null;
            }
            throw notANumber;
        }
    }

    private void image(Context ctx) throws java.io.IOException {
        Optional<SessionMember> shown = member(ctx);
        Optional<java.io.InputStream> uploaded = shown.flatMap(member -> avatars.avatarOf(member.id()));
        if (uploaded.isPresent()) {
            // a new upload shows at the next look
            ctx.header("Cache-Control", "private, no-cache");
            try (java.io.InputStream avatar = uploaded.get()) {
                ctx.contentType(ReadAvatar.AVATAR_TYPE).result(avatar.readAllBytes());
            }
            return;
        }
        String svg = shown.map(member -> Odoo8Avatars.of(member.id().value(), member.name()))
                .orElseGet(Odoo8Avatars::blank);
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(Odoo8Avatars.CONTENT_TYPE).result(svg);
    }

    /** The user of the path, when the caller and they are both in the session; like 8.0, anyone else gets the blank. */
    private Optional<SessionMember> member(Context ctx) {
        try {
            User caller = authenticator.requireUser(ctx);
            UUID session = UUID.fromString(ctx.pathParam("uuid"));
            long userId = Long.parseLong(ctx.pathParam("user_id"));
            return directory.sessionByUuid(caller, session).flatMap(found -> found.users().stream()
                    .filter(user -> user.id().value() == userId).findFirst());
        } catch (ChatProblem | IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
