package dev.chatserver.adapter.http.metrics;

/** Told of every HTTP request once it is answered, by the route's template (never the raw path). */
@FunctionalInterface
public interface RequestMeter {
    RequestMeter NONE = (method, route, status, nanos) -> { };

    void answered(String method, String route, int status, long nanos);
}
