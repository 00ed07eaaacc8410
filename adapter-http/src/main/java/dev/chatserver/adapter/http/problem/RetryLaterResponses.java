package dev.chatserver.adapter.http.problem;

import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.domain.problem.Overloaded;
import dev.chatserver.domain.problem.Throttled;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals that end by themselves: {@link Throttled} (429) and {@link Overloaded} (503), each with
 * {@code Retry-After} in whole seconds, in the error shape of the API the request was for.
 */
final class RetryLaterResponses {
    private static final int TOO_MANY_ATTEMPTS = 429;
    private static final int OVERLOADED = -32000;

    void addTo(Javalin app) {
        app.exception(Throttled.class, (e, ctx) -> answer(ctx, 429, TOO_MANY_ATTEMPTS, "too_many_attempts",
                "Too many attempts", e.getMessage(), e.retryAfter()));
        app.exception(Overloaded.class, (e, ctx) -> answer(ctx, 503, OVERLOADED, "overloaded",
                "Overloaded", e.getMessage(), e.retryAfter()));
    }

    private static void answer(Context ctx, int status, int rpcCode, String name, String title, String message,
                               Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        ctx.header("Retry-After", Long.toString(seconds));
        if (ErrorResponses.isRestApi(ctx)) {
            ProblemDetails.answer(ctx, status, name, title, message, null);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("message", message);
        data.put("retry_after", seconds);
        ctx.status(status).json(JsonRpc.errorEnvelope(ctx, rpcCode, title, data));
    }
}
