package dev.chatserver.application.contract;

import dev.chatserver.application.port.out.AccountRegistry;
import dev.chatserver.application.port.out.SignInTokens;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.account.NewUser;
import dev.chatserver.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

public abstract class SignInTokensContract extends StorageContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private UserId lynx;

    @BeforeEach
    void registerUser() {
        lynx = port(AccountRegistry.class).register(new NewUser(new Login("lynx"), "Lucid Lynx", ""), "h").id();
    }

    @Test
    void a_stored_token_names_its_holder_until_it_expires() {
        SignInTokens tokens = port(SignInTokens.class);
        tokens.store("a".repeat(64), lynx, NOW.plusSeconds(60));

        assertThat(tokens.holder("a".repeat(64), NOW)).contains(lynx);
        assertThat(tokens.holder("a".repeat(64), NOW.plusSeconds(60))).isEmpty();
        assertThat(tokens.holder("b".repeat(64), NOW)).isEmpty();
    }

    @Test
    void a_revoked_token_names_nobody() {
        SignInTokens tokens = port(SignInTokens.class);
        tokens.store("a".repeat(64), lynx, NOW.plusSeconds(60));
        tokens.store("c".repeat(64), lynx, NOW.plusSeconds(60));

        tokens.revoke("a".repeat(64));

        assertThat(tokens.holder("a".repeat(64), NOW)).isEmpty();
        assertThat(tokens.holder("c".repeat(64), NOW)).contains(lynx);
    }

    @Test
    void expired_tokens_are_removed() {
        SignInTokens tokens = port(SignInTokens.class);
        tokens.store("a".repeat(64), lynx, NOW.minusSeconds(1));
        tokens.store("c".repeat(64), lynx, NOW.plusSeconds(60));

        assertThat(tokens.removeExpired(NOW)).isEqualTo(1);
        assertThat(tokens.holder("c".repeat(64), NOW)).contains(lynx);
    }
}
