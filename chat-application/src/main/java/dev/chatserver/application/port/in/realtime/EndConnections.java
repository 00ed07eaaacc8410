package dev.chatserver.application.port.in.realtime;

/**
 * Ends the connections (WebSockets, held long-polls) whose sign-in token no longer holds: a WebSocket is closed
 * with code 4001, a held poll is answered as unauthenticated, and neither gets anything more.
 */
public interface EndConnections {
    /** The token was signed out on this node: its connections here end at once. */
    void sessionEnded(String tokenHash);

    /**
     * Asks the token store, in one read, which tokens of this node's open connections still hold, and ends the
     * connections of those signed out elsewhere or expired. Run periodically, within the token trust window.
     */
    void endLapsedSessions();
}
