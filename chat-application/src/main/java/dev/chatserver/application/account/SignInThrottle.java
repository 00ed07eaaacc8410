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
 * Counts failed sign-ins per login and per client address in the shared {@link SignInFailures} and refuses
 * attempts, before any hashing, while either has failed too often within its window. A success forgets the login's
 * failures, not the address's: signing in to one's own account must not reset a guesser's count.
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

    /** {@link Throttled} while the login or the address has failed too often. */
    void refuseIfClosed(Login login, Optional<String> address) {
        Instant now = clock.instant();
        Optional<Instant> until = closedUntil(loginSubject(login), throttling.perLogin(), now);
        if (address.isPresent()) {
            Optional<Instant> byAddress = closedUntil(addressSubject(address.get()), throttling.perAddress(), now);
            until = latest(until, byAddress);
        }
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, until.get()).plusMillis(999).toSeconds());
            throw new Throttled(Duration.ofSeconds(seconds), REFUSAL);
        }
    }

    void failed(Login login, Optional<String> address) {
        Instant now = clock.instant();
        failures.record(loginSubject(login), now);
        address.ifPresent(a -> failures.record(addressSubject(a), now));
        pruneNowAndThen(now);
    }

    void succeeded(Login login) {
        failures.forget(loginSubject(login));
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
}
