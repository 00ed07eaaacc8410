package dev.chatserver.adapter.http;

/** The request body is not JSON, or not the JSON shape the route takes. */
public final class MalformedBody extends RuntimeException {
    public MalformedBody(String message) {
        super(message, null, false, false);
    }
}
