package dev.chatserver.adapter.http.auth;

/** A browser page of another origin tried to sign in, or to use the signed-in user's cookie or the host's sign-in. */
final class ForeignOrigin extends RuntimeException {
    ForeignOrigin(String origin) {
        super("pages of the origin " + origin + " may not sign in or use the signed-in session", null, false, false);
    }
}
