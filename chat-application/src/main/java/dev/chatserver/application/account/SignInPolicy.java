package dev.chatserver.application.account;

import java.time.Duration;

/** How long a sign-in token stays valid. */
public record SignInPolicy(Duration tokenLifetime) {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

    public SignInPolicy {
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("a token lifetime is positive");
        }
    }
}
