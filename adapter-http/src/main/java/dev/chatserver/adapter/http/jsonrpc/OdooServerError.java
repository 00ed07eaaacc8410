package dev.chatserver.adapter.http.jsonrpc;

import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.NotFound;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal answered as Odoo's server answers a call that raised: HTTP 200 with the JSON-RPC {@code error}
 * {@code {"code":200,"message":"Odoo Server Error","data":{"name","message","arguments","exception_type",...}}}.
 * Odoo's web client reads {@code data.arguments[0]} of every error, so it is always there. {@code data.field}
 * names the parameter that was refused; {@code debug}, where Odoo puts its traceback, stays empty.
 */
public final class OdooServerError {
    public static final int CODE = 200;
    public static final String MESSAGE = "Odoo Server Error";

    private OdooServerError() {
    }

    /** Answers the refusal; {@code field} is named when the problem itself names none (e.g. a forbidden channel). */
    public static void answer(Context ctx, ChatProblem problem, String field) {
        ctx.status(200).json(JsonRpc.errorEnvelope(ctx, CODE, MESSAGE, data(problem, field)));
    }

    static Map<String, Object> data(ChatProblem problem, String field) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", exceptionName(problem));
        data.put("message", problem.getMessage());
        data.put("arguments", List.of(problem.getMessage()));
        data.put("exception_type", exceptionType(problem));
        data.put("context", Map.of());
        data.put("debug", "");
        data.put("field", problem.field() != null ? problem.field() : field);
        return data;
    }

    private static String exceptionName(ChatProblem problem) {
        if (problem instanceof AccessDenied) {
            return "odoo.exceptions.AccessError";
        }
        if (problem instanceof NotFound) {
            return "odoo.exceptions.MissingError";
        }
        return "odoo.exceptions.UserError";
    }

    private static String exceptionType(ChatProblem problem) {
        if (problem instanceof AccessDenied) {
            return "access_error";
        }
        if (problem instanceof NotFound) {
            return "missing_error";
        }
        return "user_error";
    }
}
