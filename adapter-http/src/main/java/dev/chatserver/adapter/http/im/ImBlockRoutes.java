package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.BlockCommand;
import dev.chatserver.application.port.in.im.BlockUsers;
import dev.chatserver.domain.account.UserId;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code block} and {@code unblock} a user ({@code user_id}), and {@code get_blocked}: each answers
 * {@code {"status":"success","blocked":[user ids]}}, the users the caller now blocks.
 */
public final class ImBlockRoutes implements Routes {
    private final BlockUsers blocking;
    private final ImCalls calls;

    @Inject
    public ImBlockRoutes(BlockUsers blocking, Authenticator authenticator, ObjectMapper mapper) {
        this.blocking = blocking;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(ImSessionRoutes.API + "block", calls.handler((p, caller) -> answer(blocking.block(
                new BlockCommand(caller, UserId.of(p.requiredPositive("user_id")))))));
        app.post(ImSessionRoutes.API + "unblock", calls.handler((p, caller) -> answer(blocking.unblock(
                new BlockCommand(caller, UserId.of(p.requiredPositive("user_id")))))));
        app.post(ImSessionRoutes.API + "get_blocked", calls.handler((p, caller) -> answer(blocking.blocked(caller))));
    }

    private static Map<String, Object> answer(List<UserId> blocked) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("blocked", blocked.stream().map(UserId::value).toList());
        return answer;
    }
}
