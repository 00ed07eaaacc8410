package dev.chatserver.adapter.http.problem;

import dev.chatserver.adapter.http.MalformedBody;
import dev.chatserver.adapter.http.chats.ChatFieldNames;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcFieldNames;
import dev.chatserver.domain.problem.AccessDenied;
import dev.chatserver.domain.problem.AlreadyExists;
import dev.chatserver.domain.problem.ChatProblem;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.domain.problem.Refused;
import dev.chatserver.domain.problem.TooLarge;
import dev.chatserver.domain.problem.Unauthenticated;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure into the error shape of the API the request was for: problem details under
 * {@code /api/}, JSON-RPC everywhere else, a problem's field named as that API names it ({@link FieldNames}).
 * Unexpected failures are logged here and answered without detail.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final int PARSE_ERROR = -32700;
    private static final int INTERNAL_ERROR = -32603;
    private static final int OVERLOADED = -32000;
    /** Odoo answers 100 when a call needs a session it does not have. */
    private static final int UNAUTHENTICATED = 100;

    public void addTo(Javalin app) {
        app.exception(MalformedBody.class, (e, ctx) -> {
            if (isRestApi(ctx)) {
                ProblemDetails.answer(ctx, 400, "invalid_payload", "Invalid payload", e.getMessage(), null);
            } else {
                ctx.status(400).json(JsonRpc.errorEnvelope(ctx, PARSE_ERROR, "Parse error", e.getMessage()));
            }
        });
        app.exception(ChatProblem.class, (e, ctx) -> {
            if (isRestApi(ctx)) {
                answerProblem(ctx, e);
            } else {
                answerRpc(ctx, e);
            }
        });
        new RetryLaterResponses().addTo(app);
        app.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            // Javalin names the methods the path has in the details; a 405 says them in Allow
            e.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
            answerHttp(ctx, e);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> answerHttp(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {

            if (isOverloaded(e)) {
                LOG.warn("{} {} answered 503: no database connection was free in time, or the database was lost ({})",
                        ctx.method(), ctx.path(), rootMessage(e));
                ctx.header("Retry-After", "1");
                if (isRestApi(ctx)) {
                    ProblemDetails.answer(ctx, 503, "overloaded", "Overloaded", "the server is busy; retry shortly", null);
                } else {
                    ctx.status(503).json(JsonRpc.errorEnvelope(ctx, OVERLOADED, "Overloaded", "the server is busy; retry shortly"));
                }
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            if (isRestApi(ctx)) {
                ProblemDetails.answer(ctx, 500, "internal_error", "Internal error",
                        "the server could not complete the request", null);
            } else {
                ctx.status(500).json(JsonRpc.errorEnvelope(ctx, INTERNAL_ERROR, "Internal error", null));
            }
        });
    }

    private static void answerHttp(Context ctx, HttpResponseException e) {
        if (isRestApi(ctx)) {
            String type = e.getStatus() == 413 ? "invalid_payload" : "http_" + e.getStatus();
            ProblemDetails.answer(ctx, e.getStatus(), type, e.getMessage(), e.getMessage(), null);
        } else {
            ctx.status(e.getStatus()).json(JsonRpc.errorEnvelope(ctx, e.getStatus(), e.getMessage(), null));
        }
    }

    /**
     * Every pooled connection stayed busy past the pool's timeout, or the database is away (no connection could
     * be made in that time, or the one in use was lost: SQL's class 08, or PostgreSQL stopping or starting,
     * 57P01 to 57P03): the server is overloaded or waiting for its database, not broken, and the same request
     * may work shortly.
     */
    private static boolean isOverloaded(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    public static boolean isRestApi(Context ctx) {
        return dev.chatserver.adapter.http.HttpMount.pathInMount(ctx).startsWith("/api/");
    }

    private static void answerRpc(Context ctx, ChatProblem problem) {
        if (problem instanceof Unauthenticated) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", "unauthenticated");
            data.put("message", problem.getMessage());
            ctx.status(401).json(JsonRpc.errorEnvelope(ctx, UNAUTHENTICATED, "Unauthenticated", data));
            return;
        }
        FieldNames names = RpcFieldNames.NAMES;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "error");
        if (problem.field() != null) {
            result.put("field", names.field(problem));
        }
        result.put("message", names.message(problem));
        ctx.status(problem instanceof TooLarge ? 413 : 200).json(JsonRpc.resultEnvelope(ctx, result));
    }

    /** Each rule that refuses a known caller, in words a person reads. */
    private static String deniedTitle(String kind) {
        return switch (kind) {
            case "banned" -> "Banned from the room";
            case "type_locked" -> "Event type locked";
            default -> "Access denied";
        };
    }

    private static void answerProblem(Context ctx, ChatProblem problem) {
        FieldNames names = ChatFieldNames.NAMES;
        String detail = names.message(problem);
        String field = names.field(problem);
        if (problem instanceof TooLarge) {
            ProblemDetails.answer(ctx, 413, "invalid_payload", "Payload too large", detail, field);
        } else if (problem instanceof InvalidInput) {
            ProblemDetails.answer(ctx, 400, "invalid_payload", "Invalid payload", detail, field);
        } else if (problem instanceof Unauthenticated) {
            ProblemDetails.answer(ctx, 401, "unauthorized", "Unauthorized", detail, null);
        } else if (problem instanceof AccessDenied denied) {
            ProblemDetails.answer(ctx, 403, denied.kind(), deniedTitle(denied.kind()), detail,
                    denied.kind().equals(AccessDenied.DENIED) ? null : field);
        } else if (problem instanceof NotFound notFound) {
            ProblemDetails.answer(ctx, 404, notFound.kind() + "_not_found", "Not found", detail, field);
        } else if (problem instanceof AlreadyExists exists) {
            ProblemDetails.answer(ctx, 409, exists.kind(), "Conflict", detail, field);
        } else if (problem instanceof Refused refused) {
            ProblemDetails.answer(ctx, 422, refused.kind(), "Refused", detail, null);
        } else {
            ProblemDetails.answer(ctx, 400, "invalid_payload", "Invalid payload", detail, field);
        }
    }
}
