package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.InviteCommand;
import dev.chatserver.application.port.in.im.InviteToSession;
import dev.chatserver.domain.account.UserId;
import io.javalin.Javalin;
import jakarta.inject.Inject;

/** {@code add_user}: a member brings another user into a session (what Odoo 8's window does on a drop). */
public final class ImInvitationRoutes implements Routes {
    private final InviteToSession invite;
    private final ImCalls calls;

    @Inject
    public ImInvitationRoutes(InviteToSession invite, Authenticator authenticator, ObjectMapper mapper) {
        this.invite = invite;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(ImSessionRoutes.API + "add_user", calls.handler((p, caller) -> ImPayloads.session(invite.invite(
                new InviteCommand(caller, p.requiredSession("uuid"), UserId.of(p.requiredPositive("user_id")))))));
    }
}
