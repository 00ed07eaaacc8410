package dev.chatserver.application.account;

import java.time.Duration;

/**
 * How long a sign-in token stays valid, and how long a node trusts a token it has verified before it asks the
 * store again (zero: every request asks).
 */
public record SignInPolicy(Duration tokenLifetime, Duration verifiedTokenTrust) {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    public static final Duration DEFAULT_TRUST = Duration.ofSeconds(5);

    public SignInPolicy {
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("a token lifetime is positive");
        }
        if (verifiedTokenTrust == null || verifiedTokenTrust.isNegative()) {
            throw new IllegalArgumentException("the trust in a verified token is zero or positive");
        }
    }

    public SignInPolicy(Duration tokenLifetime) {
        this(tokenLifetime, DEFAULT_TRUST);
    }
}
