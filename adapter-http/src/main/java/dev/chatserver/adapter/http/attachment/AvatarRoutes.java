package dev.chatserver.adapter.http.attachment;

import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.application.port.in.attachment.SetAvatar;
import dev.chatserver.application.port.in.attachment.SetAvatarCommand;
import dev.chatserver.domain.account.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;

import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /im_chat/api/set_avatar}: the signed-in user's own avatar, the multipart field {@code file}; then
 * {@code /im_chat/image/<uuid>/<uid>} serves it to the members of their sessions.
 */
public final class AvatarRoutes implements Routes {
    private final SetAvatar avatars;
    private final Authenticator authenticator;

    @Inject
    public AvatarRoutes(SetAvatar avatars, Authenticator authenticator) {
        this.avatars = avatars;
        this.authenticator = authenticator;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/im_chat/api/set_avatar", this::setAvatar);
    }

    private void setAvatar(Context ctx) throws Exception {
        User caller = authenticator.requireUser(ctx);
        Part file = MultipartUpload.of(ctx, SetAvatarCommand.MAX_BYTES).file("file");
        try (InputStream content = file.getInputStream()) {
            avatars.setAvatar(new SetAvatarCommand(caller.id(), content));
        } finally {
            file.delete();
        }
        ctx.json(Map.of("status", "success", "uid", caller.id().value()));
    }
}
