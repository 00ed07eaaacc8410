package dev.chatserver.bootstrap.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.kit.ApiClient;

/** What the server made of one request of an attack, read from its answer on a JSON-RPC route. */
enum Outcome {
    /** Done as asked. */
    ACCEPTED,
    /** HTTP 429: a budget or bound refused it (see {@link #isAgreedThrottle}). */
    THROTTLED,
    /** Refused otherwise: a JSON-RPC error below 500, or a result {@code {"status":"error",...}}. */
    REFUSED,
    /** HTTP 5xx: the node failed (or shed load) rather than refusing the client at fault. */
    SERVER_ERROR,
    /** No answer at all: the connection failed or the request timed out. */
    NO_ANSWER;

    static Outcome of(ApiClient.Response response) {
        if (response.status() >= 500) {
            return SERVER_ERROR;
        }
        if (response.status() == 429) {
            return THROTTLED;
        }
        if (response.status() >= 400) {
            return REFUSED;
        }
        JsonNode result = response.result();
        return result != null && "error".equals(result.path("status").asText()) ? REFUSED : ACCEPTED;
    }

    /**
     * Whether a 429 is in the shape every per-user budget answers with: {@code Retry-After} in whole seconds and a
     * JSON-RPC error with code 429, {@code data.name} {@code too_many_requests}, the budget's name and
     * {@code data.retry_after}.
     */
    static boolean isAgreedThrottle(ApiClient.Response response) {
        String retryAfter = response.header("Retry-After");
        if (response.status() != 429 || retryAfter == null || !retryAfter.matches("\\d+")) {
            return false;
        }
        JsonNode error = response.error();
        return error != null && error.path("code").asInt() == 429
                && "too_many_requests".equals(error.path("data").path("name").asText())
                && !error.path("data").path("budget").asText().isBlank()
                && error.path("data").path("retry_after").isNumber();
    }

    /** A short name for a refusal, to count them by kind: the error's name and budget, or the refused field. */
    static String refusalName(ApiClient.Response response) {
        if (!response.raw().body().startsWith("{")) {
            return "http " + response.status();
        }
        JsonNode error = response.error();
        if (error != null) {
            JsonNode data = error.path("data");
            String name = data.path("name").asText(String.valueOf(error.path("code").asInt()));
            return data.hasNonNull("budget") ? name + "/" + data.get("budget").asText() : name;
        }
        JsonNode result = response.result();
        if (result != null && result.has("field")) {
            return "field=" + result.path("field").asText();
        }
        return "http " + response.status();
    }
}
