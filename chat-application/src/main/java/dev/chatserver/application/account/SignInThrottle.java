package dev.chatserver.application.account;

import dev.chatserver.application.port.out.SignInFailures;
import dev.chatserver.domain.account.FailureWindow;
import dev.chatserver.domain.account.Login;
import dev.chatserver.domain.problem.Throttled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts failed sign-ins per login from one client address, per client address and per login in the shared
 * {@link SignInFailures}, and refuses attempts, before any hashing, while any of the three has failed too often
 * within its window. A success forgets its login's failures from its address only: signing in to one's own account
 * must not reset a guesser's count, of the address or of the login from elsewhere.
 */
final class SignInThrottle {
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final String REFUSAL = "too many failed sign-ins; retry later";

    private final SignInFailures failures;
    private final SignInThrottling throttling;
    private final Clock clock;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

    SignInThrottle(SignInFailures failures, SignInThrottling throttling, Clock clock) {
        this.failures = failures;
        this.throttling = throttling;
        this.clock = clock;
    }

    /** {@link Throttled} while the login from this address, the address, or the login from anywhere has failed too often. */
    void refuseIfClosed(Login login, Optional<String> address) {
        Instant now = clock.instant();
        Optional<Instant> until = closedUntil(loginFromAddressSubject(login, address), throttling.perLoginFromAddress(), now);
        if (address.isPresent()) {
            until = latest(until, closedUntil(addressSubject(address.get()), throttling.perAddress(), now));
        }
        until = latest(until, closedUntil(loginSubject(login), throttling.perLogin(), now));
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, until.get()).plusMillis(999).toSeconds());
            throw new Throttled(Duration.ofSeconds(seconds), REFUSAL);
        }
    }

    void failed(Login login, Optional<String> address) {
        Instant now = clock.instant();
        failures.record(loginFromAddressSubject(login, address), now);
        address.ifPresent(a -> failures.record(addressSubject(a), now));
        failures.record(loginSubject(login), now);
        pruneNowAndThen(now);
    }

    void succeeded(Login login, Optional<String> address) {
        failures.forget(loginFromAddressSubject(login, address));
    }

    private Optional<Instant> closedUntil(String subject, FailureWindow window, Instant now) {
        return window.closedUntil(failures.recent(subject, window.start(now), window.maxFailures()), now);
    }

    private void pruneNowAndThen(Instant now) {
        Instant last = lastPrune.get();
        if (now.isAfter(last.plus(PRUNE_EVERY)) && lastPrune.compareAndSet(last, now)) {
            failures.removeUpTo(now.minus(throttling.longestWindow()));
        }
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }

    private static String loginSubject(Login login) {
        return "login:" + login.value();
    }

    private static String addressSubject(String address) {
        return "address:" + address;
    }

    /** A login has no blanks, so the first blank ends it; with no client address, the login alone. */
    private static String loginFromAddressSubject(Login login, Optional<String> address) {
        return "login-address:" + login.value() + address.map(a -> " " + a).orElse("");
    }
}
