package dev.chatserver.adapter.http.odoo8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.UUID;

/**
 * One {@code /web/dataset/call_kw} call: {@code {"model":..,"method":..,"args":[..],"kwargs":{..}}}. A method's
 * parameter is read from {@code kwargs} by name, else from {@code args} by position, as Python passes them.
 */
record Odoo8Call(String model, String method, JsonNode args, JsonNode kwargs) {
    static Odoo8Call of(JsonNode params) {
        String model = text(params, "model");
        String method = text(params, "method");
        JsonNode args = params.path("args");
        if (args.isMissingNode() || args.isNull()) {
            args = JsonNodeFactory.instance.arrayNode();
        } else if (!args.isArray()) {
            throw new InvalidInput("args", "args is a list");
        }
        JsonNode kwargs = params.path("kwargs");
        if (kwargs.isMissingNode() || kwargs.isNull()) {
            kwargs = JsonNodeFactory.instance.objectNode();
        } else if (!kwargs.isObject()) {
            throw new InvalidInput("kwargs", "kwargs is an object");
        }
        return new Odoo8Call(model, method, args, kwargs);
    }

    private static String text(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidInput(field, field + " is required");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidInput(field, field + " must be a non-empty string");
        }
        return value.textValue();
    }

    /** The parameter {@code name}, or at {@code position} in args; missing (or null) when given neither way. */
    JsonNode parameter(String name, int position) {
        JsonNode named = kwargs.get(name);
        if (named != null) {
            return named;
        }
        JsonNode positional = args.get(position);
        return positional == null ? JsonNodeFactory.instance.missingNode() : positional;
    }

    long requiredId(String name, int position) {
        JsonNode value = parameter(name, position);
        if (value.isArray() && value.size() == 1) {
            value = value.get(0); // Odoo accepts one id or a list of one
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new InvalidInput(name, name + " is a positive id");
        }
        return value.longValue();
    }

    /** A string, or {@code null} when absent, null or {@code false} (Python's "no value"). */
    String optionalString(String name, int position) {
        JsonNode value = parameter(name, position);
        if (value.isMissingNode() || value.isNull() || (value.isBoolean() && !value.booleanValue())) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInput(name, name + " must be a string");
        }
        return value.textValue();
    }

    UUID requiredUuid(String name, int position) {
        String text = requiredString(name, position);
        try {
            UUID uuid = UUID.fromString(text);
            if (uuid.toString().equalsIgnoreCase(text)) {
                return uuid;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below, naming the parameter
        }
        throw new InvalidInput(name, name + " is a session uuid such as 6f1c1a2e-7d4b-4f53-9a51-2b1e4f0c9d11");
    }

    String requiredString(String name, int position) {
        String value = optionalString(name, position);
        if (value == null) {
            throw new InvalidInput(name, name + " is required");
        }
        return value;
    }
}
