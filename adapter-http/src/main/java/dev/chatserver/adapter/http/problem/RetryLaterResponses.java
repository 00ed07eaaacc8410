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
 * {@code Retry-After} in whole seconds (rounded up: retrying sooner would be refused again), in the error shape
 * of the API the request was for. A spent per-user budget is {@code too_many_requests} naming the budget; failed
 * sign-ins are {@code too_many_attempts}.
 */
final class RetryLaterResponses {
    private static final int TOO_MANY = 429;
    private static final int OVERLOADED = -32000;

    void addTo(Javalin app) {
        app.exception(Throttled.class, (e, ctx) -> {
            if (e.budget().isPresent()) {
                answer(ctx, 429, TOO_MANY, "too_many_requests", "Too many requests", e.getMessage(), e.retryAfter(),
                        e.budget().get());
            } else {
                answer(ctx, 429, TOO_MANY, "too_many_attempts", "Too many attempts", e.getMessage(), e.retryAfter(),
                        null);
            }
        });
        app.exception(Overloaded.class, (e, ctx) -> answer(ctx, 503, OVERLOADED, "overloaded",
                "Overloaded", e.getMessage(), e.retryAfter(), null));
    }

    private static void answer(Context ctx, int status, int rpcCode, String name, String title, String message,
                               Duration retryAfter, String budget) {
        long seconds = Math.max(1, wholeSecondsUp(retryAfter));
        ctx.header("Retry-After", Long.toString(seconds));
        if (ErrorResponses.isRestApi(ctx)) {
            Map<String, Object> extra = new LinkedHashMap<>();
            if (budget != null) {
                extra.put("budget", budget);
                extra.put("retry_after", seconds);
            }
            ProblemDetails.answer(ctx, status, name, title, message, null, extra);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("message", message);
        if (budget != null) {
            data.put("budget", budget);
        }
        data.put("retry_after", seconds);
        ctx.status(status).json(JsonRpc.errorEnvelope(ctx, rpcCode, title, data));
    }

    private static long wholeSecondsUp(Duration duration) {
        return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    }
}
