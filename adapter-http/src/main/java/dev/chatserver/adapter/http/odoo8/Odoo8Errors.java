package dev.chatserver.adapter.http.odoo8;

import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-RPC error Odoo 8 answers for a model method it does not have (code 200, "Odoo Server Error"). */
final class Odoo8Errors {
    private static final int SERVER_ERROR = 200;

    private Odoo8Errors() {
    }

    static Map<String, Object> noSuchMethod(Context ctx, String model, String method) {
        String message = "'" + model + "' object has no attribute '" + method + "'";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "exceptions.AttributeError");
        data.put("debug", "");
        data.put("message", message);
        data.put("arguments", List.of(message));
        data.put("exception_type", "internal_error");
        return JsonRpc.errorEnvelope(ctx, SERVER_ERROR, "Odoo Server Error", data);
    }
}
