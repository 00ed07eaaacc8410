package dev.chatserver.application.realtime;

import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.out.SignInTokens;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Ends the connections of a sign-in token that no longer holds. A sign-out on this node ends them at once; one on
 * another node, or the token's expiry, is found by {@link #endLapsedSessions()}, which the node runs every token
 * trust window, so that an open connection outlives its token no longer than a request on a trusting node would.
 * The subscriber is dropped under the registry's lock before its sink is told, so nothing reaches it afterwards.
 */
public final class EndConnectionsService implements EndConnections {
    static final String SESSION_ENDED = "the session ended (signed out or expired): sign in again";

    private final OpenConnections connections;
    private final ChannelRegistry registry;
    private final SignInTokens tokens;
    private final Clock clock;

    @Inject
    public EndConnectionsService(OpenConnections connections, ChannelRegistry registry, SignInTokens tokens,
                                 Clock clock) {
        this.connections = connections;
        this.registry = registry;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void sessionEnded(String tokenHash) {
        connections.ended(tokenHash);
        endConnectionsOf(tokenHash);
    }

    @Override
    public void endLapsedSessions() {
        connections.swept();
        Set<String> open = connections.tokenHashes();
        if (open.isEmpty()) {
            return;
        }
        Set<String> lapsed = new HashSet<>(open);
        lapsed.removeAll(tokens.liveAmong(open, clock.instant()));
        lapsed.forEach(this::endConnectionsOf);
    }

    private void endConnectionsOf(String tokenHash) {
        connections.ofToken(tokenHash).forEach(this::end);
    }

    private void end(Subscriber subscriber) {
        synchronized (registry) {
            subscriber.dropped = true;
            registry.unregister(subscriber);
        }
        connections.remove(subscriber);
        try {
            subscriber.sink.sessionEnded();
        } catch (RuntimeException alreadyGone) {
            // the connection broke by itself: it is ended either way
        }
    }
}
