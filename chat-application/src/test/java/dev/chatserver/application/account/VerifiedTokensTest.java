package dev.chatserver.application.account;

import dev.chatserver.application.contract.MutableClock;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.Partner;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private static final User LYNX = new User(UserId.of(1), new Login("lynx"), "Lucid Lynx", "",
            new Partner(PartnerId.of(11), "Lucid Lynx"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(5), clock);

    @Test
    void a_verified_token_is_trusted_until_its_trust_runs_out() {
        tokens.remember("a", LYNX);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(tokens.holderOf("a")).contains(LYNX);

        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.holderOf("a")).isEmpty();
        assertThat(tokens.size()).as("an outdated token is dropped when met").isZero();
    }

    @Test
    void a_check_that_began_before_a_sign_out_does_not_trust_the_token_again() {
        tokens.remember("a", LYNX);
        tokens.forget("a");
        tokens.remember("a", LYNX);

        assertThat(tokens.holderOf("a")).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        tokens.remember("a", LYNX);
        assertThat(tokens.holderOf("a")).as("verified again by the store after the sign-out's moment").contains(LYNX);
    }

    @Test
    void with_no_trust_nothing_is_remembered() {
        VerifiedTokens none = new VerifiedTokens(Duration.ZERO, clock);
        none.remember("a", LYNX);

        assertThat(none.holderOf("a")).isEmpty();
        assertThat(none.size()).isZero();
    }

    @Test
    void never_holds_more_than_its_bound() {
        for (int i = 1; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.remember("old-" + i, LYNX);
        }
        clock.advance(Duration.ofSeconds(3));
        tokens.remember("young", LYNX);
        clock.advance(Duration.ofSeconds(3));
        tokens.remember("latest", LYNX);
        assertThat(tokens.size()).as("full: the outdated ones go").isEqualTo(2);
        assertThat(tokens.holderOf("young")).contains(LYNX);

        for (int i = 2; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.remember("fresh-" + i, LYNX);
        }
        tokens.remember("one-too-many", LYNX);
        assertThat(tokens.size()).as("full of trusted tokens: all forgotten but the newest").isEqualTo(1);
        assertThat(tokens.holderOf("one-too-many")).contains(LYNX);
    }
}
