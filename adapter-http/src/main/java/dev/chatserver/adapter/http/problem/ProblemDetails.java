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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        ctx.status(status).json(body).contentType(CONTENT_TYPE);
    }
}
