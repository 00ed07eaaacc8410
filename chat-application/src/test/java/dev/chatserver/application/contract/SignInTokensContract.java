package dev.chatserver.application.contract;

import dev.chatserver.application.account.HashingLimits;
import dev.chatserver.application.account.SignInPolicy;
import dev.chatserver.application.account.SignInThrottling;
import dev.chatserver.application.account.SignInService;
import dev.chatserver.application.port.in.account.SignInCommand;
import dev.chatserver.application.port.in.realtime.EndConnections;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.domain.problem.Unauthenticated;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public abstract class SignInTokensContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final PlainPasswordHasher HASHER = new PlainPasswordHasher();
    private final MutableClock clock = new MutableClock(NOW);
    private static final EndConnections NO_CONNECTIONS = new EndConnections() {
        @Override
        public void sessionEnded(String tokenHash) {
        }

        @Override
        public void endLapsedSessions() {
        }
    };
    private UserId lynx;

    @BeforeEach
    void registerUser() {
        lynx = ports().accounts().register(new NewUser(new Login("lynx"), "Lucid Lynx", ""),
                HASHER.hash("lynx-password".toCharArray())).id();
    }

    private SignInService signIn(Duration trust) {
        return new SignInService(ports().users(), ports().accounts(), ports().signInTokens(),
                HASHER, new SignInPolicy(Duration.ofHours(1), trust), clock, ports().signInFailures(),
                SignInThrottling.DEFAULT, HashingLimits.DEFAULT, NO_CONNECTIONS, ports().standings());
    }

    @Test
    void a_stored_token_names_its_holder_until_it_expires() {
        SignInTokens tokens = ports().signInTokens();
        tokens.store("a".repeat(64), lynx, NOW.plusSeconds(60));

        assertThat(tokens.holder("a".repeat(64), NOW)).contains(lynx);
        assertThat(tokens.holder("a".repeat(64), NOW.plusSeconds(60))).isEmpty();
        assertThat(tokens.holder("b".repeat(64), NOW)).isEmpty();
    }

    @Test
    void a_revoked_token_names_nobody() {
        SignInTokens tokens = ports().signInTokens();
        tokens.store("a".repeat(64), lynx, NOW.plusSeconds(60));
        tokens.store("c".repeat(64), lynx, NOW.plusSeconds(60));

        tokens.revoke("a".repeat(64));

        assertThat(tokens.holder("a".repeat(64), NOW)).isEmpty();
        assertThat(tokens.holder("c".repeat(64), NOW)).contains(lynx);
    }

    @Test
    void of_many_token_hashes_only_the_stored_unexpired_ones_are_live() {
        SignInTokens tokens = ports().signInTokens();
        tokens.store("a".repeat(64), lynx, NOW.plusSeconds(60));
        tokens.store("b".repeat(64), lynx, NOW.plusSeconds(60));
        tokens.store("c".repeat(64), lynx, NOW.plusSeconds(1));
        tokens.revoke("b".repeat(64));
        List<String> asked = new ArrayList<>(List.of("a".repeat(64), "b".repeat(64), "c".repeat(64)));
        IntStream.range(0, 2_500).forEach(n -> asked.add(String.format("%064x", n)));

        assertThat(tokens.liveAmong(asked, NOW)).containsExactlyInAnyOrder("a".repeat(64), "c".repeat(64));
        assertThat(tokens.liveAmong(asked, NOW.plusSeconds(1))).containsExactly("a".repeat(64));
        assertThat(tokens.liveAmong(List.of(), NOW)).isEmpty();
    }

    @Test
    void expired_tokens_are_removed() {
        SignInTokens tokens = ports().signInTokens();
        tokens.store("a".repeat(64), lynx, NOW.minusSeconds(1));
        tokens.store("c".repeat(64), lynx, NOW.plusSeconds(60));

        assertThat(tokens.removeExpired(NOW)).isEqualTo(1);
        assertThat(tokens.holder("c".repeat(64), NOW)).contains(lynx);
    }

    @Test
    void a_node_trusts_a_token_it_verified_for_a_moment_then_asks_the_store_again() {
        SignInService service = signIn(Duration.ofSeconds(5));
        String token = service.signIn(SignInCommand.of("lynx", "lynx-password")).token();
        assertThat(service.authenticate(token).id()).isEqualTo(lynx);

        // signed out through another node: gone from the store, still trusted here for the moment
        ports().signInTokens().revoke(SignInService.hashOf(token));
        clock.advance(Duration.ofMillis(4_999));
        assertThat(service.authenticate(token).id()).isEqualTo(lynx);

        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> service.authenticate(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void signing_out_on_this_node_ends_the_trust_at_once() {
        SignInService service = signIn(Duration.ofSeconds(5));
        String token = service.signIn(SignInCommand.of("lynx", "lynx-password")).token();
        service.authenticate(token);

        service.signOut(token);

        assertThatThrownBy(() -> service.authenticate(token)).isInstanceOf(Unauthenticated.class);
    }

    @Test
    void with_no_trust_every_request_asks_the_store() {
        SignInService service = signIn(Duration.ZERO);
        String token = service.signIn(SignInCommand.of("lynx", "lynx-password")).token();
        service.authenticate(token);

        ports().signInTokens().revoke(SignInService.hashOf(token));

        assertThatThrownBy(() -> service.authenticate(token)).isInstanceOf(Unauthenticated.class);
    }
}
