package dev.chatserver.adapter.http.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.account.ChangePasswordCommand;
import dev.chatserver.application.port.in.account.ManageOwnAccount;
import dev.chatserver.application.port.in.account.SetProfileCommand;
import dev.chatserver.domain.account.User;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a signed-in user changes about themself: {@code /web/session/change_password} (every other sign-in of the
 * account ends, the caller's stays) and {@code /im_chat/api/set_profile} (their name).
 */
public final class OwnAccountRoutes implements Routes {
    private final ManageOwnAccount account;
    private final Authenticator authenticator;
    private final JsonRpc rpc;

    @Inject
    public OwnAccountRoutes(ManageOwnAccount account, Authenticator authenticator, ObjectMapper mapper) {
        this.account = account;
        this.authenticator = authenticator;
        this.rpc = new JsonRpc(mapper);
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/web/session/change_password", this::changePassword);
        app.post("/im_chat/api/set_profile", this::setProfile);
    }

    private void changePassword(Context ctx) {
        RpcParams params = rpc.read(ctx).params();
        User caller = authenticator.requireUser(ctx);
        account.changePassword(new ChangePasswordCommand(caller.id(),
                params.requiredString("old_password").toCharArray(), params.requiredString("new_password").toCharArray(),
                Authenticator.tokenOf(ctx).orElse(null)));
        rpc.answer(ctx, Map.of("status", "success"));
    }

    private void setProfile(Context ctx) {
        RpcParams params = rpc.read(ctx).params();
        User caller = authenticator.requireUser(ctx);
        User renamed = account.setProfile(new SetProfileCommand(caller.id(), params.requiredString("name")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uid", renamed.id().value());
        answer.put("partner_id", renamed.partner().id().value());
        answer.put("name", renamed.name());
        rpc.answer(ctx, answer);
    }
}
