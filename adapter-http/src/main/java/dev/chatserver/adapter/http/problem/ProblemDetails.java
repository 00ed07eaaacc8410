package dev.chatserver.adapter.http.problem;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7807 problem details, the error shape of the REST API under {@code /api/}. */
public final class ProblemDetails {
    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemDetails() {
    }

    public static void answer(Context ctx, int status, String type, String title, String detail, String field) {
        answer(ctx, status, type, title, detail, field, Map.of());
    }

    /** With extension members of this problem type (e.g. the budget a 429 names), after the standard ones. */
    public static void answer(Context ctx, int status, String type, String title, String detail, String field,
                              Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        body.putAll(extensions);
        ctx.status(status).json(body).contentType(CONTENT_TYPE);
    }
}
