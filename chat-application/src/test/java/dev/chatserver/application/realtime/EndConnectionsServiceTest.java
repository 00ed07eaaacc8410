package dev.chatserver.application.realtime;

import dev.chatserver.application.port.out.Meters;
import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.application.port.in.realtime.ConnectionLimits;
import dev.chatserver.application.port.in.realtime.FeedSink;
import dev.chatserver.application.port.in.realtime.Listener;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.application.port.out.notification.Notification;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.Unauthenticated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which connections end when a token ends, and which do not; the HTTP tests show what the client then sees. */
class EndConnectionsServiceTest {
    private static final UserId LYNX = UserId.of(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final LiveTokens tokens = new LiveTokens();
    private final OpenConnections connections = new OpenConnections(ConnectionLimits.DEFAULT);
    private final ChannelRegistry registry = new ChannelRegistry();
    private final EndConnectionsService ending = new EndConnectionsService(connections, registry, tokens, clock);

    /** The token store, reduced to which hashes are live. */
    private static final class LiveTokens implements SignInTokens {
        final Set<String> live = new HashSet<>();

        @Override
        public void store(String tokenHash, UserId user, Instant expiresAt) {
            live.add(tokenHash);
        }

        @Override
        public Optional<UserId> holder(String tokenHash, Instant now) {
            return live.contains(tokenHash) ? Optional.of(LYNX) : Optional.empty();
        }

        @Override
        public void revoke(String tokenHash) {
            live.remove(tokenHash);
        }

        @Override
        public Set<String> revokeAllOf(UserId user, String kept) {
            Set<String> revoked = new HashSet<>(live);
            revoked.remove(kept);
            live.removeAll(revoked);
            return revoked;
        }

        @Override
        public Set<String> liveAmong(Collection<String> tokenHashes, Instant now) {
            return tokenHashes.stream().filter(live::contains).collect(Collectors.toSet());
        }

        @Override
        public int removeExpired(Instant now) {
            return 0;
        }
    }

    private static final class EndingSink implements FeedSink {
        boolean ended;

        @Override
        public void deliver(List<Notification> batch) {
        }

        @Override
        public void expired(long last) {
        }

        @Override
        public boolean hasRoom() {
            return true;
        }

        @Override
        public void sessionEnded() {
            ended = true;
        }
    }

    private Subscriber openFeed(String tokenHash, EndingSink sink) {
        tokens.live.add(tokenHash);
        Subscriber feed = new Subscriber(Listener.ofUser(LYNX, new AccountId("lynx", "usr.localhost")).signedInWith(tokenHash), sink, false, Meters.NONE);
        connections.openFeed(feed);
        return feed;
    }

    @Test
    void a_sign_out_ends_that_tokens_connections_only() {
        EndingSink leaving = new EndingSink();
        EndingSink staying = new EndingSink();
        Subscriber gone = openFeed("a", leaving);
        openFeed("b", staying);

        tokens.revoke("a");
        ending.sessionEnded("a");

        assertThat(leaving.ended).isTrue();
        assertThat(gone.dropped).isTrue();
        assertThat(staying.ended).isFalse();
        assertThat(connections.openFeedsOf("user:1")).isEqualTo(1);
    }

    @Test
    void the_sweep_ends_the_connections_of_tokens_the_store_no_longer_holds() {
        EndingSink revokedElsewhere = new EndingSink();
        EndingSink live = new EndingSink();
        openFeed("a", revokedElsewhere);
        openFeed("b", live);

        tokens.revoke("a");
        ending.endLapsedSessions();

        assertThat(revokedElsewhere.ended).isTrue();
        assertThat(live.ended).isFalse();
    }

    @Test
    void a_connection_authenticated_before_a_sign_out_here_but_opened_after_it_is_refused() {
        tokens.revoke("a");
        ending.sessionEnded("a");

        assertThatThrownBy(() -> openFeed("a", new EndingSink())).isInstanceOf(Unauthenticated.class);
        ending.endLapsedSessions();
        assertThatThrownBy(() -> openFeed("a", new EndingSink())).isInstanceOf(Unauthenticated.class);
        ending.endLapsedSessions();
        // forgotten after two sweeps: a connection opened by then was authenticated after the sign-out, which the
        // token check refuses, or it is found by the next sweep like any other
        EndingSink late = new EndingSink();
        openFeed("a", late);
        tokens.revoke("a");
        ending.endLapsedSessions();
        assertThat(late.ended).isTrue();
    }
}
