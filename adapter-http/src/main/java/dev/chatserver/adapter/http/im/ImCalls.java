package dev.chatserver.adapter.http.im;

import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.domain.account.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** How every IM route runs: read the JSON-RPC call, find the signed-in user, answer the result in the envelope. */
final class ImCalls {
    static final Map<String, String> SUCCESS = Map.of("status", "success");

    @FunctionalInterface
    interface Call {
        Object answer(RpcParams params, User caller);
    }

    /** A call whose result is ready later, e.g. once a write is durable. */
    @FunctionalInterface
    interface AsyncCall {
        CompletableFuture<?> answer(RpcParams params, User caller);
    }

    private final JsonRpc rpc;
    private final Authenticator authenticator;

    ImCalls(JsonRpc rpc, Authenticator authenticator) {
        this.rpc = rpc;
        this.authenticator = authenticator;
    }

    Handler handler(Call call) {
        return (Context ctx) -> {
            RpcParams params = rpc.read(ctx).params();
            User caller = authenticator.requireUser(ctx);
            rpc.answer(ctx, call.answer(params, caller));
        };
    }

    /** Like {@link #handler}, answering once the call's future completes, its request thread given back meanwhile. */
    Handler asyncHandler(AsyncCall call) {
        return (Context ctx) -> {
            RpcParams params = rpc.read(ctx).params();
            User caller = authenticator.requireUser(ctx);
            CompletableFuture<?> answer = call.answer(params, caller);
            ctx.future(() -> answer.thenAccept(result -> rpc.answer(ctx, result)));
        };
    }
}
