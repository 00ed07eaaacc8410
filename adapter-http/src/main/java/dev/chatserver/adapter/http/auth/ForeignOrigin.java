package dev.chatserver.adapter.http.auth;

/** A browser page of another origin tried to use the signed-in user's cookie. */
final class ForeignOrigin extends RuntimeException {
    ForeignOrigin(String origin) {
        super("requests from the origin " + origin + " may not use the session cookie", null, false, false);
    }
}
